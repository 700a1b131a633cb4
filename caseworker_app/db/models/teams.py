"""Who works together: teams and their members (issue 9, "Teams, ownership and queues").

A debtor belongs to a team and may have a behandelaar (``debtors.team_id``/``debtors.behandelaar_id``); a team's
leads decide its four-eyes proposals (``decisions.team_id``, the team lead's queue).
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker_app.db.base import Base
from caseworker_app.db.models.common import Versioned


class Team(Base, Versioned):
    __tablename__ = "teams"
    __table_args__ = (CheckConstraint("length(code) > 0", name="code_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: short, stable, what officers type ("INV-UTR")
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))

    __mapper_args__ = {"version_id_col": Versioned.version}


class TeamMember(Base):
    __tablename__ = "team_members"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    #: a lead of the team decides its proposals (needs the team lead role as well)
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False)
