"""Verrekeningen, verminderingen and enforcement steps, recorded through services like a payment.

Each is one unit of work with its own operation name (the audit rows say which), the permission it needs, and the
rules engine's view of the claim on the day (what is open, what the ladder allows, what the measures say).  Every
row they write is part of the debtor's change token and, on PostgreSQL, notified at commit: open workspaces refresh.

* :func:`record_verrekening` -- a set-off of a refund or toeslagvoorschot against the debt: a payment of kind
  ``verrekening`` (``services/payments.py``), allocated the same way (IW 1990 art. 7, LI 7.2), never to a claim
  whose measures say "geen verrekening" (``domain.measures.verrekening_ruimte``); a claim with a monthly ceiling
  takes at most what is left of it that month.
* :func:`record_vermindering` -- a reduction of one aanslag or terugvordering (after bezwaar, an ambtshalve
  correction): a ``vermindering`` booking on the claim, at most the open hoofdsom.
* :func:`record_enforcement_step` -- a rung of the ladder taken: only the step the rules engine says is next and
  allowed on that day (the measures' effects included), or a stuitingsbrief when the advice is to stuiten; its
  Kostenwet costs are booked with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker_app.errors import ValidationError

from caseworker_app.domain.measures import verrekening_ruimte
from caseworker_app.domain.money import ZERO, format_date, format_eur
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.rules import position as rules
from caseworker_app.domain.types import BookingKind, EnforcementStep, label

from caseworker_app.db.models import Booking, Claim, EnforcementAction

from caseworker_app.services import payments
from caseworker_app.services.context import Context
from caseworker_app.services.position.evaluate import claim_facts
from caseworker_app.services.position.load import load


@dataclass(frozen=True)
class BookingResult:
    """What one recorded vermindering or enforcement step did to its claim."""

    claim_id: int
    reference: str
    kind: str  # "vermindering" or the EnforcementStep value
    day: dt.date
    amount: Decimal  # the vermindering, or the costs of the step
    open_after: Decimal  # open on the claim on ``day`` after it


# ----------------------------------------------------------------------------------------- verrekening


def record_verrekening(
    ctx: Context,
    identifier: str | int,
    amount: object,
    day: dt.date,
    *,
    bron: str,
    kenmerk: str | None = None,
    reason: str | None = None,
    today: dt.date | None = None,
) -> payments.PaymentResult:
    """Set ``amount`` off against the debtor's claims (``bron``: "teruggaaf IB 2025", "voorschot zorgtoeslag")."""
    source = (bron or "").strip()
    if not source:
        raise ValidationError("missing_field", field="bron")
    if len(source) > 60:
        raise ValidationError("invalid_field", field="bron", reason="hoogstens 60 tekens")

    return payments.record_payment(
        ctx, identifier, amount, day, kenmerk=kenmerk, channel="verrekening", kind=BookingKind.VERREKENING,
        source=source, order=None, reason=reason, today=today, exclude=_verrekening_excluded,
    )


def _verrekening_excluded(session: Session, facts: Sequence[tuple[Any, rules.ClaimFacts]],
                          day: dt.date) -> dict[str, Decimal]:
    """Per claim reference the most a verrekening may still take on ``day`` (0: none), for claims with a measure."""
    limits: dict[str, Decimal] = {}
    month_start = day.replace(day=1)
    for claim, f in facts:
        room = verrekening_ruimte(f.effects, day)
        if room is None:
            continue
        if room > 0:
            done = session.execute(
                select(func.coalesce(func.sum(Booking.amount), 0)).where(
                    Booking.claim_id == claim.id, Booking.kind == BookingKind.VERREKENING.value,
                    Booking.booking_date >= month_start, Booking.booking_date <= day)
            ).scalar_one()
            room = max(ZERO, room + Decimal(str(done)))  # bookings are negative
        limits[claim.reference] = room
    return limits


# ----------------------------------------------------------------------------------------- vermindering


def _claim_on(session: Session, ctx: Context, kenmerk: str, day: dt.date) -> tuple[Any, rules.ClaimFacts,
                                                                                    rules.ClaimEvaluation]:
    cleaned = "".join((kenmerk or "").split())
    if not cleaned:
        raise ValidationError("missing_field", field="kenmerk")
    row = session.execute(
        select(Claim.id, Claim.debtor_id, Claim.reference, Claim.dagtekening)
        .where(func.upper(Claim.reference) == cleaned.upper()[:40])
    ).first()
    if row is None:
        raise ValidationError("invalid_field", field="kenmerk",
                              reason=f"er is geen vordering met kenmerk {cleaned[:40]}")
    if row.dagtekening > day:
        raise ValidationError("invalid_field", field="datum",
                              reason=f"{format_date(day)} ligt vóór de dagtekening van vordering {row.reference} "
                              f"({format_date(row.dagtekening)})")
    payments.lock_debtor(session, int(row.debtor_id))
    loaded = load(session, int(row.debtor_id), day, ctx.db.capabilities.position_extensions())
    for claim, f in claim_facts(loaded, day):
        if claim.id == row.id:
            return claim, f, rules.evaluate_claim(f, day)
    raise AssertionError("a claim dated on or before the day is loaded")  # pragma: no cover


