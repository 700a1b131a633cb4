"""Queries on maatwerk: a debtor's measures with the claims they cover and the proposals to end them.

Plain Core rows (a queue lists thousands of measures).  Inserting flushes, never commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker_app.db.models import Claim, Debtor, Measure, MeasureClaim, MeasureEnd


class MeasureRow(NamedTuple):
    id: int
    debtor_id: int
    soort: str
    van: dt.date
    tot: dt.date | None
    herzien_op: dt.date | None
    onderdelen: str | None
    bedrag: Decimal | None
    reden_code: str
    reden: str
    previous_id: int | None
    proposed_by: str
    proposed_at: dt.datetime


class EndRow(NamedTuple):
    id: int
    measure_id: int
    einde: dt.date
    reden: str
    proposed_by: str
    proposed_at: dt.datetime


_MEASURE_COLUMNS = (
    Measure.id, Measure.debtor_id, Measure.soort, Measure.van, Measure.tot, Measure.herzien_op, Measure.onderdelen,
    Measure.bedrag, Measure.reden_code, Measure.reden, Measure.previous_id, Measure.proposed_by, Measure.proposed_at,
)


def insert_measure(session: Session, *, debtor_id: int, values: dict[str, Any], claim_ids: Sequence[int],
                   proposed_by: str) -> int:
    measure = Measure(debtor_id=debtor_id, proposed_by=proposed_by, **values)
    session.add(measure)
    session.flush()
    for claim_id in claim_ids:
        session.add(MeasureClaim(measure_id=measure.id, claim_id=claim_id))
    session.flush()
    return measure.id


def insert_end(session: Session, *, measure_id: int, einde: dt.date, reden: str, proposed_by: str) -> int:
    end = MeasureEnd(measure_id=measure_id, einde=einde, reden=reden, proposed_by=proposed_by)
    session.add(end)
    session.flush()
    return end.id


def measures(session: Session, *, debtor_id: int | None = None, ids: Iterable[int] | None = None,
             since: dt.datetime | None = None) -> list[MeasureRow]:
    stmt = select(*_MEASURE_COLUMNS).order_by(Measure.id)
    if debtor_id is not None:
        stmt = stmt.where(Measure.debtor_id == debtor_id)
    if ids is not None:
        stmt = stmt.where(Measure.id.in_(list(ids)))
    if since is not None:
        stmt = stmt.where(Measure.proposed_at >= since)
    return [MeasureRow._make(r) for r in session.connection().execute(stmt)]


def claims_of(session: Session, measure_ids: Sequence[int]) -> dict[int, list[tuple[int, str]]]:
    """``{measure id: [(claim id, kenmerk), ...]}`` (a measure without rows covers every claim)."""
    out: dict[int, list[tuple[int, str]]] = {}
    if not measure_ids:
        return out
    rows = session.connection().execute(
        select(MeasureClaim.measure_id, Claim.id, Claim.reference)
        .join(Claim, Claim.id == MeasureClaim.claim_id)
        .where(MeasureClaim.measure_id.in_(list(measure_ids)))
        .order_by(MeasureClaim.measure_id, Claim.reference)
    )
    for measure_id, claim_id, reference in rows:
        out.setdefault(measure_id, []).append((claim_id, reference))
    return out


def ends_of(session: Session, measure_ids: Sequence[int]) -> dict[int, list[EndRow]]:
    out: dict[int, list[EndRow]] = {}
    if not measure_ids:
        return out
    rows = session.connection().execute(
        select(MeasureEnd.id, MeasureEnd.measure_id, MeasureEnd.einde, MeasureEnd.reden, MeasureEnd.proposed_by,
               MeasureEnd.proposed_at)
        .where(MeasureEnd.measure_id.in_(list(measure_ids)))
        .order_by(MeasureEnd.id)
    )
    for row in rows:
        end = EndRow._make(row)
        out.setdefault(end.measure_id, []).append(end)
    return out


def debtor_claims(session: Session, debtor_id: int) -> dict[str, int]:
    """``{kenmerk: claim id}`` of the debtor's claims."""
    rows = session.connection().execute(select(Claim.reference, Claim.id).where(Claim.debtor_id == debtor_id))
    return {row[0]: row[1] for row in rows}


def debtor_ids_by_measure(session: Session, measure_ids: Sequence[int]) -> dict[int, int]:
    rows = session.connection().execute(select(Measure.id, Measure.debtor_id).where(Measure.id.in_(list(measure_ids))))
    return {row[0]: row[1] for row in rows}


def debtor_labels(session: Session, debtor_ids: Sequence[int]) -> dict[int, tuple[str | None, str]]:
    """``{debtor id: (bsn or rsin, search name)}`` for listing measures."""
    if not debtor_ids:
        return {}
    rows = session.connection().execute(
        select(Debtor.id, Debtor.bsn, Debtor.rsin, Debtor.voornamen, Debtor.tussenvoegsel, Debtor.achternaam)
        .where(Debtor.id.in_(list(debtor_ids)))
    )
    return {
        debtor_id: (bsn or rsin, " ".join(p for p in (voornamen, tussen, achternaam) if p))
        for debtor_id, bsn, rsin, voornamen, tussen, achternaam in rows
    }


def measure_of_end(session: Session, end_id: int) -> int | None:
    return session.execute(select(MeasureEnd.measure_id).where(MeasureEnd.id == end_id)).scalar()
