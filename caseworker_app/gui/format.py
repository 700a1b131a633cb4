"""Display forms for the interface: amounts as ``€ 1.234,56``, dates as ``24-11-2026``.

The rules live in :mod:`caseworker_app.domain.money`; this module adds the blanks and spans a table needs.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from caseworker_app.domain.money import format_date as _format_date
from caseworker_app.domain.money import format_eur as _format_eur
from caseworker_app.domain.search import format_postcode
from caseworker_app.domain.types import label_of


def eur(amount: Decimal | None) -> str:
    return "" if amount is None else _format_eur(amount)


def date(day: dt.date | None) -> str:
    return "" if day is None else _format_date(day)


def _month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def period(start: dt.date | None, end: dt.date | None) -> str:
    """A tijdvak as short as it stays exact: ``2025``, ``2025 K3`` (quarter), ``03-2025`` (month), else the range."""
    if start is None and end is None:
        return ""
    if start and end and start.year == end.year and start.day == 1 and _month_end(end):
        if (start.month, end.month) == (1, 12):
            return str(start.year)
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"{start.year} K{(start.month + 2) // 3}"
        if start.month == end.month:
            return f"{start.month:02d}-{start.year}"
    return f"{date(start)} – {date(end)}".strip(" –")


postcode = format_postcode


def enum_label(enum: type[StrEnum], value: str | None) -> str:
    """The Dutch label of a stored enum value (blank for none)."""
    return "" if value is None else label_of(enum, value)
