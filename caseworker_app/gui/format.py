"""Display forms for the interface: amounts as ``€ 1.234,56``, dates as ``24-11-2026``.

The rules live in :mod:`caseworker_app.domain.money`; this module adds the blanks and spans a table needs.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from caseworker_app.domain.money import format_date as _format_date
from caseworker_app.domain.money import format_eur as _format_eur
from caseworker_app.domain.types import label


def eur(amount: Decimal | None) -> str:
    return "" if amount is None else _format_eur(amount)


def date(day: dt.date | None) -> str:
    return "" if day is None else _format_date(day)


def period(start: dt.date | None, end: dt.date | None) -> str:
    """``2025`` for a calendar year, ``01-03-2025 – 31-03-2025`` otherwise."""
    if start is None and end is None:
        return ""
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{date(start)} – {date(end)}".strip(" –")


def postcode(value: str | None) -> str:
    if not value:
        return ""
    return f"{value[:4]} {value[4:]}" if len(value) == 6 else value


def enum_label(value: str | None) -> str:
    return "" if value is None else label(value)
