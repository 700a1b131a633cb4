"""Services refuse what a role may not do, with a message that says which role would be needed."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from caseworker_app.errors import PermissionDeniedError, UserFacingError, ValidationError
from tests.factories import add_debtor, open_context

from caseworker_app.domain.types import Role

from caseworker_app.services import debtors, users
from caseworker_app.services.context import Database


def test_auditor_can_read_but_not_change(sqlite_url: str) -> None:
    # on SQLite --user picks the local profile; PostgreSQL identity is covered below
    admin_ctx = open_context(sqlite_url)
    debtor_id = add_debtor(admin_ctx)
    users.add_user(admin_ctx, "r.visser", "Rik Visser", (Role.AUDITOR,))
    auditor = Database.open(sqlite_url).login("r.visser")
    detail = debtors.get_debtor(auditor, debtor_id)  # reading is fine
    with pytest.raises(PermissionDeniedError) as info:
        debtors.update_debtor(auditor, detail, {"telefoon": "0612345678"})
    assert "r.visser" in info.value.message and "invorderaar" in info.value.message
    with pytest.raises(PermissionDeniedError):
        users.add_user(auditor, "x.y", "X Y", (Role.ADMIN,))
    assert debtors.get_debtor(admin_ctx, debtor_id).telefoon is None


def test_caseworker_cannot_manage_users(sqlite_url: str) -> None:
    admin_ctx = open_context(sqlite_url)
    users.add_user(admin_ctx, "a.jansen", "Anna Jansen", (Role.CASEWORKER,))
    worker = Database.open(sqlite_url).login("a.jansen")
    with pytest.raises(PermissionDeniedError) as info:
        users.add_user(worker, "x.y", "X Y", (Role.CASEWORKER,))
    assert "beheerder" in info.value.message


def test_unknown_local_user_and_bad_roles_are_explained(sqlite_url: str) -> None:
    admin_ctx = open_context(sqlite_url)
    with pytest.raises(UserFacingError) as info:
        Database.open(sqlite_url).login("nobody")
    assert "caseworker user add" in info.value.message
    with pytest.raises(ValidationError) as bad:
        users.parse_roles(["caseworker,boss"])
    assert "boss" in bad.value.message and "teamlead" in bad.value.message
    with pytest.raises(UserFacingError):
        users.add_user(admin_ctx, admin_ctx.actor.login, "Dubbel", (Role.CASEWORKER,))


def test_postgres_identity_is_the_database_login(pg_url: str) -> None:
    """On PostgreSQL nobody can claim to be someone else: the user is current_user."""
    admin_ctx = open_context(pg_url)
    login = f"cw_{uuid.uuid4().hex[:8]}"
    server = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{login}" LOGIN'))
        conn.execute(text(f'GRANT ALL ON SCHEMA public TO "{login}"'))
        conn.execute(text(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"'))
        conn.execute(text(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"'))
    try:
        as_role = pg_url.replace("postgres@", f"{login}@", 1) if "postgres@" in pg_url else None
        assert as_role is not None, pg_url
        # not yet a user row: refused with the fix in the message
        with pytest.raises(UserFacingError) as info:
            Database.open(as_role).login()
        assert login in info.value.message
        users.add_user(admin_ctx, login, "Tess Tester", (Role.AUDITOR,))
        ctx = Database.open(as_role).login()
        assert ctx.actor.login == login and ctx.actor.roles == frozenset({Role.AUDITOR})
        with pytest.raises(PermissionDeniedError):
            Database.open(as_role).login(admin_ctx.actor.login)  # impersonation refused
        debtor_id = add_debtor(admin_ctx)
        with pytest.raises(PermissionDeniedError):
            debtors.update_debtor(ctx, debtors.get_debtor(ctx, debtor_id), {"telefoon": "06"})
    finally:
        server.dispose()
        cleanup = create_engine(admin_ctx.db.engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        admin_ctx.db.dispose()
        with cleanup.connect() as conn:
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{login}'"))
        # the role owns nothing; drop it after the test database is gone (pg_url fixture) -- privileges
        # on that database go with it, so only REASSIGN/DROP OWNED is needed when it still exists
        with create_engine(admin_ctx.db.engine.url, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{login}"'))
        with cleanup.connect() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        cleanup.dispose()
