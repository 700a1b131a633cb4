"""Four-eyes decisions: a proposal by one person and the decision on it by another (issue 9).

A ``decisions`` row is inserted ``open`` by the proposer and decided once (``goedgekeurd``, ``afgewezen``,
``teruggestuurd``) by a second person, or withdrawn (``ingetrokken``) by the proposer; after that it never changes
again.  The database keeps these rules on both backends: the CHECK constraints below, and the triggers and (on
PostgreSQL) the ``caseworker_decide``/``caseworker_withdraw`` functions of ``db/four_eyes.py``.  A sent-back
proposal is answered by a new row pointing at it (``previous_id``), so the conversation stays in the history.

``decision_policies`` says per kind (and soort) whether a second person is needed, and up to which amount or
duration the proposer may decide alone: configuration as data (``domain/decisions.py``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
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
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from caseworker_app.domain.decisions import DEFAULT_DECIDE_WITHIN_DAYS, DecisionStatus

from caseworker_app.db.base import Base
from caseworker_app.db.models.common import Versioned, _check_in


class Decision(Base, Versioned):
    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(_check_in("status", DecisionStatus), name="status"),
        CheckConstraint("length(kind) > 0", name="kind_not_empty"),
        # the decider is never the proposer when four eyes are needed (alone: the proposer decided at once)
        CheckConstraint(
            "decided_by IS NULL OR decided_by <> proposed_by OR NOT four_eyes", name="decider_not_proposer"
        ),
        CheckConstraint(
            "(status IN ('open', 'ingetrokken')) = (decided_by IS NULL)", name="decided_by_when_decided"
        ),
        CheckConstraint("(status = 'open') = (decided_at IS NULL)", name="decided_at_when_closed"),
        CheckConstraint("status <> 'goedgekeurd' OR four_eyes OR decided_by = proposed_by", name="alone_by_proposer"),
        CheckConstraint(
            "(voorwaarde IS NULL AND voorwaarde_tot IS NULL) OR status = 'goedgekeurd'", name="condition_on_approval"
        ),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount_not_negative"),
        CheckConstraint("days IS NULL OR days >= 0", name="days_not_negative"),
        # the queues: a team lead's pending decisions (oldest first), my proposals, the overdue ones
        Index("ix_decisions_queue", "status", "team_id", "proposed_at", "id"),
        Index("ix_decisions_proposer", "proposed_by", "status", "proposed_at"),
        Index("ix_decisions_subject", "kind", "subject_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "maatwerk", "maatwerk_einde", later "kwijtschelding", "regeling", "escalatie"
    kind: Mapped[str] = mapped_column(String(30))
    #: the kind's own sort of thing (a maatwerk soort: "invorderingspauze", ...), what the policy may look at
    soort: Mapped[str | None] = mapped_column(String(40))
    #: the id of the row in the kind's own table (a measure, a regeling, an escalation)
    subject_id: Mapped[int] = mapped_column(Integer)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="RESTRICT"), index=True)
    #: whose queue it is in: the debtor's team when proposed
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    proposed_by: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    proposed_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp(), nullable=False
    )
    reason: Mapped[str] = mapped_column(Text)
    #: JSON text: the computed effect summary the decider sees
    effect: Mapped[str] = mapped_column(Text, default="{}")
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    days: Mapped[int | None] = mapped_column(Integer)
    #: a second person must decide (the policy's answer when proposed; the database sets it on PostgreSQL)
    four_eyes: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(20), default=DecisionStatus.OPEN.value)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    #: the decider's reason or question (or the proposer's reason for withdrawing)
    toelichting: Mapped[str | None] = mapped_column(Text)
    #: approved with a condition
    voorwaarde: Mapped[str | None] = mapped_column(Text)
    #: approved with a shorter period: until this date
    voorwaarde_tot: Mapped[dt.date | None] = mapped_column(Date)
    #: the sent-back proposal this one answers
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="RESTRICT"), unique=True)

    __mapper_args__ = {"version_id_col": Versioned.version}


class DecisionPolicy(Base, Versioned):
    __tablename__ = "decision_policies"
    __table_args__ = (
        UniqueConstraint("kind", "soort"),
        CheckConstraint("max_amount IS NULL OR max_amount >= 0", name="max_amount_not_negative"),
        CheckConstraint("max_days IS NULL OR max_days >= 0", name="max_days_not_negative"),
        CheckConstraint("decide_within_days > 0", name="decide_within_days_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    #: None: every soort of the kind without a row of its own
    soort: Mapped[str | None] = mapped_column(String(40))
    needs_second: Mapped[bool] = mapped_column(Boolean, default=True)
    max_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    max_days: Mapped[int | None] = mapped_column(Integer)
    decide_within_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_DECIDE_WITHIN_DAYS)

    __mapper_args__ = {"version_id_col": Versioned.version}
