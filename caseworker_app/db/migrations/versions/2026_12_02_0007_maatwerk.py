"""Maatwerk (issue 10): ``measures``, ``measure_claims`` and ``measure_ends``, all append-only.

A measure's decisions live in ``decisions`` (``kind`` 'maatwerk' / 'maatwerk_einde', ``subject_id``); the status
is derived, never stored (``domain/maatwerk.py``).  The privileges and the append-only triggers come from
``db/grants.py`` at the end of the upgrade.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 05:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# frozen copies: a migration never changes when the code's lists do
SOORTEN = ("invorderingspauze", "geen_dwang", "geen_verrekening", "kosten_vermindering", "rente_vermindering",
           "niet_stuiten", "stuiten", "bvv_verhoging", "buiten_invordering", "eerst_contact")
REDEN_CODES = ("problematische_schulden", "inkomensdaling", "ziekte_of_overlijden", "bestaansminimum", "onevenredig",
               "gestapelde_aanslagen", "gedupeerde", "kinderopvang", "verzoekschrift", "eerst_contact",
               "reden_om_te_stuiten", "anders")
MAX_REDEN = 4000


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("van", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=True),
        sa.Column("herzien_op", sa.Date(), nullable=True),
        sa.Column("onderdelen", sa.String(length=40), nullable=True),
        sa.Column("bedrag", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("reden_code", sa.String(length=30), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("proposed_by", sa.String(length=63), nullable=False),
        sa.Column(
            "proposed_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint(_in("soort", SOORTEN), name=op.f("ck_measures_soort")),
        sa.CheckConstraint(_in("reden_code", REDEN_CODES), name=op.f("ck_measures_reden_code")),
        sa.CheckConstraint("tot IS NULL OR tot >= van", name=op.f("ck_measures_tot_after_van")),
        sa.CheckConstraint("tot IS NOT NULL OR herzien_op IS NOT NULL", name=op.f("ck_measures_open_ended_has_review")),
        sa.CheckConstraint(
            "onderdelen IS NULL OR soort = 'invorderingspauze'", name=op.f("ck_measures_onderdelen_only_pauze")
        ),
        sa.CheckConstraint("bedrag IS NULL OR bedrag >= 0", name=op.f("ck_measures_bedrag_not_negative")),
        sa.CheckConstraint(f"length(reden) BETWEEN 1 AND {MAX_REDEN}", name=op.f("ck_measures_reden_length")),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_measures_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"], ["measures.id"], name=op.f("fk_measures_previous_id_measures"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measures")),
    )
    op.create_index("ix_measures_debtor_id_van", "measures", ["debtor_id", "van"], unique=False)
    op.create_index("ix_measures_proposed_at", "measures", ["proposed_at"], unique=False)
    op.create_table(
        "measure_claims",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_measure_claims_claim_id_claims"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["measures.id"], name=op.f("fk_measure_claims_measure_id_measures"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("measure_id", "claim_id", name=op.f("pk_measure_claims")),
    )
    op.create_index(op.f("ix_measure_claims_claim_id"), "measure_claims", ["claim_id"], unique=False)
    op.create_table(
        "measure_ends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("einde", sa.Date(), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.String(length=63), nullable=False),
        sa.Column(
            "proposed_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint(f"length(reden) BETWEEN 1 AND {MAX_REDEN}", name=op.f("ck_measure_ends_reden_length")),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["measures.id"], name=op.f("fk_measure_ends_measure_id_measures"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_ends")),
    )
    op.create_index(op.f("ix_measure_ends_measure_id"), "measure_ends", ["measure_id"], unique=False)


def downgrade() -> None:
    op.drop_table("measure_ends")
    op.drop_table("measure_claims")
    op.drop_table("measures")
