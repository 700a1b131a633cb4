"""How later capabilities (maatwerk, betalingsregelingen, pauzes, contacts, escalations) add to a position.

An extension gets the position's read session and returns :class:`ExtensionFacts`: flags, per-claim status
(which the rules engine then takes into account), timeline events and extra JSON sections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from caseworker_app.services.position.claim_status import ClaimStatus
from caseworker_app.services.position.dto import Flag, TimelineEvent


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


def extensions() -> tuple[PositionExtension, ...]:
    return tuple(_EXTENSIONS.values())
