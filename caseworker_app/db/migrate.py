"""Alembic, driven from code: the migrations ship inside the package (no alembic.ini next to a frozen exe)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from caseworker_app import __version__
from caseworker_app.db.session import translated_errors
from caseworker_app.errors import SchemaVersionError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(engine: Engine) -> str | None:
    with translated_errors(), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    #: "current", "older", "newer" (unknown revision: written by a newer Caseworker) or "empty"
    state: str
    has_tables: bool


def schema_status(engine: Engine) -> SchemaStatus:
    current = current_revision(engine)
    head = head_revision()
    with translated_errors(), engine.connect() as conn:
        has_tables = bool(inspect(conn).get_table_names())
    if current is None:
        state = "empty"
    elif current == head:
        state = "current"
    else:
        known = {rev.revision for rev in script_directory().walk_revisions()}
        state = "older" if current in known else "newer"
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


def upgrade_to_head(engine: Engine) -> SchemaStatus:
    """Create or migrate the schema; refuses a database written by a newer Caseworker."""
    status = schema_status(engine)
    if status.state == "newer":
        raise SchemaVersionError(
            "schema_newer", current=status.current or "-", head=status.head, version=__version__
        )
    if status.state != "current":
        with translated_errors():
            command.upgrade(alembic_config(engine), "head")
    return schema_status(engine)
