"""The shipped migrations are the schema: one linear chain, and head equals the models on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from caseworker_app.errors import SchemaVersionError
from tests.factories import set_up

from caseworker_app.db import migrate
from caseworker_app.db.models import DATABASE_ONLY_INDEXES, Base
from caseworker_app.db.session import create_engine_for_url

from caseworker_app.services import admin
from caseworker_app.services.context import Database


def test_revision_chain_is_linear() -> None:
    script = migrate.script_directory()
    heads = script.get_heads()
    assert len(heads) == 1, f"more than one head: {heads}"
    revisions = list(script.walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for rev in revisions:
        assert not isinstance(rev.down_revision, tuple | list), f"{rev.revision} is a merge"
        # dated file names keep the folder in the order a reader expects
        assert rev.path is not None and rev.path.rsplit("/", 1)[-1][:4].isdigit()


def test_the_cheap_revision_list_matches_the_migration_scripts() -> None:
    """db/migrate.REVISIONS is what every start checks against without loading Alembic."""
    script = migrate.script_directory()
    in_order = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(in_order) == migrate.REVISIONS
    assert script.get_current_head() == migrate.head_revision()


def test_upgrade_head_matches_models(db_url: str) -> None:
    set_up(db_url)
    engine = create_engine_for_url(db_url)
    db_only = DATABASE_ONLY_INDEXES[engine.dialect.name]

    def include(obj: object, name: str | None, type_: str, reflected: bool, _compare_to: object) -> bool:
        return not (type_ == "index" and reflected and name in db_only)

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": include})
        diff = compare_metadata(context, Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("debtors")}
    assert db_only <= indexes  # the database-only indexes really are there


def test_downgrade_and_upgrade_again(db_url: str) -> None:
    from alembic import command

    engine = create_engine_for_url(db_url)
    migrate.upgrade_to_head(engine)
    command.downgrade(migrate.alembic_config(engine), "base")
    assert migrate.current_revision(engine) is None
    migrate.upgrade_to_head(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


@pytest.mark.parametrize("table", ["bookings", "enforcement_actions", "audit_log"])
def test_history_tables_refuse_update_and_delete(db_url: str, table: str) -> None:
    from tests.factories import add_claim, add_debtor, open_context

    ctx = open_context(db_url)
    add_claim(ctx, add_debtor(ctx), payments=((dt.date(2025, 6, 1), "10.00"),), steps=())  # one booking at least
    engine = create_engine_for_url(db_url)
    with engine.begin() as conn:
        if table == "enforcement_actions":
            conn.execute(
                text(
                    "INSERT INTO enforcement_actions (claim_id, step, action_date, stuit, costs, created_by) "
                    "SELECT id, 'aanmaning', dagtekening, true, 0, 'x' FROM claims"
                )
            )
        count = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    assert count > 0
    for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == count


def test_newer_schema_is_refused_with_a_clear_message(db_url: str) -> None:
    set_up(db_url)
    engine = create_engine_for_url(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    with pytest.raises(SchemaVersionError) as info:
        Database.open(db_url)
    assert info.value.code == "schema_newer"
    assert "nieuwere Caseworker" in info.value.message
    with pytest.raises(SchemaVersionError):
        set_up(db_url)  # never "upgrades" a schema it does not know


def test_empty_database_asks_for_an_upgrade(db_url: str) -> None:
    with pytest.raises(SchemaVersionError) as info:
        Database.open(db_url)
    # a SQLite file that does not exist yet is not created by opening it (only db upgrade creates it)
    assert info.value.code == ("database_missing" if db_url.startswith("sqlite") else "schema_missing")
    assert "caseworker db upgrade" in info.value.message
    set_up(db_url)
    status = admin.status(db_url)
    assert status.schema_state == "current"
    Database.open(db_url)  # now fine
