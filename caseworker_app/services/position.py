"""The total debt position of one debtor on one date: every claim through the rules engine, in one pass.

:func:`get_position` is what the debtor workspace, ``caseworker debtor show`` and the schuldoverzicht
PDF are built from.  It reads everything with a handful of SELECTs (debtor + household, claims,
bookings, enforcement actions, the latest financial situation -- never a query per claim), evaluates
each claim with :func:`caseworker_app.domain.rules.position.evaluate_claim`, and returns frozen DTOs.

Figures per claim (all Decimal, two decimals):

* ``original_amount`` the assessed amount; ``reduced`` what verminderingen, kwijtschelding and afboeking
  took off it; ``paid`` / ``verrekend`` payments and set-offs (positive numbers);
* ``costs`` kosten booked; ``rente_booked`` invorderingsrente already charged; ``rente_accrued`` rente
  accrued up to ``as_of`` and not yet charged (the rules engine, rounded down to whole euros);
* ``open`` = ledger balance + ``rente_accrued`` = what the debtor must pay on ``as_of``.  So, per claim:
  ``original_amount - reduced + costs + rente_booked + rente_accrued - paid - verrekend == open``.

The totals are :class:`~caseworker_app.domain.position_totals.PositionTotals`, the one object the
screen, the JSON and the PDF all show.

Later capabilities (maatwerk, betalingsregelingen, pauzes, contacts, escalations) add their facts with
:func:`register_extension`: they get the same read session and return flags, per-claim status (regeling,
paused, uitstel, kwijtscheldingsverzoek -- which the rules engine then takes into account), timeline events
and extra JSON sections.  See :class:`ExtensionFacts`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from caseworker_app.errors import NotFoundError, UserFacingError

from caseworker_app.domain.explain import Step
from caseworker_app.domain.identifiers import validate_bsn
from caseworker_app.domain.money import ZERO, format_date, format_eur, money_str
from caseworker_app.domain.params import param
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.position_totals import (
    LedgerMovement,
    MonthlyBalance,
    PositionTotals,
    compute_totals,
    monthly_balances,
)
from caseworker_app.domain.rules import bvv as bvv_rules
from caseworker_app.domain.rules import capaciteit as capaciteit_rules
from caseworker_app.domain.rules import position as rules
from caseworker_app.domain.rules.common import add_duration
from caseworker_app.domain.types import (
    BookingKind,
    ClaimKind,
    Creditor,
    EnforcementStep,
    Leefsituatie,
    Middel,
    label,
    label_of,
)

from caseworker_app.db.models import Booking, Claim, Debtor, EnforcementAction, FinancialSituation, Household

from caseworker_app.reports.schuldoverzicht import OverzichtClaim, SchuldoverzichtData, render_schuldoverzicht

from caseworker_app.services import audit, output
from caseworker_app.services.context import Context
from caseworker_app.services.debtors import detail_of
from caseworker_app.services.dto import DebtorDetail

# ------------------------------------------------------------------------------------------------------ DTOs


@dataclass(frozen=True)
class Flag:
    """Something that changes how the case must be treated, shown in the workspace header.

    ``code`` is stable (the GUI picks an icon by it); ``severity`` is "warning" or "info".
    """

    code: str
    label: str
    detail: str = ""
    severity: str = "warning"


@dataclass(frozen=True)
class NextStepInfo:
    step: str | None  # EnforcementStep value, None when nothing is next
    label: str
    allowed: bool
    earliest: dt.date | None
    costs: Decimal | None
    #: the guards that do not pass; their Dutch reasons are only worded when asked for (see ``blocked_by``)
    blocking: tuple[Any, ...] = field(default=(), repr=False)
    #: a reason that is not a rules guard (e.g. why the claim could not be evaluated)
    note: str | None = None

    @property
    def blocked_by(self) -> tuple[str, ...]:
        """The Dutch reasons the next step may not be taken (yet)."""
        reasons = tuple(str(guard.reden) for guard in self.blocking)
        return (self.note, *reasons) if self.note else reasons


@dataclass(frozen=True)
class ClaimPosition:
    id: int
    reference: str
    creditor: str
    middel: str
    soort: str
    tijdvak_van: dt.date | None
    tijdvak_tot: dt.date | None
    dagtekening: dt.date
    vervaldatum: dt.date  # uiterste betaaldatum as recorded on the claim; rente runs from the next day
    original_amount: Decimal
    reduced: Decimal
    paid: Decimal
    verrekend: Decimal
    costs: Decimal
    rente_booked: Decimal
    rente_accrued: Decimal
    open: Decimal
    open_principal: Decimal
    enforcement_stage: str | None
    enforcement_stage_date: dt.date | None
    verjaringsdatum: dt.date | None  # None only when the claim could not be evaluated
    verjaard: bool
    gestuit: bool
    stuiten_advies: bool
    stuiten_reden: str
    next_step: NextStepInfo
    under_regeling: bool = False
    paused: bool = False
    #: why the rules engine could not evaluate this claim (a missing parameter row); the ledger figures still show
    calculation_error: str | None = None
    #: the rules engine's input, kept so :func:`explain_claim` needs no database round trip
    facts: rules.ClaimFacts | None = field(default=None, repr=False, compare=False)

    @property
    def rente_total(self) -> Decimal:
        return self.rente_booked + self.rente_accrued

    @property
    def creditor_label(self) -> str:
        return label_of(Creditor, self.creditor)

    @property
    def middel_label(self) -> str:
        return label_of(Middel, self.middel)


#: Timeline kinds with their Dutch labels (the GUI filter lists these; extensions may add their own).
TIMELINE_KINDS: dict[str, str] = {
    "vordering": "Aanslagen en terugvorderingen",
    "betaling": "Betalingen",
    "verrekening": "Verrekeningen",
    "kosten": "Kosten",
    "rente": "Rente",
    "vermindering": "Verminderingen en kwijtschelding",
    "invordering": "Invorderingsstappen",
}

_BOOKING_TIMELINE_KIND = {
    BookingKind.AANSLAG: "vordering",
    BookingKind.BETALING: "betaling",
    BookingKind.VERREKENING: "verrekening",
    BookingKind.KOSTEN: "kosten",
    BookingKind.RENTE: "rente",
    BookingKind.VERMINDERING: "vermindering",
    BookingKind.KWIJTSCHELDING: "vermindering",
    BookingKind.AFBOEKING: "vermindering",
}


class TimelineEvent(NamedTuple):
    """One thing that happened to the debtor.  Immutable like the other DTOs; a NamedTuple because a large
    debtor has thousands of these and they must build in a few milliseconds."""

    day: dt.date
    kind: str  # a key of TIMELINE_KINDS (or an extension's kind)
    title: str
    detail: str = ""
    amount: Decimal | None = None  # signed as on the ledger: debits +, credits -
    claim_reference: str | None = None
    creditor: str | None = None


@dataclass(frozen=True)
class CapacitySnapshot:
    """Income and fixed costs as recorded, and what the rules engine derives from them."""

    financial_situation_id: int
    version: int
    peildatum: dt.date  # the date of the information
    inkomen_maand: Decimal
    inkomen_bron: str | None
    partner_inkomen_maand: Decimal
    woonlasten_maand: Decimal
    zorgpremie_maand: Decimal
    vaste_lasten_maand: Decimal
    vermogen: Decimal
    leefsituatie: str | None
    beslagvrije_voet: Decimal | None
    betalingscapaciteit: Decimal | None
    bvv_geldig_tot: dt.date | None
    bvv_explanation: tuple[Step, ...] = ()
    bc_explanation: tuple[Step, ...] = ()  # betalingscapaciteit per maand
    note: str = ""  # why a figure is missing, in Dutch


@dataclass(frozen=True)
class PositionTimings:
    """Where the time of :func:`get_position` went (seconds); for the benchmark and the debug log."""

    load: float
    rules: float
    build: float
    queries: int

    @property
    def total(self) -> float:
        return self.load + self.rules + self.build


@dataclass(frozen=True)
class DebtPosition:
    debtor: DebtorDetail
    as_of: dt.date
    flags: tuple[Flag, ...]
    totals: PositionTotals
    claims: tuple[ClaimPosition, ...]
    timeline: tuple[TimelineEvent, ...]
    monthly_balance: tuple[MonthlyBalance, ...]
    capacity: CapacitySnapshot | None
    #: extra JSON sections contributed by extensions ("regelingen", "contacts", ...)
    sections: Mapping[str, Any] = field(default_factory=dict)
    timings: PositionTimings | None = field(default=None, compare=False)

    def claims_of(self, creditor: str) -> tuple[ClaimPosition, ...]:
        return tuple(c for c in self.claims if c.creditor == creditor)


# ------------------------------------------------------------------------------------------------ extensions


@dataclass(frozen=True)
class ClaimStatus:
    """Per-claim facts an extension knows and the rules engine must take into account."""

    regeling: bool = False
    paused: bool = False
    kwijtschelding_verzoek: bool = False
    uitstel: tuple[rules.Uitstel, ...] = ()


@dataclass(frozen=True)
class ExtensionFacts:
    flags: tuple[Flag, ...] = ()
    claim_status: Mapping[int, ClaimStatus] = field(default_factory=dict)  # by claim id
    timeline: tuple[TimelineEvent, ...] = ()
    sections: Mapping[str, Any] = field(default_factory=dict)  # JSON-ready values, merged into the document
    betalingsperspectief: bool | None = None
    bvv_vastgesteld_op: dt.date | None = None


#: (session, debtor id, as_of) -> facts; called inside the same read transaction as the rest of the load
PositionExtension = Callable[[Session, int, dt.date], ExtensionFacts]

_EXTENSIONS: dict[str, PositionExtension] = {}


def register_extension(name: str, extension: PositionExtension) -> None:
    """Add a capability's facts to every position (idempotent by ``name``)."""
    _EXTENSIONS[name] = extension


