"""Per-claim facts a capability knows and the rules engine must take into account.

Kept on its own until the measures of the domain (``ClaimFacts.effects``) replace these booleans.  Whatever
replaces them must keep :meth:`ClaimStatus.combine`'s promise: the facts of several capabilities about one claim
add up, the last one never overwrites the others (a regeling and a pause on one claim keep both).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from caseworker_app.domain.rules import position as rules


@dataclass(frozen=True)
class ClaimStatus:
    """Per-claim facts an extension knows and the rules engine must take into account."""

    regeling: bool = False
    paused: bool = False
    kwijtschelding_verzoek: bool = False
    uitstel: tuple[rules.Uitstel, ...] = ()

    def combine(self, other: ClaimStatus) -> ClaimStatus:
        """Both at once: a fact either of them knows holds, and every uitstel period of both counts."""
        return ClaimStatus(
            regeling=self.regeling or other.regeling,
            paused=self.paused or other.paused,
            kwijtschelding_verzoek=self.kwijtschelding_verzoek or other.kwijtschelding_verzoek,
            uitstel=self.uitstel + tuple(u for u in other.uitstel if u not in self.uitstel),
        )


NONE = ClaimStatus()


def combine_all(statuses: Iterable[Mapping[int, ClaimStatus]]) -> dict[int, ClaimStatus]:
    """The combined status per claim id of every capability's ``{claim id: status}``."""
    out: dict[int, ClaimStatus] = {}
    for by_claim in statuses:
        for claim_id, status in by_claim.items():
            known = out.get(claim_id)
            out[claim_id] = status if known is None else known.combine(status)
    return out
