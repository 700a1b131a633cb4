"""Plain, frozen data the services hand to every client (GUI, CLI, reports, tests).

No ORM object ever leaves a service; these are safe to pass between threads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from caseworker_app.domain.types import Role


@dataclass(frozen=True)
class ActorInfo:
    """Who is working: resolved from the database login (PostgreSQL) or the local profile (SQLite)."""

    user_id: int
    login: str
    display_name: str
    roles: frozenset[Role]


@dataclass(frozen=True)
class DatabaseInfo:
    url: str  # with any password masked
    backend: str  # "sqlite" or "postgresql"
    schema_revision: str | None
    head_revision: str
    schema_state: str  # "current", "older", "newer", "empty"
    #: after an upgrade of a database from before issue 12: users that have no login on this server
    unlinked_logins: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    display_name: str
    roles: tuple[Role, ...]
    active: bool
    version: int


@dataclass(frozen=True)
class DebtorSummary:
    """One search result."""

    id: int
    display_name: str
    bsn: str | None
    rsin: str | None
    doelgroep: str
    geboortedatum: dt.date | None
    address: str  # "Dorpsstraat 12a, 1234 AB Utrecht"
    postcode: str | None
    huisnummer: int | None
    matched_by: str  # "identifier", "name", "postcode", "reference"
    #: the claim reference (kenmerk) the search found this debtor by: the workspace opens with it selected
    matched_reference: str | None = None


#: The fields of a debtor a caseworker may edit; used for conflict detection and merging.
DEBTOR_EDITABLE_FIELDS = (
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "straat",
    "huisnummer",
    "huisnummer_toevoeging",
    "postcode",
    "woonplaats",
    "land",
    "telefoon",
    "email",
    "fraude_markering",
)


@dataclass(frozen=True)
class HouseholdInfo:
    id: int
    leefsituatie: str
    aantal_kinderen: int
    kostendelers: int
    beschermd_bestaansminimum: bool
    members: tuple[tuple[int, str], ...]  # (debtor id, display name) of the others in the household


@dataclass(frozen=True)
class DebtorDetail:
    id: int
    version: int
    kind: str
    doelgroep: str
    bsn: str | None
    rsin: str | None
    kvk_nummer: str | None
    voornamen: str | None
    tussenvoegsel: str | None
    achternaam: str
    display_name: str
    geboortedatum: dt.date | None
    straat: str | None
    huisnummer: int | None
    huisnummer_toevoeging: str | None
    postcode: str | None
    woonplaats: str | None
    land: str
    telefoon: str | None
    email: str | None
    fraude_markering: bool
    household: HouseholdInfo | None
    address: str

    def editable_values(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in DEBTOR_EDITABLE_FIELDS}


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the new state, and which of the other user's changes were kept alongside."""

    debtor: DebtorDetail
    merged_fields: tuple[str, ...] = field(default=())
