"""Engines and sessions for both backends, and the translation of driver errors into Dutch messages.

SQLite (the embedded single-user default): WAL, foreign keys on, a busy timeout, and real
transactions (pysqlite's own BEGIN handling is switched off as the SQLAlchemy docs advise, so reads
and SAVEPOINTs behave).  PostgreSQL (shared use): psycopg 3, pre-ping, a connect timeout.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from caseworker_app.errors import (
    CaseworkerError,
    PermissionDeniedError,
    StaleRecordError,
    StorageError,
    UserFacingError,
    ValidationError,
)

from caseworker_app.db import sqlite_file

SQLITE_BUSY_TIMEOUT_MS = 5000
PG_CONNECT_TIMEOUT_S = 5


def normalize_url(url: str) -> URL:
    """Parse a user-given database URL; ``postgresql://`` means psycopg 3, a bare path means SQLite."""
    raw = url.strip()
    if not raw:
        raise ValidationError("invalid_database_url", url=url, reason="het adres is leeg")
    if "://" not in raw:  # a plain file path
        raw = f"sqlite:///{Path(raw).expanduser().resolve()}"
    try:
        parsed = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise ValidationError("invalid_database_url", url=url, reason="onbekende vorm") from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend == "sqlite":
        if parsed.drivername not in ("sqlite", "sqlite+pysqlite"):
            raise ValidationError(
                "invalid_database_url", url=url, reason="alleen de standaard SQLite-driver wordt ondersteund"
            )
    else:
        raise ValidationError(
            "invalid_database_url", url=url, reason=f"'{backend}' wordt niet ondersteund; gebruik sqlite of postgresql"
        )
    return parsed


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_engine_for_url(url: str, *, echo: bool = False, create: bool = True) -> Engine:
    """An engine for ``url``, configured for its backend.  Connecting happens lazily.

    SQL parameters (BSNs, amounts, notes) never appear in log lines or exception texts (``hide_parameters``).
    SQLite: the file is checked first (:mod:`caseworker_app.db.sqlite_file`): ``create=False`` refuses a file
    that does not exist (``SchemaVersionError('database_missing')``) instead of creating an empty one; a new
    file is created owner-only; a file that cannot be written is opened read-only (:func:`read_only_reason`).
    """
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        target = None
        if database and database != ":memory:" and not database.startswith("file:"):
            target = sqlite_file.prepare(database, create=create)
        timeout_s = SQLITE_BUSY_TIMEOUT_MS / 1000
        if target is not None:
            file = target
            engine = create_engine(
                parsed, echo=echo, hide_parameters=True, creator=lambda: sqlite_file.connect(file, timeout_s)
            )
            _SQLITE_FILES[engine] = target
        else:
            engine = create_engine(
                parsed,
                echo=echo,
                hide_parameters=True,
                connect_args={"timeout": timeout_s, "check_same_thread": False},
            )
        read_only = target is not None and target.read_only
        event.listen(engine, "connect", _sqlite_read_only_on_connect if read_only else _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(
        parsed,
        echo=echo,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S, "application_name": "caseworker"},
    )


#: the checked SQLite file behind each engine (engines of PostgreSQL and in-memory databases have none)
_SQLITE_FILES: weakref.WeakKeyDictionary[Engine, sqlite_file.SqliteFile] = weakref.WeakKeyDictionary()


def read_only_reason(engine: Engine) -> str | None:
    """Why nothing can be written through ``engine`` (Dutch), or None when it can."""
    target = _SQLITE_FILES.get(engine)
    return target.read_only_reason if target is not None else None


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # take over transaction control from pysqlite (see "Serializable isolation / Savepoints" in the SQLAlchemy docs)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _sqlite_read_only_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # a read-only file: no journal-mode change (that is a write); query_only as a second line of defence
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


#: Connection execution option: ``"immediate"`` makes the SQLite transaction start with ``BEGIN IMMEDIATE``.
SQLITE_BEGIN = "caseworker_sqlite_begin"


def _sqlite_on_begin(conn: Any) -> None:
    # The SQLAlchemy recipe for pysqlite ("Serializable isolation / Savepoints / Transactional DDL"): we emit
    # BEGIN ourselves.  A writer emits BEGIN IMMEDIATE: it takes the write lock at once, waiting up to the busy
    # timeout for another writer.  A plain (deferred) BEGIN that reads first and writes later cannot wait: in
    # WAL mode SQLite answers "database is locked" at once when another connection committed after its first
    # read (the snapshot is stale; the busy handler is not called), which is what made 8 writers on different
    # debtors fail 30 times out of 40.
    mode = conn.get_execution_options().get(SQLITE_BEGIN)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "immediate" else "BEGIN")


