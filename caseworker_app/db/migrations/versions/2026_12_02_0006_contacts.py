"""Contacts, bijzondere omstandigheden, flags, referrals, follow-up tasks and home visits (issue 11).

History tables are append-only and ``omstandigheden`` is sensitive (AVG art. 9): the privileges, the append-only
triggers and the inzage functions come from ``db/grants.py``, applied by ``db/security.py`` after the upgrade.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 05:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("kanaal", sa.String(length=20), nullable=False),
        sa.Column("met", sa.String(length=20), nullable=False),
        sa.Column("samenvatting", sa.Text(), nullable=False),
        sa.Column("uitkomst", sa.String(length=30), nullable=True),
        sa.Column("corrigeert", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint(
            "kanaal IN ('telefoon_in', 'telefoon_uit', 'brief', 'email', 'balie', 'huisbezoek', 'intermediair')",
            name=op.f("ck_contacts_kanaal"),
        ),
        sa.CheckConstraint(
            "met IN ('schuldenaar', 'partner', 'bewindvoerder', 'schuldhulpverlener', 'gemeente', 'anders')",
            name=op.f("ck_contacts_met"),
        ),
        sa.CheckConstraint(
            "uitkomst IS NULL OR uitkomst IN ('regeling_afgesproken', 'betaling_toegezegd', 'kwijtschelding_geadviseerd', 'doorverwezen', 'informatie_gegeven', 'gegevens_opgevraagd', 'terugbellen', 'geen_contact', 'geweigerd')",
            name=op.f("ck_contacts_uitkomst"),
        ),
        sa.CheckConstraint("length(samenvatting) > 0", name=op.f("ck_contacts_samenvatting_not_empty")),
        sa.ForeignKeyConstraint(
            ["corrigeert"], ["contacts.id"], name=op.f("fk_contacts_corrigeert_contacts"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_contacts_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("corrigeert", name=op.f("uq_contacts_corrigeert")),
    )
    op.create_index("ix_contacts_debtor_id_datum", "contacts", ["debtor_id", "datum"], unique=False)
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("bailiff_id", sa.Integer(), nullable=False),
        sa.Column("gepland_op", sa.Date(), nullable=False),
        sa.Column("doel", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('gepland', 'afgelegd', 'vervallen')", name=op.f("ck_visits_status")),
        sa.ForeignKeyConstraint(
            ["bailiff_id"], ["users.id"], name=op.f("fk_visits_bailiff_id_users"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_visits_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    op.create_index("ix_visits_bailiff_id_status", "visits", ["bailiff_id", "status"], unique=False)
    op.create_index("ix_visits_debtor_id", "visits", ["debtor_id"], unique=False)
    op.create_table(
        "debtor_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("raised_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_debtor_flags_contact_id_contacts"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_debtor_flags_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debtor_flags")),
    )
    op.create_index("ix_debtor_flags_debtor_id", "debtor_flags", ["debtor_id"], unique=False)
    op.create_table(
        "omstandigheden",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint(
            "code IN ('ziekte', 'overlijden_partner', 'scheiding', 'werkloosheid', 'schuldhulp', 'bewindvoering', 'verslaving', 'dakloosheid', 'psychisch', 'laaggeletterdheid', 'gedupeerde_toeslagen', 'veel_schuldeisers', 'mantelzorg', 'anders')",
            name=op.f("ck_omstandigheden_code"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_omstandigheden_contact_id_contacts"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_omstandigheden_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_omstandigheden")),
    )
    op.create_index("ix_omstandigheden_debtor_id", "omstandigheden", ["debtor_id"], unique=False)
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("voor_id", sa.Integer(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("plek", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("done_by", sa.String(length=63), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('open', 'gedaan')", name=op.f("ck_tasks_status")),
        sa.CheckConstraint("length(omschrijving) > 0", name=op.f("ck_tasks_omschrijving_not_empty")),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_tasks_contact_id_contacts"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_tasks_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(["voor_id"], ["users.id"], name=op.f("fk_tasks_voor_id_users"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    op.create_index("ix_tasks_debtor_id", "tasks", ["debtor_id"], unique=False)
    op.create_index("ix_tasks_status_datum", "tasks", ["status", "datum"], unique=False)
    op.create_index("ix_tasks_voor_id_status_datum", "tasks", ["voor_id", "status", "datum"], unique=False)
    op.create_table(
        "visit_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("bezocht_op", sa.Date(), nullable=False),
        sa.Column("aangetroffen", sa.Boolean(), nullable=False),
        sa.Column("woonsituatie", sa.Text(), nullable=True),
        sa.Column("huishouden", sa.Text(), nullable=True),
        sa.Column("kwetsbaarheid", sa.Text(), nullable=True),
        sa.Column("goederen", sa.Text(), nullable=True),
        sa.Column("bevindingen", sa.Text(), nullable=True),
        sa.Column("advies", sa.String(length=30), nullable=False),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint(
            "advies IN ('maatwerk', 'stella', 'doorverwijzen', 'invordering_voortzetten')",
            name=op.f("ck_visit_reports_advies"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_visit_reports_contact_id_contacts"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_visit_reports_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_reports_visit_id_visits"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_reports")),
    )
    op.create_index("ix_visit_reports_debtor_id", "visit_reports", ["debtor_id"], unique=False)
    op.create_table(
        "flag_endings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flag_id", sa.Integer(), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=False),
        sa.Column("ended_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint("length(reden) > 0", name=op.f("ck_flag_endings_reden_not_empty")),
        sa.ForeignKeyConstraint(
            ["flag_id"], ["debtor_flags.id"], name=op.f("fk_flag_endings_flag_id_debtor_flags"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flag_endings")),
        sa.UniqueConstraint("flag_id", name=op.f("uq_flag_endings_flag_id")),
    )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("naar", sa.String(length=20), nullable=False),
        sa.Column("organisatie", sa.Text(), nullable=True),
        sa.Column("toestemming", sa.Boolean(), nullable=False),
        sa.Column("opvolgdatum", sa.Date(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint(
            "naar IN ('gemeente', 'schuldhulp', 'bewindvoerder', 'anders')", name=op.f("ck_referrals_naar")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_referrals_contact_id_contacts"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], name=op.f("fk_referrals_debtor_id_debtors"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_referrals_task_id_tasks"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    op.create_index("ix_referrals_debtor_id", "referrals", ["debtor_id"], unique=False)
    op.create_table(
        "task_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("van_id", sa.Integer(), nullable=True),
        sa.Column("naar_id", sa.Integer(), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("door", sa.String(length=63), nullable=False),
        sa.Column(
            "occurred_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint(
            "kind IN ('aangemaakt', 'overgedragen', 'gedaan', 'heropend')", name=op.f("ck_task_events_kind")
        ),
        sa.ForeignKeyConstraint(
            ["naar_id"], ["users.id"], name=op.f("fk_task_events_naar_id_users"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_task_events_task_id_tasks"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["van_id"], ["users.id"], name=op.f("fk_task_events_van_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_events")),
    )
    op.create_index("ix_task_events_task_id", "task_events", ["task_id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # the inzage functions return rows of the table: they go first
        op.execute("DROP FUNCTION IF EXISTS caseworker_inzage_omstandigheden(bigint)")
        op.execute("DROP FUNCTION IF EXISTS caseworker_read_omstandigheden(bigint)")
    op.drop_index("ix_task_events_task_id", table_name="task_events")
    op.drop_table("task_events")
    op.drop_index("ix_referrals_debtor_id", table_name="referrals")
    op.drop_table("referrals")
    op.drop_table("flag_endings")
    op.drop_index("ix_visit_reports_debtor_id", table_name="visit_reports")
    op.drop_table("visit_reports")
    op.drop_index("ix_tasks_voor_id_status_datum", table_name="tasks")
    op.drop_index("ix_tasks_status_datum", table_name="tasks")
    op.drop_index("ix_tasks_debtor_id", table_name="tasks")
    op.drop_table("tasks")
    op.drop_index("ix_omstandigheden_debtor_id", table_name="omstandigheden")
    op.drop_table("omstandigheden")
    op.drop_index("ix_debtor_flags_debtor_id", table_name="debtor_flags")
    op.drop_table("debtor_flags")
    op.drop_index("ix_visits_debtor_id", table_name="visits")
    op.drop_index("ix_visits_bailiff_id_status", table_name="visits")
    op.drop_table("visits")
    op.drop_index("ix_contacts_debtor_id_datum", table_name="contacts")
    op.drop_table("contacts")
