"""Recording a payment or verrekening: once, at debtor level, divided over the claims by the toerekening.

:func:`record_payment` is the one way money received for a debtor gets onto the ledger (the command line
``caseworker payment record``, the window, the demo and the test builders all call it).  In one unit of work:

1. the debtor's claims, ledger and measures as the position sees them on the payment date
   (:func:`caseworker_app.services.position.evaluate.claim_facts`);
2. the toerekening (``domain.rules.toerekening.allocate``): within a claim kosten, then rente, then the
   hoofdsom (IW 1990 art. 7); across claims first an explicit order (``order``: a betalingsregeling's claims
   or the debtor's stated wish, pluggable), then the claim the payer named (``kenmerk``), then oldest first
   (Leidraad Invordering 2008, 7.2-7.3);
3. rows: one :class:`~caseworker_app.db.models.Payment`, per claim the rente the payment brought due (URIW art.
   29), the payment booking and one :class:`~caseworker_app.db.models.PaymentAllocation`; what no open claim
   could take stays on the payment as a **tegoed** (never dropped; the result and the position say so);
4. the position after it, on the payment date, in the same transaction.

The audit hooks record every row with the operation ``payment.record`` (or ``verrekening.record``); every
workspace showing the debtor refreshes (the bookings and payments are part of its change token; on PostgreSQL
the commit notifies).  Two payments for one debtor at the same moment are taken one after the other (a
transaction-level advisory lock on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so neither allocates against a
balance the other already paid.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, func, select, text
from sqlalchemy.orm import Session

from caseworker_app.errors import NotFoundError, ValidationError

from caseworker_app.domain.identifiers import validate_bsn
from caseworker_app.domain.money import CENT, ZERO, format_date, format_eur, to_money
from caseworker_app.domain.params import load_parameters
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.position_totals import compute_totals
from caseworker_app.domain.rules.position import ClaimFacts
from caseworker_app.domain.rules.toerekening import (
    Allocation,
    ClaimAllocation,
    ClaimBalance,
    allocate,
    claim_balance,
)
from caseworker_app.domain.types import BookingKind

from caseworker_app.db.models import Booking, Claim, Payment, PaymentAllocation
from caseworker_app.db.models.payments import PAYMENT_CHANNELS
from caseworker_app.db.repositories import debtors as debtor_repo
from caseworker_app.db.repositories.ledger import BookingRow

from caseworker_app.services.capabilities import Capabilities
from caseworker_app.services.context import Context
from caseworker_app.services.position.dto import Flag, TimelineEvent
from caseworker_app.services.position.evaluate import claim_facts, evaluate_claims
from caseworker_app.services.position.extensions import ExtensionFacts
from caseworker_app.services.position.load import Loaded, load

#: (session, debtor id, payment date, the claims' balances) -> kenmerken to allocate to first, in that order.
#: A betalingsregeling returns its claims; nothing (the default) leaves kenmerk, then oldest first.
AllocationOrder = Callable[[Session, int, dt.date, Sequence[ClaimBalance]], Sequence[str]]
#: (session, [(claim row, facts)], day) -> {reference: the most this booking may take from the claim} (0: nothing);
#: a verrekening passes the limits of "geen verrekening" measures (``services/bookings.py``).
AllocationLimits = Callable[[Session, Sequence[tuple[Any, ClaimFacts]], dt.date], Mapping[str, Decimal]]

#: The largest amount NUMERIC(14, 2) holds.
MAX_AMOUNT = Decimal("999999999999.99")
#: Credits and rente dated after a payment make an earlier-dated payment impossible to allocate truthfully.
_LATER_BLOCKING = (
    BookingKind.BETALING, BookingKind.VERREKENING, BookingKind.VERMINDERING, BookingKind.KWIJTSCHELDING,
    BookingKind.AFBOEKING, BookingKind.RENTE,
)
_CHANNEL_TEXT = {"bank": "per bank", "balie": "aan de balie", "deurwaarder": "geïnd door de belastingdeurwaarder",
                 "verrekening": "verrekend"}
#: "1.234" or "12,505": a thousands separator or three decimals? Not guessed with money.
_AMBIGUOUS_THOUSANDS = re.compile(r"^\s*(€\s*)?-?\d{1,3}([.,]\d{3})+\s*$")


@dataclass(frozen=True)
class AllocatedPart:
    """What one claim received from the payment, and what is open on it after."""

    claim_id: int
    reference: str
    kosten: Decimal
    rente: Decimal
    hoofdsom: Decimal
    open_after: Decimal

    @property
    def total(self) -> Decimal:
        return self.kosten + self.rente + self.hoofdsom


@dataclass(frozen=True)
class PaymentResult:
    payment_id: int
    debtor_id: int
    identifier: str  # BSN or RSIN
    kind: str  # betaling / verrekening
    channel: str
    amount: Decimal
    day: dt.date
    kenmerk: str | None
    parts: tuple[AllocatedPart, ...]
    unallocated: Decimal  # tegoed: what no open claim could take
    open_after: Decimal  # the debtor's total open (position ``totals.open``) on ``day`` after the payment
    notes: tuple[str, ...]

    @property
    def allocated(self) -> Decimal:
        return sum((p.total for p in self.parts), ZERO)


# ------------------------------------------------------------------------------------------------ input


def parse_amount(value: object, field: str = "bedrag") -> Decimal:
    """A payment amount as a person types it: ``123.45``, ``123,45``, ``1.234,56``, ``€ 12,50``.

    Refused with one Dutch line: not a number, zero or negative, fractions of a cent, more than the ledger holds,
    and ``1.234`` or ``12,505`` (a thousands separator or a decimal one? it is not guessed)."""
    if isinstance(value, str):
        if len(value) > 40:
            raise ValidationError("invalid_field", field=field, reason="dat is geen bedrag (te lang)")
        if _AMBIGUOUS_THOUSANDS.match(value):
            raise ValidationError(
                "invalid_field", field=field,
                reason=f"'{value.strip()}' is niet eenduidig: gebruik hoogstens twee cijfers na de komma (bijvoorbeeld "
                "1234,56) en geen punt of komma tussen de duizendtallen",
            )
    amount = to_money(value, field)
    if amount <= 0:
        raise ValidationError("invalid_field", field=field, reason="het bedrag moet groter zijn dan nul")
    if amount != amount.quantize(CENT):
        raise ValidationError("invalid_field", field=field,
                              reason="een bedrag heeft hoogstens twee cijfers na de komma")
    if amount > MAX_AMOUNT:
        raise ValidationError("invalid_field", field=field,
                              reason=f"het bedrag is te groot (hoogstens {format_eur(MAX_AMOUNT)})")
    return amount.quantize(CENT)


def _first_date() -> dt.date:
    return min(row.valid_from for row in load_parameters().rows())


def check_date(day: dt.date, today: dt.date, field: str = "datum") -> dt.date:
    """A payment date: not in the future (money is booked when it is received) and within the rules' tables."""
    if day > today:
        raise ValidationError("invalid_field", field=field,
                              reason=f"{format_date(day)} ligt in de toekomst; boek een betaling op de dag dat zij "
                              "is ontvangen")
    first = _first_date()
    if day < first:
        raise ValidationError("invalid_field", field=field,
                              reason=f"kies een datum vanaf {format_date(first)}")
    return day


