"""The hash chain over the audit trail: tamper evidence (issue 12).

Every audit row gets one link, in the order the rows were committed: ``row_hash`` is the SHA-256 of the row's
content and of ``prev_hash``, the hash of the link before it.  Changing, removing or inserting a row anywhere breaks
every later link; ``caseworker audit verify`` walks the chain and names the first broken one.  ``audit_chain_head``
holds the last link: the one row every committing writer locks, which puts concurrent writers in one order.

On PostgreSQL the database writes the links itself, at commit (``db/security.py``); on SQLite the application does,
in the same transaction.  Both tables are append-only / owner-only; no application role writes them.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker_app.db.base import Base

GENESIS_HASH = "0" * 64


class AuditChainLink(Base):
    __tablename__ = "audit_chain"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_log.id", ondelete="RESTRICT"), unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    __tablename__ = "audit_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    hash: Mapped[str] = mapped_column(String(64))
