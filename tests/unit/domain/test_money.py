from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.errors import ValidationError

from caseworker_app.domain.money import (
    ceil_euros,
    floor_euros,
    format_date,
    format_eur,
    format_pct,
    money_str,
    round_cents,
    to_money,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("€ 1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1.234", "1234"),
        (" 12 ", "12"),
        ("-5,5", "-5.5"),
        (454, "454"),
        (Decimal("0.01"), "0.01"),
    ],
)
def test_to_money_reads_dutch_and_plain_forms(text: object, expected: str) -> None:
    assert to_money(text) == Decimal(expected)


@pytest.mark.parametrize("bad", ["abc", "", "1,2,3", "12.34.5,6,7", 1.5, True, None, "NaN"])
def test_to_money_refuses_what_is_not_an_amount(bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        to_money(bad, "bedrag")
    assert info.value.code == "invalid_amount"
    assert "bedrag" in info.value.message


def test_roundings_follow_the_rules() -> None:
    assert round_cents(Decimal("1331.425")) == Decimal("1331.43")  # bvv: half up
    assert floor_euros(Decimal("7.99")) == Decimal("7.00")  # rente charged: down
    assert ceil_euros(Decimal("7.01")) == Decimal("8.00")  # rente refunded: up
    assert money_str(Decimal("1140")) == "1140.00"


def test_dutch_display_forms() -> None:
    assert format_eur(Decimal("1234.56")) == "€ 1.234,56"
    assert format_eur(Decimal("-1234.565")) == "€ -1.234,57"
    assert format_eur(Decimal("5"), nbsp=True) == "€\u00a05,00"
    assert format_pct(Decimal("4.30")) == "4,3%"
    assert format_date(date(2026, 11, 24)) == "24-11-2026"


@pytest.mark.parametrize(
    "value",
    ["0", "0.004", "-0.004", "0.005", "-0.01", "1", "12.5", "999.995", "1000", "-1234.565", "1234567.89", "-1000000"],
)
def test_format_eur_matches_babel(value: str) -> None:
    from babel.numbers import format_currency

    amount = Decimal(value)
    rounded = round_cents(amount) or Decimal("0.00")  # we never show "€ -0,00" (babel would)
    assert format_eur(amount, nbsp=True) == format_currency(rounded, "EUR", locale="nl_NL")
