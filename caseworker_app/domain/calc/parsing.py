"""Turning JSON-like input values into typed values, one Dutch error naming the field when that fails.

Scalars only (dates, amounts, booleans, choices, lists and objects as containers); the list-of-objects kinds
(``perioden``, ``boekingen``, ...) are in :mod:`.structured`.  Every failure is a
:class:`~caseworker_app.errors.ValidationError` with ``field=...`` so the command line prints one line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain.money import to_money

#: the largest amount a rule accepts: a thousand billion euros is beyond any tax debt and keeps every sum exact
MAX_AMOUNT = Decimal(10) ** 12
#: dates a rule accepts; rules add up to 50 years to a date, so 2199 keeps every result a real date
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)
#: the longest text value and the longest list a rule accepts
MAX_TEXT = 200
MAX_ITEMS = 2_000
_SHOWN = 40


class NonFinite:
    """``NaN``, ``Infinity`` or ``-Infinity`` in the JSON input: kept so the field check can name the field."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def parse_json_int(text: str) -> int | Decimal:
    """JSON integers: Python's int conversion refuses more than 4,300 digits; longer ones stay Decimal."""
    return int(text) if len(text) <= 100 else Decimal(text)


def shown(value: object) -> str:
    """A value as it may appear in a one-line message: short, and never the repr of a nested structure."""
    if isinstance(value, NonFinite):
        return value.text
    if isinstance(value, Mapping):
        return "een object"
    if isinstance(value, list | tuple):
        return "een lijst"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        digits = len(str(abs(value))) if isinstance(value, int) or value.is_finite() else 0
        if digits > _SHOWN:
            return f"een getal van {digits} cijfers"
    text = str(value).replace("\n", " ")
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def parse_date(value: object, field: str) -> date:
    suffix = f" in het veld '{field}'"
    if isinstance(value, date):
        return _in_range(value, field)
    if isinstance(value, str) and len(value) <= _SHOWN:
        text = value.strip()
        match = _ISO.match(text)
        parts: tuple[int, int, int] | None = None
        if match:
            parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
        else:
            match = _NL.match(text)
            if match:
                parts = (int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if parts is not None:
            try:
                day = date(*parts)
            except ValueError:
                pass
            else:
                return _in_range(day, field)
    raise ValidationError("invalid_date", value=shown(value), field_suffix=suffix, field=field)


def _in_range(day: date, field: str) -> date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise invalid(
            field,
            f"{day.day:02d}-{day.month:02d}-{day.year:04d} ligt buiten de datums waarmee de regels "
            f"rekenen (1900 tot en met 2199)",
        )
    return day


def invalid(field: str, reason: str) -> ValidationError:
    return ValidationError("invalid_field", field=field, reason=reason)


def amount(value: object, field: str, allow_negative: bool = False) -> Decimal:
    suffix = f" in het veld '{field}'"
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, NonFinite) or not isinstance(value, str | int | Decimal) or isinstance(value, bool):
        raise ValidationError("invalid_amount", value=shown(value), field_suffix=suffix, field=field)
    if isinstance(value, str) and len(value) > _SHOWN:
        raise ValidationError("invalid_amount", value=shown(value), field_suffix=suffix, field=field)
    if isinstance(value, Decimal) and value.is_finite() and value.adjusted() > 12:
        raise invalid(field, "het bedrag is te groot (hoogstens € 1.000.000.000.000)")
    parsed = to_money(value, field)
    if abs(parsed) > MAX_AMOUNT:
        raise invalid(field, "het bedrag is te groot (hoogstens € 1.000.000.000.000)")
    if not allow_negative and parsed < 0:
        raise invalid(field, "een bedrag hier mag niet negatief zijn")
    return parsed


def boolean(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("ja", "true", "nee", "false"):
        return value.strip().lower() in ("ja", "true")
    raise invalid(field, f"'{shown(value)}' is geen ja/nee-waarde (gebruik true of false)")


def obj(value: object, field: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise invalid(field, f"elk element moet een object zijn met {', '.join(keys)}")
    unknown = set(value) - set(keys)
    if unknown:
        names = ", ".join(shown(k) for k in sorted(unknown)[:3])
        raise invalid(field, f"onbekend veld {names}; bekend zijn {', '.join(keys)}")
    return value


def require(item: Mapping[str, Any], field: str, keys: tuple[str, ...]) -> None:
    """``missing_field`` naming ``field.key`` for the first of ``keys`` that ``item`` lacks."""
    for key in keys:
        if key not in item:
            raise ValidationError("missing_field", field=f"{field}.{key}")


def lst(value: object, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise invalid(field, "verwacht een lijst")
    if len(value) > MAX_ITEMS:
        raise invalid(field, f"te veel elementen ({len(value)}; hoogstens {MAX_ITEMS})")
    return value


def choice(value: object, field: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise invalid(field, f"'{shown(value)}' is geen geldige keuze; kies uit {', '.join(choices)}")
    return value


def text(value: object, field: str) -> str:
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        value = format(value, "f")
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise invalid(field, "verwacht tekst")
    result = str(value)
    if len(result) > MAX_TEXT:
        raise invalid(field, f"te lang ({len(result)} tekens; hoogstens {MAX_TEXT})")
    return result


def whole_number(value: object, field: str, maximum: int | None = None) -> int:
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value() and value >= 0:
        if value.adjusted() > 12:
            raise invalid(field, f"{shown(value)} is te groot" + (f" (hoogstens {maximum})" if maximum else ""))
        value = int(value)
    if isinstance(value, str) and len(value.strip()) > 15:
        raise invalid(field, f"'{shown(value)}' is geen geheel getal van hoogstens 15 cijfers")
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise invalid(field, f"'{shown(value)}' is geen geheel getal van 0 of meer")
    number = int(value)
    if maximum is not None and number > maximum:
        raise invalid(field, f"{number} is te veel (hoogstens {maximum})")
    return number