def _clean_kenmerk(kenmerk: str | None) -> str | None:
    if kenmerk is None:
        return None
    cleaned = "".join(kenmerk.split())  # "1234 5678 H01" as printed on an acceptgiro
    if not cleaned:
        return None
    if len(cleaned) > 40:
        raise ValidationError("invalid_field", field="kenmerk", reason="een kenmerk heeft hoogstens 40 tekens")
    return cleaned


# ------------------------------------------------------------------------------------------------ service


def record_payment(
    ctx: Context,
    identifier: str | int,
    amount: object,
    day: dt.date,
    *,
    kenmerk: str | None = None,
    channel: str = "bank",
    kind: BookingKind = BookingKind.BETALING,
    source: str | None = None,
    order: AllocationOrder | None = None,
    reason: str | None = None,
    today: dt.date | None = None,
    exclude: AllocationLimits | None = None,
) -> PaymentResult:
    """Record a payment (or, with ``kind=VERREKENING``, a verrekening) of ``amount`` received on ``day``.

    ``identifier`` is the debtor's BSN/RSIN (or their id).  ``kenmerk`` the claim the payer named; it must be a
    claim of this debtor.  ``order`` puts claims first (see :data:`AllocationOrder`); ``exclude`` limits what claims
    may take (see :data:`AllocationLimits`): a claim with limit 0 is passed over, one whose share would exceed its
    limit makes the booking refused with the room named.  Raises
    ``ValidationError`` / ``NotFoundError`` with one Dutch line for what a person can put right.
    """
    if kind not in (BookingKind.BETALING, BookingKind.VERREKENING):
        raise ValueError(f"a payment is a betaling or a verrekening, not {kind}")
    if channel not in PAYMENT_CHANNELS:
        raise ValidationError("invalid_field", field="via", reason=f"kies uit {', '.join(PAYMENT_CHANNELS[:3])}")
    value = parse_amount(amount)
    from caseworker_app.services.position.build import today as local_today

    check_date(day, today or local_today())
    wanted = _clean_kenmerk(kenmerk)
    if source is not None:
        source = source.strip()[:60] or None
    operation = "verrekening.record" if kind is BookingKind.VERREKENING else "payment.record"
    action = "een verrekening boeken" if kind is BookingKind.VERREKENING else "een betaling boeken"
    with ctx.unit_of_work(Permission.BOOK_LEDGER, operation=operation, reason=reason, action=action) as session:
        debtor_id, number = _debtor(session, identifier)
        lock_debtor(session, debtor_id)
        loaded = load(session, debtor_id, day, ctx.db.capabilities.position_extensions())
        reference = _named_claim(session, loaded, debtor_id, wanted, day)
        _refuse_later_bookings(session, debtor_id, day)
        facts = claim_facts(loaded, day)
        limits = dict(exclude(session, facts, day)) if exclude is not None else {}
        notes: list[str] = []
        for ref in sorted(r for r, room in limits.items() if room <= 0):
            notes.append(f"Op vordering {ref} wordt niet verrekend (maatwerk: geen verrekening).")
        balances = [claim_balance(f, day, claim.reference, claim.vervaldatum) for claim, f in facts
                    if limits.get(claim.reference, Decimal(1)) > 0]
        volgorde = tuple(order(session, debtor_id, day, balances)) if order is not None else ()
        allocation = allocate(value, balances, kenmerk=reference if limits.get(reference or "", 1) else None,
                              volgorde=volgorde)
        for part in allocation.claims:
            room = limits.get(part.reference)
            if room is not None and part.total > room:
                raise ValidationError(
                    "invalid_field", field="bedrag",
                    reason=f"op vordering {part.reference} mag deze maand nog {format_eur(room)} worden verrekend "
                    f"(maatwerk), niet {format_eur(part.total)}; verreken een lager bedrag",
                )
        notes += allocation.notes
        duplicate = _same_payment_exists(session, debtor_id, value, day, kind)
        payment = Payment(debtor_id=debtor_id, kind=kind.value, channel=channel, amount=value, payment_date=day,
                          kenmerk=wanted, source=source, created_by=ctx.actor.login)
        session.add(payment)
        session.flush()
        written = book_allocation(session, payment, allocation, kind, ctx.actor.login)
        session.flush()
        # the position after it: what was loaded plus the bookings just written (dated ``day``, so last in date
        # order), evaluated again -- the same figures a reload gives, without reading everything twice
        bookings = {claim_id: list(rows) for claim_id, rows in loaded.bookings.items()}
        for booking in written:
            bookings.setdefault(booking.claim_id, []).append(
                BookingRow(booking.kind, Decimal(booking.amount), booking.booking_date, booking.description,
                           booking.source))
        claims_after = evaluate_claims(dataclasses.replace(loaded, bookings=bookings), day)
        open_by_claim = {c.id: c.open for c in claims_after}
        totals = compute_totals(claims_after)
        if duplicate:
            notes.append(f"Let op: op {format_date(day)} is voor deze schuldenaar al een {kind.value} van "
                         f"{format_eur(value)} geboekt. Controleer of deze niet dubbel is.")
        if allocation.unallocated > 0:
            notes.append(f"{format_eur(allocation.unallocated)} kon niet worden toegerekend: er stond niet meer open. "
                         "Dat bedrag blijft als tegoed bij de schuldenaar staan (terugbetalen of later toerekenen).")
        parts = tuple(
            AllocatedPart(int(p.claim_id), p.reference, p.kosten, p.rente, p.hoofdsom,  # type: ignore[call-overload]
                          open_by_claim.get(int(p.claim_id), ZERO))  # type: ignore[call-overload]
            for p in allocation.claims if p.total > 0
        )
        return PaymentResult(
            payment_id=payment.id, debtor_id=debtor_id, identifier=number, kind=kind.value, channel=channel,
            amount=value, day=day, kenmerk=wanted, parts=parts, unallocated=allocation.unallocated,
            open_after=totals.open, notes=tuple(notes),
        )


