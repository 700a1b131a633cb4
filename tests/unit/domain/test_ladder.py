"""The enforcement ladder's guards (issue 8 item 6): proportionality, vooraankondiging, beroep after beslag, VM 42."""

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from caseworker_app.domain.measures import MeasureKind, effects_of
from caseworker_app.domain.params import parameters_dir, reload_parameters
from caseworker_app.domain.rules.ladder import Contact, StepTaken
from caseworker_app.domain.rules.position import Booking, ClaimFacts, evaluate_claim
from caseworker_app.domain.types import BookingKind, ClaimKind, EnforcementStep, Middel

D = Decimal
S = EnforcementStep
TODAY = date(2026, 11, 26)
BVV = date(2026, 10, 1)
TO_VORDERING = (
    StepTaken(S.AANMANING, date(2026, 5, 1)),
    StepTaken(S.DWANGBEVEL, date(2026, 6, 1), per_post=False),  # served by the bailiff: no vooraankondiging
)


def claim(**kwargs: object) -> ClaimFacts:
    base: dict[str, object] = {
        "kind": ClaimKind.AANSLAG,
        "middel": Middel.IB,
        "dagtekening": date(2026, 3, 1),
        "bedrag": D("1200.00"),
        "bvv_vastgesteld_op": BVV,
    }
    base.update(kwargs)
    return ClaimFacts(**base)  # type: ignore[arg-type]


def blocking(facts: ClaimFacts, today: date = TODAY) -> list[str]:
    return [g.naam for g in evaluate_claim(facts, today).next_step.blocking]


# ------------------------------------------------------------------------------------------ proportionality


def test_a_vordering_waits_for_personal_contact_after_the_aanmaning() -> None:
    unknown = evaluate_claim(claim(steps=TO_VORDERING), TODAY)  # nothing recorded: not established
    assert unknown.next_step.step is S.VORDERING and not unknown.next_step.allowed
    guard = unknown.next_step.blocking[0]
    assert guard.naam == "persoonlijk_contact" and "Niet vastgelegd" in guard.reden
    none = evaluate_claim(claim(steps=TO_VORDERING, contacten=()), TODAY)
    assert "geen persoonlijk contact" in none.next_step.blocking[0].reden
    before = claim(steps=TO_VORDERING, contacten=(Contact(date(2026, 4, 20)),))  # before the aanmaning: not enough
    assert blocking(before) == ["persoonlijk_contact"]
    tried = claim(steps=TO_VORDERING, contacten=(Contact(date(2026, 5, 10), bereikt=False),))
    assert blocking(tried) == []  # tried and not reached: the step may follow (strategy §4.3.5)
    spoken = claim(steps=TO_VORDERING, contacten=(Contact(date(2026, 5, 10)),))
    assert evaluate_claim(spoken, TODAY).next_step.allowed


def test_the_aanmaning_and_the_dwangbevel_need_no_contact_first() -> None:
    assert blocking(claim(), TODAY) == []  # aanmaning
    assert blocking(claim(steps=(StepTaken(S.AANMANING, date(2026, 5, 1)),))) == []  # dwangbevel


def test_a_possible_verrekening_is_lighter_than_a_dwangbevel() -> None:
    steps = (StepTaken(S.AANMANING, date(2026, 5, 1)),)
    ev = evaluate_claim(claim(steps=steps, verrekening_mogelijk=True), TODAY)
    assert ev.next_step.step is S.DWANGBEVEL
    assert [g.naam for g in ev.next_step.blocking] == ["proportionaliteit"]
    assert "Verrekening" in ev.next_step.blocking[0].reden
    # a measure that excludes verrekening leaves the dwangbevel as the lightest step
    excluded = effects_of(MeasureKind.GEEN_VERREKENING, date(2026, 11, 1))
    assert blocking(claim(steps=steps, verrekening_mogelijk=True, effects=excluded)) == []


# ---------------------------------------------------------------------------------------- vooraankondiging


def test_a_loonvordering_after_a_dwangbevel_by_post_needs_a_vooraankondiging_seven_days_before() -> None:
    by_post = (StepTaken(S.AANMANING, date(2026, 5, 1)), StepTaken(S.DWANGBEVEL, date(2026, 6, 1), per_post=True))
    spoken = (Contact(date(2026, 5, 10)),)
    without = evaluate_claim(claim(steps=by_post, contacten=spoken), TODAY)
    assert [g.naam for g in without.next_step.blocking] == ["vooraankondiging"]
    assert "art. 19 lid 5" in without.next_step.blocking[0].reden
    sent = claim(steps=by_post, contacten=spoken, vooraankondiging_op=date(2026, 11, 23))
    ev = evaluate_claim(sent, TODAY)
    assert not ev.next_step.allowed and ev.next_step.earliest == date(2026, 11, 30)
    assert evaluate_claim(sent, date(2026, 11, 30)).next_step.allowed


# ----------------------------------------------------------------------------------------- executie


