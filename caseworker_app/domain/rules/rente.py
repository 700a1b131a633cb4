"""Invorderingsrente (IW 1990 art. 28-29; URIW art. 29-33; rules.md §3 and §0a).

* Simple interest over each payment separately (URIW 29), from the day after the uiterste betaaldatum
  up to and including the day before the payment (IW 28 lid 2): due 31 Oct, paid 31 Dec -> 1 Nov t/m 30 Dec.
* ``rente = betaling x sum(P_i x A_i) / 36,000`` with ``A_i`` the days in rate period i and ``P_i`` its
  percentage (URIW 30).  The payment is first rounded down to whole euros (URIW 30 lid 4).
* Day count (URIW 31, parameter ``rente_dagtelling``): ``uriw31`` counts the month in which the (last)
  payment term falls at its actual days (February always 28), every other full month as 30 days, a year as
  360 days; ``actual`` counts calendar days over a 365-day year.
* Rounding (URIW 32): rente charged is rounded down to whole euros, once over the total.
* Threshold (URIW 33, ``rente_drempel_laatste_betaling``): at the only or last payment, rente of the
  threshold or less (EUR 23 until 2025, EUR 49 from 2026) is not charged.
* Expected rente of a schedule (rules.md §3.3): the same per instalment, summed, rounded once.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import ZERO, floor_euros, format_date, format_eur, format_pct, round_cents
from caseworker_app.domain.params import ParamValue, figure_words, load_parameters, on_reload, param
from caseworker_app.domain.rules.common import ONE_DAY, RowOf, days_in_month

RATE = "invorderingsrente_percentage"
_BASIS = {"uriw31": Decimal(36000), "actual": Decimal(36500)}


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _ord30(day: date) -> int:
    """Day ordinal with every month 30 days: the last day of a month counts as day 30, day 31 never adds one."""
    month, dom = day.month, day.day
    if dom >= 28:
        last = _MONTH_DAYS[month] if month != 2 else days_in_month(day.year, 2)
        dom = 30 if dom == last or dom > 30 else dom
    return day.year * 360 + month * 30 - 30 + dom


def count_days(start: date, end: date, first_month: tuple[int, int], convention: str) -> int:
    """Days from ``start`` to ``end`` inclusive under the convention.

    ``first_month`` is (year, month) of the (last) vervaldag: under ``uriw31`` that month counts its actual
    days, February as at most 28; every later month counts as 30 days when full, else its actual days.
    """
    if end < start:
        return 0
    if convention == "actual":
        return (end - start).days + 1
    if convention != "uriw31":
        raise ValueError(f"unknown day-count convention {convention!r}")
    total = 0
    if (start.year, start.month) == first_month:
        month_len = days_in_month(start.year, start.month)
        last_of_month = start.replace(day=month_len)
        stop = min(end, last_of_month)
        cap = 28 if start.month == 2 else month_len
        total += max(0, min(stop.day, cap) - start.day + 1)
        if end <= last_of_month:
            return total
        start = last_of_month + ONE_DAY
    return total + _ord30(end) - _ord30(start - ONE_DAY)


@dataclass(frozen=True, slots=True)
class RentePeriode:
    van: date
    tot: date  # inclusive
    dagen: int
    percentage: Decimal
    param: ParamValue


@dataclass(frozen=True, slots=True)
class RenteFactor:
    """``sum(P_i x A_i) / basis`` for one (vervaldag, betaaldatum) pair, with the periods behind it."""

    factor: Decimal
    periodes: tuple[RentePeriode, ...]
    convention: ParamValue


def _periods(start: date, end: date) -> list[ParamValue]:
    rows = load_parameters().table(RATE).changes_between(start, end)
    cursor = start
    for row in rows:
        if row.valid_from > cursor:
            break
        cursor = (row.valid_to + ONE_DAY) if row.valid_to else end + ONE_DAY
        if cursor > end:
            return rows
    raise UserFacingError("parameter_missing", date=format_date(cursor), parameter=figure_words(RATE), key=RATE)


@functools.lru_cache(maxsize=4096)
def rente_factor(uiterste_betaaldatum: date, betaaldatum: date) -> RenteFactor:
    """Cached: the screen evaluates hundreds of claims against the same today."""
    convention = param("rente_dagtelling", betaaldatum)
    start, end = uiterste_betaaldatum + ONE_DAY, betaaldatum - ONE_DAY
    if end < start:
        return RenteFactor(Decimal(0), (), convention)
    first_month = (uiterste_betaaldatum.year, uiterste_betaaldatum.month)
    basis = _BASIS[convention.text]
    periods = []
    weighted = Decimal(0)
    for row in _periods(start, end):
        van = max(start, row.valid_from)
        tot = min(end, row.valid_to) if row.valid_to else end
        days = count_days(van, tot, first_month, convention.text)
        periods.append(RentePeriode(van, tot, days, row.decimal, row))
        weighted += row.decimal * days
    return RenteFactor(weighted / basis, tuple(periods), convention)


on_reload(rente_factor.cache_clear)


@dataclass(frozen=True, slots=True)
class _Cumulative:
    """Prefix sums of ``percentage x counted days`` over the rate table, for O(log n) lookups.

    ``C(x) = cum[i] + pct[i] x (ord(x) - base[i])`` for the row ``i`` containing ``x``, where ``ord`` is the
    day ordinal of the convention (30-day months for ``uriw31``, calendar days for ``actual``).  Percentages
    are kept as integers in hundredths (4.3% -> 430) so the sums are exact integer arithmetic.
    """

    starts: list[date]
    ends: list[date | None]
    base: list[int]
    pct: list[int]
    cum: list[int]
    ordf: Callable[[date], int]
    basis: Decimal


_SCALE = 100


def _ordinal(convention: str) -> Callable[[date], int]:
    return _ord30 if convention == "uriw31" else date.toordinal


@functools.lru_cache(maxsize=4)
def _cumulative(convention: str) -> _Cumulative | None:
    rows = load_parameters().table(RATE).rows
    ordf = _ordinal(convention)
    starts: list[date] = []
    ends: list[date | None] = []
    base: list[int] = []
    pct: list[int] = []
    cum: list[int] = []
    total = 0
    for index, row in enumerate(rows):
        previous_end = rows[index - 1].valid_to if index else None
        if index and (previous_end is None or previous_end + ONE_DAY != row.valid_from):
            return None  # a gap: leave it to the slow path, which names the missing date
        scaled = row.decimal * _SCALE
        if scaled != scaled.to_integral_value():
            return None  # more than two decimals: the slow path handles it exactly
        starts.append(row.valid_from)
        ends.append(row.valid_to)
        base.append(ordf(row.valid_from - ONE_DAY))
        pct.append(int(scaled))
        cum.append(total)
        if row.valid_to is not None:
            total += int(scaled) * (ordf(row.valid_to) - ordf(row.valid_from - ONE_DAY))
    return _Cumulative(starts, ends, base, pct, cum, ordf, _BASIS[convention] * _SCALE)


on_reload(_cumulative.cache_clear)


def _prefix(table: _Cumulative, day: date) -> int | None:
    index = bisect.bisect_right(table.starts, day) - 1
    if index < 0:
        return 0 if day == table.starts[0] - ONE_DAY else None
    end = table.ends[index]
    if end is not None and day > end:
        return None
    return table.cum[index] + table.pct[index] * (table.ordf(day) - table.base[index])


@functools.lru_cache(maxsize=8192)
def _pay_day(betaaldatum: date) -> tuple[str, int | None, Decimal]:
    """What a payment day means for every claim paid that day: the day count in force, the prefix sum up to
    the day before (None: the slow path decides) and the basis to divide by."""
    convention = _convention(betaaldatum)
    table = _cumulative(convention)
    if table is None:
        return convention, None, _ONE
    return convention, _prefix(table, betaaldatum - ONE_DAY), table.basis


@functools.lru_cache(maxsize=65536)
def _low(convention: str, uiterste_betaaldatum: date) -> int | None:
    """What to subtract from the prefix of :func:`_pay_day` for rente from the day after ``uiterste_betaaldatum``.

    Under ``uriw31`` the month of the vervaldag counts its actual days (February at most 28, URIW 31 onder a):
    its days are added and its 30-day ordinals taken off, for a payment after that month.  ``None``: the slow
    path decides (a gap in the table, or a rate change inside that first month).
    """
    table = _cumulative(convention)
    if table is None:
        return None
    start = uiterste_betaaldatum + ONE_DAY
    if convention == "uriw31" and start.month == uiterste_betaaldatum.month:
        year, month = start.year, start.month
        month_len = _MONTH_DAYS[month] if month != 2 else days_in_month(year, 2)
        index = bisect.bisect_right(table.starts, start) - 1
        if index < 0:
            return None
        row_end = table.ends[index]
        if row_end is not None and (row_end.year, row_end.month, row_end.day) < (year, month, month_len):
            return None  # a rate change inside the first month: use the exact slow path
        weighted = table.pct[index] * max(0, min(month_len, 28 if month == 2 else month_len) - start.day + 1)
        # the prefix up to the last day of the first month (ordinal: that month's day 30), in the same rate row
        first_month_end = table.cum[index] + table.pct[index] * (year * 360 + month * 30 - table.base[index])
        return first_month_end - weighted
    return _prefix(table, start - ONE_DAY)


@functools.lru_cache(maxsize=65536)
def _fast_factor(uiterste_betaaldatum: date, betaaldatum: date) -> Decimal | None:
    """``sum(P_i x A_i) / basis`` without building the periods; None when the slow path must decide."""
    start = uiterste_betaaldatum + ONE_DAY
    end = betaaldatum - ONE_DAY
    if end < start:
        return _ZERO_FACTOR
    convention, high, basis = _pay_day(betaaldatum)  # one cached lookup per payment day
    if convention == "uriw31" and start.month == uiterste_betaaldatum.month and end.month == start.month and (
        end.year == start.year
    ):
        return _first_month_only(uiterste_betaaldatum, end)
    if high is None:
        return None
    low = _low(convention, uiterste_betaaldatum)
    if low is None:
        return None
    return Decimal(high - low) / basis


def _first_month_only(uiterste_betaaldatum: date, end: date) -> Decimal | None:
    """A payment inside the month of the vervaldag (uriw31): its actual days, February at most 28."""
    table = _cumulative("uriw31")
    if table is None:
        return None
    start = uiterste_betaaldatum + ONE_DAY
    index = bisect.bisect_right(table.starts, start) - 1
    if index < 0:
        return None
    row_end = table.ends[index]
    if row_end is not None and row_end < end:
        return None
    cap = 28 if start.month == 2 else end.day
    weighted = table.pct[index] * max(0, min(end.day, cap) - start.day + 1)
    return Decimal(weighted) / table.basis


on_reload(_pay_day.cache_clear)
on_reload(_low.cache_clear)


_ZERO_FACTOR = Decimal(0)
_ONE = Decimal(1)


_DAY_COUNT = RowOf("rente_dagtelling")


def _convention(day: date) -> str:
    """The day count on ``day`` (one row for years: the row found last time answers, no search)."""
    return _DAY_COUNT(day).text
on_reload(_fast_factor.cache_clear)


def _rate_row(day: date) -> ParamValue | None:
    return load_parameters().table(RATE).at(day)


def factor_value(uiterste_betaaldatum: date, betaaldatum: date) -> Decimal:
    """``sum(P_i x A_i) / basis`` for the rente over a payment on ``betaaldatum`` (fast path where it can)."""
    factor = _fast_factor(uiterste_betaaldatum, betaaldatum)
    if factor is None:
        factor = rente_factor(uiterste_betaaldatum, betaaldatum).factor
    return factor


def rente_exact(bedrag: Decimal, uiterste_betaaldatum: date, betaaldatum: date) -> Decimal:
    """Unrounded rente over one payment (fast path; the payment is floored to whole euros first)."""
    factor = _fast_factor(uiterste_betaaldatum, betaaldatum)  # factor_value, one call less per late payment
    if factor is None:
        factor = rente_factor(uiterste_betaaldatum, betaaldatum).factor
    return bedrag.to_integral_value(rounding=ROUND_FLOOR) * factor


def excluded_factor(uiterste_betaaldatum: date, betaaldatum: date, excluded: Iterable[tuple[date, date]]) -> Decimal:
    """The part of :func:`factor_value` that falls on the ``excluded`` days (merged, inclusive ``(van, tot)``).

    The day count is additive, so the factor over days ``a`` t/m ``b`` of the rente period is
    ``F(b + 1) - F(a)`` with ``F(x)`` the factor for a payment on ``x``: the same convention and rates as the
    rente itself (a period without rente under a measure, or the days after the verjaringsdatum).
    """
    first, last = uiterste_betaaldatum + ONE_DAY, betaaldatum - ONE_DAY
    total = Decimal(0)
    for van, tot in excluded:
        start, end = max(van, first), min(tot, last)
        if end < start:
            continue
        total += factor_value(uiterste_betaaldatum, end + ONE_DAY) - factor_value(uiterste_betaaldatum, start)
    return total


def rente_exact_excluding(
    bedrag: Decimal, uiterste_betaaldatum: date, betaaldatum: date, excluded: Iterable[tuple[date, date]]
) -> Decimal:
    """:func:`rente_exact` without the rente over the ``excluded`` days (merged, non-overlapping periods)."""
    factor = factor_value(uiterste_betaaldatum, betaaldatum)
    factor -= excluded_factor(uiterste_betaaldatum, betaaldatum, excluded)
    return bedrag.to_integral_value(rounding=ROUND_FLOOR) * factor


@dataclass(frozen=True, slots=True)
class Rente:
    rente: Decimal  # charged: rounded down to whole euros, after the last-payment threshold
    berekend: Decimal  # rounded down, before the threshold
    exact: Decimal
    periodes: tuple[RentePeriode, ...]
    drempel_toegepast: bool


def _explain_periods(steps: Explanation, grondslag: Decimal, factor: RenteFactor) -> None:
    for period in factor.periodes:
        amount = grondslag * period.percentage * period.dagen / _BASIS[factor.convention.text]
        steps.add(
            f"Invorderingsrente {format_pct(period.percentage)} over {period.dagen} dagen "
            f"({format_date(period.van)} t/m {format_date(period.tot)})",
            format_eur(round_cents(amount)),
            param=period.param,
        )


def invorderingsrente(
    bedrag: Decimal, uiterste_betaaldatum: date, betaaldatum: date, *, laatste_betaling: bool = False
) -> Explained[Rente]:
    steps = Explanation()
    grondslag = floor_euros(bedrag)
    steps.add("Betaald bedrag afgerond naar beneden op hele euro's (URIW art. 30 lid 4)", format_eur(grondslag))
    factor = rente_factor(uiterste_betaaldatum, betaaldatum)
    if not factor.periodes:
        steps.add(
            f"Betaald op of voor de dag na de uiterste betaaldatum {format_date(uiterste_betaaldatum)}: "
            "geen invorderingsrente",
            format_eur(ZERO),
        )
        return Explained(Rente(ZERO, ZERO, ZERO, (), False), steps.freeze())
    convention = factor.convention
    conv_text = (
        "maand van de vervaldag werkelijke dagen (februari 28), overige volle maanden 30 dagen, jaar 360"
        if convention.text == "uriw31"
        else "werkelijke dagen, jaar 365"
    )
    steps.add(f"Dagtelling: {conv_text}", convention.text, param=convention)
    steps.add(
        f"Rente loopt van {format_date(uiterste_betaaldatum + ONE_DAY)} t/m de dag voor de betaling "
        f"{format_date(betaaldatum - ONE_DAY)} (IW 1990 art. 28 lid 2)",
        f"{sum(p.dagen for p in factor.periodes)} dagen",
    )
    _explain_periods(steps, grondslag, factor)
    exact = grondslag * factor.factor
    berekend = floor_euros(exact)
    steps.add("Totaal naar beneden afgerond op hele euro's (URIW art. 32 lid 1)", format_eur(berekend))
    charged, applied = berekend, False
    if laatste_betaling:
        threshold = param("rente_drempel_laatste_betaling", betaaldatum)
        if berekend <= threshold.decimal:
            charged, applied = ZERO, True
            steps.add(
                f"Enige of laatste betaling en rente niet hoger dan {format_eur(threshold.decimal)}: "
                "niet in rekening gebracht (URIW art. 33)",
                format_eur(ZERO),
                param=threshold,
            )
        else:
            steps.add(
                f"Rente hoger dan de drempel {format_eur(threshold.decimal)} bij de laatste betaling "
                "(URIW art. 33): wel in rekening gebracht",
                format_eur(charged),
                param=threshold,
            )
    steps.add("In rekening te brengen invorderingsrente", format_eur(charged))
    return Explained(Rente(charged, berekend, exact, factor.periodes, applied), steps.freeze())


@dataclass(frozen=True, slots=True)
class Termijn:
    datum: date
    bedrag: Decimal
    rente_exact: Decimal


@dataclass(frozen=True, slots=True)
class VerwachteRente:
    rente: Decimal
    termijnen: tuple[Termijn, ...]
    drempel_toegepast: bool


def verwachte_rente(uiterste_betaaldatum: date, termijnen: list[tuple[date, Decimal]]) -> Explained[VerwachteRente]:
    """Expected rente of a payment schedule, assuming each instalment is paid on its date (rules.md §3.3)."""
    steps = Explanation()
    if not termijnen:
        return Explained(VerwachteRente(ZERO, (), False), ())
    ordered = sorted(termijnen)
    result = []
    for datum, bedrag in ordered:
        exact = rente_exact(bedrag, uiterste_betaaldatum, datum)
        result.append(Termijn(datum, bedrag, exact))
        days = sum(p.dagen for p in rente_factor(uiterste_betaaldatum, datum).periodes)
        steps.add(
            f"Termijn {format_date(datum)} van {format_eur(bedrag)}: rente over {days} dagen",
            format_eur(round_cents(exact)),
        )
    factors = {p.param for t in result for p in rente_factor(uiterste_betaaldatum, t.datum).periodes}
    for row in sorted(factors, key=lambda r: r.valid_from):
        steps.add(f"Gebruikt percentage vanaf {format_date(row.valid_from)}", format_pct(row.decimal), param=row)
    last = result[-1]
    threshold = param("rente_drempel_laatste_betaling", last.datum)
    total_exact = sum((t.rente_exact for t in result), Decimal(0))
    applied = False
    if floor_euros(last.rente_exact) <= threshold.decimal:
        total_exact -= last.rente_exact
        applied = last.rente_exact > 0
        if applied:
            steps.add(
                "Rente over de laatste termijn niet hoger dan de drempel: niet in rekening gebracht (URIW art. 33)",
                format_eur(threshold.decimal),
                param=threshold,
            )
    total = floor_euros(total_exact)
    steps.add("Verwachte invorderingsrente, eenmaal naar beneden afgerond op hele euro's", format_eur(total))
    return Explained(VerwachteRente(total, tuple(result), applied), steps.freeze())


def schema(start: date, bedrag: Decimal, maanden: int) -> list[tuple[date, Decimal]]:
    """Equal monthly instalments (rounded up to cents, the last one takes the remainder)."""
    from caseworker_app.domain.money import ceil_cents
    from caseworker_app.domain.rules.common import add_months

    if maanden < 1:
        raise ValueError("maanden must be >= 1")
    per = ceil_cents(bedrag / maanden)
    out: list[tuple[date, Decimal]] = []
    left = bedrag
    for k in range(maanden):
        amount = min(per, left) if k < maanden - 1 else left
        out.append((add_months(start, k), amount))
        left -= amount
    return [(d, a) for d, a in out if a > 0]


__all__ = [
    "Rente",
    "RenteFactor",
    "RentePeriode",
    "Termijn",
    "VerwachteRente",
    "count_days",
    "excluded_factor",
    "factor_value",
    "invorderingsrente",
    "rente_exact",
    "rente_exact_excluding",
    "rente_factor",
    "schema",
    "verwachte_rente",
]
