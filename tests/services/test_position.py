"""The total debt position: every claim computed by the rules engine, totals that add up, on both backends."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, select

from caseworker_app.errors import NotFoundError, ValidationError
from tests.factories import add_claim, add_debtor, open_context, writing
from tests.oracles import ledger_sums

from caseworker_app.domain.measures import MeasureKind, effects_of
from caseworker_app.domain.rules import bvv as bvv_rules
from caseworker_app.domain.rules.position import evaluate_claim
from caseworker_app.domain.types import BookingKind, EnforcementStep, Leefsituatie, Middel

from caseworker_app.db.models import Booking, Debtor, FinancialSituation, Household

from caseworker_app.services import position
from caseworker_app.services.context import Context

AS_OF = dt.date(2026, 11, 26)
MONEY = re.compile(r"^-?\d+\.\d{2}$")


@pytest.fixture
def case(migrated_db_url: str) -> tuple[Context, int]:
    """A debtor with a tax claim (paid in part late, aanmaning with costs) and a toeslag claim (verrekend)."""
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, amount="1200.00", dagtekening=dt.date(2025, 3, 1),
              payments=((dt.date(2025, 6, 1), "200.00"),),
              steps=((EnforcementStep.AANMANING, dt.date(2025, 5, 1), "19.00"),))
    add_claim(ctx, debtor_id, middel=Middel.ZT, amount="800.00", dagtekening=dt.date(2025, 5, 1),
              verrekeningen=((dt.date(2025, 9, 1), "100.00"),))
    add_claim(ctx, debtor_id, amount="300.00", dagtekening=dt.date(2025, 1, 10),
              payments=((dt.date(2025, 2, 1), "300.00"),))  # paid on time: nothing open, no rente
    return ctx, debtor_id


def test_each_claim_adds_up_and_matches_the_ledger(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    ledger = ledger_sums(ctx, debtor_id)  # sums computed by the database
    assert len(pos.claims) == 3
    for claim in pos.claims:
        row = ledger[claim.reference]
        assert (claim.paid, claim.verrekend, claim.costs, claim.rente_booked) == (
            row.paid, row.verrekend, row.costs, row.rente_booked)
        # the open amount is the ledger balance plus the rente accrued and not yet booked
        assert claim.open == row.ledger_balance + claim.rente_accrued
        assert claim.original_amount - claim.reduced + claim.costs + claim.rente_booked + claim.rente_accrued \
            - claim.paid - claim.verrekend == claim.open
    paid_on_time = next(c for c in pos.claims if c.original_amount == Decimal("300.00"))
    assert paid_on_time.open == 0 and paid_on_time.rente_accrued == 0
    tax = next(c for c in pos.claims if c.original_amount == Decimal("1200.00"))
    assert tax.rente_accrued > 49  # a year and a half overdue: rente has accrued
    # 700 euro of toeslag open for 17 months: 43 euro of rente, which would not be charged if it were paid
    # today (URIW art. 33, 49 euro in 2026), so it is not shown as payable
    toeslag = next(c for c in pos.claims if c.original_amount == Decimal("800.00"))
    assert toeslag.open == Decimal("700.00") and toeslag.rente_accrued == 0


def test_claim_figures_come_from_the_rules_engine(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    for claim in pos.claims:
        assert claim.facts is not None
        ev = evaluate_claim(claim.facts, AS_OF)
        assert claim.rente_accrued == ev.rente_accrued
        assert claim.verjaringsdatum == ev.verjaringsdatum
        assert claim.next_step.step == (ev.next_step.step.value if ev.next_step.step else None)
    tax = next(c for c in pos.claims if c.original_amount == Decimal("1200.00"))
    assert tax.enforcement_stage == "aanmaning" and tax.enforcement_stage_date == dt.date(2025, 5, 1)
    assert tax.gestuit  # an aanmaning stuit verjaring
    assert tax.next_step.step == "dwangbevel"
    toeslag = next(c for c in pos.claims if c.middel == "zt")
    assert toeslag.gestuit  # so does a verrekening


def test_totals_are_the_sum_of_the_claims(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    t = pos.totals
    assert t.open == sum(c.open for c in pos.claims)
    assert t.open_belastingdienst == sum(c.open for c in pos.claims if c.creditor == "belastingdienst")
    assert t.open_toeslagen == sum(c.open for c in pos.claims if c.creditor == "toeslagen")
    assert t.open == t.open_belastingdienst + t.open_toeslagen
    assert t.costs == Decimal("19.00") and t.paid == Decimal("500.00") and t.verrekend == Decimal("100.00")
    assert t.rente_total == sum(c.rente_booked + c.rente_accrued for c in pos.claims)
    assert (t.claim_count, t.open_claim_count) == (3, 2)
    assert t.samenloop and "samenloop" in {f.code for f in pos.flags}


def test_rente_keeps_running_and_a_past_date_shows_the_past(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    now = position.get_position(ctx, debtor_id, AS_OF)
    later = position.get_position(ctx, debtor_id, AS_OF + dt.timedelta(days=365))
    assert later.totals.rente_accrued > now.totals.rente_accrued
    before_payment = position.get_position(ctx, debtor_id, dt.date(2025, 5, 20))
    # on 20 May 2025 the 200 payment (1 June) and the verrekening (1 September) had not happened yet
    assert before_payment.totals.paid == Decimal("300.00")
    assert before_payment.totals.verrekend == 0
    assert {c.middel for c in before_payment.claims} == {"ib", "zt"}


def test_a_few_queries_whatever_the_number_of_claims(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    small = add_debtor(ctx)
    add_claim(ctx, small, payments=((dt.date(2025, 6, 1), "10.00"),))
    big = add_debtor(ctx, bsn="123456782", achternaam="Bakker")
    for i in range(25):
        add_claim(ctx, big, amount=f"{100 + i}.00", payments=((dt.date(2025, 6, 1), "10.00"),),
                  steps=((EnforcementStep.AANMANING, dt.date(2025, 5, 1), "9.00"),))

    def count(debtor_id: int) -> int:
        statements: list[str] = []

        def on_execute(*args: Any) -> None:
            statements.append(args[2])

        event.listen(ctx.db.engine, "before_cursor_execute", on_execute)
        try:
            position.get_position(ctx, debtor_id, AS_OF)
        finally:
            event.remove(ctx.db.engine, "before_cursor_execute", on_execute)
        return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))

    # 7 of the position's own, and what the installed capabilities add per debtor, never per claim: each gets a
    # budget here, so a capability that starts querying per claim (or a new query) is a decision, not an accident
    per_capability = {
        "payments": 1,  # payments with their allocations summed
        "contacts": 5,  # contacts, flags, tasks, planned visits, visit reports
        "maatwerk": 1,  # measures with their claims
    }
    installed = set(ctx.db.capabilities.names()["position_extensions"])
    unbudgeted = installed - set(per_capability)
    assert not unbudgeted, f"give the new capability a query budget: {unbudgeted}"
    assert count(big) == count(small) <= 7 + sum(per_capability[name] for name in installed)


def test_flags_that_change_how_the_case_is_treated(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id)
    with writing(ctx) as session:
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None and debtor.household is not None
        debtor.fraude_markering = True
        debtor.land = "BE"
        debtor.household.beschermd_bestaansminimum = True
        debtor.household.notes = "Kostendeler vertrokken, huur achterstand"
    pos = position.get_position(ctx, debtor_id, AS_OF)
    codes = {f.code: f for f in pos.flags}
    assert {"fraude", "bestaansminimum", "buitenland"} <= set(codes)
    assert "huur achterstand" in codes["bestaansminimum"].detail
    assert "samenloop" not in codes  # only tax debt


def test_verjaring_near_and_past_are_flagged(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, dagtekening=dt.date(2021, 3, 1))  # due April 2021: verjaart April 2026
    add_claim(ctx, debtor_id, dagtekening=dt.date(2021, 11, 1))  # due December 2021: verjaart December 2026
    pos = position.get_position(ctx, debtor_id, AS_OF)
    codes = {f.code for f in pos.flags}
    assert {"verjaard", "verjaring_nadert"} <= codes
    gone = [c for c in pos.claims if c.verjaard]
    assert len(gone) == 1 and gone[0].next_step.allowed is False


def test_unknown_debtor_and_bad_bsn_get_clear_messages(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    with pytest.raises(NotFoundError) as info:
        position.get_position(ctx, 4242, AS_OF)
    assert "bestaat niet" in info.value.message
    with pytest.raises(ValidationError) as bad:
        position.get_position_by_bsn(ctx, "123456789", AS_OF)
    assert "geen geldig BSN" in bad.value.message
    with pytest.raises(NotFoundError):
        position.get_position_by_bsn(ctx, "999993653", AS_OF)


def test_a_debtor_without_claims_has_an_empty_position(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    pos = position.get_position(ctx, debtor_id, AS_OF)
    assert pos.claims == () and pos.totals.open == 0 and pos.timeline == () and pos.monthly_balance == ()
    assert pos.capacity is None and pos.flags == ()
    doc = position.position_to_json(pos)
    assert doc["totals"]["open"] == "0.00" and doc["claims"] == []


def test_timeline_has_everything_newest_first(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    kinds = {e.kind for e in pos.timeline}
    assert {"vordering", "betaling", "verrekening", "kosten", "invordering"} <= kinds
    assert kinds <= set(position.TIMELINE_KINDS)
    days = [e.day for e in pos.timeline]
    assert days == sorted(days, reverse=True)
    assert sum(1 for e in pos.timeline if e.kind == "vordering") == 3  # one per claim, the aanslag booking folded in
    payment = next(e for e in pos.timeline if e.kind == "betaling" and e.day == dt.date(2025, 6, 1))
    assert payment.amount == Decimal("-200.00") and payment.claim_reference


def test_monthly_balance_follows_the_ledger(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    months = pos.monthly_balance
    assert months[0].month == dt.date(2025, 1, 1) and months[-1].month == dt.date(2026, 11, 1)
    assert len(months) == 23  # every month, also the quiet ones
    last = months[-1]
    ledger_open = pos.totals.open - pos.totals.rente_accrued  # the chart shows booked amounts only
    assert last.total == ledger_open
    assert last.toeslagen == pos.totals.open_toeslagen - sum(
        c.rente_accrued for c in pos.claims if c.creditor == "toeslagen")
    may = next(m for m in months if m.month == dt.date(2025, 5, 1))
    assert may.belastingdienst == Decimal("1219.00")  # 1200 + 19 aanmaningskosten; the 300 claim was paid


def test_capacity_from_the_recorded_situation(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id)
    assert position.get_position(ctx, debtor_id, AS_OF).capacity is None
    with writing(ctx) as session:
        session.add(FinancialSituation(debtor_id=debtor_id, peildatum=dt.date(2026, 10, 1),
                                       inkomen_maand=Decimal("2100.00"), inkomen_bron="loon",
                                       woonlasten_maand=Decimal("750.00"), zorgpremie_maand=Decimal("160.00")))
    cap = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert cap is not None and cap.peildatum == dt.date(2026, 10, 1)
    expected = bvv_rules.beslagvrije_voet(peildatum=dt.date(2026, 10, 1), leefsituatie=Leefsituatie.ALLEENSTAANDE,
                                          inkomen_maand=Decimal("2100.00"))
    assert cap.beslagvrije_voet == expected.result.beslagvrije_voet
    assert cap.betalingscapaciteit is not None and cap.betalingscapaciteit >= 0
    assert cap.bvv_geldig_tot == dt.date(2027, 10, 1)
    assert cap.bvv_explanation and cap.bc_explanation


def test_capacity_needs_a_household(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    with writing(ctx) as session:
        session.add(FinancialSituation(debtor_id=debtor_id, peildatum=dt.date(2026, 10, 1),
                                       inkomen_maand=Decimal("1500.00")))
    cap = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert cap is not None and cap.beslagvrije_voet is None and "huishouden" in cap.note


def test_json_has_strings_for_money_and_iso_dates(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    doc = json.loads(json.dumps(position.position_to_json(pos)))  # plain JSON types only
    assert doc["as_of"] == "2026-11-26"
    assert set(doc) >= {"debtor", "as_of", "flags", "totals", "claims", "timeline", "monthly_balance", "capacity"}
    for key, value in pos.totals.amounts().items():
        assert doc["totals"][key] == f"{value:.2f}"
        assert MONEY.match(doc["totals"][key])
    for claim in doc["claims"]:
        for key in ("original_amount", "paid", "verrekend", "costs", "rente_booked", "rente_accrued", "open"):
            assert isinstance(claim[key], str) and MONEY.match(claim[key]), (key, claim[key])
        dt.date.fromisoformat(claim["verjaringsdatum"])
        assert isinstance(claim["gestuit"], bool)
        assert claim["explanation"] and all("description" in step for step in claim["explanation"])
    assert doc["debtor"]["bsn"] == "111222333" and doc["debtor"]["name"] == "Jan Jansen"
    no_explanation = position.position_to_json(pos, explain=False)
    assert all("explanation" not in c for c in no_explanation["claims"])


def test_every_amount_can_be_explained(case: tuple[Context, int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    tax = next(c for c in pos.claims if c.original_amount == Decimal("1200.00"))
    steps = position.explain_claim(pos, tax.id)
    text = " | ".join(s.render() for s in steps)
    assert "nog te betalen" in text.lower() and "rente" in text.lower()
    assert any(s.parameter == "invorderingsrente_percentage" for s in steps)  # which figure, from which source
    total_steps = position.explain_total(pos, "open")
    assert len(total_steps) == 3  # two open claims and the total line
    with pytest.raises(NotFoundError):
        position.explain_claim(pos, 999999)


@pytest.fixture
def regeling_extension(case: tuple[Context, int]) -> list[int]:
    """A stand-in for the betalingsregeling capability: puts the claims in ``ids`` under a regeling."""
    ids: list[int] = []

    def extension(session: Any, debtor_id: int, as_of: dt.date) -> position.ExtensionFacts:
        return position.ExtensionFacts(
            flags=(position.Flag("regeling", "Lopende betalingsregeling", "24 termijnen"),),
            claim_status={i: position.ClaimStatus(regeling=True) for i in ids},
            timeline=(position.TimelineEvent(dt.date(2026, 1, 5), "regeling", "Betalingsregeling afgesproken"),),
            sections={"regelingen": [{"start": dt.date(2026, 1, 5), "termijn": Decimal("50")}]},
        )

    ctx, _debtor_id = case
    ctx.db.capabilities.add_position_extension("test-regeling", extension)
    ctx.db.capabilities.add_timeline_kind("regeling", "Betalingsregelingen")
    return ids


def test_later_capabilities_add_their_facts(case: tuple[Context, int], regeling_extension: list[int]) -> None:
    ctx, debtor_id = case
    pos = position.get_position(ctx, debtor_id, AS_OF)
    tax = next(c for c in pos.claims if c.original_amount == Decimal("1200.00"))
    regeling_extension.append(tax.id)
    pos = position.get_position(ctx, debtor_id, AS_OF)
    tax = next(c for c in pos.claims if c.id == tax.id)
    assert tax.under_regeling and pos.totals.under_regeling == tax.open
    assert not tax.next_step.allowed and any("betalingsregeling" in r for r in tax.next_step.blocked_by)
    assert "regeling" in {f.code for f in pos.flags}
    assert any(e.kind == "regeling" for e in pos.timeline)
    assert pos.timeline_kinds["regeling"] == "Betalingsregelingen" and pos.timeline_kinds["betaling"] == "Betalingen"
    doc = position.position_to_json(pos, explain=False)
    assert doc["regelingen"] == [{"start": "2026-01-05", "termijn": "50.00"}]
    assert doc["totals"]["under_regeling"] == f"{tax.open:.2f}"


def test_corrections_and_reductions_are_shown(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    claim_id = add_claim(ctx, debtor_id, amount="1000.00", dagtekening=dt.date(2026, 9, 1))
    with writing(ctx) as session:
        session.add(Booking(claim_id=claim_id, kind=BookingKind.VERMINDERING, amount=Decimal("-250.00"),
                            booking_date=dt.date(2026, 10, 1), description="uitspraak op bezwaar",
                            created_by=ctx.actor.login))
    pos = position.get_position(ctx, debtor_id, AS_OF)
    (claim,) = pos.claims
    assert claim.reduced == Decimal("250.00") and claim.open == Decimal("750.00") + claim.rente_accrued
    assert any(e.kind == "vermindering" and "bezwaar" in e.detail for e in pos.timeline)


def test_position_survives_household_members(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    first = add_debtor(ctx)
    second = add_debtor(ctx, bsn="123456782", voornamen="Els", achternaam="Jansen", leefsituatie=None)
    with writing(ctx) as session:
        household_id = session.execute(select(Debtor.household_id).where(Debtor.id == first)).scalar_one()
        other = session.get(Debtor, second)
        assert other is not None
        other.household_id = household_id
        household = session.get(Household, household_id)
        assert household is not None
        household.leefsituatie = Leefsituatie.GEHUWD_ZONDER_KINDEREN
    pos = position.get_position(ctx, first, AS_OF)
    assert pos.debtor.household is not None
    assert [name for _id, name in pos.debtor.household.members] == ["Els Jansen"]


def test_a_claim_the_rules_cannot_evaluate_still_shows_its_ledger(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    # the rente table starts in 2013: a claim due in 1985 cannot get its rente computed
    add_claim(ctx, debtor_id, amount="500.00", dagtekening=dt.date(1985, 3, 1),
              payments=((dt.date(1986, 1, 1), "100.00"),))
    # large enough that its rente exceeds the URIW art. 33 threshold and is payable
    add_claim(ctx, debtor_id, amount="1700.00", dagtekening=dt.date(2025, 3, 1))
    pos = position.get_position(ctx, debtor_id, AS_OF)
    old = next(c for c in pos.claims if c.dagtekening.year == 1985)
    assert old.calculation_error and "ontbreekt het cijfer" in old.calculation_error
    assert old.open == Decimal("400.00") and old.paid == Decimal("100.00") and old.rente_accrued == 0
    assert old.verjaringsdatum is None and not old.next_step.allowed
    good = next(c for c in pos.claims if c.dagtekening.year == 2025)
    assert good.calculation_error is None and good.rente_accrued > 0
    assert pos.totals.open == old.open + good.open
    flag = next(f for f in pos.flags if f.code == "berekening_onvolledig")
    assert old.reference in flag.detail
    doc = position.position_to_json(pos)
    assert next(c for c in doc["claims"] if c["reference"] == old.reference)["verjaringsdatum"] is None


def test_capacity_without_figures_for_the_date_says_why(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    with writing(ctx) as session:
        session.add(FinancialSituation(debtor_id=debtor_id, peildatum=dt.date(2001, 1, 1),
                                       inkomen_maand=Decimal("1500.00"), belastbaar_inkomen_jaar=Decimal("20000")))
    cap = position.get_position(ctx, debtor_id, dt.date(2020, 6, 1)).capacity  # no norms before 1-1-2021 shipped
    assert cap is not None and cap.beslagvrije_voet is None and "ontbreekt het cijfer" in cap.note


def test_capacity_uses_todays_figures_and_flags_old_information(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    with writing(ctx) as session:
        session.add(FinancialSituation(debtor_id=debtor_id, peildatum=dt.date(2024, 3, 1),
                                       inkomen_maand=Decimal("1200.00"), belastbaar_inkomen_jaar=Decimal("15000")))
    cap = position.get_position(ctx, debtor_id, dt.date(2026, 3, 1)).capacity
    # 95% of the income (below 95% of the 2026 norm): computed with 2026 figures although the data is from 2024
    assert cap is not None and cap.beslagvrije_voet == Decimal("1140.00")
    assert cap.bvv_geldig_tot is not None and cap.bvv_geldig_tot < dt.date(2026, 3, 1)
    assert "ouder dan twaalf maanden" in cap.note


def test_a_connection_lost_mid_load_is_a_storage_error_and_a_retry_works(migrated_pg_url: str) -> None:
    from sqlalchemy import text

    from caseworker_app.errors import StorageError

    ctx = open_context(migrated_pg_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id)

    dropped: list[bool] = []

    def drop_the_connection(session: Any, _debtor_id: int, _as_of: dt.date) -> position.ExtensionFacts:
        # the server ends this very connection halfway through the first load (a restart, a network cut)
        if not dropped:
            dropped.append(True)
            session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        return position.ExtensionFacts()

    ctx.db.capabilities.add_position_extension("test-drop", drop_the_connection)
    with pytest.raises(StorageError) as info:
        position.get_position(ctx, debtor_id, AS_OF)
    assert info.value.message.startswith(("De database", "Het databasebestand"))
    # the broken connection was discarded: the user's retry simply works
    assert position.get_position(ctx, debtor_id, AS_OF).totals.claim_count == 1


def test_a_regeling_and_a_pause_on_one_claim_keep_both(case: tuple[Context, int]) -> None:
    """Two capabilities with facts about the same claim: they combine, the second never overwrites the first."""
    ctx, debtor_id = case
    tax = next(c for c in position.get_position(ctx, debtor_id, AS_OF).claims if c.original_amount == 1200)
    regeling = position.ClaimStatus(
        effects=effects_of(MeasureKind.BETALINGSREGELING, dt.date(2026, 1, 5), dt.date(2027, 1, 4)))
    pause = position.ClaimStatus(
        effects=effects_of(MeasureKind.INVORDERINGSPAUZE, dt.date(2026, 11, 1), dt.date(2026, 12, 31)))
    ctx.db.capabilities.add_position_extension(
        "test-regeling", lambda *_: position.ExtensionFacts(claim_status={tax.id: regeling}))
    ctx.db.capabilities.add_position_extension(
        "test-pauze", lambda *_: position.ExtensionFacts(claim_status={tax.id: pause}))
    pos = position.get_position(ctx, debtor_id, AS_OF)
    claim = next(c for c in pos.claims if c.id == tax.id)
    assert (claim.under_regeling, claim.paused) == (True, True)
    assert claim.facts is not None  # both measures' effects reach the rules engine
    assert {e.kind for e in claim.facts.effects} == {MeasureKind.BETALINGSREGELING, MeasureKind.INVORDERINGSPAUZE}
    reasons = " ".join(claim.next_step.blocked_by)
    assert "betalingsregeling" in reasons and "pauze" in reasons
    assert pos.totals.under_regeling == pos.totals.paused == claim.open
    doc = position.claim_to_json(claim, pos.as_of, explain=False)
    assert (doc["under_regeling"], doc["paused"]) == (True, True)