def _open_after(session: Session, ctx: Context, claim_id: int, debtor_id: int, day: dt.date) -> Decimal:
    loaded = load(session, debtor_id, day, ctx.db.capabilities.position_extensions())
    for claim, f in claim_facts(loaded, day):
        if claim.id == claim_id:
            return rules.evaluate_claim(f, day).open
    return ZERO  # pragma: no cover


def record_vermindering(
    ctx: Context,
    kenmerk: str,
    amount: object,
    day: dt.date,
    *,
    bron: str = "bezwaar",
    reason: str | None = None,
    today: dt.date | None = None,
) -> BookingResult:
    """Reduce claim ``kenmerk`` by ``amount`` on ``day`` (``bron``: why, e.g. "bezwaar", "ambtshalve")."""
    value = payments.parse_amount(amount)
    from caseworker_app.services.position.build import today as local_today

    payments.check_date(day, today or local_today())
    source = (bron or "").strip()[:60] or "bezwaar"
    with ctx.unit_of_work(Permission.BOOK_LEDGER, operation="vermindering.record", reason=reason,
                          action="een vermindering boeken") as session:
        claim, _facts, ev = _claim_on(session, ctx, kenmerk, day)
        if value > ev.open_principal:
            raise ValidationError(
                "invalid_field", field="bedrag",
                reason=f"op vordering {claim.reference} staat nog {format_eur(ev.open_principal)} van de aanslag "
                "open; een vermindering van wat al betaald is, is een teruggaaf (nog niet in Caseworker)",
            )
        session.add(Booking(claim_id=claim.id, kind=BookingKind.VERMINDERING.value, amount=-value,
                            booking_date=day, description=f"Vermindering na {source}", source=source,
                            created_by=ctx.actor.login))
        session.flush()
        debtor_id = int(session.execute(select(Claim.debtor_id).where(Claim.id == claim.id)).scalar_one())
        after = _open_after(session, ctx, claim.id, debtor_id, day)
        return BookingResult(claim.id, claim.reference, "vermindering", day, value, after)


# ----------------------------------------------------------------------------------------- enforcement


def record_enforcement_step(
    ctx: Context,
    kenmerk: str,
    step: EnforcementStep | str,
    day: dt.date,
    *,
    notes: str | None = None,
    reason: str | None = None,
    today: dt.date | None = None,
) -> BookingResult:
    """Record that ``step`` was taken on claim ``kenmerk`` on ``day``, with its costs (Kostenwet) booked.

    Refused, with the rules engine's Dutch reasons, when the step is not the one the ladder allows next on that
    day (a measure that stops enforcement, a term that has not passed, nothing open, verjaard)."""
    try:
        chosen = EnforcementStep(step)
    except ValueError:
        choices = ", ".join(s.value for s in EnforcementStep)
        raise ValidationError("invalid_field", field="stap", reason=f"kies uit {choices}") from None
    from caseworker_app.services.position.build import today as local_today

    payments.check_date(day, today or local_today())
    text = (notes or "").strip() or None
    if text is not None and len(text) > 2000:
        raise ValidationError("invalid_field", field="toelichting", reason="hoogstens 2000 tekens")
    with ctx.unit_of_work(Permission.RECORD_ENFORCEMENT, operation="enforcement.record", reason=reason,
                          action="een invorderingsstap vastleggen") as session:
        claim, _facts, ev = _claim_on(session, ctx, kenmerk, day)
        reference = claim.reference
        costs = ZERO
        if chosen is EnforcementStep.STUITINGSBRIEF:
            if not ev.stuiten:
                raise ValidationError("invalid_field", field="stap",
                                      reason=f"niet stuiten op vordering {reference}: {ev.stuiten_reden}")
        else:
            nxt = ev.next_step
            if nxt.step is not chosen:
                expected = (label(nxt.step) if nxt.step is not None
                            else "geen (er staat niets open of de vordering is verjaard)")
                raise ValidationError("invalid_field", field="stap",
                                      reason=f"de volgende stap op vordering {reference} is {expected}, niet "
                                      f"{label(chosen)}")
            if not nxt.allowed:
                why = "; ".join(g.reden for g in nxt.blocking) or "de stap mag nog niet"
                if nxt.earliest is not None and day < nxt.earliest:
                    why = f"op zijn vroegst op {format_date(nxt.earliest)}; {why}"
                raise ValidationError("invalid_field", field="stap",
                                      reason=f"{label(chosen)} op vordering {reference} mag niet: {why}")
            costs = ev.kosten_volgende_stap or ZERO
        session.add(EnforcementAction(claim_id=claim.id, step=chosen.value, action_date=day,
                                      stuit=chosen.stuit, costs=costs, notes=text, created_by=ctx.actor.login))
        if costs > 0:
            session.add(Booking(claim_id=claim.id, kind=BookingKind.KOSTEN.value, amount=costs,
                                booking_date=day, description=f"Kosten {label(chosen)}", source=chosen.value,
                                created_by=ctx.actor.login))
        session.flush()
        debtor_id = int(session.execute(select(Claim.debtor_id).where(Claim.id == claim.id)).scalar_one())
        after = _open_after(session, ctx, claim.id, debtor_id, day)
        return BookingResult(claim.id, reference, chosen.value, day, costs, after)


__all__ = ["BookingResult", "record_enforcement_step", "record_vermindering", "record_verrekening"]
