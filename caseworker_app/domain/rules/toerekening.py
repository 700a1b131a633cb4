"""Toerekening: how one payment or verrekening received for a debtor is divided over their claims.

The rules (``docs/rules.md``, "Toerekening van betalingen"):

* **Within a claim** (IW 1990 art. 7 lid 1): first the kosten, then the invorderingsrente, then the aanslag or
  terugvordering itself (the principal).  Caseworker keeps no betalingskorting (art. 7 lid 1 b).  The rente is what
  is due on the payment date: rente booked and not yet paid, plus the rente this payment brings due -- rente over the
  principal it pays (URIW art. 29: every payment separately), and rente earlier payments brought due that was never
  booked.  How much that is, a claim's :class:`RenteRule` says; :func:`claim_balance` asks the rules engine
  (``domain.rules.position``), so the URIW art. 33 threshold at the last payment, the days a measure excludes and
  the verjaring are all honoured, and :class:`RenteOverBetaling` is the same figure in closed form for a ledger
  that tracks its own state (the demo generator).  The split follows URIW art. 30 lid 2 and 32: the rente charged is
  rounded down to whole euros and a remainder goes to the principal.
* **Across claims** (Leidraad Invordering 2008, 7.2; for toeslagschulden 79.18):

  1. an explicit order (``volgorde``), the claims it lists first -- a betalingsregeling's claims, or what the
     debtor asked for otherwise than with the payment;
  2. the claim the payer named (``kenmerk``): "Betalingen waarvan de bestemming is aangegeven worden afgeboekt
     overeenkomstig de opgave van de betaler";
  3. then the rest, oldest first -- "ongerichte betalingen ... worden afgeboekt op de oudste openstaande
     belastingaanslagen": by dagtekening, then uiterste betaaldatum, then kenmerk (so the order is total).

  A named claim on which nothing is open makes the payment an undirected one (LI 7.3); so does a verjaarde claim,
  which Caseworker no longer collects (Awb 4:104): an undirected payment never goes to one.
* **More than is open** is never dropped: it stays ``unallocated`` (niet toegerekend), a credit on the payment to
  refund or to apply later, and the caller records it with the payment.

Everything here is pure: amounts are Decimal, nothing is read from a database.  :func:`allocate` is property-tested
(nothing created or lost, no claim below zero, the order kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Protocol

from caseworker_app.domain.money import CENT, ZERO, floor_euros
from caseworker_app.domain.rules.position import Booking, ClaimFacts, evaluate_claim
from caseworker_app.domain.types import BookingKind

__all__ = [
    "Allocation",
    "BookingLine",
    "ClaimAllocation",
    "ClaimBalance",
    "RenteOverBetaling",
    "RenteRule",
    "allocate",
    "claim_balance",
    "default_order",
]


class RenteRule(Protocol):
    """The rente a payment on the payment date brings due on one claim."""

    def due(self, principal: Decimal) -> Decimal:
        """Rente due when ``principal`` (0 <= principal <= the open principal) is paid: rente over that payment plus
        what earlier payments brought due and was not booked, rounded down to whole euros, never negative.  Paying
        the whole open principal is the last payment (URIW art. 33)."""
        ...


@dataclass(frozen=True, slots=True)
class RenteOverBetaling:
    """:class:`RenteRule` in closed form, for a ledger that keeps its own running figures.

    ``factor`` is the rente over one euro paid on the payment date (``rente_exact(1, vervaldatum, betaaldatum)``),
    ``accrued_exact`` the unrounded rente over the earlier late payments, ``booked`` the rente booked so far and
    ``threshold`` the URIW art. 33 amount on the payment date (``None``: not applied).  The same arithmetic as the
    rules engine: the payment is rounded down to whole euros first (URIW 30 lid 4), the total once (URIW 32).
    """

    open_principal: Decimal
    factor: Decimal
    accrued_exact: Decimal = ZERO
    booked: Decimal = ZERO
    threshold: Decimal | None = None

    def due(self, principal: Decimal) -> Decimal:
        exact = principal.to_integral_value(rounding=ROUND_FLOOR) * self.factor
        if (
            self.threshold is not None
            and principal >= self.open_principal
            and floor_euros(exact) <= self.threshold
        ):
            exact = Decimal(0)  # the last payment: rente of at most the threshold is not charged
        total = self.accrued_exact + exact
        due = (floor_euros(total) if total else ZERO) - self.booked
        return due if due > 0 else ZERO


@dataclass(frozen=True, slots=True)
class _EngineRente:
    """:class:`RenteRule` asked of the rules engine: the claim's ledger as it would stand after the payment.

    Paying ``principal`` on ``day`` is added to the claim's bookings and the engine says how much rente is then
    accrued and not booked (with the claim's measures, the verjaring and the URIW art. 33 threshold).  For a
    payment that leaves principal open, the rest of the principal is taken off and paid with one last cent, so
    that what the engine reports is the rente this payment brings due and not the rente it would charge if the rest
    were paid today as well (rente over one cent is nil: the payment is rounded down to whole euros first).
    """

    facts: ClaimFacts
    day: date
    before: Decimal  # kosten and booked rente the payment pays first
    open_principal: Decimal

    def due(self, principal: Decimal) -> Decimal:
        day = self.day
        first = Booking(BookingKind.BETALING, -(self.before + principal), day)
        if principal >= self.open_principal:
            extra: tuple[Booking, ...] = (first,)
        else:
            rest = self.open_principal - principal - CENT
            extra = (first,)
            if rest > 0:
                extra += (Booking(BookingKind.AFBOEKING, -rest, day),)
            extra += (Booking(BookingKind.BETALING, -CENT, day),)
        hypothetical = replace(self.facts, bookings=(*self.facts.bookings, *extra))
        return evaluate_claim(hypothetical, day).rente_accrued


@dataclass(frozen=True, slots=True)
class ClaimBalance:
    """What one claim owes on the payment date, as the allocation needs it."""

    claim_id: object
    reference: str
    dagtekening: date
    vervaldatum: date
    open_costs: Decimal  # kosten booked and not paid (without what a measure waives)
    open_rente: Decimal  # rente booked and not paid (without what a measure waives)
    open_principal: Decimal
    rente: RenteRule
    verjaard: bool = False

    @property
    def payoff(self) -> Decimal:
        """What pays this claim off on the payment date (kosten, rente due at the last payment, principal)."""
        principal = max(self.open_principal, ZERO)
        rente = self.rente.due(principal) if principal > 0 else ZERO
        return max(self.open_costs, ZERO) + max(self.open_rente, ZERO) + rente + principal


def claim_balance(facts: ClaimFacts, day: date, reference: str, vervaldatum: date | None = None) -> ClaimBalance:
    """The :class:`ClaimBalance` of a claim on ``day``, from the rules engine (its evaluation on that day)."""
    ev = evaluate_claim(facts, day)
    costs = max(ev.open_costs, ZERO)
    rente = max(ev.open_rente, ZERO)
    principal = max(ev.open_principal, ZERO)
    return ClaimBalance(
        claim_id=facts.claim_id,
        reference=reference,
        dagtekening=facts.dagtekening,
        vervaldatum=vervaldatum or ev.uiterste_betaaldatum,
        open_costs=costs,
        open_rente=rente,
        open_principal=principal,
        rente=_EngineRente(facts, day, costs + rente, principal),
        verjaard=ev.verjaard,
    )


@dataclass(frozen=True, slots=True)
class ClaimAllocation:
    """The part of a payment that went to one claim."""

    claim_id: object
    reference: str
    kosten: Decimal
    rente: Decimal  # rente paid: booked before, and brought due by this payment
    hoofdsom: Decimal
    #: rente this payment brings due, to be booked with it (may be more than ``rente`` when the payment ran out)
    rente_due: Decimal

    @property
    def total(self) -> Decimal:
        return self.kosten + self.rente + self.hoofdsom


@dataclass(frozen=True, slots=True)
class BookingLine:
    """One ledger booking an allocation makes (signed as on the ledger: rente +, the payment -)."""

    claim_id: object
    kind: BookingKind
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Allocation:
    amount: Decimal
    claims: tuple[ClaimAllocation, ...]  # in the order allocated; only claims that received something
    unallocated: Decimal  # niet toegerekend: a credit, to refund or to apply later
    #: why the payment did not go where it was directed, in Dutch (shown with the result)
    notes: tuple[str, ...] = ()

    @property
    def allocated(self) -> Decimal:
        return sum((c.total for c in self.claims), ZERO)

    def bookings(self, kind: BookingKind = BookingKind.BETALING) -> list[BookingLine]:
        """The ledger lines: per claim the rente the payment brought due, then the payment itself (``kind``: a
        betaling or a verrekening).  The rules engine allocates the payment line within the claim by art. 7 again
        and finds the split of :attr:`claims`: kosten, then booked rente (the new rente included), then principal."""
        if kind not in (BookingKind.BETALING, BookingKind.VERREKENING):
            raise ValueError(f"a payment is booked as betaling or verrekening, not {kind}")
        lines: list[BookingLine] = []
        for part in self.claims:
            if part.rente_due > 0:
                lines.append(BookingLine(part.claim_id, BookingKind.RENTE, part.rente_due))
            if part.total > 0:
                lines.append(BookingLine(part.claim_id, kind, -part.total))
        return lines


def _oldest_first(claim: ClaimBalance) -> tuple[date, date, str]:
    return claim.dagtekening, claim.vervaldatum, claim.reference


def default_order(claims: Sequence[ClaimBalance]) -> list[ClaimBalance]:
    """Oldest first (LI 7.2): by dagtekening, then uiterste betaaldatum, then kenmerk."""
    return sorted(claims, key=_oldest_first)


def _has_open(claim: ClaimBalance) -> bool:
    """Whether anything on the claim can take a payment: kosten, booked rente, principal -- or, with all of those
    paid, rente that earlier payments brought due and nobody booked yet (the position shows it as open)."""
    if claim.open_costs > 0 or claim.open_rente > 0 or claim.open_principal > 0:
        return True
    return claim.rente.due(ZERO) > 0


def _cents(amount: Decimal) -> int:
    return int((amount / CENT).to_integral_value(rounding=ROUND_FLOOR))


def _allocate_claim(claim: ClaimBalance, available: Decimal) -> ClaimAllocation:
    """Art. 7 within one claim: kosten, rente, principal, for at most ``available``."""
    kosten = min(available, max(claim.open_costs, ZERO))
    left = available - kosten
    booked = max(claim.open_rente, ZERO)
    principal_open = max(claim.open_principal, ZERO)
    if left <= 0:
        return ClaimAllocation(claim.claim_id, claim.reference, kosten, ZERO, ZERO, ZERO)
    rule = claim.rente
    if principal_open > 0:
        full = rule.due(principal_open)
        if left >= booked + full + principal_open:  # the whole claim is paid
            return ClaimAllocation(claim.claim_id, claim.reference, kosten, booked + full, principal_open, full)
    nothing = rule.due(ZERO)  # rente earlier payments brought due and was not booked
    if left <= booked + nothing or principal_open <= 0:
        rente = min(left, booked + nothing)
        return ClaimAllocation(claim.claim_id, claim.reference, kosten, rente, ZERO, nothing)
    # the largest principal p (whole cents, less than all of it) with booked + rente(p) + p <= left;
    # rente(p) never falls as p grows (below the last payment), so the feasible p are an interval from 0
    room = left - booked
    low, high = 0, min(_cents(principal_open) - 1, _cents(room - nothing))
    while low < high:
        middle = (low + high + 1) // 2
        p = Decimal(middle) * CENT
        if p + rule.due(p) <= room:
            low = middle
        else:
            high = middle - 1
    principal = Decimal(low) * CENT
    rente = rule.due(principal)
    # the rente is rounded down to whole euros (URIW 30 lid 2, 32): what is left of the payment goes to the principal,
    # short of paying it off (that would be the last payment, with the rente of the last payment)
    principal = min(room - rente, principal_open - CENT)
    return ClaimAllocation(claim.claim_id, claim.reference, kosten, booked + rente, principal, rente)


def allocate(
    amount: Decimal,
    claims: Sequence[ClaimBalance],
    *,
    kenmerk: str | None = None,
    volgorde: Sequence[str] = (),
) -> Allocation:
    """Divide ``amount`` over ``claims`` (the module docstring has the rules and their sources).

    ``kenmerk`` is the claim the payer named; ``volgorde`` an explicit order of kenmerken that goes before it (a
    betalingsregeling, the debtor's stated wish).  Kenmerken that name none of ``claims`` are the caller's to refuse
    before calling; here they are passed over.  ``amount`` must be positive and in whole cents.
    """
    if amount <= 0:
        raise ValueError("a payment allocates a positive amount")
    if amount != amount.quantize(CENT):
        raise ValueError("a payment is in whole cents")
    by_reference = {c.reference: c for c in claims}
    notes: list[str] = []
    directed: list[ClaimBalance] = []
    chosen: set[str] = set()
    wanted = [*volgorde, *([kenmerk] if kenmerk else [])]
    for reference in wanted:
        claim = by_reference.get(reference)
        if claim is None or reference in chosen:
            continue
        chosen.add(reference)
        if claim.verjaard:
            notes.append(
                f"Op vordering {reference} wordt niet meer ingevorderd (verjaard); de betaling is toegerekend aan "
                "de oudste openstaande vorderingen."
            )
            continue
        if not _has_open(claim) or claim.payoff <= 0:
            notes.append(
                f"Op vordering {reference} staat niets meer open; de betaling is toegerekend aan de oudste "
                "openstaande vorderingen (Leidraad Invordering 2008, 7.3)."
            )
            continue
        directed.append(claim)
    taken = {c.reference for c in directed}
    rest = [c for c in default_order(claims) if c.reference not in taken and not c.verjaard]
    left = amount
    parts: list[ClaimAllocation] = []
    for claim in (*directed, *rest):
        if left <= 0:
            break
        if not _has_open(claim):
            continue
        part = _allocate_claim(claim, left)
        if part.total > 0 or part.rente_due > 0:
            parts.append(part)
            left -= part.total
    return Allocation(amount, tuple(parts), left, tuple(notes))