def registered_extensions() -> tuple[str, ...]:
    return tuple(_EXTENSIONS)


# ---------------------------------------------------------------------------------------------------- loading


class _ClaimRow(NamedTuple):
    id: int
    reference: str
    creditor: str
    middel: str
    soort: str
    tijdvak_van: dt.date | None
    tijdvak_tot: dt.date | None
    dagtekening: dt.date
    vervaldatum: dt.date
    original_amount: Decimal


class _BookingRow(NamedTuple):
    kind: str
    amount: Decimal
    booking_date: dt.date
    description: str | None
    source: str | None


class _ActionRow(NamedTuple):
    step: str
    action_date: dt.date
    stuit: bool
    costs: Decimal
    notes: str | None


@dataclass
class _Loaded:
    """What one read transaction fetched (plain tuples: a large debtor has thousands of rows)."""

    debtor: Debtor
    detail: DebtorDetail
    claims: list[_ClaimRow]
    bookings: dict[int, list[_BookingRow]]
    actions: dict[int, list[_ActionRow]]
    situation: FinancialSituation | None
    extensions: list[ExtensionFacts]
    queries: int


def _load(session: Session, debtor_id: int, as_of: dt.date) -> _Loaded:
    queries = 0
    debtor = session.get(
        Debtor, debtor_id, options=[selectinload(Debtor.household).selectinload(Household.members)]
    )
    queries += 3
    if debtor is None:
        raise NotFoundError("Schuldenaar", debtor_id)
    detail = detail_of(session, debtor)
    # plain Core execution on the session's connection: column rows without the ORM's per-row bookkeeping
    conn = session.connection()
    claims = conn.execute(
        select(
            Claim.id, Claim.reference, Claim.creditor, Claim.middel, Claim.soort, Claim.tijdvak_van,
            Claim.tijdvak_tot, Claim.dagtekening, Claim.vervaldatum, Claim.original_amount,
        )
        .where(Claim.debtor_id == debtor_id, Claim.dagtekening <= as_of)
        .order_by(Claim.creditor, Claim.middel, Claim.vervaldatum, Claim.id)
    ).all()
    queries += 1
    bookings: dict[int, list[_BookingRow]] = {}
    actions: dict[int, list[_ActionRow]] = {}
    if claims:
        for row in conn.execute(
            select(Booking.claim_id, Booking.id, Booking.kind, Booking.amount, Booking.booking_date,
                   Booking.description, Booking.source)
            .join(Claim, Claim.id == Booking.claim_id)
            .where(Claim.debtor_id == debtor_id, Booking.booking_date <= as_of)
            .order_by(Booking.booking_date, Booking.id)
        ).all():
            claim_id, _id, kind, amount, day, description, source = row  # unpacking: 10x faster than row.attr
            bookings.setdefault(claim_id, []).append(_BookingRow(kind, amount, day, description, source))
        for action in conn.execute(
            select(EnforcementAction.claim_id, EnforcementAction.id, EnforcementAction.step,
                   EnforcementAction.action_date, EnforcementAction.stuit, EnforcementAction.costs,
                   EnforcementAction.notes)
            .join(Claim, Claim.id == EnforcementAction.claim_id)
            .where(Claim.debtor_id == debtor_id, EnforcementAction.action_date <= as_of)
            .order_by(EnforcementAction.action_date, EnforcementAction.id)
        ).all():
            claim_id, _id, step, action_date, stuit, costs, notes = action
            actions.setdefault(claim_id, []).append(_ActionRow(step, action_date, stuit, costs, notes))
        queries += 2
    situation = session.execute(
        select(FinancialSituation)
        .where(FinancialSituation.debtor_id == debtor_id, FinancialSituation.peildatum <= as_of)
        .order_by(FinancialSituation.peildatum.desc(), FinancialSituation.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    queries += 1
    extensions = [extension(session, debtor_id, as_of) for extension in _EXTENSIONS.values()]
    return _Loaded(debtor, detail, [_ClaimRow._make(row) for row in claims], bookings, actions, situation, extensions,
                   queries)


# ----------------------------------------------------------------------------------------------- evaluating


_BOOKING_KINDS = {k.value: k for k in BookingKind}
_STEPS = {s.value: s for s in EnforcementStep}
_CLAIM_KINDS = {k.value: k for k in ClaimKind}
_MIDDELEN = {m.value: m for m in Middel}


def _facts(claim: Any, ledger: Sequence[Any], steps: Sequence[Any], status: ClaimStatus, *, fraude: bool,
           perspectief: bool | None, bvv_op: dt.date | None) -> rules.ClaimFacts:
    """The rules engine's input for one claim.  The claim's own aanslag booking is the ``bedrag``, not a booking."""
    original = claim.original_amount
    seen_own = False
    bookings: list[rules.Booking] = []
    make = rules.Booking
    for row in ledger:
        kind = _BOOKING_KINDS[row.kind]
        if kind is BookingKind.AANSLAG and not seen_own and row.amount == original:
            seen_own = True  # the booking that put the assessed amount on the ledger
            continue
        bookings.append(make(kind, row.amount, row.booking_date))
    taken = tuple(
        rules.StepTaken(_STEPS[row.step], row.action_date)
        for row in steps
        if row.stuit or not _STEPS[row.step].stuit  # an action recorded as not stuitend is not a rung
    )
    return rules.ClaimFacts(
        kind=_CLAIM_KINDS[claim.soort],
        middel=_MIDDELEN[claim.middel],
        dagtekening=claim.dagtekening,
        bedrag=original,
        uiterste_betaaldatum=claim.vervaldatum,  # as recorded on the aanslagbiljet / beschikking
        bookings=tuple(bookings),
        steps=taken,
        uitstel=status.uitstel,
        under_regeling=status.regeling,
        paused=status.paused,
        kwijtschelding_verzoek=status.kwijtschelding_verzoek,
        fraude=fraude,
        betalingsperspectief=perspectief,
        bvv_vastgesteld_op=bvv_op,
        claim_id=claim.id,
    )


def _next_step_info(ev: rules.ClaimEvaluation) -> NextStepInfo:
    nxt = ev.next_step
    if nxt.step is None:
        text = "Geen volgende stap" if ev.ledger_balance > ZERO else "Niets open"
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


def _claim_position(
    claim: Any, facts: rules.ClaimFacts, ev: rules.ClaimEvaluation, status: ClaimStatus
) -> ClaimPosition:
    stage_date = None
    if ev.enforcement_stage is not None:
        stage_date = max((s.date for s in facts.steps if s.step is ev.enforcement_stage), default=None)
    gestuit = any(s.step.stuit for s in facts.steps) or ev.verrekend > ZERO
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
        open=ev.ledger_balance + ev.rente_accrued,
        open_principal=ev.open_principal,
        enforcement_stage=ev.enforcement_stage.value if ev.enforcement_stage is not None else None,
        enforcement_stage_date=stage_date,
        verjaringsdatum=ev.verjaringsdatum,
        verjaard=ev.verjaard,
        gestuit=gestuit,
        stuiten_advies=ev.stuiten,
        stuiten_reden=ev.stuiten_reden,
        next_step=_next_step_info(ev),
        under_regeling=status.regeling,
        paused=status.paused,
        facts=facts,
    )


def _unevaluated_position(claim: Any, facts: rules.ClaimFacts, status: ClaimStatus, error: str) -> ClaimPosition:
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
        gestuit=any(s.step.stuit for s in facts.steps), stuiten_advies=False, stuiten_reden="",
        next_step=NextStepInfo(None, "Niet te berekenen", False, None, None, note=error),
        under_regeling=status.regeling, paused=status.paused, calculation_error=error, facts=facts,
    )


