"""Per-claim facts a capability knows and the rules engine must take into account.

Kept on its own until the measures of the domain (``ClaimFacts.effects``) replace these booleans.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseworker_app.domain.rules import position as rules


@dataclass(frozen=True)
class ClaimStatus:
    """Per-claim facts an extension knows and the rules engine must take into account."""

    regeling: bool = False
    paused: bool = False
    kwijtschelding_verzoek: bool = False
    uitstel: tuple[rules.Uitstel, ...] = ()
