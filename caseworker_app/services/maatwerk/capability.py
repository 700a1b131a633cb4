"""Maatwerk as a capability of the opened database (``services/capabilities.py``).

What the measures of a debtor add to the position:

* **effects per claim**: every approved measure's effects for the period it works as decided (a shorter approved
  period, an approved early end), on the claims it covers -- all the debtor's claims when it names none.  The
  rules engine honours them (a paused claim accrues no rente, a held claim gets no next step); a measure that has
  ended still counts for its own period (the rente it kept off stays off);
* **flags** for the header: each active measure; a proposal waiting for a decision or sent back; a review due;
* **timeline** events (kind ``maatwerk``): proposed, decided, started, ended;
* **pending**: proposals waiting for a decision, on the debtor's own screen;
* the JSON section ``maatwerk``: every measure (``docs/position-json.md``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker_app.domain.maatwerk import Status, review_task_date
from caseworker_app.domain.measures import ClaimEffect
from caseworker_app.domain.money import format_date

from caseworker_app.db.models import Measure, MeasureEnd
from caseworker_app.db.repositories import maatwerk as repo

from caseworker_app.services.maatwerk.dto import MeasureDTO
from caseworker_app.services.maatwerk.records import to_dtos
from caseworker_app.services.position.claim_status import ClaimStatus
from caseworker_app.services.position.dto import Flag, PendingDecision, TimelineEvent
from caseworker_app.services.position.extensions import ExtensionFacts

if TYPE_CHECKING:
    from caseworker_app.services.capabilities import Capabilities

TIMELINE_KIND = "maatwerk"
APPROVED = frozenset({Status.GEPLAND, Status.ACTIEF, Status.BEEINDIGD, Status.VERLOPEN})


def period_text(van: dt.date, tot: dt.date | None) -> str:
    return f"vanaf {format_date(van)}" if tot is None else f"{format_date(van)} t/m {format_date(tot)}"


def effects_in_force(m: MeasureDTO) -> tuple[ClaimEffect, ...]:
    """The effects of an approved measure for the period it works as decided (none if it never worked)."""
    if m.status not in APPROVED or (m.werkt_tot is not None and m.werkt_tot < m.van):
        return ()
    return m.draft().effects(measure_id=m.id, tot=m.werkt_tot)


def _flags(m: MeasureDTO, as_of: dt.date) -> list[Flag]:
    if m.status is Status.ACTIEF:
        flags = [Flag(f"maatwerk_{m.soort}", f"Maatwerk: {m.soort_label}",
                      f"{period_text(m.van, m.werkt_tot)}; {m.reden_label}", severity="info")]
        review = review_task_date(m.werkt_tot, m.herzien_op)
        if review is not None and review <= as_of:
            flags.append(Flag("maatwerk_herzien", f"Maatwerk herzien: {m.soort_label}",
                              f"Herzien vóór {format_date(m.herzien_op or m.werkt_tot or as_of)}"))
        return flags
    if m.status is Status.GEPLAND:
        return [Flag("maatwerk_gepland", f"Maatwerk gepland: {m.soort_label}", period_text(m.van, m.werkt_tot),
                     severity="info")]
    if m.status is Status.VOORGESTELD:
        return [Flag("maatwerk_voorstel", f"Voorstel maatwerk: {m.soort_label}",
                     f"{period_text(m.van, m.tot)}; wacht op besluit van een teamleider")]
    if m.status is Status.TERUGGESTUURD:
        question = m.decision.toelichting if m.decision is not None and m.decision.toelichting else ""
        return [Flag("maatwerk_teruggestuurd", f"Voorstel maatwerk teruggestuurd: {m.soort_label}", question)]
    return []


def _timeline(m: MeasureDTO, as_of: dt.date) -> list[TimelineEvent]:
    events = [TimelineEvent(m.voorgesteld_op.date(), TIMELINE_KIND, f"Maatwerk voorgesteld: {m.soort_label}",
                            f"{period_text(m.van, m.tot)}; {m.reden_label}")]
    d = m.decision
    if d is not None and d.decided_at is not None:
        events.append(TimelineEvent(d.decided_at.date(), TIMELINE_KIND,
                                    f"Besluit over maatwerk ({m.soort_label}): {d.status}", d.toelichting or ""))
    if m.status in APPROVED and m.van <= as_of:
        events.append(TimelineEvent(m.van, TIMELINE_KIND, f"Maatwerk gaat in: {m.soort_label}",
                                    period_text(m.van, m.werkt_tot)))
    if m.status in (Status.BEEINDIGD, Status.VERLOPEN) and m.werkt_tot is not None:
        word = "beëindigd" if m.status is Status.BEEINDIGD else "verlopen"
        events.append(TimelineEvent(m.werkt_tot, TIMELINE_KIND, f"Maatwerk {word}: {m.soort_label}"))
    return events


def extension(session: Session, debtor_id: int, as_of: dt.date) -> ExtensionFacts:
    rows = repo.measures(session, debtor_id=debtor_id)
    if not rows:
        return ExtensionFacts(sections={"maatwerk": []})
    measures = to_dtos(session, rows, as_of)
    all_claims: tuple[int, ...] | None = None
    by_claim: dict[int, ClaimStatus] = {}
    flags: list[Flag] = []
    timeline: list[TimelineEvent] = []
    pending: list[PendingDecision] = []
    for m in measures:
        effects = effects_in_force(m)
        if effects:
            if m.claim_ids:
                claim_ids = m.claim_ids
            else:
                if all_claims is None:
                    all_claims = tuple(repo.debtor_claims(session, debtor_id).values())
                claim_ids = all_claims
            for claim_id in claim_ids:
                known = by_claim.get(claim_id)
                status = ClaimStatus(effects=effects)
                by_claim[claim_id] = status if known is None else known.combine(status)
        flags += _flags(m, as_of)
        timeline += _timeline(m, as_of)
        if m.status is Status.VOORGESTELD and m.decision is not None:
            pending.append(PendingDecision(m.decision.id, "maatwerk", f"Maatwerk: {m.soort_label}",
                                           m.voorgesteld_door, m.voorgesteld_op.date(),
                                           f"{period_text(m.van, m.tot)}; {m.reden_label}", m.claim_ids))
    return ExtensionFacts(flags=tuple(flags), claim_status=by_claim, timeline=tuple(timeline),
                          pending=tuple(pending), sections={"maatwerk": [m.to_json() for m in measures]})


def install(registry: Capabilities) -> None:
    registry.add_position_extension("maatwerk", extension)
    registry.add_token_source(
        "maatwerk", lambda debtor_id: select(func.coalesce(func.max(Measure.id), 0))
        .where(Measure.debtor_id == debtor_id).scalar_subquery())
    registry.add_token_source(
        "maatwerk_einde", lambda debtor_id: select(func.coalesce(func.max(MeasureEnd.id), 0))
        .join(Measure, Measure.id == MeasureEnd.measure_id)
        .where(Measure.debtor_id == debtor_id).scalar_subquery())
    registry.add_timeline_kind(TIMELINE_KIND, "Maatwerk")
    from caseworker_app.services.maatwerk.deciding import HANDLERS

    for kind, handler in HANDLERS.items():
        registry.add_decision_handler(kind, handler)
