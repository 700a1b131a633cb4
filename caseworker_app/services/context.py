"""Opening a database, knowing who works on it, and running one use case as one transaction.

Every client does the same three steps::

    db = Database.open(url)             # validates the URL, connects, checks the schema
    ctx = db.login(login=None)          # PostgreSQL: current_user; SQLite: the local profile
    with ctx.unit_of_work(Permission.EDIT_DEBTOR, operation="debtor.update", reason=why) as session:
        ...                             # flushes are audited; commit on success, rollback on error

The permission check, the audit (see :mod:`caseworker_app.services.audit`: every row of the unit names its
operation -- a fresh id, the use case and the person's reason) and the translation of driver errors into
Dutch messages happen here, so the GUI, the CLI and the tests all get them.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from caseworker_app import paths
from caseworker_app.errors import PermissionDeniedError, SchemaVersionError, UserFacingError

from caseworker_app.domain.permissions import Permission, permissions_of, roles_granting
from caseworker_app.domain.types import Role, label

from caseworker_app.db import migrate, security
from caseworker_app.db.models import User, UserRole
from caseworker_app.db.session import (
    begin_writing,
    check_connection,
    create_engine_for_url,
    make_session_factory,
    normalize_url,
    read_only_reason,
    translated_errors,
)

from caseworker_app.services import audit, audit_chain, capabilities, changes
from caseworker_app.services.dto import ActorInfo, DatabaseInfo

#: ``session.info`` key of the :class:`Context` a unit of work runs for.
CONTEXT = "context"

#: Roles of the local single-user profile on SQLite: one person does everything on their own machine.
LOCAL_PROFILE_ROLES = (Role.CASEWORKER, Role.BAILIFF, Role.TEAMLEAD, Role.STELLA, Role.ADMIN)


class Database:
    """An opened database: engine, session factory and what kind of backend it is."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.session_factory: sessionmaker[Session] = make_session_factory(engine)
        # PostgreSQL writes the audit row of every changed row itself (and chains them at commit); the hooks
        # only name the operation and refuse unaudited changes.  SQLite: the hooks write the rows and the chain.
        audit.install(self.session_factory, rows_by_database=engine.dialect.name == "postgresql")
        if engine.dialect.name == "sqlite":
            audit_chain.install(self.session_factory)
        changes.install(self.session_factory)  # NOTIFY other clients on commit (PostgreSQL)
        #: what this database can do beyond the ledger, the same for every client (services/capabilities.py)
        self.capabilities = capabilities.install_all(capabilities.Capabilities())

    @classmethod
    def open(cls, url: str | None = None, *, require_schema: bool = True, create: bool = False) -> Database:
        """Open ``url`` (default: the SQLite file in the user data folder) and check it is usable.

        A SQLite file that does not exist is created only with ``create`` (``db upgrade``); an empty ``url``
        is refused, never taken as the default.
        """
        if url is None and not create and not paths.default_database_file(create=False).exists():
            # first start: neither the file nor its folder exist yet, and asking must not create them
            raise SchemaVersionError("database_missing", path=str(paths.default_database_file(create=False)))
        resolved = url if url is not None else paths.default_database_url(create=create)
        engine = create_engine_for_url(resolved, create=create)
        check_connection(engine)
        db = cls(resolved, engine)
        if require_schema:
            if db.is_shared:
                _require_schema_access(engine)
            migrate.require_current(engine)
        return db

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def read_only_reason(self) -> str | None:
        """Why this database can only be read (a read-only SQLite file or folder), in Dutch; None if writable."""
        return read_only_reason(self.engine)

    @property
    def is_shared(self) -> bool:
        return self.backend == "postgresql"

    @property
    def display_url(self) -> str:
        return normalize_url(self.url).render_as_string(hide_password=True).replace("+psycopg", "")

    def info(self) -> DatabaseInfo:
        status = migrate.schema_status(self.engine)
        return DatabaseInfo(
            url=self.display_url,
            backend=self.backend,
            schema_revision=status.current,
            head_revision=status.head,
            schema_state=status.state,
        )

    def login(self, login: str | None = None) -> Context:
        """The context of the acting user.

        On PostgreSQL the user *is* the database login (``session_user``); passing another login is
        refused, and nobody becomes a user by connecting: the first administrator is named by
        ``caseworker db upgrade --admin LOGIN``, every later user by ``caseworker user add``.  The roles are
        the group roles the login is a member of -- what the database itself enforces (a superuser, whom the
        database restricts in nothing, has the roles its ``user_roles`` rows list).  On SQLite the local
        profile is ``login`` or the operating-system user, created on first use with every role except
        auditor: a single-user file belongs to whoever holds it.
        """
        if self.is_shared:
            return Context(self, self._database_login(login))
        with translated_errors(self.url), self.session_factory.begin() as session:
            local = login or os.environ.get("CASEWORKER_USER") or _os_login()
            user = _user_by_login(session, local)
            if user is None and login is None:
                user = _bootstrap_user(session, local, LOCAL_PROFILE_ROLES)
            if user is None:
                raise UserFacingError("unknown_user", login=local)
            if not user.active:
                raise PermissionDeniedError("inactive_user", login=user.login)
            actor = ActorInfo(
                user_id=user.id,
                login=user.login,
                display_name=user.display_name,
                roles=frozenset(Role(r.role) for r in user.roles),
            )
        return Context(self, actor)

    def _database_login(self, login: str | None) -> ActorInfo:
        with translated_errors(), self.session_factory.begin() as session:
            db_login = str(session.execute(text("SELECT session_user")).scalar_one())
            if login and login != db_login:
                raise PermissionDeniedError("impersonation_refused", login=db_login)
            try:
                with session.begin_nested():
                    user = _user_by_login(session, db_login)
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) == "42501":  # no privilege on the schema: in no group role
                    raise UserFacingError("no_database_roles", login=db_login) from None
                raise
            if user is None:
                raise UserFacingError("unknown_user", login=db_login)
            if not user.active:
                raise PermissionDeniedError("inactive_user", login=user.login)
            conn = session.connection()
            if security.is_superuser(conn, db_login):
                roles = frozenset(Role(r.role) for r in user.roles)
            else:
                roles = security.member_roles(conn, db_login)
                if not roles:
                    raise UserFacingError("no_database_roles", login=db_login)
            return ActorInfo(user_id=user.id, login=user.login, display_name=user.display_name, roles=roles)

    def dispose(self) -> None:
        self.engine.dispose()


