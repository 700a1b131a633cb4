"""Measures with effects (issue 9): what each measure does to a claim's figures, guards and advice."""

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest

from caseworker_app.errors import ValidationError

from caseworker_app.domain.measures import (
    ClaimEffect,
    Effect,
    MeasureKind,
    bvv_verhoging,
    effects_of,
    flag_effects,
    verrekening_ruimte,
)
from caseworker_app.domain.rules.ladder import Contact, StepTaken
from caseworker_app.domain.rules.position import Booking, ClaimFacts, evaluate_claim, explain_claim
from caseworker_app.domain.rules.rente import rente_exact
from caseworker_app.domain.types import BookingKind, ClaimKind, EnforcementStep, Middel, label

D = Decimal
S = EnforcementStep
K = MeasureKind
TODAY = date(2026, 11, 26)
AANMANING = (StepTaken(S.AANMANING, date(2026, 6, 1)),)


def claim(**kwargs: object) -> ClaimFacts:
    base: dict[str, object] = {
        "kind": ClaimKind.AANSLAG,
        "middel": Middel.IB,
        "dagtekening": date(2026, 1, 5),  # due 16-02-2026
        "bedrag": D("20000.00"),
    }
    base.update(kwargs)
    return ClaimFacts(**base)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- effects_of


def test_a_pause_has_four_switches_and_each_can_be_chosen() -> None:
    everything = effects_of(K.INVORDERINGSPAUZE, date(2026, 6, 1), date(2026, 8, 31), measure_id=3)
    assert {e.effect for e in everything} == {Effect.GEEN_DWANG, Effect.GEEN_CONTACT, Effect.GEEN_RENTE,
                                              Effect.GEEN_KOSTEN}
    assert all(e.kind is K.INVORDERINGSPAUZE and e.measure_id == 3 for e in everything)
    only = effects_of(K.INVORDERINGSPAUZE, date(2026, 6, 1), None, onderdelen=["dwang", "rente"])
    assert [e.effect for e in only] == [Effect.GEEN_DWANG, Effect.GEEN_RENTE]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "vakantie"}, "soort"),
        ({"kind": K.INVORDERINGSPAUZE, "onderdelen": ["dwang", "koffie"]}, "onderdelen"),
        ({"kind": K.INVORDERINGSPAUZE, "onderdelen": []}, "onderdelen"),
        ({"kind": K.GEEN_DWANG, "onderdelen": ["dwang"]}, "onderdelen"),
        ({"kind": K.GEEN_DWANG, "tot": date(2026, 1, 1)}, "tot"),
        ({"kind": K.BVV_VERHOGING}, "bedrag"),
        ({"kind": K.UITSTEL, "amount": D(10)}, "bedrag"),
        ({"kind": K.KOSTEN_VERMINDERING, "amount": D(-1)}, "bedrag"),
    ],
)
def test_wrong_measures_are_refused_with_a_dutch_reason(kwargs: dict[str, object], field: str) -> None:
    kind = kwargs.pop("kind")
    tot = kwargs.pop("tot", None)
    with pytest.raises(ValidationError) as err:
        effects_of(kind, date(2026, 6, 1), tot, **kwargs)  # type: ignore[arg-type]
    assert err.value.params["field"] == field
    assert "Het veld" in err.value.message


def test_measure_kinds_have_dutch_labels() -> None:
    assert label(K.BUITEN_INVORDERING) == "buiten invordering"
    assert all(label(kind) != kind.value or " " not in kind.value for kind in K)


# ---------------------------------------------------------------------------------------- combining


def test_a_regeling_and_a_pause_on_one_claim_keep_both() -> None:
    effects = (
        *effects_of(K.BETALINGSREGELING, date(2026, 3, 1), None, measure_id=1),
        *effects_of(K.INVORDERINGSPAUZE, date(2026, 10, 1), date(2026, 12, 31), measure_id=2),
    )
    ev = evaluate_claim(claim(steps=AANMANING, effects=effects), TODAY)
    assert ev.under_regeling and ev.paused
    blocking = {g.naam for g in ev.next_step.blocking}
    assert {"geen_regeling", "geen_pauze"} <= blocking
    # in either order
    flipped = evaluate_claim(claim(steps=AANMANING, effects=effects[::-1]), TODAY)
    assert flipped.under_regeling and flipped.paused


