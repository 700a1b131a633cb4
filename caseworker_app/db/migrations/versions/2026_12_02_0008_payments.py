"""Payments recorded once at debtor level, and their allocation over the claims (issue 9).

``payments`` (one row per payment or verrekening received) and ``payment_allocations`` (one row per claim a
payment went to, with its kosten / rente / hoofdsom split and the bookings it made).  Both append-only: the
privileges and triggers come from ``db/grants.py`` when ``db/security.py`` runs at the end of the upgrade.
Existing bookings are left as they are (a betaling booked before this revision has no payment row).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 05:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MONEY = sa.Numeric(precision=14, scale=2, asdecimal=True)


def upgrade() -> None:
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("amount", _MONEY, nullable=False),
        sa.Column("payment_date", sa.Date(), nullable=False),
        sa.Column("kenmerk", sa.String(length=40), nullable=True),
        sa.Column("source", sa.String(length=60), nullable=True),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"),
                  nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_payments_amount_positive")),
        sa.CheckConstraint("kind IN ('betaling', 'verrekening')", name=op.f("ck_payments_kind")),
        sa.CheckConstraint("channel IN ('bank', 'balie', 'deurwaarder', 'verrekening')",
                           name=op.f("ck_payments_channel")),
        sa.ForeignKeyConstraint(["debtor_id"], ["debtors.id"], name=op.f("fk_payments_debtor_id_debtors"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    op.create_index("ix_payments_debtor_id_payment_date", "payments", ["debtor_id", "payment_date"], unique=False)
    op.create_table(
        "payment_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("kosten", _MONEY, nullable=False),
        sa.Column("rente", _MONEY, nullable=False),
        sa.Column("hoofdsom", _MONEY, nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("rente_booking_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"),
                  nullable=False),
        sa.CheckConstraint("kosten >= 0 AND rente >= 0 AND hoofdsom >= 0",
                           name=op.f("ck_payment_allocations_parts_not_negative")),
        sa.CheckConstraint("kosten + rente + hoofdsom > 0", name=op.f("ck_payment_allocations_something_allocated")),
        sa.ForeignKeyConstraint(["payment_id"], ["payments.id"],
                                name=op.f("fk_payment_allocations_payment_id_payments"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name=op.f("fk_payment_allocations_claim_id_claims"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["booking_id"], ["bookings.id"],
                                name=op.f("fk_payment_allocations_booking_id_bookings"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["rente_booking_id"], ["bookings.id"],
                                name=op.f("fk_payment_allocations_rente_booking_id_bookings"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_allocations")),
    )
    op.create_index("ix_payment_allocations_payment_id", "payment_allocations", ["payment_id"], unique=False)
    op.create_index("ix_payment_allocations_claim_id", "payment_allocations", ["claim_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_payment_allocations_claim_id", table_name="payment_allocations")
    op.drop_index("ix_payment_allocations_payment_id", table_name="payment_allocations")
    op.drop_table("payment_allocations")
    op.drop_index("ix_payments_debtor_id_payment_date", table_name="payments")
    op.drop_table("payments")
