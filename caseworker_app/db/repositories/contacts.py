"""Queries of the contacts tables (issue 11): plain rows, a handful of SELECTs, never one per contact.

Used inside the position's read transaction (the capability's extension) and by the services.  Nothing here reads
``omstandigheden``: that table is read only through ``services/inzage.read_sensitive``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from caseworker_app.db.models import (
    ContactEntry,
    Debtor,
    DebtorFlag,
    FlagEnding,
    Referral,
    Task,
    User,
    Visit,
    VisitReport,
)

Row = Any  # a SQLAlchemy Row (named tuple)


def contact_rows(session: Session, debtor_id: int, as_of: dt.date | None = None) -> Sequence[Row]:
    """Every contact of the debtor (corrections included), newest first, with the id of the entry correcting it."""
    newer = aliased(ContactEntry)
    stmt = (
        select(
            ContactEntry.id,
            ContactEntry.debtor_id,
            ContactEntry.datum,
            ContactEntry.kanaal,
            ContactEntry.met,
            ContactEntry.samenvatting,
            ContactEntry.uitkomst,
            ContactEntry.created_by,
            ContactEntry.corrigeert,
            ContactEntry.created_at,
            newer.id.label("gecorrigeerd_door"),
        )
        .outerjoin(newer, newer.corrigeert == ContactEntry.id)
        .where(ContactEntry.debtor_id == debtor_id)
        .order_by(ContactEntry.datum.desc(), ContactEntry.id.desc())
    )
    if as_of is not None:
        stmt = stmt.where(ContactEntry.datum <= as_of)
    return session.execute(stmt).all()


def flag_rows(session: Session, debtor_id: int, *, active_only: bool = False) -> Sequence[Row]:
    """The debtor's flags with their ending (if any), oldest first."""
    stmt = (
        select(
            DebtorFlag.id,
            DebtorFlag.debtor_id,
            DebtorFlag.code,
            DebtorFlag.toelichting,
            DebtorFlag.raised_on,
            DebtorFlag.raised_by,
            FlagEnding.ended_on,
            FlagEnding.ended_by,
            FlagEnding.reden,
        )
        .outerjoin(FlagEnding, FlagEnding.flag_id == DebtorFlag.id)
        .where(DebtorFlag.debtor_id == debtor_id)
        .order_by(DebtorFlag.id)
    )
    if active_only:
        stmt = stmt.where(FlagEnding.id.is_(None))
    return session.execute(stmt).all()


def active_flag_codes(session: Session, debtor_id: int) -> dict[str, int]:
    """``{code: flag id}`` of the debtor's flags that have not been ended."""
    return {row.code: row.id for row in flag_rows(session, debtor_id, active_only=True)}


def risk_debtors(session: Session, debtor_ids: Sequence[int] | None = None) -> dict[int, str]:
    """``{debtor id: reason}`` of the debtors marked "risk to staff" (of ``debtor_ids``, or all)."""
    from caseworker_app.domain.contacts import RISICO

    stmt = (
        select(DebtorFlag.debtor_id, DebtorFlag.toelichting)
        .outerjoin(FlagEnding, FlagEnding.flag_id == DebtorFlag.id)
        .where(DebtorFlag.code == RISICO, FlagEnding.id.is_(None))
        .order_by(DebtorFlag.id)
    )
    if debtor_ids is not None:
        stmt = stmt.where(DebtorFlag.debtor_id.in_(list(debtor_ids)))
    return {row.debtor_id: row.toelichting or "" for row in session.execute(stmt)}


def task_statement() -> Any:
    """The SELECT of tasks with their debtor and owner (filters are added by the caller)."""
    voor = aliased(User)
    return (
        select(
            Task.id,
            Task.debtor_id,
            Debtor.bsn,
            Debtor.voornamen,
            Debtor.tussenvoegsel,
            Debtor.achternaam,
            Task.omschrijving,
            Task.datum,
            voor.login.label("voor"),
            voor.display_name.label("voor_naam"),
            Task.status,
            Task.plek,
            Task.contact_id,
            Task.created_by,
            Task.version,
            Task.voor_id,
        )
        .join(Debtor, Debtor.id == Task.debtor_id)
        .join(voor, voor.id == Task.voor_id)
    ), voor


def task_rows(session: Session, debtor_id: int) -> Sequence[Row]:
    stmt, _voor = task_statement()
    return session.execute(stmt.where(Task.debtor_id == debtor_id).order_by(Task.datum, Task.id)).all()


def referral_rows(session: Session, debtor_id: int) -> Sequence[Row]:
    return session.execute(
        select(Referral).where(Referral.debtor_id == debtor_id).order_by(Referral.id)
    ).scalars().all()


def visit_rows(session: Session, debtor_id: int) -> Sequence[Row]:
    bailiff = aliased(User)
    return session.execute(
        select(Visit.id, Visit.gepland_op, Visit.status, Visit.doel, bailiff.login.label("bailiff"))
        .join(bailiff, bailiff.id == Visit.bailiff_id)
        .where(Visit.debtor_id == debtor_id)
        .order_by(Visit.gepland_op, Visit.id)
    ).all()


def visit_report_rows(session: Session, debtor_id: int) -> Sequence[VisitReport]:
    return session.execute(
        select(VisitReport).where(VisitReport.debtor_id == debtor_id).order_by(VisitReport.id)
    ).scalars().all()


def change_marker(debtor_id: Any) -> Any:
    """One scalar subquery that changes whenever a contacts table changes for the debtor (the change token)."""
    parts = [
        select(func.coalesce(func.max(ContactEntry.id), 0)).where(ContactEntry.debtor_id == debtor_id),
        select(func.coalesce(func.max(DebtorFlag.id), 0)).where(DebtorFlag.debtor_id == debtor_id),
        select(func.coalesce(func.max(FlagEnding.id), 0)).join(
            DebtorFlag, and_(DebtorFlag.id == FlagEnding.flag_id, DebtorFlag.debtor_id == debtor_id)
        ),
        select(func.coalesce(func.sum(Task.version), 0) + func.count() * 100_000).where(Task.debtor_id == debtor_id),
        select(func.coalesce(func.sum(Visit.version), 0) + func.count() * 100_000).where(Visit.debtor_id == debtor_id),
        select(func.coalesce(func.max(VisitReport.id), 0)).where(VisitReport.debtor_id == debtor_id),
    ]
    return parts
