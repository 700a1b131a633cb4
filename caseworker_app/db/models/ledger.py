"""What is owed and what happened to it: claims, their append-only ledger and enforcement steps."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseworker_app.domain.types import BookingKind, ClaimKind, Creditor, EnforcementStep, Middel

from caseworker_app.db.base import Base, CreatedAt, MoneyColumn
from caseworker_app.db.models.common import Versioned, _check_in

if TYPE_CHECKING:
    from caseworker_app.db.models.debtors import Debtor

class Claim(Base, Versioned):
    """A vordering: one aanslag or terugvorderingsbeschikking."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(_check_in("creditor", Creditor), name="creditor"),
        CheckConstraint(_check_in("middel", Middel), name="middel"),
        CheckConstraint(_check_in("soort", ClaimKind), name="soort"),
        CheckConstraint("original_amount > 0", name="original_amount_positive"),
        CheckConstraint("vervaldatum >= dagtekening", name="vervaldatum_after_dagtekening"),
        Index("ix_claims_debtor_id_vervaldatum", "debtor_id", "vervaldatum"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    creditor: Mapped[str] = mapped_column(String(20))
    middel: Mapped[str] = mapped_column(String(10))
    soort: Mapped[str] = mapped_column(String(30))
    #: aanslagnummer or beschikkingsnummer; unique across creditors
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    tijdvak_van: Mapped[dt.date | None] = mapped_column(Date)
    tijdvak_tot: Mapped[dt.date | None] = mapped_column(Date)
    dagtekening: Mapped[dt.date] = mapped_column(Date)
    vervaldatum: Mapped[dt.date] = mapped_column(Date)  # uiterste betaaldatum
    ambtshalve: Mapped[bool] = mapped_column(Boolean, default=False)
    original_amount: Mapped[MoneyColumn]
    created_at: Mapped[CreatedAt]

    debtor: Mapped[Debtor] = relationship(back_populates="claims")
    bookings: Mapped[list[Booking]] = relationship(back_populates="claim", order_by="Booking.booking_date")
    enforcement_actions: Mapped[list[EnforcementAction]] = relationship(
        back_populates="claim", order_by="EnforcementAction.action_date"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}


class Booking(Base):
    """One line of a claim's ledger.  Append-only: a correction is a new booking.

    ``amount`` is signed: debits (aanslag, kosten, rente) are positive, credits (betaling,
    verrekening, vermindering, kwijtschelding, afboeking) negative, so a claim's balance is
    ``original_amount + SUM(amount)``.  The assessed amount lives in ``Claim.original_amount`` only: an
    ``aanslag`` booking is a later correction of it, never a repeat (revision 0010).
    """

    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint(_check_in("kind", BookingKind), name="kind"),
        CheckConstraint(
            "(kind IN ('aanslag', 'kosten', 'rente') AND amount > 0) OR "
            "(kind NOT IN ('aanslag', 'kosten', 'rente') AND amount < 0)",
            name="amount_sign",
        ),
        Index("ix_bookings_claim_id_booking_date", "claim_id", "booking_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[MoneyColumn]
    booking_date: Mapped[dt.date] = mapped_column(Date)  # the value date (payment received, set-off date)
    description: Mapped[str | None] = mapped_column(String(200))
    #: what the kosten booking is for, e.g. "aanmaning"; the verrekening's source, e.g. "teruggaaf IB 2025"
    source: Mapped[str | None] = mapped_column(String(60))
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]

    claim: Mapped[Claim] = relationship(back_populates="bookings")


class EnforcementAction(Base):
    """A step on the enforcement ladder taken for a claim.  Append-only."""

    __tablename__ = "enforcement_actions"
    __table_args__ = (
        CheckConstraint(_check_in("step", EnforcementStep), name="step"),
        Index("ix_enforcement_actions_claim_id_action_date", "claim_id", "action_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"))
    step: Mapped[str] = mapped_column(String(30))
    action_date: Mapped[dt.date] = mapped_column(Date)
    #: whether this action stuit verjaring (a betalingsherinnering does not; a stuitingsbrief only does that)
    stuit: Mapped[bool] = mapped_column(Boolean, default=True)
    costs: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]

    claim: Mapped[Claim] = relationship(back_populates="enforcement_actions")
