"""Correcting income, fixed costs and the household: validated, audited, dated, and reflected in the capacity."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from caseworker_app.errors import ConflictError, NotFoundError, ValidationError
from tests.factories import add_debtor, open_context

from caseworker_app.db.models import AuditEntry

from caseworker_app.services import capacity, position

AS_OF = dt.date(2026, 11, 26)


def test_a_recorded_situation_feeds_the_capacity_and_is_audited(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    capacity.record_financial_situation(ctx, debtor_id, {
        "peildatum": "01-09-2026", "inkomen_maand": "2.150,00", "inkomen_bron": "loon",
        "woonlasten_maand": "812,50", "zorgpremie_maand": "158",
    })
    first = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert first is not None and first.inkomen_maand == Decimal("2150.00") and first.peildatum == dt.date(2026, 9, 1)
    # a correction is a new record with the date of the new information; the old one stays
    capacity.record_financial_situation(ctx, debtor_id, {"peildatum": "2026-11-01", "inkomen_maand": "1400"})
    second = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert second is not None and second.inkomen_maand == Decimal("1400.00")
    assert second.beslagvrije_voet is not None and first.beslagvrije_voet is not None
    assert second.beslagvrije_voet <= first.beslagvrije_voet  # never more than 95% of a lower income
    earlier = position.get_position(ctx, debtor_id, dt.date(2026, 10, 1)).capacity
    assert earlier is not None and earlier.inkomen_maand == Decimal("2150.00")  # as it was known then
    with ctx.db.session_factory() as session:
        rows = session.execute(select(AuditEntry).where(AuditEntry.entity == "financial_situations")).scalars().all()
    assert len(rows) == 2 and all(r.actor == ctx.actor.login and r.action == "insert" for r in rows)
    assert rows[1].after is not None and rows[1].after["inkomen_maand"] == "1400.00"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"inkomen_maand": "1000"}, "peildatum"),
        ({"peildatum": "2026-10-01"}, "inkomen_maand"),
        ({"peildatum": "31-02-2026", "inkomen_maand": "1000"}, "peildatum"),
        ({"peildatum": "2999-01-01", "inkomen_maand": "1000"}, "peildatum"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "veel"}, "inkomen_maand"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "-5"}, "inkomen_maand"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "10.12345"}, "inkomen_maand"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "10", "salaris": "5"}, "salaris"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(migrated_db_url: str, values: dict[str, str],
                                                     field: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    with pytest.raises(ValidationError) as info:
        capacity.record_financial_situation(ctx, debtor_id, values)
    assert info.value.params["field"] == field
    assert position.get_position(ctx, debtor_id, AS_OF).capacity is None


def test_unknown_debtor(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    with pytest.raises(NotFoundError):
        capacity.record_financial_situation(ctx, 999, {"peildatum": "2026-10-01", "inkomen_maand": "10"})


def test_household_changes_move_the_norm_and_conflicts_are_caught(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    capacity.record_financial_situation(ctx, debtor_id, {"peildatum": "2026-10-01", "inkomen_maand": "3000",
                                                         "belastbaar_inkomen_jaar": "36000"})
    before = position.get_position(ctx, debtor_id, AS_OF)
    assert before.debtor.household is not None and before.capacity is not None
    version = capacity.update_household(ctx, debtor_id, None, {
        "leefsituatie": "gehuwd_met_kinderen", "aantal_kinderen": "2", "beschermd_bestaansminimum": True,
        "notes": "Partner ziek, huurachterstand",
    })
    after = position.get_position(ctx, debtor_id, AS_OF)
    assert after.capacity is not None and before.capacity.beslagvrije_voet is not None
    assert after.capacity.beslagvrije_voet is not None
    assert after.capacity.beslagvrije_voet > before.capacity.beslagvrije_voet  # a family needs more to live on
    assert "bestaansminimum" in {f.code for f in after.flags}
    # someone else's editor still shows the old version and sets other values
    with pytest.raises(ConflictError) as info:
        capacity.update_household(ctx, debtor_id, version - 1, {"aantal_kinderen": 1})
    assert [c.field for c in info.value.conflicts] == ["aantal_kinderen"]
    with pytest.raises(ValidationError) as bad:
        capacity.update_household(ctx, debtor_id, version, {"leefsituatie": "samenwonend"})
    assert "alleenstaande" in bad.value.message


def test_a_household_is_recorded_when_there_was_none(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    with pytest.raises(ValidationError):
        capacity.update_household(ctx, debtor_id, None, {"aantal_kinderen": 1})
    capacity.update_household(ctx, debtor_id, None, {"leefsituatie": "alleenstaande_ouder", "aantal_kinderen": 1})
    household = position.get_position(ctx, debtor_id, AS_OF).debtor.household
    assert household is not None and household.leefsituatie == "alleenstaande_ouder"
