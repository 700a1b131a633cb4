from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.domain.rules.rente import count_days, invorderingsrente, rente_factor, schema, verwachte_rente

D = Decimal


def test_belastingdienst_example_due_31_october_paid_31_december() -> None:
    """belastingdienst.nl: due 31 Oct, received 31 Dec -> rente over 1 Nov t/m 30 Dec."""
    result = invorderingsrente(D("1000"), date(2026, 10, 31), date(2026, 12, 31)).result
    assert len(result.periodes) == 1
    period = result.periodes[0]
    assert (period.van, period.tot) == (date(2026, 11, 1), date(2026, 12, 30))
    assert period.dagen == 60  # November full: 30; December 1-30: 30
    # 1000 x 4.3 x 60 / 36000 = 7.1666... -> rounded down to whole euros
    assert result.exact == D(1000) * D("4.3") * 60 / 36000
    assert result.rente == D("7.00")


def test_paid_on_the_due_date_or_the_day_after_costs_no_rente() -> None:
    assert invorderingsrente(D("5000"), date(2026, 5, 31), date(2026, 5, 31)).result.rente == 0
    assert invorderingsrente(D("5000"), date(2026, 5, 31), date(2026, 6, 1)).result.rente == 0
    # paid two days after: one day of rente (1 June)
    assert invorderingsrente(D("5000"), date(2026, 5, 31), date(2026, 6, 2)).result.periodes[0].dagen == 1


def test_uriw31_day_count() -> None:
    first = (2026, 1)
    # the month of the vervaldag counts its actual days: 16..31 January = 16
    assert count_days(date(2026, 1, 16), date(2026, 1, 31), first, "uriw31") == 16
    # a later full month counts 30, also February and 31-day months
    assert count_days(date(2026, 2, 1), date(2026, 2, 28), first, "uriw31") == 30
    assert count_days(date(2026, 3, 1), date(2026, 3, 31), first, "uriw31") == 30
    # a partial month counts its actual days
    assert count_days(date(2026, 3, 1), date(2026, 3, 14), first, "uriw31") == 14
    # a year is 360 days
    assert count_days(date(2026, 2, 1), date(2027, 1, 31), first, "uriw31") == 360
    # in the month of the vervaldag February counts at most 28 days, also in a leap year
    assert count_days(date(2024, 2, 10), date(2024, 2, 29), (2024, 2), "uriw31") == 19
    # the 'actual' alternative counts calendar days
    assert count_days(date(2026, 2, 1), date(2026, 2, 28), first, "actual") == 28


def test_rate_change_splits_the_period_and_rounds_once_over_the_total() -> None:
    result = invorderingsrente(D("10000"), date(2025, 10, 31), date(2026, 3, 15)).result
    assert [(p.percentage, p.dagen) for p in result.periodes] == [(D(4), 60), (D("4.3"), 74)]
    exact = D(10000) * (D(4) * 60 + D("4.3") * 74) / 36000
    assert result.exact == exact
    assert result.rente == D(int(exact))  # 155.0 - once, not per period (66.67 + 88.39)


def test_payment_is_rounded_down_to_whole_euros_first() -> None:
    a = invorderingsrente(D("1000.99"), date(2026, 1, 31), date(2026, 12, 1)).result
    b = invorderingsrente(D("1000.00"), date(2026, 1, 31), date(2026, 12, 1)).result
    assert a.exact == b.exact


@pytest.mark.parametrize(
    ("betaaldatum", "threshold"),
    [(date(2025, 12, 15), D(23)), (date(2026, 2, 15), D(49))],
)
def test_last_payment_threshold_by_date(betaaldatum: date, threshold: D) -> None:
    # find an amount whose rente lands exactly on the threshold and one just above
    due = date(2025, 1, 31)
    factor = rente_factor(due, betaaldatum).factor
    at = (threshold / factor).to_integral_value()
    while (at * factor).to_integral_value(rounding="ROUND_FLOOR") > threshold:
        at -= 1
    while (at * factor).to_integral_value(rounding="ROUND_FLOOR") < threshold:
        at += 1
    on = invorderingsrente(at, due, betaaldatum, laatste_betaling=True).result
    assert on.berekend == threshold and on.rente == 0 and on.drempel_toegepast
    # not the last payment: charged anyway
    assert invorderingsrente(at, due, betaaldatum).result.rente == threshold
    bigger = at
    while invorderingsrente(bigger, due, betaaldatum).result.berekend <= threshold:
        bigger += 1
    above = invorderingsrente(bigger, due, betaaldatum, laatste_betaling=True).result
    assert above.rente == threshold + 1 and not above.drempel_toegepast


def test_explanation_shows_each_period_with_its_status() -> None:
    steps = invorderingsrente(D("10000"), date(2025, 10, 31), date(2026, 3, 15)).steps
    period_steps = [s for s in steps if s.parameter == "invorderingsrente_percentage"]
    assert [s.description.split(" (")[0] for s in period_steps] == [
        "Invorderingsrente 4% over 60 dagen",
        "Invorderingsrente 4,3% over 74 dagen",
    ]
    assert all(s.status == "OFFICIAL" and s.source for s in period_steps)
    day_count = next(s for s in steps if s.parameter == "rente_dagtelling")
    assert day_count.status == "SECONDARY"  # shown as unconfirmed


def test_expected_rente_of_a_schedule() -> None:
    plan = schema(date(2026, 3, 1), D("1200"), 12)
    assert [a for _, a in plan] == [D(100)] * 12
    result = verwachte_rente(date(2026, 1, 31), plan).result
    per_payment = sum(t.rente_exact for t in result.termijnen[:-1])
    # the last instalment's rente (about 4.3% x 100 x ~13 months = 4.6) is under the threshold and dropped
    assert result.drempel_toegepast
    assert result.rente == D(int(per_payment))


def test_schema_last_instalment_takes_the_remainder() -> None:
    plan = schema(date(2026, 1, 31), D("1000"), 3)
    assert [d for d, _ in plan] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    assert [a for _, a in plan] == [D("333.34"), D("333.34"), D("333.32")]
