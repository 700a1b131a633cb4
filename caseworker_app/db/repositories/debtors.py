"""Queries on debtors, their households and their financial situations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from caseworker_app.db.models import Debtor, FinancialSituation, Household


def get_with_household(session: Session, debtor_id: int) -> Debtor | None:
    """The debtor with its household and the household's members loaded (three SELECTs), or None."""
    return session.get(Debtor, debtor_id, options=[selectinload(Debtor.household).selectinload(Household.members)])


def id_by_identifier(session: Session, number: str) -> int | None:
    """The id of the debtor whose BSN or RSIN is ``number`` (already validated), or None."""
    found = session.execute(
        select(Debtor.id).where((Debtor.bsn == number) | (Debtor.rsin == number))
    ).scalar_one_or_none()
    return None if found is None else int(found)


def latest_financial_situation(session: Session, debtor_id: int, as_of: dt.date) -> FinancialSituation | None:
    """The financial situation recorded last with a peildatum on or before ``as_of``."""
    return session.execute(
        select(FinancialSituation)
        .where(FinancialSituation.debtor_id == debtor_id, FinancialSituation.peildatum <= as_of)
        .order_by(FinancialSituation.peildatum.desc(), FinancialSituation.id.desc())
        .limit(1)
    ).scalar_one_or_none()