# ----------------------------------------------------------------------------------------- flags and the rest


def _flags(loaded: _Loaded, totals: PositionTotals, claims: Sequence[ClaimPosition], as_of: dt.date) -> list[Flag]:
    d = loaded.debtor
    flags: list[Flag] = []
    if d.fraude_markering:
        flags.append(Flag("fraude", "Fraudemarkering",
                          "Geen standaard betalingsregeling; stuiten is toegestaan bij fraude."))
    household = d.household
    if household is not None and household.beschermd_bestaansminimum:
        detail = f"Leefsituatie {label_of(Leefsituatie, household.leefsituatie)}"
        if household.notes:
            detail += f": {household.notes}"
        flags.append(Flag("bestaansminimum", "Bestaansminimum beschermd", detail))
    if totals.samenloop:
        flags.append(Flag(
            "samenloop", "Samenloop belasting- en toeslagschuld",
            f"Belastingdienst {format_eur(totals.open_belastingdienst)}, "
            f"Dienst Toeslagen {format_eur(totals.open_toeslagen)}: één aanpak voor beide schuldeisers.",
        ))
    if d.land and d.land != "NL":
        flags.append(Flag("buitenland", "Geen Nederlands woonadres",
                          f"Woonland {d.land}: de beslagvrije voet is een vast percentage van de norm (Rv 475db)."))
    open_claims = [c for c in claims if c.open > ZERO]
    verjaard = [c for c in open_claims if c.verjaard]
    if verjaard:
        flags.append(Flag("verjaard", "Verjaarde vordering",
                          ", ".join(c.reference for c in verjaard[:5]) + (" …" if len(verjaard) > 5 else "")
                          + ": niet meer invorderen, de burger informeren."))
    window = param("stuiting_signaal_voor_verjaring", as_of)
    horizon = add_duration(as_of, window)
    soon = sorted(
        ((c.verjaringsdatum, c.reference) for c in open_claims
         if not c.verjaard and c.verjaringsdatum is not None and c.verjaringsdatum <= horizon),
    )
    if soon:
        flags.append(Flag("verjaring_nadert", "Verjaring nadert",
                          f"{len(soon)} vordering(en) verjaren binnen {window.text}; eerste op "
                          f"{format_date(soon[0][0])} ({soon[0][1]}).", severity="info"))
    failed = [c for c in claims if c.calculation_error]
    if failed:
        flags.append(Flag("berekening_onvolledig", "Berekening onvolledig",
                          f"{failed[0].reference}: {failed[0].calculation_error}"
                          + (f" (en {len(failed) - 1} andere)" if len(failed) > 1 else "")))
    for ext in loaded.extensions:
        flags.extend(ext.flags)
    return flags


