from datetime import date
from decimal import Decimal

from caseworker_app.domain.measures import MeasureKind, effects_of
from caseworker_app.domain.rules.ladder import Contact, StepTaken
from caseworker_app.domain.rules.position import Booking, ClaimFacts, evaluate_claim, explain_claim
from caseworker_app.domain.rules.rente import rente_exact
from caseworker_app.domain.types import BookingKind, ClaimKind, EnforcementStep, Middel

D = Decimal
S = EnforcementStep
TODAY = date(2026, 11, 26)


def claim(**kwargs: object) -> ClaimFacts:
    base: dict[str, object] = {
        "kind": ClaimKind.AANSLAG,
        "middel": Middel.IB,
        "dagtekening": date(2026, 3, 1),
        "bedrag": D("1200.00"),
    }
    base.update(kwargs)
    return ClaimFacts(**base)  # type: ignore[arg-type]


def test_balance_with_payments_allocated_to_costs_first() -> None:
    facts = claim(
        bookings=(
            Booking(BookingKind.KOSTEN, D(19), date(2026, 5, 20)),
            Booking(BookingKind.BETALING, D(-119), date(2026, 6, 1)),
        ),
        steps=(StepTaken(S.AANMANING, date(2026, 5, 20)),),
    )
    ev = evaluate_claim(facts, TODAY)
    assert ev.uiterste_betaaldatum == date(2026, 4, 12)
    assert ev.open_costs == 0
    assert ev.open_principal == D(1100)
    assert ev.ledger_balance == D(1100)
    assert ev.paid == D(119)
    assert ev.late_payments == ((date(2026, 6, 1), D(100)),)


def test_rente_lopend_counts_late_payments_and_open_principal_minus_charged() -> None:
    facts = claim(
        bedrag=D("12000.00"),
        bookings=(
            Booking(BookingKind.BETALING, D(-6000), date(2026, 7, 1)),
            Booking(BookingKind.RENTE, D(5), date(2026, 7, 2)),
        ),
    )
    ev = evaluate_claim(facts, TODAY)
    due = ev.uiterste_betaaldatum
    expected = rente_exact(D(6000), due, date(2026, 7, 1)) + rente_exact(D(6000), due, TODAY)
    assert ev.rente_accrued == D(int(expected)) - 5
    assert ev.open_rente == D(5)


def test_nothing_happens_before_the_due_date() -> None:
    ev = evaluate_claim(claim(), date(2026, 4, 1))
    assert ev.rente_accrued == 0
    assert ev.next_step.step is S.AANMANING
    assert not ev.next_step.allowed
    assert "opeisbaar" in {g.naam for g in ev.next_step.blocking}


def test_ladder_aanmaning_then_dwangbevel_after_two_weeks() -> None:
    facts = claim(steps=(StepTaken(S.AANMANING, date(2026, 11, 20)),))
    ev = evaluate_claim(facts, TODAY)
    assert ev.enforcement_stage is S.AANMANING
    assert ev.next_step.step is S.DWANGBEVEL
    assert not ev.next_step.allowed
    assert ev.next_step.earliest == date(2026, 12, 5)
    assert evaluate_claim(facts, date(2026, 12, 5)).next_step.allowed


def test_no_next_step_during_uitstel_regeling_or_pause() -> None:
    base: dict[str, object] = {"steps": (StepTaken(S.AANMANING, date(2026, 6, 1)),)}
    extras: list[tuple[MeasureKind, str]] = [
        (MeasureKind.UITSTEL, "geen_uitstel"),
        (MeasureKind.BETALINGSREGELING, "geen_regeling"),
        (MeasureKind.INVORDERINGSPAUZE, "geen_pauze"),
        (MeasureKind.KWIJTSCHELDINGSVERZOEK, "geen_kwijtscheldingsverzoek"),
        (MeasureKind.GEEN_DWANG, "geen_dwang"),
        (MeasureKind.BUITEN_INVORDERING, "buiten_invordering"),
    ]
    for kind, guard in extras:
        extra = {"effects": effects_of(kind, date(2026, 11, 1), None)}
        ev = evaluate_claim(claim(**base, **extra), TODAY)
        assert not ev.next_step.allowed, extra
        assert guard in {g.naam for g in ev.next_step.blocking}


