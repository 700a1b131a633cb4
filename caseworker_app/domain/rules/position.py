"""Claim-level evaluation for the debt-position screen: one call per claim, fast enough for 500 claims.

Usage::

    facts = ClaimFacts(kind=ClaimKind.AANSLAG, middel=Middel.IB, dagtekening=date(2026, 3, 1),
                       bedrag=Decimal("1200.00"),
                       bookings=(Booking(BookingKind.BETALING, Decimal("-200.00"), date(2026, 5, 1)),),
                       steps=(StepTaken(EnforcementStep.AANMANING, date(2026, 5, 20)),),
                       effects=effects_of(MeasureKind.BETALINGSREGELING, date(2026, 6, 1), None))
    ev = evaluate_claim(facts, today=date(2026, 11, 26))
    ev.open, ev.rente_accrued, ev.verjaringsdatum, ev.next_step.step, ev.next_step.allowed
    explain_claim(facts, today)   # the Dutch steps behind the figures, on demand (not computed for the list)

ClaimFacts (plain values, no ORM):

* ``bedrag`` is the original assessed principal.  ``bookings`` are the ledger lines after it, signed: debits
  positive (``KOSTEN``, ``RENTE``, an extra ``AANSLAG`` correction), credits negative (``BETALING``,
  ``VERREKENING``, ``VERMINDERING``, ``KWIJTSCHELDING``, ``AFBOEKING``).  Do not repeat the aanslag itself.
* ``uiterste_betaaldatum`` is computed from ``kind``, ``middel`` and ``dagtekening`` when left ``None`` (a
  ``voorlopig`` aanslag IB/Vpb with its ``tijdvak_jaar``: the last of its termijnen, IW 1990 art. 9 lid 5).
* ``steps``: enforcement steps taken; ``effects``: what the measures on the claim do
  (:mod:`caseworker_app.domain.measures`: uitstel, a betalingsregeling, an invorderingspauze, a
  kwijtscheldingsverzoek, maatwerk); several measures simply add effects and all of them count.
* the rest feeds the guards and the advice: fraude, the betalingsperspectief (stuiting policy), the date the
  beslagvrije voet was last determined, the dates an uitstel or kwijtschelding request was refused, the
  personal contacts (``None``: not known), a vooraankondiging of a loonvordering, whether a verrekening is
  possible, and ``tijdvak_jaar`` (the belasting- or toeslagjaar; for VM 42).

Allocation of payments and verrekeningen follows IW 1990 art. 7: kosten, then rente, then the principal,
in date order.  Verminderingen, kwijtschelding and afboeking lower the principal (any excess then rente,
then kosten).  Costs and rente a measure waives are not allocated to and not counted as open.

ClaimEvaluation figures:

* ``principal``: original principal after verminderingen/kwijtschelding/afboeking and extra aanslag debits;
* ``paid`` / ``verrekend``: sums of payments and verrekeningen (positive numbers);
* ``costs`` / ``rente_booked``: kosten and rente booked on the ledger; ``waived_costs`` / ``waived_rente``:
  the part of those a measure waives (not charged);
* ``open_principal`` / ``open_costs`` / ``open_rente`` and ``ledger_balance`` (debits minus credits);
* ``rente_accrued``: invorderingsrente accrued until ``today`` and not yet charged, rounded down to whole euros:
  rente over each late principal payment plus rente over the open principal as if it were paid today, minus
  the rente already booked (never negative).  No rente accrues on days a measure excludes (``geen_rente``) or
  after the verjaringsdatum (Awb 4:104; LI 27.6).  Rente over the last payment of at most the threshold is not
  charged (URIW art. 33): once the principal is paid that is the last payment made; while principal is open,
  the payment of everything today -- rente that would not be charged if the debt were paid today is not shown
  as payable;
* ``open``: what the debtor must pay today, ``ledger_balance - waived + rente_accrued``;
* ``verjaringsdatum`` / ``verjaard`` and the stuiting advice (``stuiten``, ``stuiten_reden``);
* ``enforcement_stage`` (highest rung taken) and ``next_step`` with every guard and its reason;
* ``kosten_volgende_stap``: the tariff of the next step on ``today`` (``None`` when no step is next; nil when a
  measure says no new costs).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any, NamedTuple

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.explain import Explanation, Step
from caseworker_app.domain.measures import ClaimEffect, Effect, MeasureKind
from caseworker_app.domain.money import ZERO, floor_euros, format_date, format_eur, format_pct
from caseworker_app.domain.params import ParamValue, on_reload, param
from caseworker_app.domain.rules.common import ONE_DAY
from caseworker_app.domain.rules.kosten import vervolgingskosten_bedrag
from caseworker_app.domain.rules.ladder import Contact, NextStep, StepTaken, ladder
from caseworker_app.domain.rules.rente import rente_exact, rente_exact_excluding
from caseworker_app.domain.rules.termijnen import VA_MIDDELEN, va_termijnen
from caseworker_app.domain.rules.termijnen import uiterste_betaaldatum as compute_due
from caseworker_app.domain.rules.verjaring import (
    Periode,
    merge_periods,
    stuiten_advies,
    stuiten_advies_kort,
    verjaring,
    verjaringsdatum,
)
from caseworker_app.domain.types import (
    BookingKind,
    ClaimKind,
    Creditor,
    EnforcementStep,
    Middel,
    label,
)

__all__ = [
    "Booking",
    "ClaimEvaluation",
    "ClaimFacts",
    "Contact",
    "NextStep",
    "Periode",
    "RentePart",
    "StepTaken",
    "evaluate_claim",
    "evaluate_claims",
    "explain_claim",
]


@dataclass(frozen=True, slots=True)
class Booking:
    kind: BookingKind
    amount: Decimal  # signed: debits +, credits -
    date: date


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    kind: ClaimKind
    middel: Middel
    dagtekening: date
    bedrag: Decimal
    uiterste_betaaldatum: date | None = None
    bookings: tuple[Booking, ...] = ()
    steps: tuple[StepTaken, ...] = ()
    effects: tuple[ClaimEffect, ...] = ()
    fraude: bool = False
    betalingsperspectief: bool | None = None
    bvv_vastgesteld_op: date | None = None
    uitstel_afgewezen_op: date | None = None
    kwijtschelding_afgewezen_op: date | None = None
    contacten: tuple[Contact, ...] | None = None  # None: not known (nothing recorded them)
    vooraankondiging_op: date | None = None  # written vooraankondiging of a loonvordering (IW 19 lid 5)
    verrekening_mogelijk: bool = False  # an amount payable to the debtor could be verrekend (IW 24; Awir 30)
    tijdvak_jaar: int | None = None  # the belastingjaar or toeslagjaar the claim is about
    voorlopig: bool = False  # a voorlopige aanslag (IB/Vpb: in termijnen when dated in its year)
    claim_id: object = None

    @property
    def creditor(self) -> Creditor:
        return self.middel.creditor

    def termijnen(self) -> tuple[date, ...]:
        """The vervaldagen of a voorlopige aanslag in termijnen (IW 1990 art. 9 lid 5/7), else empty."""
        if not self.voorlopig or self.tijdvak_jaar is None or self.middel not in VA_MIDDELEN:
            return ()
        if self.kind is not ClaimKind.AANSLAG:
            return ()
        return va_termijnen(self.dagtekening, self.tijdvak_jaar)

    def due_date(self) -> date:
        """The (last) uiterste betaaldatum: rente runs from the next day and the verjaring term after it."""
        if self.uiterste_betaaldatum is not None:
            return self.uiterste_betaaldatum
        termijnen = self.termijnen() if self.voorlopig else ()
        return termijnen[-1] if termijnen else compute_due(self.kind, self.dagtekening, self.middel)

    def first_due_date(self) -> date:
        """From the day after this date something is materially due (the first termijn, if any)."""
        termijnen = self.termijnen() if self.voorlopig else ()
        return min(termijnen[0], self.due_date()) if termijnen else self.due_date()


class RentePart(NamedTuple):
    """The rente over one amount: a late payment on ``day``, or (``open``) the open principal as if paid today."""

    day: date
    amount: Decimal
    exact: Decimal  # unrounded, after the days without rente are left out
    excluded: Decimal  # unrounded rente of the days left out (measures, after the verjaringsdatum)
    open: bool = False
    not_charged: bool = False  # at or below the URIW art. 33 threshold as the (only or) last payment


class ClaimEvaluation(NamedTuple):
    """The figures of one claim on ``today`` (immutable; a NamedTuple because 500 are built per screen)."""

    claim_id: object
    today: date
    uiterste_betaaldatum: date
    principal: Decimal
    paid: Decimal
    verrekend: Decimal
    costs: Decimal
    rente_booked: Decimal
    open_principal: Decimal
    open_costs: Decimal
    open_rente: Decimal
    ledger_balance: Decimal
    rente_accrued: Decimal
    verjaringsdatum: date
    verjaard: bool
    stuiten: bool
    stuiten_reden: str
    enforcement_stage: EnforcementStep | None
    next_step: NextStep
    kosten_volgende_stap: Decimal | None
    late_payments: tuple[tuple[date, Decimal], ...] = ()
    waived_costs: Decimal = ZERO
    waived_rente: Decimal = ZERO  # booked rente a measure waives
    waived_rente_accrued: Decimal = ZERO  # accrued rente a measure waives (already left out of rente_accrued)
    gestuit: bool = False
    active_effects: tuple[ClaimEffect, ...] = ()
    rente_parts: tuple[RentePart, ...] = ()  # filled for the explanation only
    rente_drempel: Decimal | None = None  # the URIW art. 33 threshold where it kept rente off the bill

    @property
    def open(self) -> Decimal:
        """What the debtor must pay today: the ledger balance without waived amounts, plus rente accrued."""
        return self.ledger_balance - self.waived_costs - self.waived_rente + self.rente_accrued

    @property
    def under_regeling(self) -> bool:
        return any(e.kind is MeasureKind.BETALINGSREGELING for e in self.active_effects)

    @property
    def paused(self) -> bool:
        return any(e.kind is MeasureKind.INVORDERINGSPAUZE for e in self.active_effects)


_CREDIT_PAYMENTS = frozenset({BookingKind.BETALING, BookingKind.VERREKENING})
_BY_DATE = attrgetter("date")
_GEEN_STUITING, _STUITING_TOEGESTAAN, _GEEN_KOSTEN = (
    Effect.GEEN_STUITING, Effect.STUITING_TOEGESTAAN, Effect.GEEN_KOSTEN)
_UITSTEL, _GEEN_RENTE, _KOSTEN_KWIJT, _RENTE_KWIJT = (
    Effect.UITSTEL, Effect.GEEN_RENTE, Effect.KOSTEN_KWIJT, Effect.RENTE_KWIJT)


@functools.lru_cache(maxsize=4096)
def _drempel(day: date) -> tuple[Decimal, Decimal]:
    """The URIW art. 33 threshold on ``day`` and the exact rente from which it is exceeded (one lookup per day)."""
    threshold = param("rente_drempel_laatste_betaling", day).decimal
    return threshold, floor_euros(threshold) + 1


on_reload(_drempel.cache_clear)


class _Measures:
    """The effects of one claim sorted by what the engine does with them (only built when there are any)."""

    __slots__ = ("active", "geen_kosten", "geen_rente", "kosten_all", "kosten_amounts", "niet_stuiten",
                 "rente_all_end", "rente_amount", "stuiten", "uitstel")

    def __init__(self, effects: tuple[ClaimEffect, ...], today: date) -> None:
        active: list[ClaimEffect] = []
        geen_kosten: list[tuple[date, date]] = []
        kosten_amounts: list[list[Any]] = []
        geen_rente: list[Periode] = []
        uitstel: list[Periode] = []
        kosten_all = rente_all_end = None
        rente_amount = ZERO
        niet_stuiten = stuiten = False
        for e in effects:
            van, tot = e.van, e.tot
            if van > today:
                continue  # not started yet: it does nothing today
            if tot is None or today <= tot:
                active.append(e)
                end = today
                if e.effect is _GEEN_STUITING:
                    niet_stuiten = True
                elif e.effect is _STUITING_TOEGESTAAN:
                    stuiten = True
            else:
                end = tot
            effect = e.effect
            if effect is _UITSTEL:
                uitstel.append(Periode(van, tot if tot is not None else today))
            elif effect is _GEEN_RENTE:
                geen_rente.append(Periode(van, end))
            elif effect is _GEEN_KOSTEN:
                geen_kosten.append((van, end))
            elif effect is _KOSTEN_KWIJT:
                if e.amount is None:
                    kosten_all = end if kosten_all is None or end > kosten_all else kosten_all
                else:
                    kosten_amounts.append([end, e.amount])
            elif effect is _RENTE_KWIJT:
                if e.amount is None:
                    rente_all_end = end if rente_all_end is None or end > rente_all_end else rente_all_end
                else:
                    rente_amount += e.amount
        if rente_all_end is not None:
            geen_rente.append(Periode(date.min, rente_all_end))
        self.active = tuple(active)
        self.geen_kosten = geen_kosten
        self.kosten_all = kosten_all
        self.kosten_amounts = kosten_amounts
        self.rente_all_end = rente_all_end
        self.rente_amount = rente_amount
        self.geen_rente = tuple((p.van, p.tot) for p in merge_periods(geen_rente)) if geen_rente else ()
        self.uitstel = tuple(uitstel)
        self.niet_stuiten = niet_stuiten
        self.stuiten = stuiten

    def waive_costs(self, day: date, amount: Decimal) -> Decimal:
        """How much of a kosten booking of ``amount`` on ``day`` a measure waives."""
        for van, tot in self.geen_kosten:
            if van <= day <= tot:
                return amount
        if self.kosten_all is not None and day <= self.kosten_all:
            return amount
        waived = ZERO
        for budget in self.kosten_amounts:
            if day <= budget[0] and budget[1] > 0 and waived < amount:
                part = min(budget[1], amount - waived)
                budget[1] -= part
                waived += part
        return waived


def _lopend_toeslagjaar(facts: ClaimFacts, today: date) -> int | None:
    jaar = facts.tijdvak_jaar
    if jaar is None or facts.kind is not ClaimKind.TERUGVORDERING or facts.creditor is not Creditor.TOESLAGEN:
        return None
    return jaar if jaar >= today.year else None


_KOSTEN, _RENTE, _AANSLAG = BookingKind.KOSTEN, BookingKind.RENTE, BookingKind.AANSLAG
_BETALING, _VERREKENING = BookingKind.BETALING, BookingKind.VERREKENING
_STUIT = {step: step.stuit for step in EnforcementStep}


@functools.lru_cache(maxsize=65536)
def _next_costs(step: EnforcementStep, on: date, amount: Decimal) -> Decimal:
    """The tariff of the next step (cached: a screen refresh asks the same for every claim)."""
    return vervolgingskosten_bedrag(step, on, amount)


on_reload(_next_costs.cache_clear)
_CREDITOR = {m: m.creditor for m in Middel}


@functools.lru_cache(maxsize=65536)
def _verjaringsdatum(due: date, stuitingen: tuple[date, ...], uitstel: tuple[Periode, ...]) -> date:
    """:func:`verjaringsdatum`, cached: a screen refresh or a new day asks the same question for every claim."""
    return verjaringsdatum(due, list(stuitingen), uitstel)


on_reload(_verjaringsdatum.cache_clear)


def evaluate_claim(facts: ClaimFacts, today: date) -> ClaimEvaluation:
    """The figures, verjaring, advice and next step of one claim on ``today`` (see the module docstring)."""
    return _evaluate(facts, today, False)


def _evaluate(facts: ClaimFacts, today: date, detail: bool) -> ClaimEvaluation:
    """``detail``: also keep the rente per part for :func:`explain_claim` (the same computation, recorded)."""
    due = facts.due_date()
    effects = facts.effects
    measures = _Measures(effects, today) if effects else None
    principal = open_principal = balance = facts.bedrag
    open_costs = open_rente = ZERO
    paid = verrekend = costs = rente_booked = waived_costs = waived_rente = ZERO
    late: list[tuple[date, Decimal]] = []
    stuitingen = [s.date for s in facts.steps if (_STUIT[s.step] if s.stuit is None else s.stuit)]
    bookings = facts.bookings
    late_from = due + ONE_DAY
    for booking in sorted(bookings, key=_BY_DATE) if len(bookings) > 1 else bookings:
        kind = booking.kind
        amount = booking.amount
        balance += amount
        if kind is _KOSTEN:
            costs += amount
            if measures is not None:
                waived = measures.waive_costs(booking.date, amount)
                waived_costs += waived
                amount -= waived
            open_costs += amount
        elif kind is _RENTE:
            rente_booked += amount
            if measures is not None and measures.rente_all_end is not None and booking.date <= measures.rente_all_end:
                waived_rente += amount
                continue
            open_rente += amount
        elif kind is _AANSLAG:
            principal += amount
            open_principal += amount
        elif kind is _BETALING or kind is _VERREKENING:
            credit = -amount
            if kind is _BETALING:
                paid += credit
            else:
                verrekend += credit
                stuitingen.append(booking.date)  # beschikking tot verrekening stuit (Awb 4:106)
            if open_costs > 0:
                part = credit if credit < open_costs else open_costs
                open_costs -= part
                credit -= part
            if open_rente > 0:
                part = credit if credit < open_rente else open_rente
                open_rente -= part
                credit -= part
            if open_principal > 0:
                part = credit if credit < open_principal else open_principal
                open_principal -= part
                credit -= part
                if part > 0 and booking.date > late_from:
                    late.append((booking.date, part))
            open_principal -= credit  # overpayment shows as a negative principal
        else:  # vermindering, kwijtschelding, afboeking lower the principal first
            credit = -amount
            principal -= credit
            if open_principal > 0:
                part = credit if credit < open_principal else open_principal
                open_principal -= part
                credit -= part
            if open_rente > 0:
                part = credit if credit < open_rente else open_rente
                open_rente -= part
                credit -= part
            open_costs -= credit
    uitstel = measures.uitstel if measures is not None else ()
    verj_date = _verjaringsdatum(due, tuple(stuitingen), uitstel)
    # -- invorderingsrente: per payment, without the days a measure excludes and after the verjaringsdatum
    excluded = measures.geen_rente if measures is not None else ()
    cap = verj_date + ONE_DAY  # a payment after the verjaringsdatum carries rente up to that date only
    parts: list[RentePart] | None = [] if detail else None
    exact_total = ZERO
    last_exact = ZERO
    for day, amount in late:
        pay = day if day <= cap else cap
        last_exact = rente_exact_excluding(amount, due, pay, excluded) if excluded else rente_exact(amount, due, pay)
        exact_total += last_exact
        if parts is not None:
            parts.append(RentePart(day, amount, last_exact, _excluded(amount, due, day, pay, last_exact, excluded)))
    drempel: Decimal | None = None
    if open_principal > 0 and today > late_from:
        # as if the whole debt were paid today: that payment would be the last one (URIW art. 33)
        pay = today if today <= cap else cap
        exact = rente_exact_excluding(open_principal, due, pay, excluded) if excluded else rente_exact(
            open_principal, due, pay)
        threshold, limit = _drempel(today)
        below = exact < limit  # the charged rente, rounded down to euros, is not above the threshold
        if below:
            drempel = threshold
        else:
            exact_total += exact
        if parts is not None:
            parts.append(RentePart(today, open_principal, exact,
                                   _excluded(open_principal, due, today, pay, exact, excluded), open=True,
                                   not_charged=below))
    elif late and open_principal <= 0:
        # the principal is paid: its last payment is known, and rente of at most the threshold over that
        # payment is not charged (URIW art. 33)
        threshold, limit = _drempel(late[-1][0])
        if last_exact < limit:
            exact_total -= last_exact
            drempel = threshold
            if parts is not None:
                parts[-1] = parts[-1]._replace(not_charged=True)
    rente_accrued = (floor_euros(exact_total) if exact_total else ZERO) - rente_booked + waived_rente
    if rente_accrued < 0:
        rente_accrued = ZERO
    waived_accrued = ZERO
    if measures is not None and measures.rente_amount > 0:
        budget = measures.rente_amount
        waived_accrued = min(budget, rente_accrued)
        rente_accrued -= waived_accrued
        more = min(budget - waived_accrued, open_rente) if open_rente > 0 else ZERO
        open_rente -= more
        waived_rente += more
    # -- verjaring, stuiting, the ladder
    open_amount = balance - waived_costs - waived_rente if measures is not None else balance
    positive = open_amount > 0
    active = measures.active if measures is not None else ()
    advice = stuiten_advies_kort(
        verj_date, today, _CREDITOR[facts.middel], positive, fraude=facts.fraude,
        betalingsperspectief=facts.betalingsperspectief,
        niet_stuiten=measures is not None and measures.niet_stuiten,
        stuiten_toegestaan=measures is not None and measures.stuiten,
    )
    nxt = ladder(
        today,
        facts.first_due_date() if facts.voorlopig else due,
        positive,
        verj_date,
        facts.steps,
        active,
        facts.bvv_vastgesteld_op,
        facts.uitstel_afgewezen_op,
        facts.kwijtschelding_afgewezen_op,
        facts.contacten,
        facts.vooraankondiging_op,
        facts.verrekening_mogelijk,
        _lopend_toeslagjaar(facts, today) if facts.tijdvak_jaar is not None else None,
        facts.fraude,
    )
    next_costs = None
    step = nxt.step
    if step is not None:
        earliest = nxt.earliest
        on = earliest if earliest is not None and earliest > today else today
        if measures is not None and any(e.effect is _GEEN_KOSTEN and e.active_on(on) for e in effects):
            next_costs = ZERO
        else:
            next_costs = _next_costs(step, on, open_amount)
    return ClaimEvaluation(
        facts.claim_id,
        today,
        due,
        principal,
        paid,
        verrekend,
        costs,
        rente_booked,
        open_principal,
        open_costs,
        open_rente,
        balance,
        rente_accrued,
        verj_date,
        today > verj_date,
        advice.stuiten,
        advice.reden,
        nxt.enforcement_stage,
        nxt,
        next_costs,
        tuple(late),
        waived_costs,
        waived_rente,
        waived_accrued,
        bool(stuitingen),
        active,
        tuple(parts) if parts else (),
        drempel,
    )


def _excluded(amount: Decimal, due: date, day: date, pay: date, exact: Decimal,
              excluded: tuple[tuple[date, date], ...]) -> Decimal:
    """The rente left out of one part: the excluded days, and the days after the verjaringsdatum."""
    if pay == day and not excluded:
        return ZERO
    return rente_exact(amount, due, day) - exact


def evaluate_claims(claims: list[ClaimFacts], today: date) -> list[ClaimEvaluation]:
    return [evaluate_claim(facts, today) for facts in claims]


# ------------------------------------------------------------------------------------------- the explanation


_MEASURE_WORDS = {
    Effect.GEEN_DWANG: "geen dwanginvordering",
    Effect.GEEN_CONTACT: "geen contact over betalen",
    Effect.GEEN_RENTE: "geen invorderingsrente",
    Effect.GEEN_KOSTEN: "geen nieuwe kosten",
    Effect.KOSTEN_KWIJT: "kosten vervallen",
    Effect.RENTE_KWIJT: "rente vervalt",
    Effect.GEEN_VERREKENING: "geen verrekening",
    Effect.GEEN_STUITING: "niet stuiten",
    Effect.STUITING_TOEGESTAAN: "stuiten toegestaan",
    Effect.BVV_VERHOGING: "hogere beslagvrije voet",
    Effect.BUITEN_INVORDERING: "niet invorderen",
    Effect.EERST_CONTACT: "eerst persoonlijk contact",
    Effect.UITSTEL: "uitstel van betaling",
    Effect.KWIJTSCHELDINGSVERZOEK: "geen dwang tijdens de behandeling",
}


def _measure_lines(effects: tuple[ClaimEffect, ...]) -> list[str]:
    """One line per measure (its effects together): "Invorderingspauze vanaf 01-06-2026: geen dwang..."."""
    grouped: dict[tuple[object, MeasureKind, date, date | None], list[ClaimEffect]] = {}
    for effect in effects:
        grouped.setdefault((effect.measure_id, effect.kind, effect.van, effect.tot), []).append(effect)
    lines = []
    for (_id, kind, van, tot), group in grouped.items():
        period = f"vanaf {format_date(van)}" if tot is None else f"van {format_date(van)} t/m {format_date(tot)}"
        words = []
        for e in group:
            text = _MEASURE_WORDS[e.effect]
            if e.amount is not None:
                monthly = e.effect in (Effect.GEEN_VERREKENING, Effect.BVV_VERHOGING)
                text += f" ({format_eur(e.amount)}{' per maand' if monthly else ''})"
            words.append(text)
        lines.append(f"Maatregel {label(kind)} {period}: {', '.join(words)}")
    return lines


def _open_sum(ev: ClaimEvaluation, steps: Explanation) -> None:
    """"Nog te betalen" as a sum with every term visible (aanslag − betaald − verrekend + kosten + rente = ...),
    made of the evaluation's own figures; a claim whose ledger holds other kinds of bookings gets the one line."""
    terms: list[tuple[str, Decimal]] = [("bedrag van de aanslag", ev.principal)]
    for word, amount in (
        ("betaald", -ev.paid), ("verrekend", -ev.verrekend), ("kosten", ev.costs),
        ("vervallen kosten", -ev.waived_costs), ("rente in rekening gebracht", ev.rente_booked),
        ("vervallen rente", -ev.waived_rente), ("lopende rente", ev.rente_accrued),
    ):
        if amount:
            terms.append((word, amount))
    if len(terms) > 1 and sum((amount for _word, amount in terms), ZERO) == ev.open:
        steps.sum(terms, ("nog te betalen", ev.open))
    else:
        steps.add("Nog te betalen", format_eur(ev.open))