def book_allocation(
    session: Session, payment: Payment, allocation: Allocation, kind: BookingKind, actor: str
) -> list[Booking]:
    """The ledger rows of an allocated payment: per claim its rente booking, its payment booking, its allocation.
    Returns the bookings written, in the order written.

    (Also what the demo's bulk path writes, as plain rows; ``tests/services/test_payments.py`` keeps them equal.)"""
    description = "Verrekening" if kind is BookingKind.VERREKENING else "Betaling"
    via = _CHANNEL_TEXT.get(payment.channel)
    if via and kind is BookingKind.BETALING:
        description = f"{description} {via}"
    lines: list[tuple[ClaimAllocation, int, Booking, Booking | None]] = []
    for part in allocation.claims:
        if part.total <= 0:
            continue  # nothing of the payment reached this claim: no rente is brought due either
        claim_id = int(part.claim_id)  # type: ignore[call-overload]
        rente_booking = None
        if part.rente_due > 0:
            rente_booking = Booking(claim_id=claim_id, kind=BookingKind.RENTE.value, amount=part.rente_due,
                                    booking_date=payment.payment_date, description="Invorderingsrente",
                                    source=None, created_by=actor)
        booking = Booking(claim_id=claim_id, kind=kind.value, amount=-part.total, booking_date=payment.payment_date,
                          description=description, source=(payment.source or payment.kenmerk), created_by=actor)
        lines.append((part, claim_id, booking, rente_booking))
    # two flushes for any number of claims (the inserts are batched), not one per claim
    written = [b for _p, _c, booking, rente in lines for b in ((rente, booking) if rente else (booking,))]
    session.add_all(written)
    session.flush()
    session.add_all([
        PaymentAllocation(payment_id=payment.id, claim_id=claim_id, kosten=part.kosten, rente=part.rente,
                          hoofdsom=part.hoofdsom, booking_id=booking.id,
                          rente_booking_id=rente.id if rente is not None else None)
        for part, claim_id, booking, rente in lines
    ])
    return written


