"""The audit trail gets a hash chain (issue 12): ``audit_chain`` (one link per audit row) and ``audit_chain_head``.

Existing audit rows are chained in id order, so a database upgraded from an earlier revision verifies from its
first row.  On PostgreSQL the database writes every later link itself at commit (``caseworker_audit_chain()``,
installed with the other functions by ``db/security.py`` at the end of the upgrade); on SQLite the application does
(``services/audit_chain.py``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64


def upgrade() -> None:
    op.create_table(
        "audit_chain",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit_log.id"], name=op.f("fk_audit_chain_audit_id_audit_log"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_chain")),
        sa.UniqueConstraint("audit_id", name=op.f("uq_audit_chain_audit_id")),
    )
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    op.execute(f"INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '{GENESIS}')")
    _chain_existing_rows()


def _chain_existing_rows() -> None:
    bind = op.get_bind()
    ids = [int(i) for i in bind.execute(sa.text("SELECT id FROM audit_log ORDER BY id")).scalars()]
    if not ids:
        return
    from caseworker_app.db import audit_chain

    if bind.dialect.name == "sqlite":
        for start in range(0, len(ids), 500):
            audit_chain.chain_sqlite(bind, ids[start : start + 500])
        return
    bind.execute(sa.text("SET LOCAL TimeZone = 'UTC'"))
    seq, prev = 0, GENESIS
    rows = bind.execute(sa.text(f"SELECT a.id, {audit_chain.pg_payload('a')} FROM audit_log a ORDER BY a.id"))
    links = []
    for audit_id, payload in rows:
        seq += 1
        row_hash = audit_chain.link_hash(payload or "", prev)
        links.append({"seq": seq, "audit_id": audit_id, "prev_hash": prev, "row_hash": row_hash})
        prev = row_hash
    bind.execute(
        sa.text(
            "INSERT INTO audit_chain (seq, audit_id, prev_hash, row_hash) VALUES (:seq, :audit_id, :prev_hash, :row_hash)"
        ),
        links,
    )
    bind.execute(sa.text("UPDATE audit_chain_head SET seq = :s, hash = :h WHERE id = 1"), {"s": seq, "h": prev})


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_audit_log_chain ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS caseworker_audit_chain() CASCADE")
    op.drop_table("audit_chain_head")
    op.drop_table("audit_chain")
