"""Schema status and upgrades: the only services that work on a database that is not at head."""

from __future__ import annotations

from caseworker_app.db import migrate
from caseworker_app.db.session import check_connection, create_engine_for_url

from caseworker_app.services.context import Database
from caseworker_app.services.dto import DatabaseInfo


def open_for_admin(url: str | None) -> Database:
    db = Database.open(url, require_schema=False)
    return db


def status(url: str | None) -> DatabaseInfo:
    db = open_for_admin(url)
    try:
        return db.info()
    finally:
        db.dispose()


def upgrade(url: str | None) -> DatabaseInfo:
    """Create or migrate the schema to head.  Needs no user: it is the first thing run on a new database.

    On SQLite a backup copy of the file is made before an existing schema is migrated.
    """
    db = open_for_admin(url)
    try:
        before = migrate.schema_status(db.engine)
        if before.state == "older" and db.backend == "sqlite":
            _backup_sqlite(db)
        migrate.upgrade_to_head(db.engine)
        return db.info()
    finally:
        db.dispose()


def _backup_sqlite(db: Database) -> None:
    import sqlite3
    from pathlib import Path

    path = db.engine.url.database
    if not path or path == ":memory:":
        return
    target = Path(path).with_suffix(f".before-{migrate.head_revision()}.sqlite")
    with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def ping(url: str) -> None:
    check_connection(create_engine_for_url(url))