_BOOKING_TITLES = {k.value: label(k).capitalize() for k in BookingKind}
_BOOKING_TITLES[BookingKind.AANSLAG.value] = "Correctie aanslag"
_BOOKING_KIND_OF = {k.value: _BOOKING_TIMELINE_KIND[k] for k in BookingKind}
_STEP_TITLES = {s.value: label(s).capitalize() for s in EnforcementStep}


def _timeline(loaded: _Loaded, by_id: Mapping[int, Any]) -> list[TimelineEvent]:
    """Everything that happened, newest first (thousands of events for a large debtor: kept to plain loops)."""
    events: list[TimelineEvent] = []
    add = events.append
    event = TimelineEvent
    for claim in loaded.claims:
        what = f"{label_of(Middel, claim.middel)} ({label_of(ClaimKind, claim.soort)})"
        add(event(claim.dagtekening, "vordering", f"{label_of(ClaimKind, claim.soort).capitalize()} opgelegd",
                  f"{what}, te betalen vóór {format_date(claim.vervaldatum)}",
                  claim.original_amount, claim.reference, claim.creditor))
    aanslag = BookingKind.AANSLAG.value
    for claim_id, rows in loaded.bookings.items():
        claim = by_id[claim_id]
        reference, creditor, original, dagtekening = claim.reference, claim.creditor, claim.original_amount, \
            claim.dagtekening
        for row in rows:
            kind = row.kind
            if kind == aanslag and row.amount == original and row.booking_date == dagtekening:
                continue  # the claim event above already says this
            description, source = row.description, row.source
            if description and source:
                detail = f"{description} — {source}"
            else:
                detail = description or source or ""
            add(event(row.booking_date, _BOOKING_KIND_OF[kind], _BOOKING_TITLES[kind], detail, row.amount,
                      reference, creditor))
    for claim_id, steps in loaded.actions.items():
        claim = by_id[claim_id]
        for step in steps:
            detail = step.notes or ""
            if step.costs:
                detail = f"kosten {format_eur(step.costs)}" + (f"; {detail}" if detail else "")
            add(event(step.action_date, "invordering", _STEP_TITLES[step.step], detail, None, claim.reference,
                      claim.creditor))
    for ext in loaded.extensions:
        events.extend(ext.timeline)
    events.sort(key=lambda e: (e.day, e.kind != "vordering"), reverse=True)  # newest first
    return events


