"""Database-side oracles: figures computed by SQL, to check what the services compute in Python against.

Not application code: nothing in ``caseworker_app`` needs these, so they live with the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select

from caseworker_app.domain.types import BookingKind

from caseworker_app.db.models import Booking, Claim

from caseworker_app.services.context import Context


@dataclass(frozen=True)
class LedgerSums:
    """One claim's bookings summed by the database (credits as positive numbers, like the position shows them)."""

    reference: str
    paid: Decimal
    verrekend: Decimal
    reduced: Decimal  # verminderingen, kwijtschelding, afboeking
    costs: Decimal
    rente_booked: Decimal
    ledger_balance: Decimal  # original_amount plus the sum of all bookings


def ledger_sums(ctx: Context, debtor_id: int) -> dict[str, LedgerSums]:
    """Per claim reference of the debtor: the sums of its bookings, in one grouped query."""

    def total(*kinds: BookingKind) -> Any:
        return func.coalesce(func.sum(case((Booking.kind.in_([k.value for k in kinds]), Booking.amount), else_=0)), 0)

    stmt = (
        select(
            Claim.reference,
            total(BookingKind.BETALING),
            total(BookingKind.VERREKENING),
            total(BookingKind.VERMINDERING, BookingKind.KWIJTSCHELDING, BookingKind.AFBOEKING),
            total(BookingKind.KOSTEN),
            total(BookingKind.RENTE),
            Claim.original_amount + func.coalesce(func.sum(Booking.amount), 0),
        )
        .outerjoin(Booking, Booking.claim_id == Claim.id)
        .where(Claim.debtor_id == debtor_id)
        .group_by(Claim.id, Claim.reference, Claim.original_amount)
    )
    with ctx.read() as session:
        rows = session.execute(stmt).all()
    return {
        reference: LedgerSums(reference, -Decimal(paid), -Decimal(verrekend), -Decimal(reduced), Decimal(costs),
                              Decimal(rente), Decimal(balance))
        for reference, paid, verrekend, reduced, costs, rente, balance in rows
    }
