from datetime import date

from caseworker_app.domain.rules.verjaring import Periode, stuiten_advies, verjaring
from caseworker_app.domain.types import Creditor

DUE = date(2020, 4, 30)


def test_five_years_after_the_betaaltermijn() -> None:
    result = verjaring(DUE).result
    assert result.verjaringsdatum == date(2025, 4, 30)
    assert not result.verjaard(date(2025, 4, 30))
    assert result.verjaard(date(2025, 5, 1))


def test_stuiting_starts_a_new_term_the_next_day() -> None:
    result = verjaring(DUE, [date(2021, 6, 15)]).result
    assert result.verjaringsdatum == date(2026, 6, 15)
    assert result.termijn_start == date(2021, 6, 16)
    assert result.laatste_stuiting == date(2021, 6, 15)


def test_stuiting_after_verjaring_has_no_effect() -> None:
    result = verjaring(DUE, [date(2025, 5, 1)])
    assert result.result.verjaringsdatum == date(2025, 4, 30)
    assert any("geen effect" in s.description for s in result.steps)


def test_uitstel_extends_the_running_term() -> None:
    result = verjaring(DUE, [], [Periode(date(2021, 1, 1), date(2021, 1, 31))]).result
    assert result.verlenging_dagen == 31
    assert result.verjaringsdatum == date(2025, 5, 31)


def test_uitstel_before_a_stuiting_does_not_extend_the_new_term() -> None:
    result = verjaring(DUE, [date(2022, 1, 1)], [Periode(date(2021, 1, 1), date(2021, 1, 31))]).result
    assert result.verjaringsdatum == date(2027, 1, 1)
    assert result.verlenging_dagen == 0


def test_niet_stuiten_tenzij_for_toeslagen() -> None:
    near = date(2025, 2, 1)
    verj = date(2025, 4, 30)
    no, _ = stuiten_advies(verj, near, Creditor.TOESLAGEN, True)
    assert not no.stuiten and no.beoordelen
    yes, _ = stuiten_advies(verj, near, Creditor.TOESLAGEN, True, betalingsperspectief=True)
    assert yes.stuiten
    fraud, _ = stuiten_advies(verj, near, Creditor.TOESLAGEN, True, fraude=True)
    assert fraud.stuiten


def test_belastingdienst_stuits_unless_payment_is_nagenoeg_uitgesloten() -> None:
    verj = date(2025, 4, 30)
    assert stuiten_advies(verj, date(2025, 2, 1), Creditor.BELASTINGDIENST, True)[0].stuiten
    assert not stuiten_advies(verj, date(2025, 2, 1), Creditor.BELASTINGDIENST, True, betalingsperspectief=False)[
        0
    ].stuiten


def test_no_stuiting_advice_far_from_verjaring_or_when_nothing_is_open() -> None:
    verj = date(2025, 4, 30)
    far, step = stuiten_advies(verj, date(2023, 1, 1), Creditor.BELASTINGDIENST, True)
    assert not far.stuiten and not far.beoordelen
    assert step.status == "PLACEHOLDER"  # the policy window is a product-owner choice, shown as such
    assert not stuiten_advies(verj, date(2025, 2, 1), Creditor.BELASTINGDIENST, False)[0].stuiten


def test_overlapping_uitstel_counts_each_day_once() -> None:
    """Found by hypothesis: two registrations of the same uitstel must not extend the term twice."""
    twice = [Periode(date(2021, 1, 1), date(2021, 1, 31)), Periode(date(2021, 1, 15), date(2021, 2, 9))]
    assert verjaring(DUE, [], twice).result.verlenging_dagen == 40


def test_stuiting_at_the_end_of_an_uitstel_over_a_leap_day_does_not_shorten_the_term() -> None:
    """Found by hypothesis: 86 days of uitstel incl. 29-2-2028 vs. a stuiting on 29-2-2028 (+5 years = 28-2-2033)."""
    due = date(2027, 12, 5)
    uitstel = [Periode(due, date(2028, 2, 29))]
    without = verjaring(due, [], uitstel).result.verjaringsdatum
    assert without == date(2033, 3, 1)
    assert verjaring(due, [date(2028, 2, 29)], uitstel).result.verjaringsdatum == without
