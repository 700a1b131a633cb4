"""Small helpers the rules share: durations from the parameter tables, date arithmetic, formatting."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from caseworker_app.domain.params import ParamValue, on_reload, param

_DURATION = re.compile(r"^\s*(\d+)\s*(dag|dagen|week|weken|maand|maanden|jaar|jaren)\s*$")
_UNIT_DAYS = {"dag": 1, "dagen": 1, "week": 7, "weken": 7}

ONE_DAY = timedelta(days=1)


@functools.cache
def parse_duration(text: str) -> tuple[int, str]:
    """``"6 weken"`` -> ``(42, "d")``; ``"1 maand"`` -> ``(1, "m")``; ``"5 jaar"`` -> ``(60, "m")``."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration: {text!r} (use e.g. '14 dagen', '6 weken', '1 maand', '5 jaar')")
    count, unit = int(match.group(1)), match.group(2)
    if unit in _UNIT_DAYS:
        return count * _UNIT_DAYS[unit], "d"
    if unit in ("maand", "maanden"):
        return count, "m"
    return count * 12, "m"


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later; the last day of the month when that day does not exist (31 Jan + 1 m = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def add_duration(day: date, duration: ParamValue | str) -> date:
    return _add_duration(day, duration if isinstance(duration, str) else duration.text)


@functools.lru_cache(maxsize=65536)
def _add_duration(day: date, text: str) -> date:
    amount, unit = parse_duration(text)
    if unit == "d":
        return day + timedelta(days=amount)
    return add_months(day, amount)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class RowOf:
    """``param(name, day)`` that first tries the row it found last time (most claims fall in the same row).

    A per-claim lookup with the claim's own date (its due date, its aanmaning) misses every date cache, but
    nearly always lands in the same row of the table; checking that row first skips the search.  Cleared
    with the tables (:func:`caseworker_app.domain.params.reload_parameters`).
    """

    __slots__ = ("name", "row")

    def __init__(self, name: str) -> None:
        self.name = name
        self.row: ParamValue | None = None
        on_reload(self.clear)

    def clear(self) -> None:
        self.row = None

    def __call__(self, day: date) -> ParamValue:
        row = self.row
        if row is not None and row.valid_from <= day and (row.valid_to is None or day <= row.valid_to):
            return row
        row = self.row = param(self.name, day)
        return row