def _capacity(loaded: _Loaded, as_of: dt.date) -> CapacitySnapshot | None:
    """Beslagvrije voet and betalingscapaciteit from the latest recorded financial situation.

    Both are computed with the figures (norms, maxima) valid on ``as_of``: the officer sees what the
    recorded household and income mean *today*.  The information itself ages: a bvv determination
    rests on data at most ``bvv_geldigheid`` (12 months, Rv 475d lid 2) old, so information older than
    that is flagged to be renewed (``bvv_geldig_tot`` in the past).
    """
    fs = loaded.situation
    if fs is None:
        return None
    debtor = loaded.debtor
    household = debtor.household
    leefsituatie = household.leefsituatie if household is not None else None
    bvv_value: Decimal | None = None
    bc_value: Decimal | None = None
    bvv_steps: tuple[Step, ...] = ()
    bc_steps: tuple[Step, ...] = ()
    valid_until: dt.date | None = None
    note = ""
    if leefsituatie is None:
        note = "Leg eerst het huishouden (leefsituatie) vast; zonder leefsituatie is er geen norm."
    else:
        situation = Leefsituatie(leefsituatie)
        # each figure on its own: a missing parameter row for one must not hide the other
        try:
            bvv = bvv_rules.beslagvrije_voet(
                peildatum=as_of,
                leefsituatie=situation,
                inkomen_maand=fs.inkomen_maand,
                belastbaar_inkomen_jaar=fs.belastbaar_inkomen_jaar,
                bijstand=fs.bijstand,
                woonadres_in_nederland=(debtor.land or "NL") == "NL",
                partner_inkomen_maand=fs.partner_inkomen_maand,
            )
            bvv_value, bvv_steps = bvv.result.beslagvrije_voet, bvv.steps
            valid_until = add_duration(fs.peildatum, param("bvv_geldigheid", fs.peildatum))
            if valid_until < as_of:
                note = (
                    f"De gegevens zijn van {format_date(fs.peildatum)}, ouder dan twaalf maanden: "
                    "vraag actuele gegevens op en stel de beslagvrije voet opnieuw vast (Rv 475d lid 2)."
                )
        except UserFacingError as exc:  # e.g. no parameter row for the date
            note = exc.message
        try:
            nbi = fs.inkomen_maand + fs.partner_inkomen_maand
            uitgaven = fs.woonlasten_maand + fs.zorgpremie_maand + fs.vaste_lasten_maand
            bc = capaciteit_rules.betalingscapaciteit(
                peildatum=as_of,
                leefsituatie=situation,
                netto_besteedbaar_inkomen_maand=nbi,
                aftrekbare_uitgaven_maand=uitgaven,
                belastbaar_inkomen_jaar=fs.belastbaar_inkomen_jaar,
            )
            bc_value = bc.result.betalingscapaciteit_maand
            intro = Step(
                "Uitgaven die meetellen: woonlasten, zorgpremie en vaste lasten per maand",
                format_eur(uitgaven),
            )
            bc_steps = (intro, *bc.steps)
        except UserFacingError as exc:
            note = f"{note} {exc.message}".strip() if exc.message not in note else note
    return CapacitySnapshot(
        financial_situation_id=fs.id,
        version=fs.version,
        peildatum=fs.peildatum,
        inkomen_maand=fs.inkomen_maand,
        inkomen_bron=fs.inkomen_bron,
        partner_inkomen_maand=fs.partner_inkomen_maand,
        woonlasten_maand=fs.woonlasten_maand,
        zorgpremie_maand=fs.zorgpremie_maand,
        vaste_lasten_maand=fs.vaste_lasten_maand,
        vermogen=fs.vermogen,
        leefsituatie=leefsituatie,
        beslagvrije_voet=bvv_value,
        betalingscapaciteit=bc_value,
        bvv_geldig_tot=valid_until,
        bvv_explanation=bvv_steps,
        bc_explanation=bc_steps,
        note=note,
    )


# --------------------------------------------------------------------------------------------------- the API


def today() -> dt.date:
    """The local calendar date (the officer's "today"; the rules work in whole days)."""
    return dt.datetime.now().astimezone().date()


def get_position(ctx: Context, debtor_id: int, as_of: dt.date | None = None) -> DebtPosition:
    """The total debt position of ``debtor_id`` on ``as_of`` (default: today).

    Bookings, steps and claims dated after ``as_of`` are left out, so a past date shows the position as
    it was then (with what is recorded now).  Raises ``NotFoundError`` when the debtor does not exist
    (any more).
    """
    day = as_of or today()
    t0 = time.perf_counter()
    with ctx.read() as session:
        loaded = _load(session, debtor_id, day)
        t1 = time.perf_counter()
        status: dict[int, ClaimStatus] = {}
        perspectief: bool | None = None
        bvv_op = loaded.situation.peildatum if loaded.situation is not None else None
        for ext in loaded.extensions:
            status.update(ext.claim_status)
            if ext.betalingsperspectief is not None:
                perspectief = ext.betalingsperspectief
            if ext.bvv_vastgesteld_op is not None:
                bvv_op = ext.bvv_vastgesteld_op
        fraude = bool(loaded.debtor.fraude_markering)
        empty = ClaimStatus()
        claims: list[ClaimPosition] = []
        for claim in loaded.claims:
            st = status.get(claim.id, empty)
            facts = _facts(claim, loaded.bookings.get(claim.id, ()), loaded.actions.get(claim.id, ()), st,
                           fraude=fraude, perspectief=perspectief, bvv_op=bvv_op)
            try:
                claims.append(_claim_position(claim, facts, rules.evaluate_claim(facts, day), st))
            except UserFacingError as exc:  # e.g. no parameter row for an old date: show the ledger, say why
                claims.append(_unevaluated_position(claim, facts, st, exc.message))
        t2 = time.perf_counter()
        totals = compute_totals(claims)
        by_id = {c.id: c for c in loaded.claims}
        movements = [
            LedgerMovement(row.booking_date, by_id[claim_id].creditor, row.amount)
            for claim_id, rows in loaded.bookings.items()
            for row in rows
        ]
        sections: dict[str, Any] = {}
        for ext in loaded.extensions:
            sections.update(ext.sections)
        position = DebtPosition(
            debtor=loaded.detail,
            as_of=day,
            flags=tuple(_flags(loaded, totals, claims, day)),
            totals=totals,
            claims=tuple(claims),
            timeline=tuple(_timeline(loaded, by_id)),
            monthly_balance=tuple(monthly_balances(movements, day)),
            capacity=_capacity(loaded, day),
            sections=sections,
        )
        t3 = time.perf_counter()
    return dataclasses.replace(position, timings=PositionTimings(t1 - t0, t2 - t1, t3 - t2, loaded.queries))


