"""Who works on the database: users and their roles."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseworker_app.domain.types import Role

from caseworker_app.db.base import Base, CreatedAt
from caseworker_app.db.models.common import Versioned, _check_in


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
