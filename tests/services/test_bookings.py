"""Verrekening, vermindering and an enforcement step through services: audited, refreshing, refused when wrong."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from caseworker_app.errors import PermissionDeniedError, ValidationError
from tests.factories import add_claim, add_debtor, login_as, open_context

from caseworker_app.domain.types import EnforcementStep, Middel, Role

from caseworker_app.db.models import AuditEntry

from caseworker_app.services import bookings, changes, position
from caseworker_app.services.context import Context

D = Decimal
TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def ctx(migrated_db_url: str) -> Context:
    return open_context(migrated_db_url)


def operations(ctx: Context) -> set[str]:
    with ctx.read() as session:
        return {op for op in session.execute(select(AuditEntry.operation)).scalars() if op}


def test_a_verrekening_is_allocated_like_a_payment_and_stuit_the_verjaring(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="300.00", dagtekening=dt.date(2026, 9, 1), reference="OUD")
    add_claim(ctx, debtor, middel=Middel.ZT, amount="500.00", dagtekening=dt.date(2026, 10, 1), reference="JONG")
    token = changes.change_token(ctx, debtor)
    result = bookings.record_verrekening(ctx, "111222333", "400", dt.date(2026, 10, 5), bron="teruggaaf IB 2025",
                                         today=TODAY)
    assert [(p.reference, p.hoofdsom) for p in result.parts] == [("OUD", D("300.00")), ("JONG", D("100.00"))]
    assert result.kind == "verrekening" and changes.change_token(ctx, debtor) != token
    pos = position.get_position(ctx, debtor, dt.date(2026, 10, 5))
    assert {c.reference: c.verrekend for c in pos.claims} == {"OUD": D("300.00"), "JONG": D("100.00")}
    assert all(c.gestuit for c in pos.claims)
    assert "verrekening.record" in operations(ctx)
    with pytest.raises(ValidationError, match="bron"):
        bookings.record_verrekening(ctx, "111222333", "10", dt.date(2026, 10, 5), bron="  ", today=TODAY)


def test_a_vermindering_lowers_the_aanslag_and_never_below_what_is_open(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="1000.00", dagtekening=dt.date(2026, 9, 1), reference="IB25",
              payments=((dt.date(2026, 9, 20), "200.00"),))
    result = bookings.record_vermindering(ctx, "ib25", "300,00", dt.date(2026, 10, 1), bron="bezwaar", today=TODAY)
    assert (result.reference, result.amount, result.open_after) == ("IB25", D("300.00"), D("500.00"))
    (claim,) = position.get_position(ctx, debtor, dt.date(2026, 10, 1)).claims
    assert claim.reduced == D("300.00") and claim.open == D("500.00")
    with pytest.raises(ValidationError, match="teruggaaf"):
        bookings.record_vermindering(ctx, "IB25", "500.01", dt.date(2026, 10, 1), today=TODAY)
    with pytest.raises(ValidationError, match="geen vordering"):
        bookings.record_vermindering(ctx, "ONBEKEND", "1", dt.date(2026, 10, 1), today=TODAY)
    assert "vermindering.record" in operations(ctx)


def test_the_next_step_is_recorded_with_its_costs_and_another_step_is_refused_with_the_reason(
    ctx: Context, migrated_db_url: str
) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="1000.00", dagtekening=dt.date(2025, 3, 1), reference="IB24")
    (before,) = position.get_position(ctx, debtor, TODAY).claims
    nxt = before.next_step
    assert nxt.step is not None and nxt.allowed
    with pytest.raises(ValidationError, match="de volgende stap op vordering IB24 is"):
        bookings.record_enforcement_step(ctx, "IB24", EnforcementStep.EXECUTIE, TODAY, today=TODAY)
    caseworker = login_as(ctx, migrated_db_url, "invorderaar", Role.CASEWORKER)
    with pytest.raises(PermissionDeniedError, match="invorderingsstap"):
        bookings.record_enforcement_step(caseworker, "IB24", nxt.step, TODAY, today=TODAY)
    bailiff = login_as(ctx, migrated_db_url, "deurwaarder", Role.BAILIFF)
    token = changes.change_token(ctx, debtor)
    done = bookings.record_enforcement_step(bailiff, "IB24", nxt.step, TODAY, notes="per post", today=TODAY)
    assert done.amount == (nxt.costs or D("0.00"))
    (after,) = position.get_position(ctx, debtor, TODAY).claims
    assert after.enforcement_stage == nxt.step and after.costs == before.costs + done.amount
    assert after.open == done.open_after and changes.change_token(ctx, debtor) != token
    assert "enforcement.record" in operations(ctx)
    with pytest.raises(ValidationError, match="stap"):
        bookings.record_enforcement_step(ctx, "IB24", "bestaat_niet", TODAY, today=TODAY)


def test_nothing_open_means_no_next_step(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="100.00", dagtekening=dt.date(2025, 3, 1), reference="BETAALD",
              payments=((dt.date(2025, 3, 10), "100.00"),))
    with pytest.raises(ValidationError, match="geen"):
        bookings.record_enforcement_step(ctx, "BETAALD", EnforcementStep.AANMANING, TODAY, today=TODAY)