def find_debtor_id(ctx: Context, identifier: str) -> int:
    """The id of the debtor with this BSN or RSIN (validated: an invalid number gets a clear message)."""
    number = validate_bsn(identifier)
    with ctx.read() as session:
        found = session.execute(
            select(Debtor.id).where((Debtor.bsn == number) | (Debtor.rsin == number))
        ).scalar_one_or_none()
    if found is None:
        raise NotFoundError("Schuldenaar met BSN/RSIN", number)
    return int(found)


def get_position_by_bsn(ctx: Context, identifier: str, as_of: dt.date | None = None) -> DebtPosition:
    return get_position(ctx, find_debtor_id(ctx, identifier), as_of)


def explain_claim(position: DebtPosition, claim_id: int) -> tuple[Step, ...]:
    """The rules engine's explanation of one claim's figures (computed on demand, no database access)."""
    for claim in position.claims:
        if claim.id == claim_id:
            return _explain(claim, position.as_of)
    raise NotFoundError("Vordering", claim_id)


def _explain(claim: ClaimPosition, as_of: dt.date) -> tuple[Step, ...]:
    if claim.calculation_error is not None or claim.facts is None:
        return (Step("Niet berekend", claim.calculation_error or "geen gegevens"),)
    return rules.explain_claim(claim.facts, as_of)


def explain_total(position: DebtPosition, key: str) -> tuple[Step, ...]:
    """How a total is made up: one step per claim that contributes (for "explain in place" on the totals)."""
    steps: list[Step] = []
    for claim in position.claims:
        value = _claim_amount(claim, key)
        if value:
            steps.append(Step(f"{claim.reference} ({label_of(Middel, claim.middel)})", format_eur(value)))
    total = position.totals.amounts().get(key)
    if total is not None:
        steps.append(Step("Totaal", format_eur(total)))
    return tuple(steps)


def _claim_amount(claim: ClaimPosition, key: str) -> Decimal:
    if key == "open":
        return claim.open
    if key == "open_belastingdienst":
        return claim.open if claim.creditor != Creditor.TOESLAGEN else ZERO
    if key == "open_toeslagen":
        return claim.open if claim.creditor == Creditor.TOESLAGEN else ZERO
    if key == "under_regeling":
        return claim.open if claim.under_regeling else ZERO
    if key == "paused":
        return claim.open if claim.paused else ZERO
    value = getattr(claim, key, ZERO)
    return value if isinstance(value, Decimal) else ZERO


# -------------------------------------------------------------------------------------------------------- JSON


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else money_str(amount)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return money_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def totals_to_json(totals: PositionTotals) -> dict[str, Any]:
    out: dict[str, Any] = {key: money_str(value) for key, value in totals.amounts().items()}
    out["claim_count"] = totals.claim_count
    out["open_claim_count"] = totals.open_claim_count
    out["samenloop"] = totals.samenloop
    return out


def _debtor_json(d: DebtorDetail) -> dict[str, Any]:
    out = _jsonable(d)
    out["name"] = d.display_name
    return dict(out)


def claim_to_json(claim: ClaimPosition, as_of: dt.date, *, explain: bool = True) -> dict[str, Any]:
    nxt = claim.next_step
    out: dict[str, Any] = {
        "id": claim.id,
        "reference": claim.reference,
        "creditor": claim.creditor,
        "middel": claim.middel,
        "soort": claim.soort,
        "tijdvak_van": _iso(claim.tijdvak_van),
        "tijdvak_tot": _iso(claim.tijdvak_tot),
        "dagtekening": _iso(claim.dagtekening),
        "vervaldatum": _iso(claim.vervaldatum),
        "original_amount": money_str(claim.original_amount),
        "reduced": money_str(claim.reduced),
        "paid": money_str(claim.paid),
        "verrekend": money_str(claim.verrekend),
        "costs": money_str(claim.costs),
        "rente_booked": money_str(claim.rente_booked),
        "rente_accrued": money_str(claim.rente_accrued),
        "open": money_str(claim.open),
        "enforcement_stage": claim.enforcement_stage,
        "enforcement_stage_date": _iso(claim.enforcement_stage_date),
        "verjaringsdatum": _iso(claim.verjaringsdatum),
        "verjaard": claim.verjaard,
        "gestuit": claim.gestuit,
        "stuiten_advies": {"stuiten": claim.stuiten_advies, "reden": claim.stuiten_reden},
        "under_regeling": claim.under_regeling,
        "paused": claim.paused,
        "calculation_error": claim.calculation_error,
        "next_step": {
            "step": nxt.step,
            "label": nxt.label,
            "allowed": nxt.allowed,
            "earliest": _iso(nxt.earliest),
            "costs": _money(nxt.costs),
            "blocked_by": list(nxt.blocked_by),
        },
    }
    if explain:
        steps = _explain(claim, as_of)
        out["explanation"] = [step.to_json() for step in steps]
    return out


