"""Four eyes on maatwerk: deciding a proposal (or a proposal to end a measure early), through ``services/decisions``.

``caseworker maatwerk decide ID`` decides whatever about measure ``ID`` waits for a decision: the proposal itself,
or a proposal to end it early.  The decision goes through :func:`caseworker_app.services.decisions.decide` (its
own unit of work with the approve permission; never the proposer; one of two concurrent deciders wins, the other
is told who decided); the handlers registered here run inside that transaction and check what only maatwerk
knows (a shorter approved period must fall within the measure's own).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from caseworker_app.errors import UserFacingError, ValidationError

from caseworker_app.domain.maatwerk import MAX_REDEN, Status
from caseworker_app.domain.money import format_date
from caseworker_app.domain.permissions import Permission

from caseworker_app.db.repositories import maatwerk as repo

from caseworker_app.services import decisions, position
from caseworker_app.services.context import Context
from caseworker_app.services.maatwerk.dto import MeasureDTO
from caseworker_app.services.maatwerk.effect import end_effect
from caseworker_app.services.maatwerk.records import KIND, KIND_EINDE, to_dtos
from caseworker_app.services.maatwerk.service import get_measure


def decision_to_take(ctx: Context, measure_id: int) -> tuple[MeasureDTO, int]:
    """The decision about measure ``measure_id`` that a team lead decides now: its own while open, else an open
    proposal to end it, else (for the "already decided" message) the latest one."""
    m = get_measure(ctx, measure_id)
    pending_end = m.pending_end
    if m.decision is not None and m.decision.status == "open":
        return m, m.decision.id
    if pending_end is not None and pending_end.decision is not None:
        return m, pending_end.decision.id
    latest = max((e.decision.id for e in m.ends if e.decision is not None), default=None)
    if latest is not None:
        return m, latest
    if m.decision is not None:
        return m, m.decision.id
    raise UserFacingError("maatwerk_state", id=m.id, status=m.status_label, action="besluiten",
                          needed="voorgesteld is")


def decide(ctx: Context, measure_id: int, besluit: str, toelichting: str | None, *, voorwaarde: str | None = None,
           voorwaarde_tot: dt.date | None = None) -> MeasureDTO:
    """Decide what waits about measure ``measure_id``; returns the measure as it is afterwards."""
    ctx.require(Permission.APPROVE, "over maatwerk besluiten")
    _m, decision_id = decision_to_take(ctx, measure_id)
    decisions.decide(ctx, decision_id, (besluit or "").strip().lower(), toelichting, voorwaarde=voorwaarde,
                     voorwaarde_tot=voorwaarde_tot)
    return get_measure(ctx, measure_id)


def measure_of_decision(ctx: Context, decision_id: int) -> int:
    """The measure a maatwerk decision (on the measure, or on ending it early) is about."""
    decision = decisions.get_decision(ctx, decision_id)
    if decision.kind == KIND:
        return decision.subject_id
    if decision.kind == KIND_EINDE:
        with ctx.read() as session:
            found = repo.measure_of_end(session, decision.subject_id)
        if found is not None:
            return found
    raise UserFacingError("not_found", entity="Maatregel bij voorstel", key=decision_id)


def end(ctx: Context, measure_id: int, reden: str, *, einde: dt.date | None = None,
        today: dt.date | None = None) -> MeasureDTO:
    """Propose to end an approved measure early: its last day is ``einde`` (default today).  Ending works against
    the debtor, so it is decided like the measure (kind ``maatwerk_einde``), with the reason recorded."""
    day = today or position.today()
    text = (reden or "").strip()
    if not text:
        raise ValidationError("missing_field", field="reden")
    if len(text) > MAX_REDEN:
        raise ValidationError("invalid_field", field="reden",
                              reason=f"de reden is {len(text)} tekens lang; ten hoogste {MAX_REDEN}")
    last = einde or day
    m = get_measure(ctx, measure_id, today=day)
    if m.status not in (Status.GEPLAND, Status.ACTIEF):
        raise UserFacingError("maatwerk_state", id=m.id, status=m.status_label, action="beëindigen",
                              needed="gepland of actief is")
    if m.pending_end is not None:
        raise UserFacingError("maatwerk_pending", id=m.id)
    if last < day:
        raise ValidationError("invalid_field", field="per", reason="een maatregel stopt niet met terugwerkende kracht")
    if m.werkt_tot is not None and last >= m.werkt_tot:
        raise ValidationError("invalid_field", field="per",
                              reason=f"de maatregel loopt al tot en met {format_date(m.werkt_tot)}")
    pos = position.get_position(ctx, m.debtor_id, day)
    effect = end_effect(pos, m.id, m.draft(), m.werkt_tot, last, m.claim_ids, today=day)
    with ctx.unit_of_work(Permission.PROPOSE_MAATWERK, operation="maatwerk.end", reason=text,
                          action="maatwerk beëindigen") as session:
        end_id = repo.insert_end(session, measure_id=m.id, einde=last, reden=text, proposed_by=ctx.actor.login)
        decisions.request_decision(
            session, kind=KIND_EINDE, subject_id=end_id, debtor_id=m.debtor_id, soort=m.soort, reason=text,
            effect={"maatregel": m.id, "soort": m.soort, "laatste_dag": last.isoformat(),
                    "liep_tot": m.werkt_tot.isoformat() if m.werkt_tot else None, **effect},
        )
        (after,) = to_dtos(session, repo.measures(session, ids=[m.id]), day)
    return after


def _on_maatwerk(session: Session, decision: decisions.DecisionDTO) -> None:
    """A decision on a proposal: a shorter approved period must end within the measure's own period; an approved
    measure gets its review task for the proposer, a week before its review (or end) date."""
    if decision.status != "goedgekeurd":
        return
    found = repo.measures(session, ids=[decision.subject_id])
    if not found:  # a decision of this kind about no measure (made past this service): nothing of ours to apply
        return
    row = found[0]
    if decision.voorwaarde_tot is not None:
        if decision.voorwaarde_tot < row.van:
            raise ValidationError("invalid_field", field="tot",
                                  reason=f"een kortere periode eindigt niet voor de begindatum {format_date(row.van)}")
        if row.tot is not None and decision.voorwaarde_tot > row.tot:
            raise ValidationError("invalid_field", field="tot",
                                  reason=f"goedkeuren voor langer dan voorgesteld (tot en met {format_date(row.tot)}) "
                                  "kan niet; stuur het voorstel terug")
    _review_task(session, row, decision)


def _review_task(session: Session, row: repo.MeasureRow, decision: decisions.DecisionDTO) -> None:
    """The task to review the measure (contacts' ``tasks``: "Mijn werk" of the proposer)."""
    from caseworker_app.domain.maatwerk import review_date, review_task_date
    from caseworker_app.domain.measures import MeasureKind
    from caseworker_app.domain.types import label_of

    from caseworker_app.services.contacts import tasks
    from caseworker_app.services.contacts.records import TaskInput
    from caseworker_app.services.context import CONTEXT, Context

    ctx = session.info.get(CONTEXT)
    end = decision.voorwaarde_tot or row.tot
    review = review_date(end, row.herzien_op if decision.voorwaarde_tot is None else None)
    due = review_task_date(end, row.herzien_op if decision.voorwaarde_tot is None else None)
    if not isinstance(ctx, Context) or review is None or due is None:
        return
    day = max(due, position.today())
    if review < day:
        return  # already past: nothing left to review
    what = label_of(MeasureKind, row.soort)
    text = f"Maatwerk herzien ({what}): " + (f"loopt af op {format_date(review)}" if row.herzien_op is None
                                             or decision.voorwaarde_tot is not None
                                             else f"herzien uiterlijk {format_date(review)}")
    tasks.create(session, ctx, row.debtor_id, TaskInput(text, day, voor=None, plek="maatwerk"),
                 voor_id=decision.proposed_by)


def _on_einde(session: Session, decision: decisions.DecisionDTO) -> None:
    """A decision on ending early: nothing to apply (the status is derived); a condition has no meaning here."""
    if decision.status == "goedgekeurd" and decision.voorwaarde_tot is not None:
        raise ValidationError("invalid_field", field="tot", reason="bij het beëindigen kies je de einddatum in het "
                              "voorstel, niet bij het besluit")


HANDLERS = {KIND: _on_maatwerk, KIND_EINDE: _on_einde}
