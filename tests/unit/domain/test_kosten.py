from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.domain.rules.kosten import aanmaningskosten, dwangbevelkosten, vervolgingskosten
from caseworker_app.domain.types import EnforcementStep

D = Decimal


@pytest.mark.parametrize(
    ("openstaand", "day", "kosten"),
    [
        (D("453.99"), date(2026, 3, 1), D(9)),
        (D("454.00"), date(2026, 3, 1), D(19)),
        (D("453.99"), date(2023, 3, 1), D(8)),
        (D("454.00"), date(2023, 3, 1), D(18)),
    ],
)
def test_aanmaning_tariff_around_the_threshold(openstaand: D, day: date, kosten: D) -> None:
    assert aanmaningskosten(openstaand, day).result.kosten == kosten


def test_aanmaning_total_and_pay_within_two_weeks() -> None:
    result = aanmaningskosten(D("1121.00"), date(2026, 5, 31)).result
    assert result.totaal == D("1140.00")
    assert result.uiterste_betaaldatum == date(2026, 6, 14)  # dated 31 May -> pay by 14 June


def test_aanmaning_2025_tariff_is_shown_as_unconfirmed() -> None:
    steps = aanmaningskosten(D(100), date(2025, 3, 1)).steps
    tariff = next(s for s in steps if s.parameter == "aanmaningskosten_laag")
    assert tariff.status == "PLACEHOLDER" and tariff.note


@pytest.mark.parametrize(
    ("bedrag", "kosten"),
    [(D("45.00"), D(46)), (D("89.99"), D(46)), (D("90.00"), D(50)), (D("134.99"), D(50)), (D("135"), D(54))],
)
def test_dwangbevel_scale_2023(bedrag: D, kosten: D) -> None:
    assert dwangbevelkosten(bedrag, date(2023, 6, 1)).result.kosten == kosten


def test_dwangbevel_scale_is_capped() -> None:
    assert dwangbevelkosten(D("10000000"), date(2023, 6, 1)).result.kosten == D(13745)
    assert dwangbevelkosten(D("10000000"), date(2018, 6, 1)).result.kosten == D(12197)


def test_dwangbevel_after_2023_uses_the_last_known_tariff_marked_placeholder() -> None:
    result = dwangbevelkosten(D("90.00"), date(2026, 6, 1))
    assert result.result.kosten == D(50)
    assert result.unconfirmed
    assert {s.status for s in result.steps if s.parameter} == {"PLACEHOLDER", "OFFICIAL-OLD"}


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


def test_aanmaning_2026_uses_only_confirmed_figures() -> None:
    result = aanmaningskosten(D(100), date(2026, 3, 1))
    assert not result.unconfirmed
    assert {s.status for s in result.steps if s.parameter} == {"OFFICIAL"}
