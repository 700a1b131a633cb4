"""Teams, ownership and four-eyes decisions (issue 9): ``teams``, ``team_members``, ``decisions``,
``decision_policies``; ``debtors.team_id`` and ``debtors.behandelaar_id``.

The shipped policies (``domain/decisions.py``, ``SHIPPED_POLICIES``) are inserted: every maatwerk soort needs a
team lead except "eerst contact".  The four-eyes triggers and, on PostgreSQL, ``caseworker_decide`` and
``caseworker_withdraw`` are installed by ``security.apply`` at the end of the upgrade (``db/four_eyes.py``), like
every other privilege and trigger, so they always follow the current code.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 05:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(code) > 0", name=op.f("ck_teams_code_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("code", name=op.f("uq_teams_code")),
    )
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("is_lead", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_team_members_team_id_teams"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_members_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("team_id", "user_id", name=op.f("pk_team_members")),
    )
    op.create_index(op.f("ix_team_members_user_id"), "team_members", ["user_id"], unique=False)
    op.create_table(
        "decision_policies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("soort", sa.String(length=40), nullable=True),
        sa.Column("needs_second", sa.Boolean(), nullable=False),
        sa.Column("max_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("max_days", sa.Integer(), nullable=True),
        sa.Column("decide_within_days", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "decide_within_days > 0", name=op.f("ck_decision_policies_decide_within_days_positive")
        ),
        sa.CheckConstraint(
            "max_amount IS NULL OR max_amount >= 0", name=op.f("ck_decision_policies_max_amount_not_negative")
        ),
        sa.CheckConstraint("max_days IS NULL OR max_days >= 0", name=op.f("ck_decision_policies_max_days_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_policies")),
        sa.UniqueConstraint("kind", "soort", name=op.f("uq_decision_policies_kind_soort")),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("soort", sa.String(length=40), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("proposed_by", sa.Integer(), nullable=False),
        sa.Column(
            "proposed_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("effect", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("four_eyes", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("voorwaarde", sa.Text(), nullable=True),
        sa.Column("voorwaarde_tot", sa.Date(), nullable=True),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'goedgekeurd', 'afgewezen', 'teruggestuurd', 'ingetrokken')",
            name=op.f("ck_decisions_status"),
        ),
        sa.CheckConstraint("length(kind) > 0", name=op.f("ck_decisions_kind_not_empty")),
        sa.CheckConstraint(
            "decided_by IS NULL OR decided_by <> proposed_by OR NOT four_eyes",
            name=op.f("ck_decisions_decider_not_proposer"),
        ),
        sa.CheckConstraint(
            "(status IN ('open', 'ingetrokken')) = (decided_by IS NULL)",
            name=op.f("ck_decisions_decided_by_when_decided"),
        ),
        sa.CheckConstraint("(status = 'open') = (decided_at IS NULL)", name=op.f("ck_decisions_decided_at_when_closed")),
        sa.CheckConstraint(
            "status <> 'goedgekeurd' OR four_eyes OR decided_by = proposed_by",
            name=op.f("ck_decisions_alone_by_proposer"),
        ),
        sa.CheckConstraint(
            "(voorwaarde IS NULL AND voorwaarde_tot IS NULL) OR status = 'goedgekeurd'",
            name=op.f("ck_decisions_condition_on_approval"),
        ),
        sa.CheckConstraint("amount IS NULL OR amount >= 0", name=op.f("ck_decisions_amount_not_negative")),
        sa.CheckConstraint("days IS NULL OR days >= 0", name=op.f("ck_decisions_days_not_negative")),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_decisions_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_decisions_team_id_teams"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["proposed_by"], ["users.id"], name=op.f("fk_decisions_proposed_by_users"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_decisions_decided_by_users"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"], ["decisions.id"], name=op.f("fk_decisions_previous_id_decisions"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("previous_id", name=op.f("uq_decisions_previous_id")),
    )
    op.create_index(op.f("ix_decisions_debtor_id"), "decisions", ["debtor_id"], unique=False)
    op.create_index("ix_decisions_queue", "decisions", ["status", "team_id", "proposed_at", "id"], unique=False)
    op.create_index("ix_decisions_proposer", "decisions", ["proposed_by", "status", "proposed_at"], unique=False)
    op.create_index("ix_decisions_subject", "decisions", ["kind", "subject_id"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and "team_id" in {c["name"] for c in sa.inspect(bind).get_columns("debtors")}:
        pass  # a downgrade left the columns (see downgrade()): adopt them
    elif bind.dialect.name == "sqlite":
        # in place, with the foreign key inline: a copy of the table (batch mode) would DROP the old one, and with
        # foreign keys on that deletes every debtor's claims and financial situations by cascade
        op.execute(
            "ALTER TABLE debtors ADD COLUMN team_id INTEGER CONSTRAINT fk_debtors_team_id_teams REFERENCES teams (id)"
        )
        op.execute(
            "ALTER TABLE debtors ADD COLUMN behandelaar_id INTEGER "
            "CONSTRAINT fk_debtors_behandelaar_id_users REFERENCES users (id)"
        )
    else:
        op.add_column("debtors", sa.Column("team_id", sa.Integer(), nullable=True))
        op.add_column("debtors", sa.Column("behandelaar_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_debtors_team_id_teams"), "debtors", "teams", ["team_id"], ["id"])
        op.create_foreign_key(op.f("fk_debtors_behandelaar_id_users"), "debtors", "users", ["behandelaar_id"], ["id"])
    op.create_index(op.f("ix_debtors_team_id"), "debtors", ["team_id"], unique=False)
    op.create_index(op.f("ix_debtors_behandelaar_id"), "debtors", ["behandelaar_id"], unique=False)
    _ship_policies()


def _ship_policies() -> None:
    from caseworker_app.domain.decisions import SHIPPED_POLICIES

    table = sa.table(
        "decision_policies",
        sa.column("kind", sa.String()),
        sa.column("soort", sa.String()),
        sa.column("needs_second", sa.Boolean()),
        sa.column("max_amount", sa.Numeric(14, 2)),
        sa.column("max_days", sa.Integer()),
        sa.column("decide_within_days", sa.Integer()),
        sa.column("version", sa.Integer()),
    )
    op.bulk_insert(
        table,
        [
            {
                "kind": p.kind,
                "soort": p.soort,
                "needs_second": p.needs_second,
                "max_amount": p.max_amount,
                "max_days": p.max_days,
                "decide_within_days": p.decide_within_days,
                "version": 1,
            }
            for p in SHIPPED_POLICIES
        ],
    )


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index(op.f("ix_debtors_behandelaar_id"), table_name="debtors")
    op.drop_index(op.f("ix_debtors_team_id"), table_name="debtors")
    if bind.dialect.name == "sqlite":
        # SQLite drops a column that is in a foreign key only by copying the table, and dropping the old debtors
        # table would delete every debtor's claims and financial situations by cascade: the columns stay, emptied
        # (an upgrade adopts them again)
        op.execute("UPDATE debtors SET team_id = NULL, behandelaar_id = NULL")
    else:
        op.drop_constraint(op.f("fk_debtors_behandelaar_id_users"), "debtors", type_="foreignkey")
        op.drop_constraint(op.f("fk_debtors_team_id_teams"), "debtors", type_="foreignkey")
        op.drop_column("debtors", "behandelaar_id")
        op.drop_column("debtors", "team_id")
        op.execute("DROP FUNCTION IF EXISTS caseworker_decide(bigint, text, text, text, date)")
        op.execute("DROP FUNCTION IF EXISTS caseworker_withdraw(bigint, text)")
    op.drop_table("decisions")
    if bind.dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS caseworker_decisions_guard()")
    op.drop_table("decision_policies")
    op.drop_index(op.f("ix_team_members_user_id"), table_name="team_members")
    op.drop_table("team_members")
    op.drop_table("teams")