def _debtor(session: Session, identifier: str | int) -> tuple[int, str]:
    if isinstance(identifier, int):
        row = session.execute(text("SELECT id, COALESCE(bsn, rsin) FROM debtors WHERE id = :id"),
                              {"id": identifier}).one_or_none()
        if row is None:
            raise NotFoundError("Schuldenaar", identifier)
        return int(row[0]), str(row[1] or "")
    number = validate_bsn(identifier)
    found = debtor_repo.id_by_identifier(session, number)
    if found is None:
        raise NotFoundError("Schuldenaar met BSN/RSIN", number)
    return found, number


def lock_debtor(session: Session, debtor_id: int) -> None:
    """One payment per debtor at a time (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:ns, :id)"), {"ns": 0x0C05E, "id": debtor_id})


def _named_claim(session: Session, loaded: Loaded, debtor_id: int, kenmerk: str | None, day: dt.date) -> str | None:
    """The reference of the claim the payer named, after checking it is this debtor's and existed on ``day``."""
    if kenmerk is None:
        return None
    for claim in loaded.claims:
        if claim.reference.upper() == kenmerk.upper():
            return claim.reference
    row = session.execute(
        select(Claim.reference, Claim.debtor_id, Claim.dagtekening)
        .where(func.upper(Claim.reference) == kenmerk.upper())
    ).first()
    if row is None:
        raise ValidationError("invalid_field", field="kenmerk",
                              reason=f"er is geen vordering met kenmerk {kenmerk}")
    if int(row.debtor_id) != debtor_id:
        raise ValidationError("invalid_field", field="kenmerk",
                              reason=f"vordering {row.reference} hoort bij een andere schuldenaar; de betaling is niet "
                              "geboekt")
    raise ValidationError("invalid_field", field="datum",
                          reason=f"{format_date(day)} ligt vóór de dagtekening van vordering {row.reference} "
                          f"({format_date(row.dagtekening)})")