def test_executie_waits_for_the_beroep_term_after_beslag() -> None:
    steps = (*TO_VORDERING, StepTaken(S.VORDERING, date(2026, 7, 1)), StepTaken(S.BESLAG, date(2026, 11, 20)))
    facts = claim(steps=steps, contacten=(Contact(date(2026, 5, 10)),))
    ev = evaluate_claim(facts, TODAY)
    assert ev.next_step.step is S.EXECUTIE
    assert [g.naam for g in ev.next_step.blocking] == ["beroepstermijn_beslag"]
    assert ev.next_step.earliest == date(2026, 11, 28)  # 7 days from the beslag, then the next day
    assert "art. 22" in ev.next_step.blocking[0].reden
    assert evaluate_claim(facts, date(2026, 11, 28)).next_step.allowed


# ------------------------------------------------------------------------------------ alleen stuiten, stuit


def test_a_dwangbevel_only_to_stuit_is_no_rung_but_stuit() -> None:
    steps = (StepTaken(S.AANMANING, date(2022, 1, 10)), StepTaken(S.DWANGBEVEL, date(2026, 6, 1), alleen_stuiten=True))
    ev = evaluate_claim(claim(dagtekening=date(2021, 8, 1), steps=steps), TODAY)
    assert ev.enforcement_stage is S.AANMANING
    assert ev.next_step.step is S.DWANGBEVEL  # the ladder did not move on
    assert ev.verjaringsdatum == date(2031, 6, 1)  # but the verjaring was stuit


def test_a_step_that_did_not_stuit_is_a_rung_without_stuiting() -> None:
    steps = (StepTaken(S.AANMANING, date(2022, 1, 10), stuit=False),)
    ev = evaluate_claim(claim(dagtekening=date(2021, 8, 1), steps=steps), date(2026, 6, 1))
    assert ev.enforcement_stage is S.AANMANING and ev.next_step.step is S.DWANGBEVEL
    assert ev.verjaringsdatum == date(2026, 9, 12)  # five years after the uiterste betaaldatum, not the aanmaning
    assert not ev.gestuit


# -------------------------------------------------------------------------------------------------- VM 42


@pytest.fixture
def vm42_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    copy = tmp_path / "parameters"
    shutil.copytree(parameters_dir(), copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    ladder = copy / "ladder.toml"
    text = ladder.read_text(encoding="utf-8")
    assert 'parameter = "vm42_lopend_toeslagjaar"' in text
    ladder.write_text(text.replace('value = "uit"', 'value = "aan"'), encoding="utf-8")
    monkeypatch.setenv("CASEWORKER_PARAMETERS_DIR", str(copy))
    reload_parameters()
    try:
        yield
    finally:
        monkeypatch.delenv("CASEWORKER_PARAMETERS_DIR")
        reload_parameters()


def _running_year_toeslag(**kwargs: object) -> ClaimFacts:
    return claim(kind=ClaimKind.TERUGVORDERING, middel=Middel.ZT, tijdvak_jaar=2026,
                 steps=(StepTaken(S.AANMANING, date(2026, 5, 1)),), **kwargs)


def test_vm42_is_off_by_default() -> None:
    assert blocking(_running_year_toeslag()) == []


@pytest.mark.usefixtures("vm42_on")
def test_vm42_no_heavy_measures_on_a_terugvordering_of_the_running_toeslagjaar_unless_fraud() -> None:
    ev = evaluate_claim(_running_year_toeslag(), TODAY)
    assert [g.naam for g in ev.next_step.blocking] == ["vm42"]
    assert "lopende toeslagjaar 2026" in ev.next_step.blocking[0].reden
    assert blocking(_running_year_toeslag(fraude=True)) == []
    assert blocking(_running_year_toeslag(), date(2027, 1, 2)) == []  # the year is over
    last_year = claim(kind=ClaimKind.TERUGVORDERING, middel=Middel.ZT, tijdvak_jaar=2025,
                      steps=(StepTaken(S.AANMANING, date(2026, 5, 1)),))
    assert blocking(last_year) == []
    # the aanmaning itself is not a heavy measure
    assert blocking(claim(kind=ClaimKind.TERUGVORDERING, middel=Middel.ZT, tijdvak_jaar=2026)) == []


# ------------------------------------------------------------------------------------------ verjaard, paid


def test_a_verjaarde_or_paid_claim_has_no_next_step() -> None:
    verjaard = evaluate_claim(claim(dagtekening=date(2019, 1, 1)), TODAY)
    assert verjaard.verjaard and verjaard.next_step.step is None and verjaard.kosten_volgende_stap is None
    assert [g.naam for g in verjaard.next_step.blocking] == ["niet_verjaard"]
    paid = evaluate_claim(claim(bookings=(Booking(BookingKind.BETALING, D(-1200), date(2026, 4, 1)),)), TODAY)
    assert paid.next_step.step is None
    assert paid.next_step.blocking[0].reden == "Er staat niets meer open"