def position_to_json(pos: DebtPosition, *, explain: bool = True) -> dict[str, Any]:
    """The position as one JSON document: amounts are strings with two decimals, dates ISO 8601.

    The shape is documented in ``docs/position-json.md``.  ``explain=False`` leaves out the per-claim
    explanations (they are the bulk of the document for a large debtor).
    """
    capacity = None
    if pos.capacity is not None:
        c = pos.capacity
        capacity = {
            "peildatum": _iso(c.peildatum),
            "inkomen_maand": money_str(c.inkomen_maand),
            "inkomen_bron": c.inkomen_bron,
            "partner_inkomen_maand": money_str(c.partner_inkomen_maand),
            "woonlasten_maand": money_str(c.woonlasten_maand),
            "zorgpremie_maand": money_str(c.zorgpremie_maand),
            "vaste_lasten_maand": money_str(c.vaste_lasten_maand),
            "vermogen": money_str(c.vermogen),
            "leefsituatie": c.leefsituatie,
            "beslagvrije_voet": _money(c.beslagvrije_voet),
            "betalingscapaciteit": _money(c.betalingscapaciteit),
            "bvv_geldig_tot": _iso(c.bvv_geldig_tot),
            "bvv_explanation": [s.to_json() for s in c.bvv_explanation],
            "betalingscapaciteit_explanation": [s.to_json() for s in c.bc_explanation],
            "note": c.note or None,
        }
    doc: dict[str, Any] = {
        "debtor": _debtor_json(pos.debtor),
        "as_of": pos.as_of.isoformat(),
        "flags": [{"code": f.code, "label": f.label, "detail": f.detail, "severity": f.severity} for f in pos.flags],
        "totals": totals_to_json(pos.totals),
        "claims": [claim_to_json(c, pos.as_of, explain=explain) for c in pos.claims],
        "timeline": [
            {
                "date": e.day.isoformat(),
                "kind": e.kind,
                "title": e.title,
                "detail": e.detail,
                "amount": _money(e.amount),
                "claim_reference": e.claim_reference,
                "creditor": e.creditor,
            }
            for e in pos.timeline
        ],
        "monthly_balance": [
            {
                "month": m.month.strftime("%Y-%m"),
                "belastingdienst": money_str(m.belastingdienst),
                "toeslagen": money_str(m.toeslagen),
                "total": money_str(m.total),
            }
            for m in pos.monthly_balance
        ],
        "capacity": capacity,
    }
    for key, value in pos.sections.items():
        doc.setdefault(key, _jsonable(value))
    return doc


# ------------------------------------------------------------------------------------------- the schuldoverzicht


_DEFAULT_SOORT = {Creditor.BELASTINGDIENST: ClaimKind.AANSLAG, Creditor.TOESLAGEN: ClaimKind.TERUGVORDERING}


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def _citizen_period(van: dt.date | None, tot: dt.date | None) -> str:
    """A tijdvak as people say it: "2024", "3e kwartaal 2024", "juli 2024", else the two dates."""
    if van is None or tot is None:
        return ""
    if van.year != tot.year:
        return f"{van.year}-{tot.year}"
    whole_months = van.day == 1 and (tot + dt.timedelta(days=1)).day == 1
    if whole_months and (van.month, tot.month) == (1, 12):
        return str(van.year)
    if whole_months and van.month % 3 == 1 and tot.month == van.month + 2:
        return f"{van.month // 3 + 1}e kwartaal {van.year}"
    if whole_months and van.month == tot.month:
        return f"{_MONTHS[van.month - 1]} {van.year}"
    return f"{format_date(van)} t/m {format_date(tot)}"


def _omschrijving(claim: ClaimPosition) -> str:
    """"inkomstenbelasting 2024"; the soort only when it is not the usual one for the creditor."""
    period = _citizen_period(claim.tijdvak_van, claim.tijdvak_tot)
    text = label_of(Middel, claim.middel)
    if period:
        text += f" {period}"
    if _DEFAULT_SOORT.get(Creditor(claim.creditor)) != claim.soort:
        text += f" ({label_of(ClaimKind, claim.soort)})"
    return text


#: The last enforcement step as the citizen reads it in the letter ("aanmaning verstuurd op 03-04-2026").
_CITIZEN_STAGE = {
    EnforcementStep.BETALINGSHERINNERING: "herinnering verstuurd op",
    EnforcementStep.AANMANING: "aanmaning verstuurd op",
    EnforcementStep.DWANGBEVEL: "dwangbevel verstuurd op",
    EnforcementStep.HERNIEUWD_BEVEL: "nieuw bevel tot betaling op",
    EnforcementStep.VORDERING: "beslag op inkomen of bank op",
    EnforcementStep.BESLAG: "beslag gelegd op",
    EnforcementStep.EXECUTIE: "verkoop na beslag op",
    EnforcementStep.STUITINGSBRIEF: "brief over de verjaring verstuurd op",
}


def _stage_text(claim: ClaimPosition) -> str | None:
    if claim.enforcement_stage is None:
        return None
    step = EnforcementStep(claim.enforcement_stage)
    if not claim.enforcement_stage_date:
        return label_of(EnforcementStep, step)
    words = _CITIZEN_STAGE.get(step, label_of(EnforcementStep, step) + " op")
    return f"{words} {format_date(claim.enforcement_stage_date)}"


#: What the next step means for the citizen, in plain Dutch (B1), completing "Dan ...".
_CITIZEN_NEXT = {
    EnforcementStep.AANMANING: "krijgt u een aanmaning. Een aanmaning kost extra geld",
    EnforcementStep.DWANGBEVEL: "krijgt u een dwangbevel. Een dwangbevel kost extra geld",
    EnforcementStep.VORDERING: "kunnen wij geld laten inhouden op uw loon, uitkering of bankrekening. "
                               "U houdt altijd genoeg over om van te leven",
    EnforcementStep.HERNIEUWD_BEVEL: "komt de deurwaarder met een nieuw bevel tot betaling. Dat kost extra geld",
    EnforcementStep.BESLAG: "kan de deurwaarder beslag leggen op uw spullen. Dat kost extra geld",
    EnforcementStep.EXECUTIE: "kan de deurwaarder uw spullen verkopen",
}


