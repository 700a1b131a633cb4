"""Search indexes: a trigram index on debtors.search_name on PostgreSQL.

The B-tree indexes for BSN/RSIN (unique), postcode + huisnummer, claims.reference (unique) and the
``text_pattern_ops`` index for name prefixes come with the first schema.  This adds ``pg_trgm`` and a GIN
trigram index on ``search_name`` so that name search can also match inside a name and rank by similarity
on a million debtors.

SQLite has no trigram indexes.  To keep the schema identical to the models on both backends (the
"no autogenerate diff" test) the same index exists there as an empty partial index (``WHERE 0``): the
planner never uses it and it costs nothing to maintain.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 02:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_debtors_search_name_trgm"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index(
        INDEX,
        "debtors",
        ["search_name"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"search_name": "gin_trgm_ops"},
        sqlite_where=sa.text("0"),
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="debtors")
    # pg_trgm stays installed: other databases objects or a DBA may rely on it, and it is harmless