def test_an_ended_measure_no_longer_holds_the_ladder() -> None:
    ended = effects_of(K.GEEN_DWANG, date(2026, 6, 1), date(2026, 9, 30))
    ev = evaluate_claim(claim(steps=AANMANING, effects=ended), TODAY)
    assert ev.next_step.allowed
    assert not ev.active_effects


# ------------------------------------------------------------------------------------------------ rente


def test_no_rente_accrues_on_the_days_of_a_pause_with_the_rente_switch() -> None:
    plain = evaluate_claim(claim(), TODAY)
    pause = effects_of(K.INVORDERINGSPAUZE, date(2026, 6, 1), date(2026, 7, 31), onderdelen=["rente"])
    paused = evaluate_claim(claim(effects=pause), TODAY)
    due = plain.uiterste_betaaldatum
    # exactly the rente over 1 June t/m 31 July is left out: by period, not all or nothing
    without = rente_exact(D(20000), due, TODAY) - (
        rente_exact(D(20000), due, date(2026, 8, 1)) - rente_exact(D(20000), due, date(2026, 6, 1))
    )
    assert paused.rente_accrued == D(int(without))
    assert 0 < paused.rente_accrued < plain.rente_accrued
    assert not paused.next_step.blocking or "geen_pauze" not in {g.naam for g in paused.next_step.blocking}
    texts = [s.description for s in explain_claim(claim(effects=pause), TODAY)]
    assert any("dagen zonder rente door een maatregel" in t for t in texts)


def test_a_pause_without_the_rente_switch_leaves_the_rente_alone() -> None:
    pause = effects_of(K.INVORDERINGSPAUZE, date(2026, 6, 1), None, onderdelen=["dwang"])
    assert evaluate_claim(claim(effects=pause), TODAY).rente_accrued == evaluate_claim(claim(), TODAY).rente_accrued


def test_rente_vermindering_of_everything_and_of_an_amount() -> None:
    booked = (Booking(BookingKind.RENTE, D(40), date(2026, 5, 1)),)
    plain = evaluate_claim(claim(bookings=booked), TODAY)
    everything = evaluate_claim(
        claim(bookings=booked, effects=effects_of(K.RENTE_VERMINDERING, date(2026, 11, 1), None)), TODAY
    )
    assert everything.rente_accrued == 0 and everything.waived_rente == D(40)
    assert everything.open == D(20000)
    some = evaluate_claim(
        claim(bookings=booked, effects=effects_of(K.RENTE_VERMINDERING, date(2026, 11, 1), None, amount=D(100))),
        TODAY,
    )
    assert some.open == plain.open - 100
    assert some.waived_rente_accrued == 100


# ------------------------------------------------------------------------------------------------ costs


def test_costs_booked_during_a_pause_with_the_kosten_switch_are_not_charged() -> None:
    bookings = (
        Booking(BookingKind.KOSTEN, D(22), date(2026, 6, 1)),  # aanmaning before the pause: charged
        Booking(BookingKind.KOSTEN, D(56), date(2026, 10, 15)),  # dwangbevel during the pause: not charged
    )
    pause = effects_of(K.INVORDERINGSPAUZE, date(2026, 10, 1), None, onderdelen=["kosten"])
    ev = evaluate_claim(claim(bookings=bookings, steps=AANMANING, effects=pause), TODAY)
    assert ev.costs == D(78) and ev.waived_costs == D(56) and ev.open_costs == D(22)
    assert ev.open == ev.ledger_balance - 56 + ev.rente_accrued
    assert ev.kosten_volgende_stap == 0  # the next step during the pause brings no new costs
    without = evaluate_claim(claim(bookings=bookings, steps=AANMANING), TODAY)
    assert without.kosten_volgende_stap and without.kosten_volgende_stap > 0


