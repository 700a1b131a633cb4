"""The schema.  Every table Alembic knows is declared here.

Conventions:

* Money is ``NUMERIC(14, 2)`` (``Decimal``); a balance is always a sum of :class:`Booking` rows,
  never a stored number that can drift.
* Mutable records carry ``version`` (SQLAlchemy ``version_id_col``): an UPDATE that finds another
  version raises, and the service turns that into a field-by-field conflict.
* :class:`Booking`, :class:`EnforcementAction` and :class:`AuditEntry` are append-only; the
  database refuses UPDATE and DELETE on them with triggers (see the first migration).
* Enumerations are stored as their string values (``domain.types``) with CHECK constraints, so the
  database stays readable from psql and a new value is an explicit migration.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseworker_app.domain.types import (
    BookingKind,
    ClaimKind,
    Creditor,
    Doelgroep,
    EnforcementStep,
    Leefsituatie,
    Middel,
    PersonKind,
    Role,
)

from caseworker_app.db.base import Base, CreatedAt, MoneyColumn


def _check_in(column: str, enum: type[Any]) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum)
    return f"{column} IN ({values})"


class Versioned:
    """Optimistic concurrency: ``version`` goes up by one on every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class User(Base, Versioned):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the database login on PostgreSQL; the local profile name on SQLite
    login: Mapped[str] = mapped_column(String(63), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[CreatedAt]
    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin", order_by="UserRole.role"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}


class UserRole(Base):
    __tablename__ = "user_roles"
    __table_args__ = (CheckConstraint(_check_in("role", Role), name="role"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    user: Mapped[User] = relationship(back_populates="roles")


class Household(Base, Versioned):
    """A household as recorded for the bestaansminimum: who lives together and how."""

    __tablename__ = "households"
    __table_args__ = (CheckConstraint(_check_in("leefsituatie", Leefsituatie), name="leefsituatie"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    leefsituatie: Mapped[str] = mapped_column(String(30))
    aantal_kinderen: Mapped[int] = mapped_column(Integer, default=0)
    kostendelers: Mapped[int] = mapped_column(Integer, default=0)
    #: the recorded situation protects the bestaansminimum (flag shown in the header)
    beschermd_bestaansminimum: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[CreatedAt]
    members: Mapped[list[Debtor]] = relationship(back_populates="household")

    __mapper_args__ = {"version_id_col": Versioned.version}


class Debtor(Base, Versioned):
    """A belastingschuldige: a natural person (BSN) or a legal entity (RSIN)."""

    __tablename__ = "debtors"
    __table_args__ = (
        CheckConstraint(_check_in("kind", PersonKind), name="kind"),
        CheckConstraint(_check_in("doelgroep", Doelgroep), name="doelgroep"),
        CheckConstraint("bsn IS NOT NULL OR rsin IS NOT NULL", name="identifier"),
        # On PostgreSQL the migrations give this index text_pattern_ops (LIKE 'prefix%' and ~<~ ordering use it
        # whatever the collation) and add a trigram index; see DATABASE_ONLY_INDEXES.
        Index("ix_debtors_search_name", "search_name"),
        Index("ix_debtors_postcode_huisnummer", "postcode", "huisnummer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    doelgroep: Mapped[str] = mapped_column(String(30))
    bsn: Mapped[str | None] = mapped_column(String(9), unique=True)
    rsin: Mapped[str | None] = mapped_column(String(9), unique=True)
    kvk_nummer: Mapped[str | None] = mapped_column(String(8))
    # natural persons: voornamen/tussenvoegsel/achternaam; legal entities: statutaire naam in achternaam
    voornamen: Mapped[str | None] = mapped_column(String(120))
    tussenvoegsel: Mapped[str | None] = mapped_column(String(20))
    achternaam: Mapped[str] = mapped_column(String(200))
    #: lower-case, accents removed, "achternaam voornamen": the prefix-search key
    search_name: Mapped[str] = mapped_column(String(340))
    geboortedatum: Mapped[dt.date | None] = mapped_column(Date)
    straat: Mapped[str | None] = mapped_column(String(120))
    huisnummer: Mapped[int | None] = mapped_column(Integer)
    huisnummer_toevoeging: Mapped[str | None] = mapped_column(String(10))
    postcode: Mapped[str | None] = mapped_column(String(6))  # "1234AB", no space
    woonplaats: Mapped[str | None] = mapped_column(String(80))
    land: Mapped[str] = mapped_column(String(2), default="NL")  # ISO 3166; no Dutch address -> bvv 47.5%
    telefoon: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(120))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    fraude_markering: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[CreatedAt]

    household: Mapped[Household | None] = relationship(back_populates="members")
    claims: Mapped[list[Claim]] = relationship(back_populates="debtor", order_by="Claim.vervaldatum")
    financial_situations: Mapped[list[FinancialSituation]] = relationship(
        back_populates="debtor", order_by="FinancialSituation.peildatum"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}


class FinancialSituation(Base, Versioned):
    """Income and fixed costs as recorded on a date: the input of bvv and betalingscapaciteit."""

    __tablename__ = "financial_situations"

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), index=True)
    peildatum: Mapped[dt.date] = mapped_column(Date)  # date of the information
    inkomen_maand: Mapped[MoneyColumn]  # attachable net income per month incl. vakantiebijslag
    inkomen_bron: Mapped[str | None] = mapped_column(String(60))  # loon, uitkering, bijstand, ...
    bijstand: Mapped[bool] = mapped_column(Boolean, default=False)
    belastbaar_inkomen_jaar: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    partner_inkomen_maand: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    woonlasten_maand: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    zorgpremie_maand: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    vaste_lasten_maand: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    vermogen: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    created_at: Mapped[CreatedAt]

    debtor: Mapped[Debtor] = relationship(back_populates="financial_situations")

    __mapper_args__ = {"version_id_col": Versioned.version}


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
    verrekening, vermindering, kwijtschelding, afboeking) negative, so a balance is ``SUM(amount)``.
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


class AuditEntry(Base):
    """Who changed what, when, with the values before and after.  The database refuses UPDATE and DELETE."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(63), index=True)
    action: Mapped[str] = mapped_column(String(60))  # e.g. "insert", "update", "user.add", "demo.generate"
    entity: Mapped[str] = mapped_column(String(60))  # table name
    entity_id: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


APPEND_ONLY_TABLES = ("bookings", "enforcement_actions", "audit_log")

#: Indexes only the migrations create, per backend.  PostgreSQL-specific index options are kept out of the
#: models on purpose: declaring them makes SQLAlchemy load the whole PostgreSQL dialect (about 40 ms) on every
#: start, SQLite included.  The migration test compares everything else.
DATABASE_ONLY_INDEXES: dict[str, frozenset[str]] = {
    "postgresql": frozenset({"ix_debtors_search_name_trgm"}),
    "sqlite": frozenset(),
}

__all__ = [
    "APPEND_ONLY_TABLES",
    "AuditEntry",
    "Base",
    "Booking",
    "Claim",
    "Debtor",
    "EnforcementAction",
    "FinancialSituation",
    "Household",
    "User",
    "UserRole",
]
