"""Alembic, driven from code: the migrations ship inside the package (no alembic.ini next to a frozen exe).

Checking a schema happens at every start, so it must be cheap: :data:`REVISIONS` lists the shipped
revisions in order and the check is one ``SELECT`` on ``alembic_version``.  Alembic itself (about
120 ms of imports) is loaded only to upgrade.  A test keeps :data:`REVISIONS` equal to the migration
scripts, so a new migration cannot be forgotten here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect, text

from caseworker_app import __version__
from caseworker_app.errors import SchemaVersionError

from caseworker_app.db.session import translated_errors

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Every shipped revision, oldest first; the last one is head.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return REVISIONS[-1]


def current_revision(engine: Engine) -> str | None:
    with translated_errors(), engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    #: "current", "older", "newer" (unknown revision: written by a newer Caseworker) or "empty"
    state: str
    has_tables: bool


def schema_status(engine: Engine) -> SchemaStatus:
    with translated_errors(), engine.connect() as conn:
        inspector = inspect(conn)
        has_tables = bool(inspector.get_table_names())
        current = None
        if inspector.has_table("alembic_version"):
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    head = head_revision()
    if current is None:
        state = "empty"
    elif current == head:
        state = "current"
    else:
        state = "older" if current in REVISIONS else "newer"
    return SchemaStatus(current=current, head=head, state=state, has_tables=has_tables)


def require_current(engine: Engine) -> None:
    """Refuse to work on a schema that is not exactly at head, with a message that says what to do."""
    status = schema_status(engine)
    if status.state == "current":
        return
    params = {"current": status.current or "-", "head": status.head, "version": __version__}
    if status.state == "newer":
        raise SchemaVersionError("schema_newer", **params)
    if status.state == "older":
        raise SchemaVersionError("schema_older", **params)
    raise SchemaVersionError("schema_missing", **params)


def upgrade_to_head(
    engine: Engine, *, role_prefix: str | None = None, report: dict[str, Any] | None = None
) -> SchemaStatus:
    """Create or migrate the schema, then re-apply privileges and triggers (``db/security.py``), in one transaction.

    Runs also when the schema is current: that is how ``db upgrade`` repairs privileges.  Refuses a database written
    by a newer Caseworker.  ``role_prefix`` names the group roles of a database being set up; ``report`` receives
    ``unlinked_logins`` (users of an older database that have no login on this server).
    """
    status = schema_status(engine)
    if status.state == "newer":
        raise SchemaVersionError("schema_newer", current=status.current or "-", head=status.head, version=__version__)
    cfg = alembic_config(engine)
    cfg.attributes["role_prefix"] = role_prefix
    with translated_errors():
        if status.state == "current":  # nothing to migrate: only the privileges (what env.py does after migrating)
            from caseworker_app.db import security

            with engine.begin() as conn:
                security.apply(conn, role_prefix=role_prefix)
        else:
            from alembic import command

            command.upgrade(cfg, "head")
    if report is not None:
        report["unlinked_logins"] = list(cfg.attributes.get("unlinked_logins", []))
    return schema_status(engine)
