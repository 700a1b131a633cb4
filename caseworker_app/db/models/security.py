"""How the application roles are called in the database: one PostgreSQL group role per application role."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker_app.db.base import Base


class SecurityRole(Base):
    """``role`` (an application role, or ``owner`` for the role owning the schema) -> its PostgreSQL role name.

    PostgreSQL roles are cluster-wide, so the names carry a prefix (by default the database name) chosen when the
    database is set up; this table is how every later upgrade and every login finds them again.  Empty on SQLite.
    """

    __tablename__ = "security_roles"

    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    pg_role: Mapped[str] = mapped_column(String(63), unique=True)
