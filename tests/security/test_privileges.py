"""The privileges in the database are exactly the map's, after a fresh set-up and after an upgrade from every
earlier revision; ``db upgrade`` re-applies them (idempotent, and it repairs a hand-made change)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.factories import make_login, open_context, set_up

from caseworker_app.db import audit_chain as audit_chain_db
from caseworker_app.db import grants, migrate, security
from caseworker_app.db.session import create_engine_for_url

from caseworker_app.services import admin, audit_chain
from caseworker_app.services.context import Database

PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def privilege_problems(conn: Connection) -> list[str]:
    """Every way the database differs from db/grants.py (empty: it matches)."""
    names = security.role_names(conn)
    problems: list[str] = []
    if not names:
        return ["no security_roles"]
    owner = names[security.OWNER]
    tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
    for table, access in grants.TABLE_ACCESS.items():
        if table not in tables:
            problems.append(f"{table}: missing")
            continue
        expected = grants.privileges_of(table)
        for role in security.APP_ROLES:
            group = names[role]
            for privilege in PRIVILEGES:
                has = conn.execute(
                    text("SELECT has_table_privilege(:g, :t, :p)"), {"g": group, "t": table, "p": privilege}
                ).scalar()
                want = any(r.value == role for r in expected.get(privilege, ()))
                if bool(has) != want:
                    problems.append(f"{table}: {role} {privilege} is {has}, map says {want}")
            for column, permissions in access.select_columns.items():
                has = conn.execute(
                    text("SELECT has_column_privilege(:g, :t, :c, 'SELECT')"), {"g": group, "t": table, "c": column}
                ).scalar()
                want = any(r.value == role for r in grants.roles_for(permissions)) or any(
                    r.value == role for r in expected["SELECT"]
                )
                if bool(has) != want:
                    problems.append(f"{table}.{column}: {role} SELECT is {has}, map says {want}")
    # UPDATE per column: the whole row where the map grants UPDATE, only update_columns where it limits it
    updatable = {
        (str(table), str(column), str(group))
        for table, column, group in conn.execute(
            text(
                "SELECT c.relname, a.attname, g.rolname FROM pg_class c "
                "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                "CROSS JOIN pg_roles g WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
                "AND g.rolname = ANY(:groups) AND has_column_privilege(g.oid, c.oid, a.attnum, 'UPDATE')"
            ),
            {"groups": [names[r] for r in security.APP_ROLES]},
        )
    }
    wanted_updates: set[tuple[str, str, str]] = set()
    columns_of: dict[str, list[str]] = {}
    for table, column in conn.execute(
        text(
            "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
            "AND a.attnum > 0 AND NOT a.attisdropped WHERE c.relnamespace = current_schema()::regnamespace "
            "AND c.relkind = 'r'"
        )
    ):
        columns_of.setdefault(str(table), []).append(str(column))
    for table in grants.TABLE_ACCESS:
        whole = grants.privileges_of(table)["UPDATE"]
        limited = grants.column_updates_of(table)
        for column in columns_of.get(table, []):
            for role in (*whole, *limited.get(column, ())):
                wanted_updates.add((table, column, names[role.value]))
    for table, column, group in sorted(updatable ^ wanted_updates):
        has = (table, column, group) in updatable
        problems.append(f"{table}.{column}: {group} UPDATE is {has}, map says {not has}")
    owner_attributes = conn.execute(
        text("SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = :n"), {"n": owner}
    ).one()
    if any(owner_attributes):
        problems.append(f"owner {owner} has attributes {tuple(owner_attributes)}: nobody may log in as it")
    rows = conn.execute(
        text(
            "SELECT c.relname, pg_get_userbyid(c.relowner), c.relacl::text FROM pg_class c "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'S', 'v', 'm') "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"
        )
    ).all()
    for relname, relowner, acl in rows:
        if relowner != owner:
            problems.append(f"{relname}: owned by {relowner}, not {owner}")
        if acl and any(item.startswith("=") for item in acl.strip("{}").split(",")):
            problems.append(f"{relname}: PUBLIC has privileges ({acl})")
    schema_owner = conn.execute(
        text("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = current_schema()")
    ).scalar()
    if schema_owner != owner:
        problems.append(f"schema owned by {schema_owner}")
    for name, proowner, definer, config, acl in conn.execute(
        text(
            "SELECT p.proname, pg_get_userbyid(p.proowner), p.prosecdef, p.proconfig::text, p.proacl::text "
            "FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'caseworker%'"
        )
    ):
        if proowner != owner:
            problems.append(f"function {name}: owned by {proowner}")
        if definer and "search_path" not in (config or ""):
            problems.append(f"function {name}: SECURITY DEFINER without a fixed search_path")
        if acl is None or any(item.startswith("=") for item in acl.strip("{}").split(",")):
            problems.append(f"function {name}: PUBLIC may execute it ({acl})")
    for role in security.APP_ROLES:
        attributes = conn.execute(
            text(
                "SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles "
                "WHERE rolname = :n"
            ),
            {"n": names[role]},
        ).one()
        if any(attributes):
            problems.append(f"group role {names[role]} has attributes {attributes}")
        if conn.execute(
            text("SELECT caseworker_is_member(:g, :o)"), {"g": names[role], "o": owner}
        ).scalar():
            problems.append(f"group role {names[role]} is a member of the owner")
    return problems


def _problems(url: str) -> list[str]:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return privilege_problems(conn)
    finally:
        engine.dispose()


def test_a_fresh_set_up_has_exactly_the_maps_privileges(pg_url: str) -> None:
    set_up(pg_url)
    assert _problems(pg_url) == []


def test_a_database_administrator_without_superuser_sets_up_a_new_database(pg_url: str) -> None:
    """docs/security.md: the first set-up needs CREATEROLE, later upgrades membership of the owner role."""
    dba_url = _dba(pg_url)
    chief = make_login(pg_url, "chef")
    info = admin.upgrade(dba_url, admin_login=chief)
    assert info.schema_state == "current" and _problems(pg_url) == []
    ctx = Database.open(make_url(pg_url).set(username=chief).render_as_string(hide_password=False)).login()
    try:
        assert {r.value for r in ctx.actor.roles} == {"admin"}
    finally:
        ctx.db.dispose()
    assert admin.upgrade(dba_url).schema_state == "current" and _problems(pg_url) == []


def test_db_upgrade_repairs_privileges_changed_by_hand(pg_url: str) -> None:
    set_up(pg_url)
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    with engine.begin() as conn:
        names = security.role_names(conn)
        conn.execute(text(f'GRANT UPDATE, DELETE ON bookings TO "{names["caseworker"]}"'))
        conn.execute(text("GRANT ALL ON audit_log TO PUBLIC"))
        conn.execute(text("ALTER TABLE debtors OWNER TO CURRENT_USER"))
        conn.execute(text("DROP TRIGGER trg_bookings_append_only ON bookings"))
    engine.dispose()
    assert len(_problems(pg_url)) >= 4
    set_up(pg_url)  # "al actueel", and the privileges are right again
    assert _problems(pg_url) == []
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            triggers = set(conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).scalars())
    finally:
        engine.dispose()
    assert "trg_bookings_append_only" in triggers


EARLIER = migrate.REVISIONS[:-1]
#: the revision that brought group roles (before it, users and roles lived only in users/user_roles)
SECURITY_REVISION = next(
    r.revision for r in migrate.script_directory().walk_revisions() if (r.path or "").endswith("_database_security.py")
)


def _seed_old_users(conn: Connection, logins: dict[str, str], revision: str) -> None:
    """Users as a database of that revision had them (the first connection bootstrapped an admin)."""
    for login, role in logins.items():
        user_id = conn.execute(
            text("INSERT INTO users (login, display_name, active, version) VALUES (:l, :l, true, 1) RETURNING id"),
            {"l": login},
        ).scalar_one()
        conn.execute(text("INSERT INTO user_roles (user_id, role) VALUES (:u, :r)"), {"u": user_id, "r": role})


def _dba(pg_url: str) -> str:
    """A database administrator who is no superuser: CREATEROLE and the owner of the (empty) database."""
    login = make_login(pg_url, "dba")
    database = make_url(pg_url).database
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'ALTER ROLE "{login}" CREATEROLE'))
            conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO "{login}"'))
    finally:
        engine.dispose()
    return make_url(pg_url).set(username=login).render_as_string(hide_password=False)


@pytest.mark.parametrize("who", ["superuser", "dba"])
@pytest.mark.parametrize("revision", EARLIER)
def test_upgrade_from_every_earlier_revision_ends_with_the_maps_privileges(
    pg_url: str, revision: str, who: str
) -> None:
    """Every revision in migrate.REVISIONS but head (new ones are covered as they are added), upgraded by a superuser
    and by a database administrator with only CREATEROLE: the privileges are the map's, users keep their roles."""
    url = pg_url if who == "superuser" else _dba(pg_url)
    engine = create_engine_for_url(url)
    command.upgrade(migrate.alembic_config(engine), revision)
    assert migrate.current_revision(engine) == revision
    old_admin = make_login(pg_url, "oudbeheer")
    old_worker = make_login(pg_url, "oudwerker")
    logins: dict[str, Any] = {old_admin: "admin", old_worker: "caseworker", "vertrokken.collega": "caseworker"}
    old_style = revision < SECURITY_REVISION
    with engine.begin() as conn:
        _seed_old_users(conn, logins, revision)
        if not old_style:  # a secured database: its users hold their roles as group-role memberships already
            for login, role in ((old_admin, "admin"), (old_worker, "caseworker")):
                conn.execute(text("SELECT caseworker_grant_role(:l, :r)"), {"l": login, "r": role})
        conn.execute(
            text(
                "INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id, after) "
                "VALUES (now(), 'oud', 'insert', 'users', '1', '{\"login\": \"é 😀\"}'), "
                "(now(), 'oud', 'update', 'debtors', '2', NULL)"
            )
        )
    engine.dispose()
    info = admin.upgrade(url)  # the old database has its admin: none needs naming
    assert info.schema_state == "current"
    assert _problems(pg_url) == []
    if old_style:
        assert info.unlinked_logins == ("vertrokken.collega",)
    for login, role in ((old_worker, "caseworker"), (old_admin, "admin")):
        ctx = Database.open(make_url(pg_url).set(username=login).render_as_string(hide_password=False)).login()
        try:  # the old user keeps its role, now (still) in the database
            assert {r.value for r in ctx.actor.roles} == {role}
        finally:
            ctx.db.dispose()
    again = admin.upgrade(url)  # idempotent
    assert again.schema_state == "current" and _problems(pg_url) == []
    admin_ctx = Database.open(make_url(pg_url).set(username=old_admin).render_as_string(hide_password=False)).login()
    try:
        report = audit_chain.verify(admin_ctx)  # the rows from before the chain were chained by the upgrade
        assert report.intact and report.rows >= 2, report.message
    finally:
        admin_ctx.db.dispose()


@pytest.mark.parametrize("revision", EARLIER)
def test_sqlite_upgrade_from_every_earlier_revision_keeps_its_triggers(sqlite_url: str, revision: str) -> None:
    engine = create_engine_for_url(sqlite_url)
    command.upgrade(migrate.alembic_config(engine), revision)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id, after) "
                "VALUES ('2026-01-01 10:00:00.000000', 'oud', 'insert', 'users', '1', '{\"login\": \"é 😀\"}')"
            )
        )
        if inspect(conn).has_table("audit_chain"):
            # from the chain's revision on, the application chains what it writes: the old row was written by it
            audit_chain_db.chain_sqlite(conn, [1])
    engine.dispose()
    set_up(sqlite_url)
    ctx = open_context(sqlite_url)
    try:
        report = audit_chain.verify(ctx)
        assert report.intact and report.rows >= 2, report.message
    finally:
        ctx.db.dispose()
    engine = create_engine_for_url(sqlite_url)
    try:
        with engine.connect() as conn:
            triggers = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    finally:
        engine.dispose()
    for table in grants.append_only_tables():
        assert {f"trg_{table}_no_update", f"trg_{table}_no_delete"} <= triggers
