"""The guided call after an aanmaning (vroegsignalering, invorderingsstrategie §5.3.2; Toeslagen VM3).

* :func:`call_list` -- the debtors the signal "bellen na aanmaning" selects: an unpaid aanmaning of the last weeks,
  no debt history (never further than the aanmaning on any claim) and no personal contact since the aanmaning.
  One query for the candidates, the signal evaluated per candidate with the rules engine
  (:func:`caseworker_app.domain.rules.signalen.vroegsignalering`).
* :func:`prepare` -- for one debtor: every signal with the rule that fired (or did not), the figures of the call
  (aanmaning, open amount) and what to say, in plain Dutch.
* :func:`record` -- the call as a contact in one transaction, with what the flow offers: a follow-up to work out a
  betalingsregeling (a task that opens the maatwerk place of the debtor's screen), a referral with consent, a
  call-back task.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import exists, func, select

from caseworker_app.domain.contacts import PERSONAL_CHANNELS
from caseworker_app.domain.money import ZERO, format_date, format_eur
from caseworker_app.domain.rules.signalen import SignalClaim, vroegsignalering
from caseworker_app.domain.types import EnforcementStep, Middel

from caseworker_app.db.models import Booking, Claim, ContactEntry, Debtor, EnforcementAction

from caseworker_app.services import position
from caseworker_app.services.contacts import records
from caseworker_app.services.contacts.dto import ContactInfo
from caseworker_app.services.contacts.records import ReferralInput, TaskInput
from caseworker_app.services.context import Context
from caseworker_app.services.debtors import display_name

SIGNAL = "bellen_na_aanmaning"
#: How far back an aanmaning puts a debtor on the call list.
WINDOW_DAYS = 56
#: The source of the rule, as the dialog shows it.
RULE_SOURCE = "Vroegsignalering: bellen na aanmaning (invorderingsstrategie §5.3.2)"
#: Steps beyond the aanmaning: a debtor who ever reached one has a debt history.
_HEAVIER = tuple(s.value for s in EnforcementStep if s not in (
    EnforcementStep.BETALINGSHERINNERING, EnforcementStep.AANMANING, EnforcementStep.STUITINGSBRIEF))


@dataclass(frozen=True)
class SignalInfo:
    code: str
    fired: bool
    title: str
    reason: str


@dataclass(frozen=True)
class CallCandidate:
    debtor_id: int
    bsn: str | None
    name: str
    telefoon: str | None
    aanmaning_op: dt.date
    open: Decimal
    signal: SignalInfo


@dataclass(frozen=True)
class GuidedCall:
    debtor_id: int
    name: str
    telefoon: str | None
    aanmaning_op: dt.date | None
    open: Decimal
    signals: tuple[SignalInfo, ...]
    script: tuple[str, ...]

    @property
    def fired(self) -> SignalInfo | None:
        return next((s for s in self.signals if s.code == SIGNAL and s.fired), None)

    @property
    def rule(self) -> str:
        """The rule that selected the debtor, in one Dutch line (shown in the dialog)."""
        fired = self.fired
        if fired is None:
            return f"{RULE_SOURCE}: niet van toepassing op deze schuldenaar."
        return f"{RULE_SOURCE}: {fired.reason}."


def _signal_infos(found: list[object]) -> tuple[SignalInfo, ...]:
    return tuple(SignalInfo(s.code, s.afgegaan, s.titel, s.reden) for s in found)  # type: ignore[attr-defined]


def call_list(ctx: Context, *, day: dt.date | None = None, limit: int = 100) -> list[CallCandidate]:
    """Who to call today: the debtors the signal selects, oldest aanmaning first."""
    today = day or records.today()
    since = today - dt.timedelta(days=WINDOW_DAYS)
    with ctx.read() as session:
        last_aanmaning = (
            select(Claim.debtor_id, func.max(EnforcementAction.action_date).label("op"))
            .join(EnforcementAction, EnforcementAction.claim_id == Claim.id)
            .where(EnforcementAction.step == EnforcementStep.AANMANING.value, EnforcementAction.action_date <= today)
            .group_by(Claim.debtor_id)
            .subquery()
        )
        heavier = exists().where(
            EnforcementAction.claim_id == Claim.id, Claim.debtor_id == Debtor.id,
            EnforcementAction.step.in_(_HEAVIER))
        spoken = exists().where(
            ContactEntry.debtor_id == Debtor.id, ContactEntry.kanaal.in_([k.value for k in PERSONAL_CHANNELS]),
            ContactEntry.datum >= last_aanmaning.c.op)
        rows = session.execute(
            select(Debtor, last_aanmaning.c.op)
            .join(last_aanmaning, last_aanmaning.c.debtor_id == Debtor.id)
            .where(last_aanmaning.c.op >= since, ~heavier, ~spoken)
            .order_by(last_aanmaning.c.op, Debtor.id)
            .limit(limit * 2)
        ).all()
        if not rows:
            return []
        ids = [d.id for d, _op in rows]
        # the principal is the claim's own amount; its bookings are what came on and off it since
        moved = (
            select(func.coalesce(func.sum(Booking.amount), 0))
            .where(Booking.claim_id == Claim.id, Booking.booking_date <= today, Booking.kind != "aanslag")
            .scalar_subquery()
        )
        balances = session.execute(
            select(Claim.debtor_id, Claim.id, Claim.middel, Claim.original_amount + moved)
            .where(Claim.debtor_id.in_(ids), Claim.dagtekening <= today)
        ).all()
        warned = {claim_id for (claim_id,) in session.execute(
            select(EnforcementAction.claim_id).join(Claim, Claim.id == EnforcementAction.claim_id)
            .where(Claim.debtor_id.in_(ids), EnforcementAction.step == EnforcementStep.AANMANING.value))}
        out: list[CallCandidate] = []
        for debtor, op in rows:
            claims = [SignalClaim(Middel(m), Decimal(total), aanmaning_verstuurd=cid in warned)
                      for did, cid, m, total in balances if did == debtor.id]
            signals = _signal_infos(list(vroegsignalering(peildatum=today, claims=claims, schuldhistorie=False)))
            signal = next(s for s in signals if s.code == SIGNAL)
            if not signal.fired:
                continue
            open_amount = sum((c.open for c in claims if c.open > 0), ZERO)
            out.append(CallCandidate(debtor.id, debtor.bsn, display_name(debtor), debtor.telefoon, op, open_amount,
                                     signal))
            if len(out) >= limit:
                break
        return out


def prepare(ctx: Context, debtor_id: int, *, day: dt.date | None = None) -> GuidedCall:
    """Everything the call dialog shows: the signals with their rules, the figures, what to say."""
    pos = position.get_position(ctx, debtor_id, day)
    claims: list[SignalClaim] = []
    history = False
    aanmaning_op: dt.date | None = None
    for c in pos.claims:
        steps = c.facts.steps if c.facts is not None else ()
        warned = [s.date for s in steps if s.step is EnforcementStep.AANMANING]
        if any(s.step.value in _HEAVIER for s in steps):
            history = True
        if warned and c.open > 0:
            aanmaning_op = max(warned) if aanmaning_op is None else max(aanmaning_op, *warned)
        claims.append(SignalClaim(Middel(c.middel), c.open, aanmaning_verstuurd=bool(warned),
                                  uitstel=c.under_regeling, kenmerk=c.reference))
    signals = _signal_infos(list(vroegsignalering(peildatum=pos.as_of, claims=claims, schuldhistorie=history)))
    open_amount = pos.totals.open
    name = pos.debtor.display_name
    who = ctx.actor.display_name
    script = (
        f"Goedendag, u spreekt met {who} van de Belastingdienst. Spreek ik met {name}?",
        (f"Ik bel over de aanmaning van {format_date(aanmaning_op)}. Er staat nog {format_eur(open_amount)} open. "
         "Heeft u die brief gekregen?") if aanmaning_op else
        f"Ik bel over wat er nog openstaat: {format_eur(open_amount)}.",
        "Lukt het om dit te betalen? Als dat in één keer niet gaat, kunnen we samen een betalingsregeling "
        "afspreken.",
        "Speelt er iets waardoor betalen nu moeilijk is, zoals werk, gezondheid of uw gezin? Dan kan ik u, als u "
        "dat wilt, in contact brengen met de gemeente of met schuldhulp.",
        "Ik schrijf op wat we hebben besproken en wat we afspreken. U krijgt dat ook op papier.",
    )
    return GuidedCall(debtor_id, name, pos.debtor.telefoon, aanmaning_op, open_amount, signals, script)


def record(
    ctx: Context,
    debtor_id: int,
    *,
    bereikt: bool,
    samenvatting: str,
    uitkomst: str | None = None,
    omstandigheden: list[str | tuple[str, str | None]] | None = None,
    regeling: bool = False,
    verwijzing: ReferralInput | None = None,
    terugbellen: dt.date | None = None,
) -> ContactInfo:
    """Record the guided call (one transaction) with what the flow offers."""
    outcome = uitkomst or ("regeling_afgesproken" if regeling else "doorverwezen" if verwijzing else
                           "terugbellen" if terugbellen else None)
    if not bereikt:
        outcome = "geen_contact"
    task: TaskInput | None = None
    if regeling:
        task = TaskInput("Betalingsregeling uitwerken en voorstellen (afgesproken in het gesprek na de aanmaning)",
                         records.today() + dt.timedelta(days=2), plek="maatwerk")
    elif terugbellen is not None:
        task = TaskInput("Terugbellen (gesprek na de aanmaning)", terugbellen)
    return records.add_contact(ctx, debtor_id, kanaal="telefoon_uit", samenvatting=samenvatting, uitkomst=outcome,
                               omstandigheden=omstandigheden or (), taak=task,
                               verwijzing=verwijzing if bereikt else None)


__all__ = ["SIGNAL", "CallCandidate", "GuidedCall", "SignalInfo", "call_list", "prepare", "record"]
