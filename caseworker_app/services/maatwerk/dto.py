"""What the maatwerk services hand out: frozen, plain data (no ORM object leaves a service)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from caseworker_app.domain.maatwerk import REDEN_CODES, STATUS_LABELS, Draft, Status
from caseworker_app.domain.measures import MeasureKind
from caseworker_app.domain.types import label_of


@dataclass(frozen=True)
class DecisionFacts:
    """The latest decision on a measure (or on a proposal to end it), as far as maatwerk needs it."""

    id: int
    status: str
    proposed_by: str  # login
    decided_by: str | None  # login
    decided_by_name: str | None
    decided_at: dt.datetime | None
    toelichting: str | None
    voorwaarde: str | None
    voorwaarde_tot: dt.date | None
    effect: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MeasureEndInfo:
    id: int
    einde: dt.date
    reden: str
    proposed_by: str
    proposed_at: dt.datetime
    decision: DecisionFacts | None


@dataclass(frozen=True)
class MeasureDTO:
    id: int
    debtor_id: int
    bsn: str | None
    debtor_name: str
    soort: str
    status: Status
    van: dt.date
    tot: dt.date | None  # as proposed
    #: the last day it works as decided (a shorter approved period, an approved early end); None: open-ended
    werkt_tot: dt.date | None
    herzien_op: dt.date | None
    onderdelen: tuple[str, ...] | None
    bedrag: Decimal | None
    vorderingen: tuple[str, ...]  # kenmerken; empty: every claim
    claim_ids: tuple[int, ...]
    reden_code: str
    reden: str
    voorgesteld_door: str  # login
    voorgesteld_op: dt.datetime
    previous_id: int | None
    decision: DecisionFacts | None
    ends: tuple[MeasureEndInfo, ...] = ()

    @property
    def soort_label(self) -> str:
        return label_of(MeasureKind, self.soort)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def reden_label(self) -> str:
        return REDEN_CODES.get(self.reden_code, self.reden_code)

    @property
    def besloten_door(self) -> str | None:
        d = self.decision
        return d.decided_by if d is not None and d.status != "open" else None

    @property
    def pending_end(self) -> MeasureEndInfo | None:
        return next((e for e in self.ends if e.decision is not None and e.decision.status == "open"), None)

    def draft(self) -> Draft:
        return Draft(self.soort, self.van, self.tot, self.herzien_op, self.onderdelen, self.bedrag,
                     self.reden_code, self.reden, self.vorderingen)

    def to_json(self) -> dict[str, Any]:
        """One measure as ``maatwerk list --json`` and the case document's ``maatwerk`` list show it."""
        d = self.decision
        return {
            "id": self.id,
            "bsn": self.bsn,
            "soort": self.soort,
            "status": self.status.value,
            "van": self.van.isoformat(),
            "tot": self.tot.isoformat() if self.tot else None,
            "werkt_tot": self.werkt_tot.isoformat() if self.werkt_tot else None,
            "herzien_op": self.herzien_op.isoformat() if self.herzien_op else None,
            "onderdelen": list(self.onderdelen) if self.onderdelen is not None else None,
            "bedrag": f"{self.bedrag:.2f}" if self.bedrag is not None else None,
            "vorderingen": list(self.vorderingen),
            "reden_code": self.reden_code,
            "reden": self.reden,
            "voorgesteld_door": self.voorgesteld_door,
            "voorgesteld_op": self.voorgesteld_op.isoformat(),
            "besloten_door": self.besloten_door,
            "besloten_op": d.decided_at.isoformat() if d is not None and d.decided_at is not None else None,
            "besluit_id": d.id if d is not None else None,
            "toelichting": d.toelichting if d is not None else None,
            "voorwaarde": d.voorwaarde if d is not None else None,
            "vorige_id": self.previous_id,
            "beeindiging": [
                {"id": e.id, "einde": e.einde.isoformat(), "reden": e.reden, "voorgesteld_door": e.proposed_by,
                 "status": e.decision.status if e.decision is not None else "open",
                 "besloten_door": e.decision.decided_by if e.decision is not None else None}
                for e in self.ends
            ],
        }
