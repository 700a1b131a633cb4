"""The total debt position of one debtor on one date: every claim through the rules engine, in one pass.

A package by concern; callers import from here (``from caseworker_app.services import position``):

========================  ===============================================================================
``dto``                   the frozen result: :class:`DebtPosition`, :class:`ClaimPosition`, flags, timeline
``load``                  one read transaction, a handful of SELECTs (``db.repositories``), never per claim
``evaluate``              every claim through the rules engine; the figures and how they add up
``flags``                 what changes how the case must be treated
``timeline``              everything that happened, newest first
``capacity``              beslagvrije voet and betalingscapaciteit from the latest financial situation
``explain``               how a claim's figures and a total were worked out
``json_doc``              the JSON of ``caseworker debtor show`` (``docs/position-json.md``)
``letter``                the schuldoverzicht's data and its plain-Dutch next steps
``report``                writing the schuldoverzicht PDF with its audit row
``build``                 :func:`get_position`: the steps above in order
``extensions``            how capabilities add facts (``services.capabilities``): combined, never overwritten
========================  ===============================================================================
"""

from __future__ import annotations

from caseworker_app.services.position.build import find_debtor_id, get_position, get_position_by_bsn, today
from caseworker_app.services.position.claim_status import ClaimStatus
from caseworker_app.services.position.dto import (
    TIMELINE_KINDS,
    CapacitySnapshot,
    ClaimPosition,
    DebtPosition,
    Flag,
    NextStepInfo,
    PendingDecision,
    PositionTimings,
    TimelineEvent,
)
from caseworker_app.services.position.explain import explain_claim, explain_total
from caseworker_app.services.position.extensions import ExtensionConflictError, ExtensionFacts, PositionExtension
from caseworker_app.services.position.json_doc import claim_to_json, position_to_json, totals_to_json
from caseworker_app.services.position.letter import citizen_next_steps, schuldoverzicht_data
from caseworker_app.services.position.report import (
    record_schuldoverzicht,
    save_schuldoverzicht,
    write_schuldoverzicht,
)

__all__ = [
    "TIMELINE_KINDS",
    "CapacitySnapshot",
    "ClaimPosition",
    "ClaimStatus",
    "DebtPosition",
    "ExtensionConflictError",
    "ExtensionFacts",
    "Flag",
    "NextStepInfo",
    "PendingDecision",
    "PositionExtension",
    "PositionTimings",
    "TimelineEvent",
    "citizen_next_steps",
    "claim_to_json",
    "explain_claim",
    "explain_total",
    "find_debtor_id",
    "get_position",
    "get_position_by_bsn",
    "position_to_json",
    "record_schuldoverzicht",
    "save_schuldoverzicht",
    "schuldoverzicht_data",
    "today",
    "totals_to_json",
    "write_schuldoverzicht",
]