def begin_writing(session: Session) -> None:
    """Start ``session``'s transaction as a writer; call it first thing in a unit of work that may write.

    SQLite: the transaction starts with ``BEGIN IMMEDIATE``, so it holds the database's single write lock
    from its first read to its commit -- concurrent writers queue behind each other (up to the busy timeout,
    :data:`SQLITE_BUSY_TIMEOUT_MS`) instead of failing, and what it read cannot change before it writes.
    PostgreSQL: nothing changes (rows are locked where a service asks, see ``services/concurrency.py``).
    Read-only units skip this and stay deferred, so readers never wait for writers (WAL).
    A database opened read-only refuses here, before anything is done, with the reason.
    """
    reason = read_only_reason(session.get_bind())  # type: ignore[arg-type]
    if reason is not None:
        raise StorageError("database_read_only", reason=reason)
    session.connection(execution_options={SQLITE_BEGIN: "immediate"})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services turn rows into DTOs inside the transaction anyway, and
    # nothing should lazy-load after commit
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


def translate_error(exc: BaseException, *, url: str | None = None) -> CaseworkerError:
    """Turn a driver or SQLAlchemy error into one of ours with a Dutch message."""
    if isinstance(exc, CaseworkerError):
        return exc
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc) else type(exc).__name__
    low = detail.lower()
    if getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501":  # insufficient_privilege
        # the database itself refused (issue 12): a permission matter, not a storage fault
        return PermissionDeniedError("database_refused", detail=detail)
    if isinstance(exc, IntegrityError):
        return UserFacingError("storage_error", detail=f"de gegevens passen niet bij wat er al is ({detail})")
    if isinstance(exc, OperationalError | DBAPIError | sqlite3.Error):
        if "database is locked" in low or "database table is locked" in low:
            return StorageError("database_locked")
        if "file is not a database" in low or "malformed" in low:
            return StorageError("database_corrupt", detail=detail)
        if "readonly" in low or "read-only" in low:
            return StorageError("database_read_only", reason="het bestand of de map is alleen-lezen")
        if "disk is full" in low or "no space left" in low:
            return StorageError("disk_full")
        if "disk i/o error" in low and _sqlite_disk_full(url):
            # SQLite reports a full disk while growing its -shm or -wal as a plain I/O error
            return StorageError("disk_full")
        if (
            "unable to open database" in low
            or "connection" in low
            or "could not translate host" in low
            or "timeout" in low
            or "does not exist" in low
            or "password authentication" in low
            or "role" in low
        ):
            return StorageError("database_unreachable", detail=detail)
        return StorageError("storage_error", detail=detail)
    if isinstance(exc, SQLAlchemyError):
        return StorageError("storage_error", detail=detail)
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return StorageError("disk_full")
        return StorageError("storage_error", detail=exc.strerror or type(exc).__name__)
    raise exc


#: less free space than this on the database's disk turns a SQLite "disk I/O error" into "the disk is full"
DISK_FULL_BELOW_BYTES = 1_000_000


def _sqlite_disk_full(url: str | None) -> bool:
    try:
        parsed = normalize_url(url) if url else None
        if parsed is None or parsed.get_backend_name() != "sqlite" or not parsed.database:
            return False
        fs = os.statvfs(Path(parsed.database).expanduser().parent)
    except (CaseworkerError, OSError, AttributeError):
        return False
    return fs.f_bavail * fs.f_frsize < DISK_FULL_BELOW_BYTES


@contextlib.contextmanager
def translated_errors(url: str | None = None) -> Iterator[None]:
    """Re-raise database errors as :class:`StorageError`/:class:`UserFacingError`."""
    try:
        yield
    except CaseworkerError:
        raise
    except StaleDataError as exc:
        # a row changed between read and write: a conflict to retry or resolve (services/concurrency.py),
        # never a storage fault and never an unhandled exception
        raise StaleRecordError(str(exc)) from exc
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        raise translate_error(exc, url=url) from exc


def check_connection(engine: Engine) -> None:
    """Connect once, so an unreachable server or unreadable file is reported before anything else."""
    with translated_errors(engine.url.render_as_string(hide_password=False)), engine.connect() as conn:
        conn.execute(text("SELECT 1"))
