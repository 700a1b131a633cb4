"""The people collected from: debtors, their households and their recorded financial situation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseworker_app.domain.types import Doelgroep, Leefsituatie, PersonKind

from caseworker_app.db.base import Base, CreatedAt, MoneyColumn
from caseworker_app.db.models.common import Versioned, _check_in

if TYPE_CHECKING:
    from caseworker_app.db.models.ledger import Claim

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
    #: the team the debtor's case belongs to, and the officer handling it (issue 9); a team or user with debtors
    #: is not deleted (users are made inactive), so no ON DELETE action
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    behandelaar_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
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
