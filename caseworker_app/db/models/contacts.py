"""Contacts, bijzondere omstandigheden, flags, referrals, follow-up tasks and home visits (issue 11).

History is append-only (``db/grants.py`` and the triggers refuse UPDATE and DELETE): a contact is corrected by a new
row pointing at it (``corrigeert``), a flag is ended by a row in ``flag_endings``, a visit report is never changed.
Tasks change status and owner, so ``tasks`` is mutable (versioned) and every change is also a row of ``task_events``.

``omstandigheden`` holds special personal data (AVG art. 9) and is ``sensitive``: no role reads it with SELECT on
PostgreSQL; it is read through ``services/inzage.read_sensitive``, which logs every view.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from caseworker_app.domain.contacts import (
    Advies,
    Gesprekspartner,
    Kanaal,
    Omstandigheid,
    TaskEventKind,
    TaskStatus,
    Uitkomst,
    Verwijzing,
    VisitStatus,
)

from caseworker_app.db.base import Base, CreatedAt
from caseworker_app.db.models.common import Versioned, _check_in


class ContactEntry(Base):
    """One contact moment.  Append-only; a correction is a new row with ``corrigeert`` (one correction per row)."""

    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint(_check_in("kanaal", Kanaal), name="kanaal"),
        CheckConstraint(_check_in("met", Gesprekspartner), name="met"),
        CheckConstraint(f"uitkomst IS NULL OR {_check_in('uitkomst', Uitkomst)}", name="uitkomst"),
        CheckConstraint("length(samenvatting) > 0", name="samenvatting_not_empty"),
        Index("ix_contacts_debtor_id_datum", "debtor_id", "datum"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    datum: Mapped[dt.date] = mapped_column(Date)  # when the contact took place
    kanaal: Mapped[str] = mapped_column(String(20))
    met: Mapped[str] = mapped_column(String(20), default=Gesprekspartner.SCHULDENAAR.value)
    samenvatting: Mapped[str] = mapped_column(Text)
    uitkomst: Mapped[str | None] = mapped_column(String(30))
    #: the entry this one corrects; unique, so a correction chain never forks
    corrigeert: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"), unique=True)
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]


class OmstandigheidEntry(Base):
    """A bijzondere omstandigheid found (sensitive: AVG art. 9).  Append-only."""

    __tablename__ = "omstandigheden"
    __table_args__ = (
        CheckConstraint(_check_in("code", Omstandigheid), name="code"),
        Index("ix_omstandigheden_debtor_id", "debtor_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(30))
    toelichting: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]

    # INSERT ... RETURNING only the key: on PostgreSQL no role may read any other column of this table
    __mapper_args__ = {"eager_defaults": False}


class DebtorFlag(Base):
    """A flag raised on a debtor by an omstandigheid or the risk-to-staff marking, until a :class:`FlagEnding`.

    The code says only what everyone who sees the case may know (art. 9 omstandigheden share one code); the risk
    marking's reason is ``toelichting``.  Append-only.
    """

    __tablename__ = "debtor_flags"
    __table_args__ = (Index("ix_debtor_flags_debtor_id", "debtor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(50))
    toelichting: Mapped[str | None] = mapped_column(Text)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"))
    raised_on: Mapped[dt.date] = mapped_column(Date)
    raised_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]


class FlagEnding(Base):
    """The end of a flag, with the reason.  Append-only; one per flag."""

    __tablename__ = "flag_endings"
    __table_args__ = (CheckConstraint("length(reden) > 0", name="reden_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    flag_id: Mapped[int] = mapped_column(ForeignKey("debtor_flags.id", ondelete="RESTRICT"), unique=True)
    reden: Mapped[str] = mapped_column(Text)
    ended_on: Mapped[dt.date] = mapped_column(Date)
    ended_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]


class Referral(Base):
    """A referral to the gemeente or schuldhulp, with the debtor's consent and the follow-up date.  Append-only."""

    __tablename__ = "referrals"
    __table_args__ = (
        CheckConstraint(_check_in("naar", Verwijzing), name="naar"),
        Index("ix_referrals_debtor_id", "debtor_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"))
    naar: Mapped[str] = mapped_column(String(20))
    organisatie: Mapped[str | None] = mapped_column(Text)  # e.g. "Gemeente Utrecht, Buurtteam Zuid"
    toestemming: Mapped[bool] = mapped_column(Boolean)  # the debtor agreed that we pass on their details
    opvolgdatum: Mapped[dt.date] = mapped_column(Date)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="RESTRICT"))
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]


class Task(Base, Versioned):
    """A follow-up task: what, for whom, when.  Status and owner change (versioned); every change is a task event."""

    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint(_check_in("status", TaskStatus), name="status"),
        CheckConstraint("length(omschrijving) > 0", name="omschrijving_not_empty"),
        Index("ix_tasks_voor_id_status_datum", "voor_id", "status", "datum"),
        Index("ix_tasks_debtor_id", "debtor_id"),
        Index("ix_tasks_status_datum", "status", "datum"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"))
    omschrijving: Mapped[str] = mapped_column(Text)
    voor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    datum: Mapped[dt.date] = mapped_column(Date)  # due date
    status: Mapped[str] = mapped_column(String(10), default=TaskStatus.OPEN.value)
    #: where opening the task takes the officer on the debtor's screen ("contacten", "huisbezoek", "maatwerk")
    plek: Mapped[str] = mapped_column(String(20), default="contacten")
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]
    done_by: Mapped[str | None] = mapped_column(String(63))
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __mapper_args__ = {"version_id_col": Versioned.version}


class TaskEvent(Base):
    """What happened to a task: made, handed over (from whom to whom), done, reopened.  Append-only."""

    __tablename__ = "task_events"
    __table_args__ = (
        CheckConstraint(_check_in("kind", TaskEventKind), name="kind"),
        Index("ix_task_events_task_id", "task_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    van_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    naar_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    toelichting: Mapped[str | None] = mapped_column(Text)
    door: Mapped[str] = mapped_column(String(63))
    occurred_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp(), nullable=False
    )


class Visit(Base, Versioned):
    """A planned home visit for a bailiff (the route list).  Status changes when the report is made."""

    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint(_check_in("status", VisitStatus), name="status"),
        Index("ix_visits_bailiff_id_status", "bailiff_id", "status"),
        Index("ix_visits_debtor_id", "debtor_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    bailiff_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    gepland_op: Mapped[dt.date] = mapped_column(Date)
    doel: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=VisitStatus.GEPLAND.value)
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]

    __mapper_args__ = {"version_id_col": Versioned.version}


class VisitReport(Base):
    """The bailiff's report of a home visit (the oog- en oorfunctie).  Append-only; also a contact entry."""

    __tablename__ = "visit_reports"
    __table_args__ = (
        CheckConstraint(_check_in("advies", Advies), name="advies"),
        Index("ix_visit_reports_debtor_id", "debtor_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="RESTRICT"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"))
    bezocht_op: Mapped[dt.date] = mapped_column(Date)
    aangetroffen: Mapped[bool] = mapped_column(Boolean)
    woonsituatie: Mapped[str | None] = mapped_column(Text)
    huishouden: Mapped[str | None] = mapped_column(Text)
    kwetsbaarheid: Mapped[str | None] = mapped_column(Text)  # signals of vulnerability
    goederen: Mapped[str | None] = mapped_column(Text)  # visible goods of value
    bevindingen: Mapped[str | None] = mapped_column(Text)
    advies: Mapped[str] = mapped_column(String(30))
    created_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[CreatedAt]
