"""Measures reach the position through the extensions, combined (issue 9); verjaard is not open (issue 8)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.factories import add_claim, add_debtor, open_context, writing

from caseworker_app.domain.measures import MeasureKind, effects_of
from caseworker_app.domain.types import EnforcementStep, Middel

from caseworker_app.db.models import EnforcementAction

from caseworker_app.services import position
from caseworker_app.services.context import Context

AS_OF = dt.date(2026, 11, 26)


@pytest.fixture
def two_extensions() -> dict[str, dict[int, position.ClaimStatus]]:
    """What two capabilities know, each one measure; filled in by the test, installed by :func:`install`."""
    return {"regelingen": {}, "maatwerk": {}}


def install(ctx: Context, known: dict[str, dict[int, position.ClaimStatus]]) -> None:
    for name in known:
        def extension(session: Any, debtor_id: int, as_of: dt.date, name: str = name) -> position.ExtensionFacts:
            return position.ExtensionFacts(claim_status=known[name])
        ctx.db.capabilities.add_position_extension(f"test-{name}", extension)


def test_a_regeling_and_a_pause_from_two_capabilities_keep_both(
    migrated_db_url: str, two_extensions: dict[str, dict[int, position.ClaimStatus]]
) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    claim_id = add_claim(ctx, debtor_id, amount="5000.00", dagtekening=dt.date(2025, 3, 1),
                         steps=((EnforcementStep.AANMANING, dt.date(2025, 5, 1), "22.00"),))
    two_extensions["regelingen"][claim_id] = position.ClaimStatus(
        effects=effects_of(MeasureKind.BETALINGSREGELING, dt.date(2026, 1, 5), None, measure_id=1))
    two_extensions["maatwerk"][claim_id] = position.ClaimStatus(
        effects=effects_of(MeasureKind.INVORDERINGSPAUZE, dt.date(2026, 11, 1), dt.date(2027, 1, 31),
                           onderdelen=("dwang", "rente"), measure_id=2))
    install(ctx, two_extensions)
    pos = position.get_position(ctx, debtor_id, AS_OF)
    claim = pos.claims[0]
    assert claim.under_regeling and claim.paused
    assert pos.totals.under_regeling == claim.open and pos.totals.paused == claim.open
    reasons = " ".join(claim.next_step.blocked_by)
    assert "betalingsregeling" in reasons and "Invorderingspauze" in reasons
    doc = position.position_to_json(pos, explain=True)
    assert doc["claims"][0]["under_regeling"] is True and doc["claims"][0]["paused"] is True
    lines = [s["description"] for s in doc["claims"][0]["explanation"]]
    assert any(line.startswith("Maatregel betalingsregeling") for line in lines)
    assert any(line.startswith("Maatregel invorderingspauze") for line in lines)


def test_the_yes_no_status_still_works(migrated_db_url: str,
                                       two_extensions: dict[str, dict[int, position.ClaimStatus]]) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    claim_id = add_claim(ctx, debtor_id, amount="5000.00", dagtekening=dt.date(2025, 3, 1))
    two_extensions["regelingen"][claim_id] = position.ClaimStatus(regeling=True)
    two_extensions["maatwerk"][claim_id] = position.ClaimStatus(paused=True)
    install(ctx, two_extensions)
    claim = position.get_position(ctx, debtor_id, AS_OF).claims[0]
    assert claim.under_regeling and claim.paused and not claim.next_step.allowed


def _ctx_with_old_and_new(url: str) -> tuple[Context, int]:
    ctx = open_context(url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, amount="900.00", dagtekening=dt.date(2019, 3, 1))  # verjaard since April 2024
    add_claim(ctx, debtor_id, amount="2500.00", dagtekening=dt.date(2026, 3, 1))
    return ctx, debtor_id


def test_what_is_verjaard_is_not_part_of_what_must_be_paid(migrated_db_url: str) -> None:
    ctx, debtor_id = _ctx_with_old_and_new(migrated_db_url)
    pos = position.get_position(ctx, debtor_id, AS_OF)
    old = next(c for c in pos.claims if c.dagtekening.year == 2019)
    new = next(c for c in pos.claims if c.dagtekening.year == 2026)
    assert old.verjaard and old.next_step.step is None and old.next_step.label == "Verjaard"
    assert pos.totals.open == new.open
    assert pos.totals.verjaard == old.open > Decimal("900.00")  # with the rente up to the verjaringsdatum
    assert pos.totals.open_claim_count == 1
    doc = position.position_to_json(pos, explain=False)
    assert doc["totals"]["verjaard"] == f"{old.open:.2f}"
    assert doc["totals"]["open"] == f"{new.open:.2f}"
    # rente stopped at the verjaringsdatum: a year later the verjaarde claim is the same amount
    later = position.get_position(ctx, debtor_id, AS_OF + dt.timedelta(days=365))
    assert next(c for c in later.claims if c.dagtekening.year == 2019).open == old.open


def test_a_step_recorded_as_not_stuitend_is_a_rung_that_does_not_stuit(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    claim_id = add_claim(ctx, debtor_id, amount="2500.00", dagtekening=dt.date(2022, 3, 1))
    with writing(ctx) as session:
        session.add(EnforcementAction(claim_id=claim_id, step=EnforcementStep.AANMANING,
                                      action_date=dt.date(2023, 1, 10), stuit=False, costs=Decimal(0),
                                      created_by=ctx.actor.login))
    claim = position.get_position(ctx, debtor_id, dt.date(2026, 6, 1)).claims[0]
    assert claim.enforcement_stage == "aanmaning" and claim.next_step.step == "dwangbevel"
    assert claim.verjaringsdatum == dt.date(2027, 4, 12) and not claim.gestuit


def test_the_letter_offers_no_standard_regeling_to_a_fraud_marked_debtor(migrated_db_url: str) -> None:
    from caseworker_app.db.models import Debtor

    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, middel=Middel.ZT,
              amount="2500.00", dagtekening=dt.date(2026, 3, 1))
    assert not position.schuldoverzicht_data(position.get_position(ctx, debtor_id, AS_OF)).fraude
    with writing(ctx) as session:
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        debtor.fraude_markering = True
    data = position.schuldoverzicht_data(position.get_position(ctx, debtor_id, AS_OF))
    assert data.fraude  # decided by domain.rules.regelingsroutes.open_routes: the standard regeling is closed


def test_each_total_is_explained_by_the_claims_that_make_it_up(migrated_db_url: str) -> None:
    """"How is this total made up?" lists the claims whose amounts add up to the total shown, verjaard included."""
    from caseworker_app.domain.money import format_eur

    ctx, debtor_id = _ctx_with_old_and_new(migrated_db_url)
    pos = position.get_position(ctx, debtor_id, AS_OF)
    for key, total in pos.totals.amounts().items():
        steps = position.explain_total(pos, key)
        parts = [Decimal(s.value.replace("€", "").strip().replace(".", "").replace(",", "."))
                 for s in steps[:-1] if s.value]
        assert steps[-1].value == format_eur(total) and sum(parts, Decimal(0)) == total, (key, steps)
    assert len(position.explain_total(pos, "verjaard")) == 2  # the old claim, then the total
