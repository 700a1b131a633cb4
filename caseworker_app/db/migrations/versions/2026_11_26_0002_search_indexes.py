"""Search indexes: a trigram index on debtors.search_name on PostgreSQL.

The B-tree indexes for BSN/RSIN (unique), postcode + huisnummer, claims.reference (unique) and the
``text_pattern_ops`` index for name prefixes come with the first schema.  This adds ``pg_trgm`` and a GIN
trigram index on ``search_name`` so that name search can also match inside a name and rank by similarity
on a million debtors.

SQLite has no trigram indexes; there this migration does nothing.  The index is not declared in the models
(``models.DATABASE_ONLY_INDEXES``): PostgreSQL index options in the models would load the PostgreSQL dialect
on every start.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 02:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_debtors_search_name_trgm"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX {INDEX} ON debtors USING gin (search_name gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
    # pg_trgm stays installed: other database objects or a DBA may rely on it, and it is harmless
