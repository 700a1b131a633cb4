"""Input checks every service shares, derived from the models, so SQLite refuses what PostgreSQL would refuse.

SQLite stores a 300-character name in a ``VARCHAR(200)`` without a word, and a NUL character or a
20-digit number as well; PostgreSQL refuses them with a driver error.  Checking against the model before
anything is written gives both backends the same behaviour -- one Dutch line, nothing stored:

* :func:`clean_text`: text or nothing (no numbers, lists, ...), trimmed, empty means ``None``, no control
  characters (a name or an address is one line; NUL is refused by PostgreSQL), and at most the column's
  length in characters (``String(n)``; PostgreSQL counts characters as Python does).
* :func:`clean_whole_number`: an integer within bounds the caller gives and the column can hold.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import Integer, String, inspect

from caseworker_app.errors import ValidationError

#: the largest value a PostgreSQL ``INTEGER`` (and so every Integer column) can hold
INTEGER_MAX = 2**31 - 1


_LIMITS: dict[type[Any], dict[str, int]] = {}


def text_limits(model: type[Any]) -> dict[str, int]:
    """``{attribute: maximum length}`` of every length-limited text column of ``model``."""
    limits = _LIMITS.get(model)
    if limits is None:
        limits = {}
        for attr in inspect(model).column_attrs:
            column = attr.columns[0]
            if isinstance(column.type, String) and column.type.length:
                limits[attr.key] = int(column.type.length)
        _LIMITS[model] = limits
    return limits


def clean_text(
    model: type[Any], field: str, value: Any, *, multiline: bool = False, check_length: bool = True
) -> str | None:
    """``value`` for text column ``field`` of ``model``, checked; raises :class:`ValidationError`.

    ``check_length=False`` for a field the caller normalises and checks itself (a postcode with a space).
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError("invalid_field", field=field, reason="vul tekst in")
    text = value.strip()
    if not text:
        return None
    allowed = {"\n", "\t"} if multiline else set()
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in allowed:
            what = "een onzichtbaar stuurteken" if char != "\n" else "een regelovergang"
            raise ValidationError("invalid_field", field=field, reason=f"de tekst bevat {what}; laat dat weg")
    limit = text_limits(model).get(field) if check_length else None
    if limit is not None and len(text) > limit:
        raise ValidationError(
            "invalid_field", field=field, reason=f"hoogstens {limit} tekens (nu {len(text):,})".replace(",", ".")
        )
    return text


def clean_whole_number(
    model: type[Any], field: str, value: Any, *, minimum: int, maximum: int, what: str = "een geheel getal"
) -> int | None:
    """``value`` as an int in ``minimum..maximum`` for integer column ``field``; empty means ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError("invalid_field", field=field, reason=f"vul {what} in")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) < 12:
        number = int(value.strip())
    else:
        raise ValidationError("invalid_field", field=field, reason="alleen cijfers")
    column = inspect(model).columns[field]
    if isinstance(column.type, Integer):
        maximum = min(maximum, INTEGER_MAX)
    if not minimum <= number <= maximum:
        upper = f"{maximum:,}".replace(",", ".")
        raise ValidationError("invalid_field", field=field, reason=f"kies een getal van {minimum} tot en met {upper}")
    return number
