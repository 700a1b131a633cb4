"""Maatwerk (issue 10): measures outside the automated process, with a reason, a period, their effect in euros
and a second pair of eyes.

==============  ===================================================================================
``service``      propose (with the effect), list, end early; the use cases, each one unit of work
``effect``       the position with the measure against the position without it (the rules engine)
``records``      measures read back with their claims, ends and decisions; the status derived
``capability``   what active measures do to the position: effects per claim, flags, timeline, pending
``dto``          the frozen data handed out
==============  ===================================================================================
"""

from __future__ import annotations

from caseworker_app.services.maatwerk.deciding import decide, end, measure_of_decision
from caseworker_app.services.maatwerk.dto import DecisionFacts, MeasureDTO, MeasureEndInfo
from caseworker_app.services.maatwerk.effect import MeasureEffect, effect_of
from caseworker_app.services.maatwerk.service import (
    Proposal,
    draft_for,
    get_measure,
    list_measures,
    preview,
    propose,
)

__all__ = [
    "DecisionFacts",
    "MeasureDTO",
    "MeasureEffect",
    "MeasureEndInfo",
    "Proposal",
    "decide",
    "draft_for",
    "effect_of",
    "end",
    "get_measure",
    "list_measures",
    "measure_of_decision",
    "preview",
    "propose",
]
