from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.domain.rules.kosten import aanmaningskosten, dwangbevelkosten, vervolgingskosten
from caseworker_app.domain.types import EnforcementStep

D = Decimal


@pytest.mark.parametrize(
    ("openstaand", "day", "kosten"),
    [
        # rules.md §0b: the 2026 Kostenwet text says EUR 10 / 22, not the EUR 9 / 19 of a stale web page
        (D("453.99"), date(2026, 3, 1), D(10)),
        (D("454.00"), date(2026, 3, 1), D(22)),
        (D("453.99"), date(2025, 3, 1), D(9)),
        (D("454.00"), date(2025, 3, 1), D(21)),
        (D("454.00"), date(2024, 3, 1), D(19)),
        (D("453.99"), date(2023, 3, 1), D(8)),
        (D("454.00"), date(2023, 3, 1), D(18)),
        (D("453.99"), date(2020, 3, 1), D(7)),
        (D("454.00"), date(2019, 3, 1), D(16)),
    ],
)
def test_aanmaning_tariff_around_the_threshold(openstaand: D, day: date, kosten: D) -> None:
    assert aanmaningskosten(openstaand, day).result.kosten == kosten


def test_aanmaning_total_and_pay_within_two_weeks() -> None:
    result = aanmaningskosten(D("1121.00"), date(2026, 5, 31)).result
    assert result.totaal == D("1143.00")
    assert result.uiterste_betaaldatum == date(2026, 6, 14)  # dated 31 May -> pay by 14 June


def test_kostenwet_tariffs_2020_to_2026_are_confirmed_law_text() -> None:
    for year in range(2020, 2027):
        steps = aanmaningskosten(D(100), date(year, 3, 1)).steps
        tariff = next(s for s in steps if s.parameter == "aanmaningskosten_laag")
        assert tariff.status == "OFFICIAL*" and tariff.status_label == "bevestigd", year
        assert tariff.legal_source == "Kostenwet invordering rijksbelastingen, art. 2"


def test_the_2019_low_aanmaning_tariff_is_not_found_and_says_so() -> None:
    steps = aanmaningskosten(D(100), date(2019, 3, 1)).steps
    tariff = next(s for s in steps if s.parameter == "aanmaningskosten_laag")
    assert tariff.status_label == "niet bevestigd" and tariff.note


@pytest.mark.parametrize(
    ("bedrag", "kosten"),
    [(D("45.00"), D(46)), (D("89.99"), D(46)), (D("90.00"), D(50)), (D("134.99"), D(50)), (D("135"), D(54))],
)
def test_dwangbevel_scale_2023(bedrag: D, kosten: D) -> None:
    assert dwangbevelkosten(bedrag, date(2023, 6, 1)).result.kosten == kosten


def test_dwangbevel_scale_is_capped() -> None:
    assert dwangbevelkosten(D("10000000"), date(2023, 6, 1)).result.kosten == D(13745)
    assert dwangbevelkosten(D("10000000"), date(2018, 6, 1)).result.kosten == D(12197)


@pytest.mark.parametrize(
    ("bedrag", "day", "kosten"),
    [
        (D("89.99"), date(2024, 6, 1), D(49)),
        (D("90.00"), date(2024, 6, 1), D(53)),
        (D("90.00"), date(2025, 6, 1), D(58)),  # 2025: the step became EUR 5
        (D("135.00"), date(2026, 6, 1), D(66)),  # 56 + 2 x 5
        (D("10000000"), date(2026, 6, 1), D(16524)),
    ],
)
def test_dwangbevel_2024_to_2026_follow_the_kostenwet_text(bedrag: D, day: date, kosten: D) -> None:
    result = dwangbevelkosten(bedrag, day)
    assert result.result.kosten == kosten
    assert not result.unconfirmed
    assert {s.status_label for s in result.steps if s.parameter} == {"bevestigd"}


def test_dwangbevel_only_to_stuit_is_free() -> None:
    assert dwangbevelkosten(D("5000"), date(2026, 6, 1), alleen_stuiten=True).result.kosten == 0


@pytest.mark.parametrize(
    ("stap", "kosten"),
    [
        (EnforcementStep.HERNIEUWD_BEVEL, D(18)),
        (EnforcementStep.BESLAG, D(65)),
        (EnforcementStep.EXECUTIE, D(83)),
        (EnforcementStep.VORDERING, D(0)),
        (EnforcementStep.BETALINGSHERINNERING, D(0)),
        (EnforcementStep.STUITINGSBRIEF, D(0)),
    ],
)
def test_other_kostenwet_steps(stap: EnforcementStep, kosten: D) -> None:
    assert vervolgingskosten(stap, date(2023, 6, 1)).result.kosten == kosten


def test_other_steps_in_2020_have_their_own_tariff() -> None:
    assert vervolgingskosten(EnforcementStep.BESLAG, date(2020, 6, 1)).result.kosten == D(60)


def test_a_beslag_of_2024_is_costed_with_2024_figures() -> None:
    assert vervolgingskosten(EnforcementStep.BESLAG, date(2024, 6, 1)).result.kosten == D(69)
    assert vervolgingskosten(EnforcementStep.HERNIEUWD_BEVEL, date(2025, 6, 1)).result.kosten == D(21)
    assert vervolgingskosten(EnforcementStep.EXECUTIE, date(2026, 6, 1)).result.kosten == D(100)


def test_aanmaning_2026_uses_only_confirmed_figures() -> None:
    result = aanmaningskosten(D(100), date(2026, 3, 1))
    assert not result.unconfirmed
    assert {s.status_label for s in result.steps if s.parameter} == {"bevestigd"}


def test_a_tariff_used_past_its_review_date_is_shown_as_due_for_review() -> None:
    """Not silently carried into the next year: 2026's tariff used for 2027 is "te herzien"."""
    result = aanmaningskosten(D(100), date(2027, 2, 1))
    tariff = next(s for s in result.steps if s.parameter == "aanmaningskosten_laag")
    assert tariff.status_label == "te herzien" and tariff.review_due
    assert result.unconfirmed
    assert tariff.to_json()["status_label"] == "te herzien"