def _refuse_later_bookings(session: Session, debtor_id: int, day: dt.date) -> None:
    """A payment dated before a later payment, verrekening, vermindering or rente booking would change what those
    took: the toerekening would no longer be true.  Say which date works instead."""
    latest = session.execute(
        select(func.max(Booking.booking_date))
        .join(Claim, Claim.id == Booking.claim_id)
        .where(Claim.debtor_id == debtor_id, Booking.booking_date > day,
               Booking.kind.in_([k.value for k in _LATER_BLOCKING]))
    ).scalar_one_or_none()
    if latest is not None:
        raise ValidationError(
            "invalid_field", field="datum",
            reason=f"na {format_date(day)} is al een betaling, verrekening of vermindering geboekt (laatste op "
            f"{format_date(latest)}); een eerdere betaling kan niet meer kloppend worden toegerekend. Boek haar op "
            f"{format_date(latest)} of later en noem de werkelijke datum in de reden",
        )


def _same_payment_exists(session: Session, debtor_id: int, amount: Decimal, day: dt.date, kind: BookingKind) -> bool:
    return session.execute(
        select(Payment.id).where(Payment.debtor_id == debtor_id, Payment.payment_date == day,
                                 Payment.amount == amount, Payment.kind == kind.value).limit(1)
    ).first() is not None


# ------------------------------------------------------------------------------------- the capability


def _payments_of(session: Session, debtor_id: int, as_of: dt.date) -> list[tuple[object, ...]]:
    allocated = func.coalesce(
        func.sum(PaymentAllocation.kosten + PaymentAllocation.rente + PaymentAllocation.hoofdsom), 0
    )
    return [tuple(row) for row in session.execute(
        select(Payment.id, Payment.payment_date, Payment.kind, Payment.channel, Payment.amount, Payment.kenmerk,
               allocated)
        .outerjoin(PaymentAllocation, PaymentAllocation.payment_id == Payment.id)
        .where(Payment.debtor_id == debtor_id, Payment.payment_date <= as_of)
        .group_by(Payment.id)
        .order_by(Payment.payment_date, Payment.id)
    ).all()]


def position_extension(session: Session, debtor_id: int, as_of: dt.date) -> ExtensionFacts:
    """The payments of the position: the ``payments`` JSON section, and the tegoed as a flag and on the timeline."""
    section: list[dict[str, object]] = []
    events: list[TimelineEvent] = []
    tegoed = ZERO
    for payment_id, day, kind, channel, amount, kenmerk, allocated in _payments_of(session, debtor_id, as_of):
        amount = Decimal(str(amount)).quantize(CENT)
        allocated = Decimal(str(allocated)).quantize(CENT)
        left = amount - allocated
        section.append({
            "id": payment_id, "date": day.isoformat(), "kind": kind, "channel": channel,  # type: ignore[attr-defined]
            "amount": str(amount), "kenmerk": kenmerk, "allocated": str(allocated), "unallocated": str(left),
        })
        if left > 0:
            tegoed += left
            events.append(TimelineEvent(
                day, "betaling", "Tegoed (niet toegerekend)",  # type: ignore[arg-type]
                f"{format_eur(left)} van de {kind} van {format_eur(amount)} kon niet worden toegerekend",
            ))
    flags: tuple[Flag, ...] = ()
    if tegoed > 0:
        flags = (Flag("tegoed", f"Tegoed {format_eur(tegoed)}",
                      "niet toegerekend deel van betalingen: terugbetalen of later toerekenen", "info"),)
    return ExtensionFacts(flags=flags, timeline=tuple(events), sections={"payments": section})


def _token(debtor_id: ColumnElement[int]) -> ScalarSelect[object]:
    """Payments change the token even when nothing of them reached a claim (a tegoed only)."""
    return select(func.count(Payment.id) * 1_000_000_000 + func.coalesce(func.max(Payment.id), 0)).where(
        Payment.debtor_id == debtor_id).scalar_subquery()


def install(registry: Capabilities) -> None:
    registry.add_position_extension("payments", position_extension)
    registry.add_token_source("payments", _token)


__all__ = [
    "MAX_AMOUNT",
    "AllocatedPart",
    "AllocationOrder",
    "PaymentResult",
    "book_allocation",
    "check_date",
    "install",
    "parse_amount",
    "position_extension",
    "record_payment",
]