def test_vordering_needs_a_current_beslagvrije_voet() -> None:
    steps = (StepTaken(S.AANMANING, date(2026, 5, 1)), StepTaken(S.DWANGBEVEL, date(2026, 6, 1), per_post=False))
    spoken = {"contacten": (Contact(date(2026, 5, 20)),)}
    blocked = evaluate_claim(claim(steps=steps, **spoken), TODAY)
    assert blocked.next_step.step is S.VORDERING
    assert [g.naam for g in blocked.next_step.blocking] == ["bestaansminimum"]
    ok = evaluate_claim(claim(steps=steps, bvv_vastgesteld_op=date(2026, 10, 1), **spoken), TODAY)
    assert ok.next_step.allowed
    old = evaluate_claim(claim(steps=steps, bvv_vastgesteld_op=date(2025, 10, 1), **spoken), TODAY)
    assert not old.next_step.allowed


def test_post_betekend_dwangbevel_needs_a_hernieuwd_bevel_before_beslag() -> None:
    steps = (
        StepTaken(S.AANMANING, date(2026, 5, 1)),
        StepTaken(S.DWANGBEVEL, date(2026, 6, 1), per_post=True),
        StepTaken(S.VORDERING, date(2026, 7, 1)),
    )
    assert evaluate_claim(claim(steps=steps), TODAY).next_step.step is S.HERNIEUWD_BEVEL
    by_bailiff = (steps[0], StepTaken(S.DWANGBEVEL, date(2026, 6, 1), per_post=False), steps[2])
    assert evaluate_claim(claim(steps=by_bailiff), TODAY).next_step.step is S.BESLAG


def test_paid_claim_has_no_next_step() -> None:
    ev = evaluate_claim(claim(bookings=(Booking(BookingKind.BETALING, D(-1200), date(2026, 4, 1)),)), TODAY)
    assert ev.ledger_balance == 0 and ev.rente_accrued == 0
    assert not ev.next_step.allowed
    assert ev.kosten_volgende_stap is None


def test_verjaard_claim_is_not_enforced() -> None:
    facts = claim(dagtekening=date(2019, 1, 1))
    ev = evaluate_claim(facts, TODAY)
    assert ev.verjaard
    assert "niet_verjaard" in {g.naam for g in ev.next_step.blocking}


def test_verrekening_stuit_verjaring() -> None:
    facts = claim(dagtekening=date(2021, 1, 1), bookings=(Booking(BookingKind.VERREKENING, D(-100), date(2024, 3, 1)),))
    ev = evaluate_claim(facts, TODAY)
    assert ev.verjaringsdatum == date(2029, 3, 1)


def test_vermindering_lowers_the_principal() -> None:
    ev = evaluate_claim(claim(bookings=(Booking(BookingKind.VERMINDERING, D(-200), date(2026, 5, 1)),)), TODAY)
    assert ev.principal == D(1000) and ev.ledger_balance == D(1000)


def test_explanation_is_dutch_and_names_the_next_step() -> None:
    facts = claim(steps=(StepTaken(S.AANMANING, date(2026, 5, 20)),))
    steps = explain_claim(facts, TODAY)
    texts = [s.description for s in steps]
    assert any(t.startswith("Lopende invorderingsrente") for t in texts)
    assert any(t.startswith("Volgende stap") for t in texts)
    assert any(s.parameter == "invorderingsrente_percentage" for s in steps)


def test_waiting_period_after_a_refused_uitstel_or_kwijtschelding() -> None:
    base = {"steps": (StepTaken(S.AANMANING, date(2026, 6, 1)),)}
    ev = evaluate_claim(claim(**base, uitstel_afgewezen_op=date(2026, 11, 20)), TODAY)
    assert [g.naam for g in ev.next_step.blocking] == ["wachttijd"]
    assert "30-11-2026" in ev.next_step.blocking[0].reden  # 20 Nov + 10 days
    after = evaluate_claim(claim(**base, uitstel_afgewezen_op=date(2026, 11, 20)), date(2026, 12, 1))
    assert after.next_step.allowed
    later = evaluate_claim(claim(**base, kwijtschelding_afgewezen_op=date(2026, 11, 20)), date(2026, 12, 1))
    assert not later.next_step.allowed  # 14 days: until 4 December


