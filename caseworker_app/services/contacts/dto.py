"""What the contacts services hand out: frozen plain data, safe for any thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TaskInfo:
    id: int
    debtor_id: int
    bsn: str | None
    debtor_name: str
    omschrijving: str
    datum: dt.date  # due date
    voor: str  # login of the person the task is for
    voor_naam: str
    status: str
    plek: str  # where opening the task lands on the debtor's screen
    contact_id: int | None = None
    created_by: str = ""
    version: int = 1
    #: the debtor is marked "risk to staff"
    risico: bool = False

    def bucket(self, today: dt.date) -> str:
        """"te_laat", "vandaag" or "later" (Mijn werk's three groups); "gedaan" for a finished task."""
        if self.status != "open":
            return "gedaan"
        if self.datum < today:
            return "te_laat"
        return "vandaag" if self.datum == today else "later"


@dataclass(frozen=True)
class TaskEventInfo:
    id: int
    task_id: int
    kind: str
    van: str | None
    naar: str | None
    toelichting: str | None
    door: str
    occurred_at: dt.datetime


@dataclass(frozen=True)
class ContactInfo:
    id: int
    debtor_id: int
    datum: dt.date
    kanaal: str
    met: str
    samenvatting: str
    uitkomst: str | None
    door: str
    corrigeert: int | None
    created_at: dt.datetime | None = None
    #: the entry that corrects this one (None: this is the current text)
    gecorrigeerd_door: int | None = None
    #: codes of the omstandigheden recorded with it -- only filled for who may see them (logged), else None
    omstandigheden: tuple[str, ...] | None = None
    taak: TaskInfo | None = None
    verwijzing: ReferralInfo | None = None

    @property
    def actueel(self) -> bool:
        return self.gecorrigeerd_door is None


@dataclass(frozen=True)
class ReferralInfo:
    id: int
    naar: str
    organisatie: str | None
    toestemming: bool
    opvolgdatum: dt.date
    task_id: int | None


@dataclass(frozen=True)
class OmstandigheidInfo:
    id: int
    debtor_id: int
    contact_id: int | None
    code: str
    toelichting: str | None
    door: str


@dataclass(frozen=True)
class FlagInfo:
    id: int
    debtor_id: int
    code: str
    label: str
    toelichting: str | None
    raised_on: dt.date
    raised_by: str
    ended_on: dt.date | None = None
    ended_by: str | None = None
    reden: str | None = None

    @property
    def active(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class VisitInfo:
    """A planned home visit, with what the bailiff's route list shows."""

    id: int
    debtor_id: int
    bsn: str | None
    debtor_name: str
    address: str
    postcode: str | None
    gepland_op: dt.date
    bailiff: str
    doel: str | None
    status: str
    risico: str | None = None  # the risk-to-staff reason, if the debtor is marked
    version: int = 1


@dataclass(frozen=True)
class VisitReportInfo:
    id: int
    debtor_id: int
    visit_id: int | None
    contact_id: int
    bezocht_op: dt.date
    aangetroffen: bool
    advies: str
    woonsituatie: str | None
    huishouden: str | None
    kwetsbaarheid: str | None
    goederen: str | None
    bevindingen: str | None
    door: str
    #: what the advice set going: a task for the caseworker (id), or a proposal draft
    opvolging: tuple[str, ...] = field(default=())
    taak: TaskInfo | None = None
