"""The audit trail table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker_app.db.base import Base


class AuditEntry(Base):
    """Who changed what, when, why, with the values before and after.  The database refuses UPDATE and DELETE.

    ``operation_id`` / ``operation`` / ``reason`` name the unit of work the row belongs to (one id for all rows
    of one use case, the use case's name, the reason the person gave); empty only on rows written before
    revision 0003.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(63), index=True)
    operation_id: Mapped[str | None] = mapped_column(String(36), index=True)  # a UUID, the same for the whole unit
    operation: Mapped[str | None] = mapped_column(String(60))  # the use case, e.g. "debtor.update"
    reason: Mapped[str | None] = mapped_column(Text)  # as the person gave it
    action: Mapped[str] = mapped_column(String(60))  # e.g. "insert", "update", "user.add", "demo.generate"
    entity: Mapped[str] = mapped_column(String(60))  # table name
    entity_id: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
