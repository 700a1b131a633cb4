"""The capacity panel's betalingscapaciteit deducts only what URIW art. 15 allows (issue 8, item 3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from tests.factories import add_debtor, open_context, writing

from caseworker_app.db.models import Debtor, FinancialSituation

from caseworker_app.services import position

AS_OF = dt.date(2026, 11, 1)  # norms of 1-7-2026: A 1,419.46 -> kosten van bestaan 1,277.51


def situation(ctx, debtor_id: int, **kwargs: object) -> None:  # type: ignore[no-untyped-def]
    with writing(ctx) as session:
        session.add(
            FinancialSituation(
                debtor_id=debtor_id, peildatum=dt.date(2026, 10, 1), inkomen_maand=Decimal("2100.00"), **kwargs
            )
        )


def test_only_the_costs_uriw_15_allows_are_deducted(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    situation(
        ctx,
        debtor_id,
        woonlasten_maand=Decimal("750.00"),
        zorgpremie_maand=Decimal("160.00"),
        vaste_lasten_maand=Decimal("300.00"),
    )
    cap = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert cap is not None
    # 2,100 - 1,277.51 - (750 - 202.52 basishuur) - (160 - 47 normpremie) = 162.01; the 300 vaste lasten do not count
    assert cap.betalingscapaciteit == Decimal("162.01")
    final = next(s for s in cap.bc_explanation if s.description.startswith("Inkomen − kosten van bestaan"))
    assert final.value == "€ 2.100,00 − € 1.277,51 − € 660,48 = € 162,01"
    assert any("vaste lasten tellen niet mee" in s.description for s in cap.bc_explanation)


def test_the_aow_norm_and_the_kostendelers_norm_apply(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    situation(ctx, debtor_id)
    young = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert young is not None and young.betalingscapaciteit == Decimal("2100.00") - Decimal("1277.51")
    with writing(ctx) as session:
        debtor = session.scalars(select(Debtor).where(Debtor.id == debtor_id)).one()
        debtor.geboortedatum = dt.date(1955, 6, 1)  # AOW age reached on 1-10-2021
    old = position.get_position(ctx, debtor_id, AS_OF).capacity
    # 90% of the AOW norm 1,587.34 = 1,428.61
    assert old is not None and old.betalingscapaciteit == Decimal("2100.00") - Decimal("1428.61")
    with writing(ctx) as session:
        debtor = session.scalars(select(Debtor).where(Debtor.id == debtor_id)).one()
        debtor.geboortedatum = dt.date(1980, 5, 17)
        assert debtor.household is not None
        debtor.household.kostendelers = 1
    shared = position.get_position(ctx, debtor_id, AS_OF).capacity
    # kostendelersnorm: 50% of the gehuwdennorm 2,027.79 = 1,013.90; 90% = 912.51
    assert shared is not None and shared.betalingscapaciteit == Decimal("2100.00") - Decimal("912.51")
