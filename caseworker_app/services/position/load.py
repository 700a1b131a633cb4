"""Loading everything a position is built from, in one read transaction and a handful of SELECTs.

Never a query per claim: the debtor with its household, the claims, their bookings, their enforcement
actions and the latest financial situation (:mod:`caseworker_app.db.repositories`), then the extensions of the
database's capabilities, whose facts are combined (:func:`.extensions.combine`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from caseworker_app.errors import NotFoundError

from caseworker_app.db.models import Debtor, FinancialSituation
from caseworker_app.db.repositories import debtors as debtor_repo
from caseworker_app.db.repositories import ledger as ledger_repo
from caseworker_app.db.repositories.ledger import ActionRow, BookingRow, ClaimRow

from caseworker_app.services.debtors import detail_of
from caseworker_app.services.dto import DebtorDetail
from caseworker_app.services.position.extensions import CombinedFacts, PositionExtension, combine


@dataclass
class Loaded:
    """What one read transaction fetched (plain tuples: a large debtor has thousands of rows)."""

    debtor: Debtor
    detail: DebtorDetail
    claims: list[ClaimRow]
    bookings: dict[int, list[BookingRow]]
    actions: dict[int, list[ActionRow]]
    situation: FinancialSituation | None
    facts: CombinedFacts  # what the capabilities' extensions add, combined
    queries: int


def load(
    session: Session, debtor_id: int, as_of: dt.date, extensions: Sequence[tuple[str, PositionExtension]] = ()
) -> Loaded:
    queries = 0
    debtor = debtor_repo.get_with_household(session, debtor_id)
    queries += 3
    if debtor is None:
        raise NotFoundError("Schuldenaar", debtor_id)
    detail = detail_of(session, debtor)
    claims = ledger_repo.claim_rows(session, debtor_id, as_of)
    queries += 1
    bookings: dict[int, list[BookingRow]] = {}
    actions: dict[int, list[ActionRow]] = {}
    if claims:
        bookings = ledger_repo.bookings_by_claim(session, debtor_id, as_of)
        actions = ledger_repo.actions_by_claim(session, debtor_id, as_of)
        queries += 2
    situation = debtor_repo.latest_financial_situation(session, debtor_id, as_of)
    queries += 1
    facts = combine([(name, extension(session, debtor_id, as_of)) for name, extension in extensions])
    return Loaded(debtor, detail, claims, bookings, actions, situation, facts, queries)