def _require_schema_access(engine: Engine) -> None:
    """A login in none of the database's group roles may not even see the schema (PostgreSQL then leaves it out of
    the search path): say that, rather than that the database looks empty."""
    with translated_errors(), engine.connect() as conn:
        schema, login = conn.execute(text("SELECT current_schema(), session_user")).one()
    if schema is None:
        raise UserFacingError("no_database_roles", login=login)


def _os_login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "lokaal"


def _user_by_login(session: Session, login: str) -> User | None:
    return session.execute(select(User).where(User.login == login)).scalar_one_or_none()


def _bootstrap_user(session: Session, login: str, roles: tuple[Role, ...]) -> User:
    """First use of a local SQLite profile: the person opening the file becomes its user (audited as themselves)."""
    audit.begin(session, login, audit.Operation("user.bootstrap"))
    user = User(login=login, display_name=login, roles=[UserRole(role=r.value) for r in roles])
    session.add(user)
    session.flush()
    audit.record(session, "user.bootstrap", "users", user.id, None, {"login": login, "roles": [r.value for r in roles]})
    return user


@dataclass(frozen=True)
class Context:
    """A database plus the acting user: what every service function takes first."""

    db: Database
    actor: ActorInfo

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(set(self.actor.roles))

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission, action: str | None = None) -> None:
        if permission not in self.permissions:
            roles = " of ".join(label(r) for r in roles_granting(permission))
            raise PermissionDeniedError(
                "permission_denied", login=self.actor.login, action=action or permission.value, roles=roles
            )

    @contextlib.contextmanager
    def unit_of_work(
        self, permission: Permission, *, operation: str, reason: str | None = None, action: str | None = None
    ) -> Iterator[Session]:
        """One transaction for one use case: checks ``permission``, audits every flush, commits or rolls back.

        ``operation`` is the use case's name (``"debtor.update"``), ``reason`` what the person gave as the reason,
        if anything; every audit row of the unit carries both and the unit's own id (see
        :class:`~caseworker_app.services.audit.Operation`).  ``action`` is the Dutch wording of what was refused
        when the permission is missing ("schuldenaar wijzigen").
        """
        op = audit.Operation(operation, reason)  # validates the name before anything is opened
        self.require(permission, action)
        with translated_errors(self.db.url), self.db.session_factory() as session:
            audit.begin(session, self.actor.login, op)
            session.info[CONTEXT] = self  # for what runs inside the caller's unit (services/decisions.py)
            with session.begin():
                begin_writing(session)  # SQLite: BEGIN IMMEDIATE, so concurrent writers wait instead of failing
                yield session

    @contextlib.contextmanager
    def read(self, permission: Permission = Permission.VIEW_CASES) -> Iterator[Session]:
        """A read-only unit: the same checks, and any accidental change is rolled back."""
        self.require(permission)
        with translated_errors(self.db.url), self.db.session_factory() as session:
            session.info["actor"] = self.actor.login
            session.info["read_only"] = True
            try:
                yield session
            finally:
                session.rollback()
