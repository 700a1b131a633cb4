"""The database keeps the rules (issue 12): group roles per application role, an owner nobody logs in as, privileges.

Creates ``security_roles`` (application role -> PostgreSQL role name) on both backends.  On PostgreSQL it then
creates the owner and group roles (``caseworker_app.db.security.ensure_roles``; the name prefix comes from
``db upgrade --role-prefix`` or the database name), installs the membership functions and gives every user that
``user_roles`` lists the matching group role, once -- a database set up before this revision keeps who may do
what.  Ownership, privileges and triggers are applied by ``security.apply`` at the end of every upgrade
(``migrations/env.py``), not here, so they always follow the current ``db/grants.py``.

Downgrading removes the table and the functions and hands the objects back to the login running it; the group
roles are cluster-wide and may be in use by a copy of this database, so they stay (drop them by hand).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "security_roles",
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("pg_role", sa.String(length=63), nullable=False),
        sa.PrimaryKeyConstraint("role", name=op.f("pk_security_roles")),
        sa.UniqueConstraint("pg_role", name=op.f("uq_security_roles_pg_role")),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from caseworker_app.db import security

    security.ensure_roles(bind, context.config.attributes.get("role_prefix"))
    security.install_functions(bind)
    unlinked = security.sync_memberships_from_user_roles(bind)
    context.config.attributes.setdefault("unlinked_logins", []).extend(unlinked)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        names: dict[str, str] = {
            str(r): str(p) for r, p in bind.execute(sa.text("SELECT role, pg_role FROM security_roles"))
        }
        owner = names.get("owner")
        if owner:
            quoted = bind.execute(sa.text("SELECT quote_ident(:n)"), {"n": owner}).scalar_one()
            op.execute(f"REASSIGN OWNED BY {quoted} TO CURRENT_USER")
        for table in ("bookings", "enforcement_actions", "audit_log"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_actor ON {table}")
        for function in (
            "caseworker_grant_role(text, text)",
            "caseworker_revoke_role(text, text)",
            "caseworker_has_role(text)",
            "caseworker_is_member(name, name)",
            "caseworker_set_actor()",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")
        op.execute("GRANT USAGE ON SCHEMA public TO PUBLIC")
    op.drop_table("security_roles")
