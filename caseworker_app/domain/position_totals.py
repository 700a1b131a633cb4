"""The totals of a debt position and the open balance over time: one definition for every surface.

The workspace header, ``caseworker debtor show --json`` and the schuldoverzicht PDF all show
:class:`PositionTotals` computed here by :func:`compute_totals`, so the numbers cannot drift apart
between the screen, the data and the letter (a test checks all three).

Pure: no database, no Qt, no PDF library.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple, Protocol

from caseworker_app.domain.money import ZERO
from caseworker_app.domain.types import Creditor


class ClaimAmounts(Protocol):
    """What :func:`compute_totals` reads from one claim (``ClaimPosition`` in the services has all of it)."""

    @property
    def creditor(self) -> str: ...
    @property
    def open(self) -> Decimal: ...
    @property
    def costs(self) -> Decimal: ...
    @property
    def rente_booked(self) -> Decimal: ...
    @property
    def rente_accrued(self) -> Decimal: ...
    @property
    def paid(self) -> Decimal: ...
    @property
    def verrekend(self) -> Decimal: ...
    @property
    def under_regeling(self) -> bool: ...
    @property
    def paused(self) -> bool: ...
    @property
    def verjaard(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class PositionTotals:
    """The figures that matter for one debtor on one date.  All amounts in euros, two decimals.

    ``open`` is what the debtor must still pay today: ledger balance (hoofdsom, kosten, rente already
    booked, minus payments, verrekeningen and verminderingen, minus what a measure waives) plus
    invorderingsrente accrued up to today and not yet booked -- of the claims that are not verjaard.
    What is verjaard is not collected and not part of what the citizen must pay (Awb 4:104; LI 27.6):
    it is ``verjaard``, outside ``open`` and its parts (``open_belastingdienst``, ``open_toeslagen``,
    ``under_regeling``, ``paused``, ``open_claim_count``).  ``costs`` (kosten booked), ``rente_booked``
    (rente charged) and ``rente_accrued`` (rente up to today, not yet charged) are what was added to the
    original amounts; part of them may already be paid (payments go to kosten first, then rente, IW 1990
    art. 7).  ``rente_accrued`` (and so ``rente_total``) leaves out the rente a verjaarde claim accrued up to its
    verjaringsdatum: that rente is part of ``verjaard`` and will never be charged.
    """

    open: Decimal
    open_belastingdienst: Decimal
    open_toeslagen: Decimal
    costs: Decimal
    rente_booked: Decimal
    rente_accrued: Decimal
    paid: Decimal
    verrekend: Decimal
    under_regeling: Decimal
    paused: Decimal
    claim_count: int
    open_claim_count: int
    verjaard: Decimal = ZERO

    @property
    def rente_total(self) -> Decimal:
        """All invorderingsrente up to the date: charged plus accrued."""
        return self.rente_booked + self.rente_accrued

    @property
    def samenloop(self) -> bool:
        """Both tax debt and toeslag debt are open: the two creditors must act as one (rules.md §14)."""
        return self.open_belastingdienst > ZERO and self.open_toeslagen > ZERO

    def amounts(self) -> dict[str, Decimal]:
        """The amounts by their JSON key, in display order."""
        return {
            "open": self.open,
            "open_belastingdienst": self.open_belastingdienst,
            "open_toeslagen": self.open_toeslagen,
            "costs": self.costs,
            "rente_booked": self.rente_booked,
            "rente_accrued": self.rente_accrued,
            "rente_total": self.rente_total,
            "paid": self.paid,
            "verrekend": self.verrekend,
            "under_regeling": self.under_regeling,
            "paused": self.paused,
            "verjaard": self.verjaard,
        }


#: Dutch labels of the totals, shared by the CLI table, the PDF and the GUI.
TOTAL_LABELS: dict[str, str] = {
    "open": "Totaal open",
    "open_belastingdienst": "waarvan Belastingdienst",
    "open_toeslagen": "waarvan Dienst Toeslagen",
    "costs": "Kosten",
    "rente_booked": "Rente in rekening gebracht",
    "rente_accrued": "Lopende rente, nog niet in rekening gebracht",
    "rente_total": "Invorderingsrente",
    "paid": "Betaald",
    "verrekend": "Verrekend",
    "under_regeling": "Onder betalingsregeling",
    "paused": "Gepauzeerd",
    "verjaard": "Verjaard, wordt niet ingevorderd",
}


def compute_totals(claims: Iterable[ClaimAmounts]) -> PositionTotals:
    open_total = open_bd = open_ts = costs = rente_booked = rente = paid = verrekend = regeling = paused = ZERO
    verjaard = ZERO
    count = open_count = 0
    for claim in claims:
        count += 1
        costs += claim.costs
        rente_booked += claim.rente_booked
        paid += claim.paid
        verrekend += claim.verrekend
        open_amount = claim.open
        if claim.verjaard and open_amount > ZERO:
            # not collected, not part of what must be paid (Awb 4:104); the rente it accrued up to its
            # verjaringsdatum is in that amount and will never be charged, so it is not "rente_accrued"
            verjaard += open_amount
            continue
        rente += claim.rente_accrued
        open_total += open_amount
        if claim.creditor == Creditor.TOESLAGEN:
            open_ts += open_amount
        else:
            open_bd += open_amount
        if open_amount > ZERO:
            open_count += 1
        if claim.under_regeling:
            regeling += open_amount
        if claim.paused:
            paused += open_amount
    return PositionTotals(
        open=open_total,
        open_belastingdienst=open_bd,
        open_toeslagen=open_ts,
        costs=costs,
        rente_booked=rente_booked,
        rente_accrued=rente,
        paid=paid,
        verrekend=verrekend,
        under_regeling=regeling,
        paused=paused,
        claim_count=count,
        open_claim_count=open_count,
        verjaard=verjaard,
    )


# ------------------------------------------------------------------------------------------ balance over time


class LedgerMovement(NamedTuple):
    """One booking reduced to what the chart needs: when, for which creditor, how much (signed).

    A NamedTuple rather than a dataclass: a large debtor has thousands, and these build three times faster.
    """

    day: date
    creditor: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class MonthlyBalance:
    """The open ledger balance per creditor at the end of a month (the last month: on the as-of date)."""

    month: date  # first day of the month
    belastingdienst: Decimal
    toeslagen: Decimal

    @property
    def total(self) -> Decimal:
        return self.belastingdienst + self.toeslagen


_DAY = attrgetter("day")


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def monthly_balances(
    movements: Sequence[LedgerMovement], as_of: date, *, max_months: int = 120
) -> list[MonthlyBalance]:
    """Open balance per creditor per month, from the first booking up to ``as_of``.

    Only ledger bookings count (hoofdsom, kosten and rente once booked, minus credits); rente that
    is accrued but not yet booked is not in the history, so the last point can be lower than
    ``PositionTotals.open`` by exactly ``rente not yet booked``.  Bookings after ``as_of`` are ignored.
    At most ``max_months`` points (the most recent) are returned.
    """
    relevant = sorted((m for m in movements if m.day <= as_of), key=_DAY)
    if not relevant:
        return []
    first = _month_start(relevant[0].day)
    last = _month_start(as_of)
    months: list[date] = []
    cursor = first
    while cursor <= last:
        months.append(cursor)
        cursor = _next_month(cursor)
    out: list[MonthlyBalance] = []
    bd = ts = ZERO
    index = 0
    count = len(relevant)
    toeslagen = Creditor.TOESLAGEN  # once, not an enum lookup per booking
    for month in months:
        end = _next_month(month)
        while index < count and relevant[index].day < end:
            movement = relevant[index]
            if movement.creditor == toeslagen:
                ts += movement.amount
            else:
                bd += movement.amount
            index += 1
        out.append(MonthlyBalance(month=month, belastingdienst=bd, toeslagen=ts))
    return out[-max_months:]
