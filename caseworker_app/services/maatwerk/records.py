"""Reading measures: rows, their claims, their ends and their decisions put together, the status derived."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from caseworker_app.domain.maatwerk import GOEDGEKEURD, effective_period, status_of

from caseworker_app.db.models import Decision, User
from caseworker_app.db.repositories import maatwerk as repo
from caseworker_app.db.repositories.maatwerk import MeasureRow

from caseworker_app.services.maatwerk.dto import DecisionFacts, MeasureDTO, MeasureEndInfo

KIND = "maatwerk"
KIND_EINDE = "maatwerk_einde"


def decision_facts(session: Session, kind: str, subject_ids: Sequence[int]) -> dict[int, DecisionFacts]:
    """The latest decision of ``kind`` per subject id (``decisions``, owned by ``services/decisions.py``)."""
    if not subject_ids:
        return {}
    proposer, decider = aliased(User, name="proposer"), aliased(User, name="decider")
    stmt = (
        select(Decision.id, Decision.subject_id, Decision.status, proposer.login, decider.login, decider.display_name,
               Decision.decided_at, Decision.toelichting, Decision.voorwaarde, Decision.voorwaarde_tot, Decision.effect)
        .join(proposer, proposer.id == Decision.proposed_by)
        .outerjoin(decider, decider.id == Decision.decided_by)
        .where(Decision.kind == kind)
        .order_by(Decision.id)
    )
    ids = list(subject_ids)
    if len(ids) <= 500:
        stmt = stmt.where(Decision.subject_id.in_(ids))
    wanted = set(ids)
    out: dict[int, DecisionFacts] = {}
    for (d_id, subject, status, p_login, d_login, d_name, decided_at, note, condition, until,
         effect) in session.connection().execute(stmt):
        if subject not in wanted:
            continue
        try:
            parsed = json.loads(effect or "{}")
        except ValueError:
            parsed = {}
        out[subject] = DecisionFacts(d_id, status, p_login, d_login if status != "open" else None, d_name,
                                     decided_at, note, condition, until,
                                     parsed if isinstance(parsed, dict) else {})
    return out


def _einde(ends: Sequence[MeasureEndInfo]) -> dt.date | None:
    approved = [e.einde for e in ends if e.decision is not None and e.decision.status == GOEDGEKEURD]
    return min(approved) if approved else None


def to_dtos(session: Session, rows: Sequence[MeasureRow], today: dt.date) -> list[MeasureDTO]:
    ids = [r.id for r in rows]
    claims = repo.claims_of(session, ids)
    end_rows = repo.ends_of(session, ids)
    decisions = decision_facts(session, KIND, ids)
    end_decisions = decision_facts(session, KIND_EINDE, [e.id for ends in end_rows.values() for e in ends])
    labels = repo.debtor_labels(session, sorted({r.debtor_id for r in rows}))
    out = []
    for r in rows:
        ends = tuple(MeasureEndInfo(e.id, e.einde, e.reden, e.proposed_by, e.proposed_at, end_decisions.get(e.id))
                     for e in end_rows.get(r.id, ()))
        decision = decisions.get(r.id)
        voorwaarde_tot = decision.voorwaarde_tot if decision is not None else None
        einde = _einde(ends)
        status = status_of(decision.status if decision is not None else None, r.van, r.tot, today,
                           voorwaarde_tot=voorwaarde_tot, einde=einde)
        period = effective_period(r.van, r.tot, voorwaarde_tot=voorwaarde_tot, einde=einde)
        covered = claims.get(r.id, [])
        bsn, name = labels.get(r.debtor_id, (None, ""))
        out.append(MeasureDTO(
            id=r.id, debtor_id=r.debtor_id, bsn=bsn, debtor_name=name, soort=r.soort, status=status, van=r.van,
            tot=r.tot, werkt_tot=period.tot, herzien_op=r.herzien_op,
            onderdelen=tuple(r.onderdelen.split(",")) if r.onderdelen else None, bedrag=r.bedrag,
            vorderingen=tuple(ref for _id, ref in covered), claim_ids=tuple(cid for cid, _ref in covered),
            reden_code=r.reden_code, reden=r.reden, voorgesteld_door=r.proposed_by, voorgesteld_op=r.proposed_at,
            previous_id=r.previous_id, decision=decision, ends=ends,
        ))
    return out