def test_kosten_vermindering_up_to_an_amount_and_of_everything() -> None:
    bookings = (
        Booking(BookingKind.KOSTEN, D(22), date(2026, 6, 1)),
        Booking(BookingKind.KOSTEN, D(56), date(2026, 7, 1)),
    )
    some = evaluate_claim(
        claim(bookings=bookings, effects=effects_of(K.KOSTEN_VERMINDERING, date(2026, 8, 1), None, amount=D(30))), TODAY
    )
    assert some.waived_costs == D(30) and some.open_costs == D(48)
    every = evaluate_claim(claim(bookings=bookings, effects=effects_of(K.KOSTEN_VERMINDERING, date(2026, 8, 1))), TODAY)
    assert every.waived_costs == D(78) and every.open_costs == 0
    # a payment then goes to the aanslag, not to costs that are not owed
    paid = evaluate_claim(
        claim(bookings=(*bookings, Booking(BookingKind.BETALING, D(-100), date(2026, 9, 1))),
              effects=effects_of(K.KOSTEN_VERMINDERING, date(2026, 8, 1))), TODAY
    )
    assert paid.open_principal == D(19900)


def test_a_waiver_that_has_not_started_waives_nothing() -> None:
    bookings = (Booking(BookingKind.KOSTEN, D(22), date(2026, 6, 1)),)
    future = effects_of(K.KOSTEN_VERMINDERING, date(2027, 1, 1))
    assert evaluate_claim(claim(bookings=bookings, effects=future), TODAY).waived_costs == 0


# ---------------------------------------------------------------------------------------------- verjaring


def test_a_betalingsregeling_is_uitstel_and_extends_the_verjaring_by_its_duration() -> None:
    old = claim(dagtekening=date(2021, 1, 4))  # due 15-02-2021, verjaart 15-02-2026
    plain = evaluate_claim(old, date(2025, 1, 1))
    regeling = effects_of(K.BETALINGSREGELING, date(2024, 1, 1), date(2024, 12, 31))
    ev = evaluate_claim(_with(old, regeling), date(2025, 1, 1))
    assert ev.verjaringsdatum == plain.verjaringsdatum + timedelta(days=366)  # 2024 is a leap year
    texts = [s.description for s in explain_claim(_with(old, regeling), date(2025, 1, 1))]
    assert any("betalingsregeling is ook uitstel" in t for t in texts)


def test_a_regeling_known_only_as_a_flag_blocks_the_ladder_but_extends_nothing() -> None:
    flagged = evaluate_claim(claim(steps=AANMANING, effects=flag_effects(K.BETALINGSREGELING, TODAY)), TODAY)
    assert flagged.under_regeling
    assert "geen_regeling" in {g.naam for g in flagged.next_step.blocking}
    assert flagged.verjaringsdatum == evaluate_claim(claim(steps=AANMANING), TODAY).verjaringsdatum


# ---------------------------------------------------------------------------------------------- stuiting


def test_niet_stuiten_and_the_exception_stuiten_with_a_reason() -> None:
    # an aanmaning of 10-01-2022 stuitte: the claim verjaart on 10-01-2027, inside the six-month window
    steps = (StepTaken(S.AANMANING, date(2022, 1, 10)),)
    toeslag = claim(kind=ClaimKind.TERUGVORDERING, middel=Middel.ZT, dagtekening=date(2021, 8, 1), steps=steps)
    assert evaluate_claim(toeslag, TODAY).verjaringsdatum == date(2027, 1, 10)
    assert not evaluate_claim(toeslag, TODAY).stuiten  # Toeslagen: niet stuiten, tenzij ...
    allowed = evaluate_claim(_with(toeslag, effects_of(K.STUITEN, date(2026, 11, 1))), TODAY)
    assert allowed.stuiten and "vastgelegde reden" in allowed.stuiten_reden  # ... a measure records the reason
    bd = claim(dagtekening=date(2021, 8, 1), steps=steps)
    assert evaluate_claim(bd, TODAY).stuiten  # the Belastingdienst stuits by default ...
    held = evaluate_claim(_with(bd, effects_of(K.NIET_STUITEN, date(2026, 11, 1))), TODAY)
    assert not held.stuiten and "niet stuiten" in held.stuiten_reden  # ... unless a measure says not to
    both = effects_of(K.NIET_STUITEN, date(2026, 11, 1)) + effects_of(K.STUITEN, date(2026, 11, 1))
    conflict = evaluate_claim(_with(bd, both), TODAY)
    assert not conflict.stuiten and "spreken elkaar tegen" in conflict.stuiten_reden


