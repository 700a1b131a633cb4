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

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def parse_date(value: object, field: str) -> date:
    suffix = f" in het veld '{field}'"
    if isinstance(value, date):
        return value
    if isinstance(value, str):
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
                return date(*parts)
            except ValueError:
                pass
    raise ValidationError("invalid_date", value=value, field_suffix=suffix, field=field)


def invalid(field: str, reason: str) -> ValidationError:
    return ValidationError("invalid_field", field=field, reason=reason)


def amount(value: object, field: str, allow_negative: bool = False) -> Decimal:
    if isinstance(value, float):
        value = repr(value)
    parsed = to_money(value, field)
    if not allow_negative and parsed < 0:
        raise invalid(field, "een bedrag hier mag niet negatief zijn")
    return parsed


def boolean(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("ja", "true", "nee", "false"):
        return value.strip().lower() in ("ja", "true")
    raise invalid(field, f"'{value}' is geen ja/nee-waarde (gebruik true of false)")


def obj(value: object, field: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise invalid(field, f"elk element moet een object zijn met {', '.join(keys)}")
    unknown = set(value) - set(keys)
    if unknown:
        raise invalid(field, f"onbekend veld {', '.join(sorted(unknown))}; bekend zijn {', '.join(keys)}")
    return value


def require(item: Mapping[str, Any], field: str, keys: tuple[str, ...]) -> None:
    """``missing_field`` naming ``field.key`` for the first of ``keys`` that ``item`` lacks."""
    for key in keys:
        if key not in item:
            raise ValidationError("missing_field", field=f"{field}.{key}")


def lst(value: object, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise invalid(field, "verwacht een lijst")
    return value


def choice(value: object, field: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise invalid(field, f"'{value}' is geen geldige keuze; kies uit {', '.join(choices)}")
    return value


def text(value: object, field: str) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise invalid(field, "verwacht tekst")
    return str(value)


def whole_number(value: object, field: str, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise invalid(field, f"'{value}' is geen geheel getal van 0 of meer")
    number = int(value)
    if maximum is not None and number > maximum:
        raise invalid(field, f"hoogstens {maximum}")
    return number
