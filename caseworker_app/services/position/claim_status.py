"""Per-claim facts a capability knows and the rules engine must take into account.

A capability (maatwerk, betalingsregelingen, kwijtscheldingsverzoeken) gives the effects of its measures
(:func:`caseworker_app.domain.measures.effects_of`, with their periods): the rules engine reads
``ClaimFacts.effects`` and nothing else.  The yes/no fields are for a capability that only knows a measure holds
on the position's date: they stop the ladder that day and extend nothing
(:func:`caseworker_app.domain.measures.flag_effects`).  :meth:`ClaimStatus.combine` keeps the promise that the
facts of several capabilities about one claim add up, the last one never overwrites the others (a regeling and a
pause on one claim keep both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from caseworker_app.domain.measures import ClaimEffect, MeasureKind, flag_effects


@dataclass(frozen=True)
class ClaimStatus:
    """Per-claim facts an extension knows and the rules engine must take into account."""

    effects: tuple[ClaimEffect, ...] = ()
    regeling: bool = False
    paused: bool = False
    kwijtschelding_verzoek: bool = False

    def combine(self, other: ClaimStatus) -> ClaimStatus:
        """Both at once: a fact either of them knows holds, and every effect of both counts."""
        return ClaimStatus(
            effects=self.effects + tuple(e for e in other.effects if e not in self.effects),
            regeling=self.regeling or other.regeling,
            paused=self.paused or other.paused,
            kwijtschelding_verzoek=self.kwijtschelding_verzoek or other.kwijtschelding_verzoek,
        )

    def effects_on(self, day: dt.date) -> tuple[ClaimEffect, ...]:
        """The effects of this status on ``day``: the measures' own, plus those of the yes/no fields."""
        if not (self.regeling or self.paused or self.kwijtschelding_verzoek):
            return self.effects
        found = list(self.effects)
        for flag, kind in ((self.regeling, MeasureKind.BETALINGSREGELING), (self.paused, MeasureKind.INVORDERINGSPAUZE),
                           (self.kwijtschelding_verzoek, MeasureKind.KWIJTSCHELDINGSVERZOEK)):
            if flag:
                found += flag_effects(kind, day)
        return tuple(found)


NONE = ClaimStatus()


def combine_all(statuses: Iterable[Mapping[int, ClaimStatus]]) -> dict[int, ClaimStatus]:
    """The combined status per claim id of every capability's ``{claim id: status}``."""
    out: dict[int, ClaimStatus] = {}
    for by_claim in statuses:
        for claim_id, status in by_claim.items():
            known = out.get(claim_id)
            out[claim_id] = status if known is None else known.combine(status)
    return out