# ---------------------------------------------------------------------------------------- the ladder


def test_eerst_contact_holds_every_step_until_someone_spoke_with_the_debtor() -> None:
    measure = effects_of(K.EERST_CONTACT, date(2026, 11, 1))
    held = evaluate_claim(claim(steps=AANMANING, effects=measure), TODAY)
    assert [g.naam for g in held.next_step.blocking] == ["eerst_contact"]
    tried = evaluate_claim(claim(steps=AANMANING, effects=measure, contacten=(Contact(date(2026, 11, 10), False),)),
                           TODAY)
    assert not tried.next_step.allowed  # a call nobody answered is not a conversation
    spoken = evaluate_claim(claim(steps=AANMANING, effects=measure, contacten=(Contact(date(2026, 11, 10)),)), TODAY)
    assert spoken.next_step.allowed


def test_buiten_invordering_stops_collection_and_contact() -> None:
    measure = effects_of(K.BUITEN_INVORDERING, date(2026, 11, 1))
    assert {e.effect for e in measure} == {Effect.BUITEN_INVORDERING, Effect.GEEN_DWANG, Effect.GEEN_CONTACT}
    ev = evaluate_claim(claim(steps=AANMANING, effects=measure), TODAY)
    assert [g.naam for g in ev.next_step.blocking] == ["buiten_invordering"]
    assert "niet ingevorderd" in ev.next_step.blocking[0].reden


def test_geen_verrekening_and_bvv_verhoging_are_read_by_amount() -> None:
    effects = (
        *effects_of(K.GEEN_VERREKENING, date(2026, 1, 1), None, amount=D(50)),
        *effects_of(K.GEEN_VERREKENING, date(2026, 6, 1), date(2026, 6, 30)),
        *effects_of(K.BVV_VERHOGING, date(2026, 1, 1), None, amount=D(120)),
        *effects_of(K.BVV_VERHOGING, date(2026, 3, 1), None, amount=D(30)),
    )
    assert verrekening_ruimte(effects, date(2026, 5, 1)) == D(50)
    assert verrekening_ruimte(effects, date(2026, 6, 15)) == 0  # the strictest wins
    assert verrekening_ruimte((), TODAY) is None
    assert bvv_verhoging(effects, date(2026, 2, 1)) == D(120)
    assert bvv_verhoging(effects, TODAY) == D(150)


def test_the_explanation_names_each_active_measure() -> None:
    effects = (
        *effects_of(K.BETALINGSREGELING, date(2026, 3, 1), None),
        *effects_of(K.INVORDERINGSPAUZE, date(2026, 10, 1), date(2026, 12, 31), onderdelen=["dwang", "rente"]),
    )
    lines = [s.description for s in explain_claim(claim(steps=AANMANING, effects=effects), TODAY)]
    assert "Maatregel betalingsregeling vanaf 01-03-2026: uitstel van betaling" in lines
    pause = "Maatregel invorderingspauze van 01-10-2026 t/m 31-12-2026: geen dwanginvordering, geen invorderingsrente"
    assert pause in lines


def _with(facts: ClaimFacts, effects: tuple[ClaimEffect, ...]) -> ClaimFacts:
    return dataclasses.replace(facts, effects=effects)


def test_claim_effect_is_frozen() -> None:
    effect = ClaimEffect(Effect.GEEN_DWANG, TODAY, None, None, K.GEEN_DWANG, 1)
    with pytest.raises(AttributeError):
        effect.van = date(2020, 1, 1)  # type: ignore[misc]
    assert effect.active_on(TODAY) and not effect.active_on(TODAY - timedelta(days=1))
