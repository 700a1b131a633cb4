"""Building the total debt position of one debtor on one date: load, evaluate every claim, then the rest.

:func:`get_position` is what the debtor workspace, ``caseworker debtor show`` and the schuldoverzicht PDF are
built from: one read transaction (:mod:`.load`), every claim through the rules engine (:mod:`.evaluate`), the
totals (:class:`~caseworker_app.domain.position_totals.PositionTotals`, the one object the screen, the JSON and
the PDF all show), the flags, the timeline, the monthly balance and the capacity.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

from caseworker_app.errors import NotFoundError
from caseworker_app.gc_tuning import deferred_full_collections

from caseworker_app.domain.identifiers import validate_bsn
from caseworker_app.domain.position_totals import LedgerMovement, compute_totals, monthly_balances

from caseworker_app.db.repositories import debtors as debtor_repo

from caseworker_app.services.context import Context
from caseworker_app.services.position.capacity import capacity_of
from caseworker_app.services.position.dto import TIMELINE_KINDS, DebtPosition, PositionTimings
from caseworker_app.services.position.evaluate import evaluate_claims
from caseworker_app.services.position.flags import flags_of
from caseworker_app.services.position.load import load
from caseworker_app.services.position.timeline import timeline_of


def today() -> dt.date:
    """The local calendar date (the officer's "today"; the rules work in whole days)."""
    return dt.datetime.now().astimezone().date()


def get_position(ctx: Context, debtor_id: int, as_of: dt.date | None = None) -> DebtPosition:
    """The total debt position of ``debtor_id`` on ``as_of`` (default: today).

    Bookings, steps and claims dated after ``as_of`` are left out, so a past date shows the position as
    it was then (with what is recorded now).  Raises ``NotFoundError`` when the debtor does not exist
    (any more).
    """
    day = as_of or today()
    t0 = time.perf_counter()
    with deferred_full_collections(), ctx.read() as session:  # tens of thousands of objects: no full GC meanwhile
        loaded = load(session, debtor_id, day, ctx.db.capabilities.position_extensions())
        t1 = time.perf_counter()
        claims = evaluate_claims(loaded, day)
        t2 = time.perf_counter()
        totals = compute_totals(claims)
        by_id = {c.id: c for c in loaded.claims}
        movements = [LedgerMovement(c.dagtekening, c.creditor, c.original_amount) for c in loaded.claims]
        movements += [
            LedgerMovement(row.booking_date, creditor, row.amount)
            for claim_id, rows in loaded.bookings.items()
            for creditor in (by_id[claim_id].creditor,)  # once per claim, not per booking
            for row in rows
        ]
        position = DebtPosition(
            debtor=loaded.detail,
            as_of=day,
            flags=tuple(flags_of(loaded, totals, claims, day)),
            totals=totals,
            claims=tuple(claims),
            timeline=tuple(timeline_of(loaded, by_id)),
            monthly_balance=tuple(monthly_balances(movements, day)),
            capacity=capacity_of(loaded, day),
            sections=loaded.facts.sections,
            pending=loaded.facts.pending,
            timeline_kinds={**TIMELINE_KINDS, **ctx.db.capabilities.timeline_kinds()},
        )
        t3 = time.perf_counter()
    return dataclasses.replace(position, timings=PositionTimings(t1 - t0, t2 - t1, t3 - t2, loaded.queries))


def find_debtor_id(ctx: Context, identifier: str) -> int:
    """The id of the debtor with this BSN or RSIN (validated: an invalid number gets a clear message)."""
    number = validate_bsn(identifier)
    with ctx.read() as session:
        found = debtor_repo.id_by_identifier(session, number)
    if found is None:
        raise NotFoundError("Schuldenaar met BSN/RSIN", number)
    return found


def get_position_by_bsn(ctx: Context, identifier: str, as_of: dt.date | None = None) -> DebtPosition:
    return get_position(ctx, find_debtor_id(ctx, identifier), as_of)
