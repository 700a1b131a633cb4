"""Operations in the audit: every row names its unit of work (id, use case, reason).

Three nullable columns on ``audit_log`` and an index to find all rows of one operation.  Rows written before
this revision have no operation; the application writes one on every new row.  ``audit_log`` stays
append-only: its triggers refuse UPDATE and DELETE, not ALTER TABLE ... ADD COLUMN.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("operation_id", sa.String(length=36), nullable=True))
    op.add_column("audit_log", sa.Column("operation", sa.String(length=60), nullable=True))
    op.add_column("audit_log", sa.Column("reason", sa.Text(), nullable=True))
    op.create_index(op.f("ix_audit_log_operation_id"), "audit_log", ["operation_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_log_operation_id"), table_name="audit_log")
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35 has it): a batch copy would lose the append-only triggers
    for column in ("reason", "operation", "operation_id"):
        op.execute(f"ALTER TABLE audit_log DROP COLUMN {column}")