def test_rente_over_the_last_payment_at_or_below_the_threshold_is_not_charged() -> None:
    # paid in full a month late: rente 1,200 x 4.3% x ~1 month is about 4 euro, under the 49 euro threshold of 2026
    paid_late = claim(bookings=(Booking(BookingKind.BETALING, D(-1200), date(2026, 5, 12)),))
    ev = evaluate_claim(paid_late, TODAY)
    assert ev.open_principal == 0
    assert ev.rente_accrued == 0
    # while principal is open nobody knows which payment is the last: the accrued rente is shown
    partly = claim(bookings=(Booking(BookingKind.BETALING, D(-1100), date(2026, 5, 12)),))
    assert evaluate_claim(partly, TODAY).rente_accrued > 0


def test_rente_over_a_large_last_payment_is_charged() -> None:
    big = claim(bedrag=D("50000.00"), bookings=(Booking(BookingKind.BETALING, D(-50000), date(2026, 10, 12)),))
    ev = evaluate_claim(big, TODAY)
    due = ev.uiterste_betaaldatum
    assert ev.rente_accrued == D(int(rente_exact(D(50000), due, date(2026, 10, 12))))
    assert ev.rente_accrued > 49


def test_the_threshold_is_explained_where_it_applied() -> None:
    paid_late = claim(bookings=(Booking(BookingKind.BETALING, D(-1200), date(2026, 5, 12)),))
    steps = explain_claim(paid_late, TODAY)
    threshold = [s for s in steps if s.parameter == "rente_drempel_laatste_betaling"]
    assert threshold and "€ 49,00" in threshold[0].description and "art. 33" in threshold[0].description
    assert threshold[0].value == "€ 0,00"


# ------------------------------------------------------------------ verjaring ends collection (issue 8 item 2)


def test_no_rente_accrues_after_the_verjaringsdatum() -> None:
    old = claim(bedrag=D("10000.00"), dagtekening=date(2019, 1, 1))  # due 12-02-2019, verjaard after 12-02-2024
    ev = evaluate_claim(old, TODAY)
    assert ev.verjaard and ev.verjaringsdatum == date(2024, 2, 12)
    due = ev.uiterste_betaaldatum
    assert ev.rente_accrued == D(int(rente_exact(D(10000), due, date(2024, 2, 13))))
    assert ev.rente_accrued == evaluate_claim(old, date(2030, 1, 1)).rente_accrued  # it no longer grows
    texts = [s.description for s in explain_claim(old, TODAY)]
    assert any("na de verjaringsdatum 12-02-2024 loopt geen rente meer" in t for t in texts)
    assert any(t.startswith("Verjaard na 12-02-2024: dit bedrag wordt niet meer ingevorderd") for t in texts)


# ------------------------------------------------------------------------ the rente threshold (issue 8 item 4)


def test_rente_that_would_not_be_charged_if_everything_were_paid_today_is_not_payable() -> None:
    # 1,200 open since 13-04-2026: about 35 euro of rente by 26-11-2026, under the 49 euro of 2026
    small = evaluate_claim(claim(), TODAY)
    assert small.open_principal == D(1200)
    assert small.rente_accrued == 0 and small.open == D(1200)
    assert small.rente_drempel == D(49)
    steps = explain_claim(claim(), TODAY)
    said = [s for s in steps if s.parameter == "rente_drempel_laatste_betaling"]
    assert said and said[0].description.startswith("Betaalt u vandaag alles, dan is dit de laatste betaling")
    # above the threshold the whole rente is shown
    big = evaluate_claim(claim(bedrag=D("12000.00")), TODAY)
    assert big.rente_accrued == D(int(rente_exact(D(12000), big.uiterste_betaaldatum, TODAY))) > 49
    assert big.rente_drempel is None
    # the threshold of the day of payment: 23 euro in 2025
    in_2025 = evaluate_claim(claim(dagtekening=date(2025, 3, 1), bedrag=D("600.00")), date(2025, 11, 1))
    assert in_2025.rente_drempel == 23