#: the tariff table of the costs of a step (aanmaning: low or high, by the amount booked)
_COST_TARIFFS: dict[EnforcementStep, tuple[str, ...]] = {
    EnforcementStep.AANMANING: ("aanmaningskosten_laag", "aanmaningskosten_hoog"),
    EnforcementStep.DWANGBEVEL: ("dwangbevel_basis",),
    EnforcementStep.HERNIEUWD_BEVEL: ("hernieuwd_bevel_kosten",),
    EnforcementStep.BESLAG: ("beslag_kosten",),
    EnforcementStep.EXECUTIE: ("verkoop_kosten",),
}


def _cost_steps(facts: ClaimFacts, total: Decimal, today: date, steps: Explanation) -> None:
    """Each cost booked, with the step it was for and its tariff's source and status (Kostenwet); the one total
    line when the bookings do not add up to it (a correction booked, a cost without a step)."""
    booked = [b for b in facts.bookings if b.kind is BookingKind.KOSTEN and b.date <= today]
    if not booked or sum((b.amount for b in booked), ZERO) != total or any(b.amount <= 0 for b in booked):
        steps.add("Kosten in rekening gebracht", format_eur(total))
        return
    for booking in booked:
        taken = next((s for s in facts.steps if s.date == booking.date and s.step in _COST_TARIFFS), None)
        if taken is None:
            steps.add(f"Kosten van {format_date(booking.date)}", format_eur(booking.amount))
            continue
        row = _tariff_row(taken.step, booking.date, booking.amount)
        steps.add(f"Kosten {label(taken.step)} van {format_date(booking.date)}", format_eur(booking.amount),
                  param=row, legal_source=row.legal_source if row is not None else None)


