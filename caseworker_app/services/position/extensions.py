"""How capabilities (maatwerk, betalingsregelingen, pauzes, contacts, decisions, ...) add to a position.

A capability registers a :data:`PositionExtension` with the opened database
(``db.capabilities.add_position_extension``, see :mod:`caseworker_app.services.capabilities`).  The loader calls
every one inside the position's read transaction; each returns :class:`ExtensionFacts`.  :func:`combine` then
puts them together -- and **combines, never overwrites**:

* per-claim status: a fact any extension knows about a claim holds (:meth:`ClaimStatus.combine`), so a
  regeling from one capability and a pause from another leave the claim under a regeling *and* paused;
* flags, timeline events and pending decisions: all of them, in the order the capabilities were installed;
* JSON sections: each key belongs to one extension; two extensions with the same key, or a key of the
  position's own document (``claims``, ``totals``, ...), are a bug and raise :class:`ExtensionConflictError`;
* debtor-level facts: the personal contacts (``contacten``, for the ladder's proportionality guard) of every
  extension together (``None`` only when no extension knows them: "unknown counts as not established");
  the latest ``bvv_vastgesteld_op`` counts; ``betalingsperspectief`` is False as soon as
  one extension says so (the careful reading: stuiting needs a prospect of payment that nobody doubts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from caseworker_app.domain.rules.ladder import Contact

from caseworker_app.services.position.claim_status import ClaimStatus, combine_all
from caseworker_app.services.position.dto import Flag, PendingDecision, TimelineEvent

#: The top-level keys of the position's own JSON document; an extension's section may not take one.
CORE_SECTIONS = frozenset(
    {"debtor", "as_of", "flags", "totals", "claims", "timeline", "monthly_balance", "capacity", "pending"}
)


@dataclass(frozen=True)
class ExtensionFacts:
    """What one capability knows about one debtor on one date."""

    flags: tuple[Flag, ...] = ()
    claim_status: Mapping[int, ClaimStatus] = field(default_factory=dict)  # by claim id
    timeline: tuple[TimelineEvent, ...] = ()
    #: proposals about this debtor that wait for a decision (shown on the debtor's screen)
    pending: tuple[PendingDecision, ...] = ()
    sections: Mapping[str, Any] = field(default_factory=dict)  # JSON-ready values, merged into the document
    betalingsperspectief: bool | None = None
    bvv_vastgesteld_op: dt.date | None = None
    #: personal contact moments with the debtor (every claim's ladder); None: this extension does not know them
    contacten: tuple[Contact, ...] | None = None


#: (session, debtor id, as_of) -> facts; called inside the same read transaction as the rest of the load
PositionExtension = Callable[[Session, int, dt.date], ExtensionFacts]


class ExtensionConflictError(RuntimeError):
    """A bug: two capabilities claim the same JSON section (or one claims a key of the position itself)."""


@dataclass(frozen=True)
class CombinedFacts:
    """Every extension's facts for one position, put together (see the module docstring)."""

    flags: tuple[Flag, ...] = ()
    claim_status: Mapping[int, ClaimStatus] = field(default_factory=dict)
    timeline: tuple[TimelineEvent, ...] = ()
    pending: tuple[PendingDecision, ...] = ()
    sections: Mapping[str, Any] = field(default_factory=dict)
    betalingsperspectief: bool | None = None
    bvv_vastgesteld_op: dt.date | None = None
    contacten: tuple[Contact, ...] | None = None


def combine(named: Sequence[tuple[str, ExtensionFacts]]) -> CombinedFacts:
    """Put the facts of every extension (``(name, facts)`` in installation order) together."""
    if not named:
        return CombinedFacts()
    sections: dict[str, Any] = {}
    owner: dict[str, str] = {}
    perspectief: bool | None = None
    bvv_op: dt.date | None = None
    contacten: tuple[Contact, ...] | None = None
    for name, facts in named:
        if facts.contacten is not None:
            contacten = (contacten or ()) + facts.contacten
        for key, value in facts.sections.items():
            if key in CORE_SECTIONS:
                raise ExtensionConflictError(f"position extension {name!r} returns the position's own key {key!r}")
            if key in owner:
                raise ExtensionConflictError(f"position extensions {owner[key]!r} and {name!r} both return {key!r}")
            owner[key] = name
            sections[key] = value
        if facts.betalingsperspectief is not None:
            perspectief = facts.betalingsperspectief and (perspectief is None or perspectief)
        if facts.bvv_vastgesteld_op is not None:
            bvv_op = facts.bvv_vastgesteld_op if bvv_op is None else max(bvv_op, facts.bvv_vastgesteld_op)
    return CombinedFacts(
        flags=tuple(f for _n, facts in named for f in facts.flags),
        claim_status=combine_all(facts.claim_status for _n, facts in named),
        timeline=tuple(e for _n, facts in named for e in facts.timeline),
        pending=tuple(p for _n, facts in named for p in facts.pending),
        sections=sections,
        betalingsperspectief=perspectief,
        bvv_vastgesteld_op=bvv_op,
        contacten=contacten,
    )
