"""Four-eyes decisions: the states a proposal goes through, and when one person may decide alone.

A *decision* (besluit) is a proposal by one person -- a maatwerk measure, its early end, later a kwijtschelding,
a regeling on maatwerk terms, an escalation -- and the decision on it by a second person.  Which kinds need that
second person, and up to which amount or duration the proposer may decide alone, is configuration:
:class:`DecisionPolicy` rows in the table ``decision_policies``, read by :func:`needs_second`.  The same rule is
evaluated by the database (``db/four_eyes.py``), so a proposal inserted with raw SQL gets the same answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class DecisionStatus(StrEnum):
    OPEN = "open"
    GOEDGEKEURD = "goedgekeurd"
    AFGEWEZEN = "afgewezen"
    TERUGGESTUURD = "teruggestuurd"  # sent back with a question; the proposer answers with a new proposal
    INGETROKKEN = "ingetrokken"  # withdrawn by the proposer while open


#: What a decider may choose (``open`` and ``ingetrokken`` are not decisions).
DECIDING: frozenset[DecisionStatus] = frozenset(
    {DecisionStatus.GOEDGEKEURD, DecisionStatus.AFGEWEZEN, DecisionStatus.TERUGGESTUURD}
)

#: Dutch wording of each state, as the queue and the workspace show it.
STATUS_LABELS: dict[DecisionStatus, str] = {
    DecisionStatus.OPEN: "wacht op besluit",
    DecisionStatus.GOEDGEKEURD: "goedgekeurd",
    DecisionStatus.AFGEWEZEN: "afgewezen",
    DecisionStatus.TERUGGESTUURD: "teruggestuurd met een vraag",
    DecisionStatus.INGETROKKEN: "ingetrokken",
}

#: Kinds of decision known today (the column is open text: a later capability adds its own kind and policy).
KIND_MAATWERK = "maatwerk"
KIND_MAATWERK_EINDE = "maatwerk_einde"
KIND_KWIJTSCHELDING = "kwijtschelding"
KIND_REGELING = "regeling"
KIND_ESCALATIE = "escalatie"

KIND_LABELS: dict[str, str] = {
    KIND_MAATWERK: "maatwerk",
    KIND_MAATWERK_EINDE: "einde maatwerk",
    KIND_KWIJTSCHELDING: "kwijtschelding",
    KIND_REGELING: "betalingsregeling",
    KIND_ESCALATIE: "escalatie",
}

#: Calendar days within which a team lead is expected to decide, unless the policy says otherwise ("overdue" queue).
DEFAULT_DECIDE_WITHIN_DAYS = 5


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " "))


@dataclass(frozen=True)
class DecisionPolicy:
    """One row of ``decision_policies``: for ``kind`` (and ``soort``, None = every soort of that kind)."""

    kind: str
    soort: str | None
    needs_second: bool
    #: one person may decide alone up to this amount (None: no limit by amount)
    max_amount: Decimal | None = None
    #: one person may decide alone up to this many days (None: no limit by duration)
    max_days: int | None = None
    decide_within_days: int = DEFAULT_DECIDE_WITHIN_DAYS


#: The policies a new database ships with (migration 0009): every maatwerk soort needs a team lead, except asking
#: for contact first ("eerst contact"), which every caseworker may decide alone.  A kind without a policy needs a
#: second person: the safe default.
SHIPPED_POLICIES: tuple[DecisionPolicy, ...] = (
    DecisionPolicy(KIND_MAATWERK, None, needs_second=True),
    DecisionPolicy(KIND_MAATWERK, "eerst_contact", needs_second=False),
    DecisionPolicy(KIND_MAATWERK_EINDE, None, needs_second=True),
    DecisionPolicy(KIND_KWIJTSCHELDING, None, needs_second=True),
    DecisionPolicy(KIND_REGELING, None, needs_second=True),
    DecisionPolicy(KIND_ESCALATIE, None, needs_second=True),
)


def policy_for(
    policies: list[DecisionPolicy] | tuple[DecisionPolicy, ...], kind: str, soort: str | None
) -> DecisionPolicy | None:
    """The policy that applies: the one for ``kind`` and ``soort``, else the one for the whole ``kind``."""
    exact = [p for p in policies if p.kind == kind and p.soort is not None and p.soort == soort]
    if exact:
        return exact[0]
    general = [p for p in policies if p.kind == kind and p.soort is None]
    return general[0] if general else None


def needs_second(policy: DecisionPolicy | None, amount: Decimal | None, days: int | None) -> bool:
    """Whether a second person must decide.  No policy: yes.  A policy that lets one person decide alone still
    needs a second person above its ``max_amount`` or ``max_days`` (an unknown amount or duration is not above)."""
    if policy is None or policy.needs_second:
        return True
    if policy.max_amount is not None and amount is not None and amount > policy.max_amount:
        return True
    return policy.max_days is not None and days is not None and days > policy.max_days


def is_overdue(proposed_at: dt.datetime, now: dt.datetime, within_days: int) -> bool:
    return now - proposed_at > dt.timedelta(days=within_days)
