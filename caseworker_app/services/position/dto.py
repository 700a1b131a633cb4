"""What a position is made of: frozen data the screen, the JSON and the letter are built from.

No ORM object appears here; every value is safe to hand to the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from caseworker_app.domain.explain import Step
from caseworker_app.domain.position_totals import MonthlyBalance, PositionTotals
from caseworker_app.domain.rules import position as rules
from caseworker_app.domain.types import Creditor, Middel, label_of

from caseworker_app.services.dto import DebtorDetail


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
class PendingDecision:
    """A proposal about this debtor that waits for a second person's decision (shown on the debtor's screen)."""

    id: int  # the decision's id
    kind: str  # what is proposed, e.g. "maatwerk", "kwijtschelding", "escalatie" (the capability's subject type)
    title: str  # one Dutch line: what it is about
    proposed_by: str  # the proposer's name as shown
    proposed_on: dt.date
    detail: str = ""
    claim_ids: tuple[int, ...] = ()  # the claims it is about; empty: the whole debt


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
    #: proposals waiting for a decision, from the capabilities that make them
    pending: tuple[PendingDecision, ...] = ()
    #: every timeline kind with its Dutch label: the position's own and those the capabilities add
    timeline_kinds: Mapping[str, str] = field(default_factory=lambda: dict(TIMELINE_KINDS))
    timings: PositionTimings | None = field(default=None, compare=False)

    def claims_of(self, creditor: str) -> tuple[ClaimPosition, ...]:
        return tuple(c for c in self.claims if c.creditor == creditor)