#: Steps the deurwaarder takes: the letter names every kenmerk they are for, never "… en 6 andere".
_DEURWAARDER_STEPS = frozenset({EnforcementStep.DWANGBEVEL, EnforcementStep.HERNIEUWD_BEVEL, EnforcementStep.BESLAG,
                                EnforcementStep.EXECUTIE})


def _references(claims: Sequence[ClaimPosition], limit: int | None = 3) -> str:
    refs = [c.reference for c in claims]
    if limit is None or len(refs) <= limit:
        return refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " en " + refs[-1]
    return ", ".join(refs[:limit]) + f" en {len(refs) - limit} andere"


def citizen_next_steps(pos: DebtPosition) -> tuple[str, ...]:
    """What happens next, in plain Dutch: one sentence per next step, naming the kenmerken, earliest first."""
    grouped: dict[tuple[EnforcementStep, bool], list[ClaimPosition]] = {}
    for claim in pos.claims:
        step = claim.next_step.step
        if claim.open <= ZERO or step is None or claim.verjaard or claim.under_regeling or claim.paused:
            continue
        earliest = claim.next_step.earliest
        later = earliest is not None and earliest > pos.as_of
        grouped.setdefault((EnforcementStep(step), later), []).append(claim)
    sentences: list[tuple[dt.date, int, str]] = []
    for (step, later), claims in grouped.items():
        if step not in _CITIZEN_NEXT:
            continue
        noun = "het bedrag met kenmerk" if len(claims) == 1 else "de bedragen met kenmerk"
        refs = _references(claims, None if step in _DEURWAARDER_STEPS else 3)
        if later:
            first = min(c.next_step.earliest or pos.as_of for c in claims)
            text = f"Betaalt u {noun} {refs} niet vóór {format_date(first)}? Dan {_CITIZEN_NEXT[step]}."
        else:
            first = pos.as_of
            text = f"De betaaltermijn van {noun} {refs} is voorbij. Betaalt u niet meteen? Dan {_CITIZEN_NEXT[step]}."
        sentences.append((first, step.rank, text))
    if any(c.under_regeling for c in pos.claims):
        sentences.append((pos.as_of, -1, "Voor bedragen onder een betalingsregeling: betaal elke termijn op tijd. "
                                         "Dan nemen wij voor die bedragen geen andere maatregelen."))
    if any(c.paused for c in pos.claims):
        sentences.append((pos.as_of, -1, "Voor een deel van de bedragen is de invordering gepauzeerd. "
                                         "Houd u aan de afspraken die wij met u hebben gemaakt."))
    sentences.sort(key=lambda item: (item[0], -item[1]))
    return tuple(text for _day, _rank, text in sentences)


def schuldoverzicht_data(pos: DebtPosition) -> SchuldoverzichtData:
    """The PDF's input, from the same position (and the same totals object) the screen and the JSON show."""
    d = pos.debtor
    lines: list[str] = []
    if d.straat:
        lines.append(f"{d.straat} {d.huisnummer or ''}{d.huisnummer_toevoeging or ''}".strip())
    place = " ".join(p for p in ((f"{d.postcode[:4]} {d.postcode[4:]}" if d.postcode else ""), d.woonplaats or "") if p)
    if place:
        lines.append(place)
    if d.land and d.land != "NL":
        lines.append(d.land)
    claims = tuple(
        OverzichtClaim(
            reference=c.reference,
            creditor=c.creditor,
            omschrijving=_omschrijving(c),
            vervaldatum=c.vervaldatum,
            original_amount=c.original_amount,
            paid=c.paid,
            verrekend=c.verrekend,
            reduced=c.reduced,
            costs=c.costs,
            rente=c.rente_total,
            open=c.open,
            stage=_stage_text(c),
            under_regeling=c.under_regeling,
            paused=c.paused,
            verjaard=c.verjaard,
        )
        for c in pos.claims
    )
    return SchuldoverzichtData(
        name=d.display_name,
        address_lines=tuple(lines),
        identifier_label="BSN" if d.bsn else "RSIN",
        identifier=d.bsn or d.rsin,
        as_of=pos.as_of,
        totals=pos.totals,
        claims=claims,
        next_steps=citizen_next_steps(pos),
        fraude=d.fraude_markering,
    )


def iter_open_claims(pos: DebtPosition) -> Iterable[ClaimPosition]:
    return (c for c in pos.claims if c.open > ZERO)


def write_schuldoverzicht(
    ctx: Context, pos: DebtPosition, target: str | os.PathLike[str] | IO[bytes], *, force: bool = False
) -> None:
    """Render the citizen's schuldoverzicht for ``pos`` and record in the audit trail that it was made.

    A path is written by :func:`caseworker_app.services.output.write_file`: atomically, an existing file
    only with ``force``, and never over a database, a folder or a device.
    """
    data = schuldoverzicht_data(pos)
    if isinstance(target, str | os.PathLike):
        output.write_file(
            target,
            lambda fh: render_schuldoverzicht(data, fh, issued_on=today()),
            force=force,
            protect=output.database_files(ctx.db),
        )
    else:
        render_schuldoverzicht(data, target, issued_on=today())
    with ctx.unit_of_work(Permission.VIEW_CASES) as session:
        audit.record(
            session, "report.schuldoverzicht", "debtors", pos.debtor.id, None,
            {"as_of": pos.as_of, "open": pos.totals.open, "claims": pos.totals.claim_count},
        )
