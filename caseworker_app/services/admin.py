"""Schema status and upgrades: the only services that work on a database that is not at head."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, inspect, select, text

from caseworker_app.errors import SchemaVersionError, UserFacingError

from caseworker_app.domain.types import Role

from caseworker_app.db import migrate, security, sqlite_file
from caseworker_app.db.models import User, UserRole
from caseworker_app.db.session import check_connection, create_engine_for_url, translated_errors

from caseworker_app.services import audit
from caseworker_app.services.context import Database
from caseworker_app.services.dto import DatabaseInfo


def open_for_admin(url: str | None, *, create: bool = False) -> Database:
    db = Database.open(url, require_schema=False, create=create)
    return db


def status(url: str | None) -> DatabaseInfo:
    """The schema state; a SQLite file that does not exist is "empty" -- and is not created by asking."""
    try:
        db = open_for_admin(url)
    except SchemaVersionError as exc:
        if exc.code != "database_missing":
            raise
        return DatabaseInfo(
            url=f"sqlite:///{exc.params['path']}",
            backend="sqlite",
            schema_revision=None,
            head_revision=migrate.head_revision(),
            schema_state="empty",
        )
    try:
        return db.info()
    finally:
        db.dispose()


def upgrade(
    url: str | None, *, admin_login: str | None = None, role_prefix: str | None = None
) -> DatabaseInfo:
    """Create or migrate the schema to head and re-apply the privileges.  Needs no user: it is run by the database
    administrator (on PostgreSQL a superuser or a member of the owner role), the first thing on a new database.

    ``admin_login`` names an administrator (on a new PostgreSQL database one must be named: nobody becomes admin by
    connecting first); the login must exist.  ``role_prefix`` names the group roles of a database being set up
    (default: the database name and ``_``).  On SQLite a backup copy of the file is made before an existing schema
    is migrated.
    """
    db = open_for_admin(url, create=True)
    try:
        before = migrate.schema_status(db.engine)
        if db.is_shared:
            _check_may_set_up(db, admin_login)
        if before.state == "older" and db.backend == "sqlite":
            _backup_sqlite(db)
        report: dict[str, Any] = {}
        migrate.upgrade_to_head(db.engine, role_prefix=role_prefix, report=report)
        if admin_login:
            _make_admin(db, admin_login.strip())
        info = db.info()
        return replace(info, unlinked_logins=tuple(report.get("unlinked_logins", ())))
    finally:
        db.dispose()


def _check_may_set_up(db: Database, admin_login: str | None) -> None:
    with translated_errors(), db.engine.connect() as conn:
        if not security.may_administer(conn):
            login = conn.execute(text("SELECT session_user")).scalar_one()
            owner = security.role_names(conn).get(security.OWNER)
            if owner is None:  # a new database: setting it up creates the roles
                raise UserFacingError("not_db_admin_new", login=login)
            raise UserFacingError("not_db_admin", login=login, owner=owner)
        if admin_login is not None:
            if not security.login_exists(conn, admin_login.strip()):
                raise UserFacingError("login_missing", login=admin_login.strip())
        elif not _has_admin(conn):
            raise UserFacingError("first_admin_required")


def set_up_here(url: str | None) -> DatabaseInfo:
    """``db upgrade`` from the window: a new PostgreSQL database gets the connecting login as its first
    administrator -- the person who chose to set it up, not whoever happens to connect first (setting up needs a
    login that may create roles).  Otherwise a plain upgrade (which creates a SQLite file that is not there yet)."""
    db = open_for_admin(url, create=True)
    try:
        login: str | None = None
        if db.is_shared and migrate.schema_status(db.engine).state == "empty":
            with translated_errors(), db.engine.connect() as conn:
                login = str(conn.execute(text("SELECT session_user")).scalar_one())
    finally:
        db.dispose()
    return upgrade(url, admin_login=login)


def name_admin(url: str | None, login: str) -> None:
    """Give ``login`` the admin role on a database at head, as its database administrator (``db upgrade --admin``
    without the upgrade: also how an administrator who locked everybody out gets back in)."""
    db = Database.open(url)
    try:
        if db.is_shared:
            _check_may_set_up(db, login)
        _make_admin(db, login.strip())
    finally:
        db.dispose()


def _has_admin(conn: Connection) -> bool:
    if not inspect(conn).has_table("user_roles"):
        return False
    return conn.execute(text("SELECT 1 FROM user_roles WHERE role = 'admin' LIMIT 1")).first() is not None


def _make_admin(db: Database, login: str) -> None:
    """Give ``login`` the admin role (creating its user), as the administrator running the upgrade (audited)."""
    with translated_errors(), db.session_factory() as session, session.begin():
        conn = session.connection()
        actor = str(conn.execute(text("SELECT session_user")).scalar_one()) if db.is_shared else login
        audit.begin(session, actor, audit.Operation("user.admin_named"))
        user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
        if user is None:
            user = User(login=login, display_name=login, roles=[UserRole(role=Role.ADMIN.value)])
            session.add(user)
        elif Role.ADMIN.value not in {r.role for r in user.roles}:
            user.roles.append(UserRole(role=Role.ADMIN.value))
        session.flush()
        if db.is_shared:
            security.grant_role(conn, login, Role.ADMIN)
        audit.record(session, "user.admin_named", "users", user.id, None, {"login": login, "role": Role.ADMIN.value})


def _backup_sqlite(db: Database) -> None:
    import contextlib
    import sqlite3
    from pathlib import Path

    path = db.engine.url.database
    if not path or path == ":memory:":
        return
    target = Path(path).with_suffix(f".before-{migrate.head_revision()}.sqlite")
    sqlite_file.create_private(target)  # a copy of the database is as private as the database
    with contextlib.closing(sqlite3.connect(path)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def ping(url: str) -> None:
    check_connection(create_engine_for_url(url, create=False))
