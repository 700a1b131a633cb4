"""Every claim of a loaded position through the rules engine (``domain.rules.position.evaluate_claim``).

Figures per claim (all Decimal, two decimals):

* ``original_amount`` the assessed amount; ``reduced`` what verminderingen, kwijtschelding and afboeking
  took off it; ``paid`` / ``verrekend`` payments and set-offs (positive numbers);
* ``costs`` kosten booked; ``rente_booked`` invorderingsrente already charged; ``rente_accrued`` rente
  accrued up to ``as_of`` and not yet charged (the rules engine, rounded down to whole euros);
* ``open`` = ledger balance - what a measure waives + ``rente_accrued`` = what the debtor must pay on
  ``as_of`` (``ClaimEvaluation.open``).  So, per claim, without waivers:
  ``original_amount - reduced + costs + rente_booked + rente_accrued - paid - verrekend == open``.
  A verjaarde claim keeps its ``open``; the totals count it as ``verjaard``, not as open.

The measures on a claim come from every extension's :class:`ClaimStatus`, combined: two extensions that
know two measures on one claim give the rules engine both.

A claim the rules engine cannot evaluate (a missing parameter row for an old date) still shows its ledger
figures, with the reason in ``calculation_error``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.measures import ClaimEffect, MeasureKind, has_active
from caseworker_app.domain.money import ZERO
from caseworker_app.domain.rules import position as rules
from caseworker_app.domain.types import BookingKind, ClaimKind, EnforcementStep, Middel, label

from caseworker_app.services.position.claim_status import NONE
from caseworker_app.services.position.dto import ClaimPosition, NextStepInfo
from caseworker_app.services.position.load import Loaded

_BOOKING_KINDS = {k.value: k for k in BookingKind}
_STEPS = {s.value: s for s in EnforcementStep}
_CLAIM_KINDS = {k.value: k for k in ClaimKind}
_MIDDELEN = {m.value: m for m in Middel}


def _facts(claim: Any, ledger: Sequence[Any], steps: Sequence[Any], effects: tuple[ClaimEffect, ...], *,
           fraude: bool, perspectief: bool | None, bvv_op: dt.date | None,
           contacten: tuple[rules.Contact, ...] | None = None) -> rules.ClaimFacts:
    """The rules engine's input for one claim.  The assessed amount is the claim's ``original_amount`` (the ``bedrag``),
    the one place it lives; every ``aanslag`` booking is a correction of it (revision 0010)."""
    original = claim.original_amount
    make = rules.Booking
    kinds = _BOOKING_KINDS
    bookings = [make(kinds[row.kind], row.amount, row.booking_date) for row in ledger]
    make_step = rules.StepTaken
    taken = tuple(
        # an action recorded as not stuitend is still a rung; it only does not stuit the verjaring
        make_step(step, row.action_date) if bool(row.stuit) == step.stuit
        else make_step(step, row.action_date, stuit=bool(row.stuit))
        for row in steps
        for step in (_STEPS[row.step],)
    )
    return rules.ClaimFacts(
        kind=_CLAIM_KINDS[claim.soort],
        middel=_MIDDELEN[claim.middel],
        dagtekening=claim.dagtekening,
        bedrag=original,
        uiterste_betaaldatum=claim.vervaldatum,  # as recorded on the aanslagbiljet / beschikking
        bookings=tuple(bookings),
        steps=taken,
        effects=effects,
        tijdvak_jaar=claim.tijdvak_tot.year if claim.tijdvak_tot is not None else None,
        fraude=fraude,
        betalingsperspectief=perspectief,
        bvv_vastgesteld_op=bvv_op,
        contacten=contacten,
        claim_id=claim.id,
    )


def _next_step_info(ev: rules.ClaimEvaluation) -> NextStepInfo:
    nxt = ev.next_step
    if nxt.step is None:
        text = "Verjaard" if ev.verjaard and ev.open > ZERO else (
            "Geen volgende stap" if ev.open - ev.rente_accrued > ZERO else "Niets open")
    else:
        text = label(nxt.step)
    return NextStepInfo(
        step=nxt.step.value if nxt.step is not None else None,
        label=text,
        allowed=nxt.allowed,
        earliest=nxt.earliest,
        costs=ev.kosten_volgende_stap,
        blocking=nxt.blocking,
    )


def _claim_position(claim: Any, facts: rules.ClaimFacts, ev: rules.ClaimEvaluation) -> ClaimPosition:
    stage_date = None
    if ev.enforcement_stage is not None:
        stage_date = max((s.date for s in facts.steps if s.step is ev.enforcement_stage), default=None)
    return ClaimPosition(
        id=claim.id,
        reference=claim.reference,
        creditor=claim.creditor,
        middel=claim.middel,
        soort=claim.soort,
        tijdvak_van=claim.tijdvak_van,
        tijdvak_tot=claim.tijdvak_tot,
        dagtekening=claim.dagtekening,
        vervaldatum=claim.vervaldatum,
        original_amount=claim.original_amount,
        reduced=claim.original_amount - ev.principal,
        paid=ev.paid,
        verrekend=ev.verrekend,
        costs=ev.costs,
        rente_booked=ev.rente_booked,
        rente_accrued=ev.rente_accrued,
        open=ev.open,
        open_principal=ev.open_principal,
        enforcement_stage=ev.enforcement_stage.value if ev.enforcement_stage is not None else None,
        enforcement_stage_date=stage_date,
        verjaringsdatum=ev.verjaringsdatum,
        verjaard=ev.verjaard,
        gestuit=ev.gestuit,
        stuiten_advies=ev.stuiten,
        stuiten_reden=ev.stuiten_reden,
        next_step=_next_step_info(ev),
        under_regeling=ev.under_regeling,
        paused=ev.paused,
        facts=facts,
    )


def _unevaluated_position(claim: Any, facts: rules.ClaimFacts, day: dt.date, error: str) -> ClaimPosition:
    """The ledger figures of a claim the rules engine could not evaluate; no rente, no next step."""
    sums = dict.fromkeys(BookingKind, ZERO)
    for booking in facts.bookings:
        sums[booking.kind] += booking.amount
    reduced = -(sums[BookingKind.VERMINDERING] + sums[BookingKind.KWIJTSCHELDING] + sums[BookingKind.AFBOEKING])
    reduced -= sums[BookingKind.AANSLAG]
    balance = claim.original_amount + sum(sums.values(), ZERO)
    return ClaimPosition(
        id=claim.id, reference=claim.reference, creditor=claim.creditor, middel=claim.middel, soort=claim.soort,
        tijdvak_van=claim.tijdvak_van, tijdvak_tot=claim.tijdvak_tot, dagtekening=claim.dagtekening,
        vervaldatum=claim.vervaldatum, original_amount=claim.original_amount, reduced=reduced,
        paid=-sums[BookingKind.BETALING], verrekend=-sums[BookingKind.VERREKENING], costs=sums[BookingKind.KOSTEN],
        rente_booked=sums[BookingKind.RENTE], rente_accrued=ZERO, open=balance, open_principal=balance,
        enforcement_stage=None, enforcement_stage_date=None, verjaringsdatum=None, verjaard=False,
        gestuit=any(s.stuitend for s in facts.steps), stuiten_advies=False, stuiten_reden="",
        next_step=NextStepInfo(None, "Niet te berekenen", False, None, None, note=error),
        under_regeling=has_active(facts.effects, day, MeasureKind.BETALINGSREGELING),
        paused=has_active(facts.effects, day, MeasureKind.INVORDERINGSPAUZE), calculation_error=error, facts=facts,
    )



def claim_facts(loaded: Loaded, day: dt.date) -> list[tuple[Any, rules.ClaimFacts]]:
    """Every loaded claim with the rules engine's input for it on ``day`` (what the extensions know included).

    The toerekening of a payment (``services/payments.py``) divides it over exactly these facts, so a payment
    sees the same claims, measures and ledger as the position shown."""
    combined = loaded.facts  # every extension's facts, combined per claim (a regeling and a pause keep both)
    status = combined.claim_status
    perspectief = combined.betalingsperspectief
    bvv_op = combined.bvv_vastgesteld_op
    if bvv_op is None and loaded.situation is not None:
        bvv_op = loaded.situation.peildatum
    fraude = bool(loaded.debtor.fraude_markering)
    out: list[tuple[Any, rules.ClaimFacts]] = []
    for claim in loaded.claims:
        effects = status.get(claim.id, NONE).effects_on(day)
        out.append((claim, _facts(claim, loaded.bookings.get(claim.id, ()), loaded.actions.get(claim.id, ()),
                                  effects, fraude=fraude, perspectief=perspectief, bvv_op=bvv_op,
                                  contacten=combined.contacten)))
    return out


def evaluate_claims(loaded: Loaded, day: dt.date) -> list[ClaimPosition]:
    """The position of every loaded claim on ``day``, with what the extensions know about each claim."""
    claims: list[ClaimPosition] = []
    for claim, facts in claim_facts(loaded, day):
        try:
            claims.append(_claim_position(claim, facts, rules.evaluate_claim(facts, day)))
        except UserFacingError as exc:  # e.g. no parameter row for an old date: show the ledger, say why
            claims.append(_unevaluated_position(claim, facts, day, exc.message))
    return claims
