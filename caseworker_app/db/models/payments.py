"""Money received for a debtor and how it was divided over the claims: payments and their allocations.

A :class:`Payment` is recorded once, at debtor level, as it was received (at the counter, collected by a
bailiff, from the bank feed, or a verrekening with a refund).  The toerekening (``domain.rules.toerekening``)
divides it over the claims; each claim's share is one :class:`PaymentAllocation` row with its split (kosten,
rente, hoofdsom) and the ledger bookings it made.  What no open claim could take stays on the payment as a
*tegoed*: ``amount`` minus the allocations, derived, never a stored number that can drift.  Both tables are
append-only (``db/grants.py``): applying a tegoed later is a new allocation row of the same payment.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker_app.db.base import Base, CreatedAt, MoneyColumn

#: How a payment reached us; ``verrekening`` is a set-off with a refund or toeslagvoorschot.
PAYMENT_CHANNELS = ("bank", "balie", "deurwaarder", "verrekening")
PAYMENT_KINDS = ("betaling", "verrekening")


class Payment(Base):
    """One payment or verrekening received for a debtor.  Append-only."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in PAYMENT_KINDS)})", name="kind"),
        CheckConstraint(f"channel IN ({', '.join(repr(c) for c in PAYMENT_CHANNELS)})", name="channel"),
        Index("ix_payments_debtor_id_payment_date", "debtor_id", "payment_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    amount: Mapped[MoneyColumn]
    payment_date: Mapped[dt.date] = mapped_column(Date)  # the value date
    #: the claim the payer named (betalingskenmerk), as given; None for an undirected payment
    kenmerk: Mapped[str | None] = mapped_column(String(40))
    #: where a verrekening came from ("teruggaaf IB 2025"), or the bank's description
    source: Mapped[str | None] = mapped_column(String(60))
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]


class PaymentAllocation(Base):
    """The part of one payment that went to one claim, split by IW 1990 art. 7.  Append-only.

    ``booking_id`` is the ledger booking of the payment on the claim (betaling or verrekening, ``-(kosten + rente
    + hoofdsom)``); ``rente_booking_id`` the invorderingsrente the payment brought due and booked with it (URIW
    art. 29), if any.
    """

    __tablename__ = "payment_allocations"
    __table_args__ = (
        CheckConstraint("kosten >= 0 AND rente >= 0 AND hoofdsom >= 0", name="parts_not_negative"),
        CheckConstraint("kosten + rente + hoofdsom > 0", name="something_allocated"),
        Index("ix_payment_allocations_payment_id", "payment_id"),
        Index("ix_payment_allocations_claim_id", "claim_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id", ondelete="RESTRICT"))
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"))
    kosten: Mapped[MoneyColumn]
    rente: Mapped[MoneyColumn]
    hoofdsom: Mapped[MoneyColumn]
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="RESTRICT"))
    rente_booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="RESTRICT"))
    created_at: Mapped[CreatedAt]

    @property
    def total(self) -> Decimal:
        return Decimal(self.kosten) + Decimal(self.rente) + Decimal(self.hoofdsom)


__all__ = ["PAYMENT_CHANNELS", "PAYMENT_KINDS", "Payment", "PaymentAllocation"]