def _tariff_row(step: EnforcementStep, day: date, amount: Decimal) -> ParamValue | None:
    """The tariff row behind the costs of ``step`` on ``day`` (the one of that amount, else the table's first), or
    ``None`` for a step without a tariff or a date before its table starts."""
    row = None
    for name in _COST_TARIFFS.get(step, ()):
        try:
            candidate = param(name, day)
        except UserFacingError:
            return None
        row = row or candidate
        if candidate.decimal == amount:
            return candidate
    return row


def explain_claim(facts: ClaimFacts, today: date) -> tuple[Step, ...]:
    """The explanation behind :func:`evaluate_claim`'s figures, in Dutch words an officer can read out.

    Built from the evaluation itself (the same rente parts, thresholds and waivers), never a second computation
    of the figures; only the verjaring is explained by its explained twin, which a property test keeps equal.
    """
    ev = _evaluate(facts, today, True)
    steps = Explanation()
    due = ev.uiterste_betaaldatum
    if facts.uiterste_betaaldatum is None:
        from caseworker_app.domain.rules.termijnen import betaaltermijn

        jaar = facts.tijdvak_jaar if facts.voorlopig else None
        steps.extend(betaaltermijn(facts.kind, facts.dagtekening, facts.middel, voorlopig_jaar=jaar).steps)
    else:
        steps.add("Uiterste betaaldatum (zoals op het aanslagbiljet of de beschikking)", format_date(due))
    for line in _measure_lines(ev.active_effects):
        steps.add(line)
    steps.add("Bedrag van de aanslag na verminderingen", format_eur(ev.principal))
    if ev.paid:
        steps.add("Betaald (eerst voor de kosten, dan de rente, dan de aanslag; Invorderingswet 1990, art. 7)",
                  format_eur(ev.paid))
    if ev.verrekend:
        steps.add("Verrekend (Invorderingswet 1990, art. 24; Awir art. 30)", format_eur(ev.verrekend))
    if ev.costs:
        _cost_steps(facts, ev.costs, today, steps)
    if ev.waived_costs:
        steps.add("Kosten die door een maatregel vervallen", "− " + format_eur(ev.waived_costs))
    rente_measure = any(
        e.van <= today and (e.effect is Effect.GEEN_RENTE or (e.effect is Effect.RENTE_KWIJT and e.amount is None))
        for e in facts.effects
    )
    for part in ev.rente_parts:
        if part.open:
            text = f"Rente over het open bedrag van {format_eur(part.amount)} als u vandaag alles betaalt"
        else:
            text = f"Rente over de betaling van {format_eur(part.amount)} op {format_date(part.day)}"
        steps.add(text, format_eur(floor_euros(part.exact)))
        if part.excluded > 0:
            reasons = []
            if rente_measure:
                reasons.append("dagen zonder rente door een maatregel")
            if part.day > ev.verjaringsdatum:
                reasons.append(f"na de verjaringsdatum {format_date(ev.verjaringsdatum)} loopt geen rente meer")
            steps.add(f"Daarin niet meegerekend: {' en '.join(reasons)}", format_eur(floor_euros(part.excluded)))
        if part.not_charged and ev.rente_drempel is not None:
            if part.open:
                steps.add(
                    "Betaalt u vandaag alles, dan is dit de laatste betaling. Rente van niet meer dan "
                    f"{format_eur(ev.rente_drempel)} hoeft u dan niet te betalen (Uitvoeringsregeling "
                    "Invorderingswet 1990, art. 33)",
                    format_eur(ZERO),
                    param=param("rente_drempel_laatste_betaling", today),
                )
            else:
                steps.add(
                    "Dit was de laatste betaling en de rente is niet hoger dan "
                    f"{format_eur(ev.rente_drempel)}: die wordt niet in rekening gebracht (Uitvoeringsregeling "
                    "Invorderingswet 1990, art. 33)",
                    format_eur(ZERO),
                    param=param("rente_drempel_laatste_betaling", part.day),
                )
    if ev.rente_parts:
        steps.extend(_rate_steps(ev))
    if ev.rente_booked:
        steps.add("Rente al in rekening gebracht", format_eur(ev.rente_booked))
    if ev.waived_rente or ev.waived_rente_accrued:
        steps.add("Rente die door een maatregel vervalt", "− " + format_eur(ev.waived_rente + ev.waived_rente_accrued))
    steps.add("Lopende invorderingsrente, nog niet in rekening gebracht (afgerond op hele euro's naar beneden)",
              format_eur(ev.rente_accrued))
    if ev.verjaard and ev.open > 0:
        steps.add(
            f"Verjaard na {format_date(ev.verjaringsdatum)}: dit bedrag wordt niet meer ingevorderd en hoeft u niet "
            "te betalen (Algemene wet bestuursrecht, art. 4:104)",
            format_eur(ev.open),
        )
    else:
        _open_sum(ev, steps)
    stuitingen = [s.date for s in facts.steps if s.stuitend]
    stuitingen += [b.date for b in facts.bookings if b.kind is BookingKind.VERREKENING]
    uitstel = tuple(
        Periode(e.van, e.tot if e.tot is not None else max(today, e.van))
        for e in facts.effects
        if e.effect is Effect.UITSTEL and e.van <= today
    )
    steps.extend(verjaring(due, stuitingen, uitstel).steps)
    _, advice_step = stuiten_advies(
        ev.verjaringsdatum,
        today,
        facts.creditor,
        ev.open > ev.rente_accrued,
        fraude=facts.fraude,
        betalingsperspectief=facts.betalingsperspectief,
        niet_stuiten=any(e.effect is Effect.GEEN_STUITING for e in ev.active_effects),
        stuiten_toegestaan=any(e.effect is Effect.STUITING_TOEGESTAAN for e in ev.active_effects),
    )
    steps.extend([advice_step])
    nxt = ev.next_step
    steps.add("Huidige stap", label(nxt.enforcement_stage) if nxt.enforcement_stage else "nog geen")
    for guard in nxt.guards:
        steps.add(("Voldaan: " if guard.ok else "Houdt tegen: ") + guard.reden)
    if nxt.step is not None:
        steps.add("Volgende stap" + (" (mag nu)" if nxt.allowed else " (mag nog niet)"), label(nxt.step))
        if ev.kosten_volgende_stap is not None:
            tariff = _tariff_row(EnforcementStep(nxt.step), today, ev.kosten_volgende_stap)
            steps.add(f"Kosten van de volgende stap ({label(nxt.step)})", format_eur(ev.kosten_volgende_stap),
                      param=tariff, legal_source=tariff.legal_source if tariff is not None else None)
    elif ev.verjaard:
        steps.add("Volgende stap", "geen: verjaard")
    elif ev.open <= 0:
        steps.add("Volgende stap", "geen: er staat niets open")
    return steps.freeze()


def _rate_steps(ev: ClaimEvaluation) -> list[Step]:
    """The percentages used, once each, with their source (the figures behind every rente line)."""
    from caseworker_app.domain.rules.rente import rente_factor

    rows = {}
    for part in ev.rente_parts:
        for period in rente_factor(ev.uiterste_betaaldatum, min(part.day, ev.verjaringsdatum + ONE_DAY)).periodes:
            rows[period.param.valid_from] = period.param
    day_count = param("rente_dagtelling", ev.today)
    words = (
        "de maand van de vervaldag telt de werkelijke dagen (februari 28), elke volgende volle maand 30 dagen, "
        "een jaar 360 dagen" if day_count.text == "uriw31" else "werkelijke dagen, een jaar 365 dagen"
    )
    year = "jaar van 360 dagen" if day_count.text == "uriw31" else "jaar van 365 dagen"
    out = [Step.of(f"Zo worden de dagen geteld: {words}", year, param=day_count)]
    for row in sorted(rows.values(), key=lambda r: r.valid_from):
        out.append(Step.of(f"Rentepercentage vanaf {format_date(row.valid_from)}", format_pct(row.decimal), param=row))
    return out
