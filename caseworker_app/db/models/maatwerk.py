"""Maatwerk (issue 10): measures proposed on a debtor, the claims they cover, and proposals to end them early.

Every row here is history: inserted once, never updated or deleted (``append_only`` in ``db/grants.py``; the
database refuses UPDATE and DELETE on both backends).  What happens to a measure afterwards is a *decision*
(``decisions``, owned by ``services/decisions.py``): ``decisions.kind = 'maatwerk'`` with ``subject_id`` = the
measure's id, and for ending it early ``kind = 'maatwerk_einde'`` with ``subject_id`` = the
:class:`MeasureEnd`'s id.  So the measure row needs no ``decision_id`` that would have to be filled in after the
decision exists (an UPDATE); its status is derived from its decisions and the dates
(``domain/maatwerk.py``, :func:`~caseworker_app.domain.maatwerk.status_of`).

* ``vorderingen``: no :class:`MeasureClaim` row means the measure covers every claim of the debtor, also claims
  that arrive later; rows mean exactly those claims.
* ``tot`` NULL is open-ended; an open-ended measure has a ``herzien_op`` (review date).
* ``onderdelen`` only for an invorderingspauze: the chosen switches, comma-separated in a fixed order.
* ``previous_id``: the measure this one answers when a team lead sent the earlier proposal back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Numeric, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseworker_app.domain.maatwerk import MAX_REDEN, REDEN_CODES, SOORTEN

from caseworker_app.db.base import Base


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Measure(Base):
    """One proposed maatwerk measure on a debtor.  Append-only."""

    __tablename__ = "measures"
    __table_args__ = (
        CheckConstraint(_in("soort", SOORTEN), name="soort"),
        CheckConstraint(_in("reden_code", tuple(REDEN_CODES)), name="reden_code"),
        CheckConstraint("tot IS NULL OR tot >= van", name="tot_after_van"),
        CheckConstraint("tot IS NOT NULL OR herzien_op IS NOT NULL", name="open_ended_has_review"),
        CheckConstraint("onderdelen IS NULL OR soort = 'invorderingspauze'", name="onderdelen_only_pauze"),
        CheckConstraint("bedrag IS NULL OR bedrag >= 0", name="bedrag_not_negative"),
        CheckConstraint(f"length(reden) BETWEEN 1 AND {MAX_REDEN}", name="reden_length"),
        Index("ix_measures_debtor_id_van", "debtor_id", "van"),
        Index("ix_measures_proposed_at", "proposed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    soort: Mapped[str] = mapped_column(String(30))
    van: Mapped[dt.date] = mapped_column(Date)
    tot: Mapped[dt.date | None] = mapped_column(Date)
    herzien_op: Mapped[dt.date | None] = mapped_column(Date)
    onderdelen: Mapped[str | None] = mapped_column(String(40))
    bedrag: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    reden_code: Mapped[str] = mapped_column(String(30))
    reden: Mapped[str] = mapped_column(Text)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("measures.id", ondelete="RESTRICT"))
    #: who proposed it: the database sets it to ``session_user`` on PostgreSQL, whatever the client sent
    proposed_by: Mapped[str] = mapped_column(String(63))
    proposed_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp(), nullable=False
    )

    claims: Mapped[list[MeasureClaim]] = relationship(order_by="MeasureClaim.claim_id")


class MeasureClaim(Base):
    """A claim a measure covers (no rows: every claim of the debtor).  Append-only."""

    __tablename__ = "measure_claims"

    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="RESTRICT"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"), primary_key=True, index=True)


class MeasureEnd(Base):
    """A proposal to end a measure before its ``tot`` (works against the debtor: decided like the measure)."""

    __tablename__ = "measure_ends"
    __table_args__ = (
        CheckConstraint(f"length(reden) BETWEEN 1 AND {MAX_REDEN}", name="reden_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="RESTRICT"), index=True)
    #: the last day the measure works
    einde: Mapped[dt.date] = mapped_column(Date)
    reden: Mapped[str] = mapped_column(Text)
    proposed_by: Mapped[str] = mapped_column(String(63))
    proposed_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp(), nullable=False
    )
