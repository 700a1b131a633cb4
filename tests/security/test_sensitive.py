"""Special personal data (AVG art. 9): no role reads it with SELECT; reading goes through the inzage functions,
which only work after an inzage row in the audit log is committed -- so no read of it goes unlogged, even by a
client that rolls its transaction back.

The mechanism is tested on a small table of this test's own, declared sensitive in a copy of the map; the real
``omstandigheden`` table of issue 11 is tested as real logins in test_contacts_rules.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from caseworker_app.errors import PermissionDeniedError
from tests.factories import add_debtor, login_as, make_login, open_context

from caseworker_app.domain.permissions import ROLE_PERMISSIONS, Permission
from caseworker_app.domain.types import Role

from caseworker_app.db import grants, security
from caseworker_app.db.models import AuditEntry

from caseworker_app.services import audit_chain, inzage, users

TABLE = "test_omstandigheden"
ACCESS = {
    **grants.TABLE_ACCESS,
    TABLE: grants.TableAccess(
        select=(Permission.RECORD_CONTACT,),
        insert=(Permission.RECORD_CONTACT,),
        append_only=True,
        sensitive=True,
        debtor_column="debtor_id",
        actor_columns=("created_by",),
    ),
}


@dataclass
class Setup:
    url: str
    debtor_id: int
    other_debtor_id: int
    engines: dict[Role, Engine]


@pytest.fixture
def setup(pg_url: str) -> Iterator[Setup]:
    builder = open_context(pg_url)
    debtor_id = add_debtor(builder)
    other = add_debtor(builder, bsn="123456782", achternaam="Visser")
    server = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    with server.begin() as conn:
        conn.execute(
            text(
                f"CREATE TABLE {TABLE} (id serial PRIMARY KEY, debtor_id integer NOT NULL REFERENCES debtors(id), "
                "code text NOT NULL, created_by text NOT NULL)"
            )
        )
        conn.execute(
            text(
                f"INSERT INTO {TABLE} (debtor_id, code, created_by) "
                "VALUES (:d, 'ziekte', 'x'), (:o, 'schuldhulp', 'x')"
            ),
            {"d": debtor_id, "o": other},
        )
        security.apply(conn, table_access=ACCESS)
    engines: dict[Role, Engine] = {}
    for role in Role:
        login = make_login(pg_url, role.value)
        users.add_user(builder, login, role.value, (role,))
        engines[role] = create_engine(
            make_url(pg_url).set(drivername="postgresql+psycopg", username=login), poolclass=NullPool
        )
    builder.db.dispose()
    try:
        yield Setup(pg_url, debtor_id, other, engines)
    finally:
        for engine in engines.values():
            engine.dispose()
        server.dispose()


def _inzage(engine: Engine, debtor_id: int) -> int:
    with engine.begin() as conn:  # committed: that is the point
        return int(conn.execute(text(f"SELECT caseworker_inzage_{TABLE}(:d)"), {"d": debtor_id}).scalar_one())


def test_no_role_reads_it_with_select(setup: Setup) -> None:
    for role, engine in setup.engines.items():
        with pytest.raises(DBAPIError, match="permission denied"), engine.connect() as conn:
            conn.execute(text(f"SELECT code FROM {TABLE}"))
        assert role  # every role, including the ones that may read it through the functions


def test_a_committed_inzage_lets_its_login_read_that_debtor_only(setup: Setup) -> None:
    engine = setup.engines[Role.CASEWORKER]
    inzage = _inzage(engine, setup.debtor_id)
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT debtor_id, code FROM caseworker_read_{TABLE}(:i)"), {"i": inzage}).all()
    assert [tuple(r) for r in rows] == [(setup.debtor_id, "ziekte")]
    server = create_engine(make_url(setup.url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    try:
        with server.connect() as conn:
            log = conn.execute(
                text("SELECT actor, action, entity, entity_id FROM audit_log WHERE id = :i"), {"i": inzage}
            ).one()
    finally:
        server.dispose()
    login = make_url(str(engine.url)).username
    assert tuple(log) == (login, "inzage", TABLE, str(setup.debtor_id))  # logged by the database, as that login


def test_reading_in_the_transaction_that_logs_it_is_refused(setup: Setup) -> None:
    """BEGIN; log; read; ROLLBACK would read without a trace: the read demands a committed inzage row."""
    engine = setup.engines[Role.CASEWORKER]
    with engine.connect() as conn:
        trans = conn.begin()
        inzage = conn.execute(text(f"SELECT caseworker_inzage_{TABLE}(:d)"), {"d": setup.debtor_id}).scalar_one()
        with pytest.raises(DBAPIError, match="not committed"):
            conn.execute(text(f"SELECT * FROM caseworker_read_{TABLE}(:i)"), {"i": inzage}).all()
        trans.rollback()


def test_another_logins_inzage_does_not_open_the_data(setup: Setup) -> None:
    inzage = _inzage(setup.engines[Role.CASEWORKER], setup.debtor_id)
    with pytest.raises(DBAPIError, match="no fresh inzage"), setup.engines[Role.BAILIFF].connect() as conn:
        conn.execute(text(f"SELECT * FROM caseworker_read_{TABLE}(:i)"), {"i": inzage}).all()
    with pytest.raises(DBAPIError, match="no fresh inzage"), setup.engines[Role.BAILIFF].connect() as conn:
        conn.execute(text(f"SELECT * FROM caseworker_read_{TABLE}(:i)"), {"i": 1}).all()  # not an inzage row


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_who_may_read_it(setup: Setup, role: Role) -> None:
    """The roles in the table's ``select`` (here: who records contacts) read through the functions; auditor and
    admin cannot even log an inzage."""
    engine = setup.engines[role]
    if Permission.RECORD_CONTACT in ROLE_PERMISSIONS[role]:
        inzage = _inzage(engine, setup.other_debtor_id)
        with engine.connect() as conn:
            codes = conn.execute(text(f"SELECT code FROM caseworker_read_{TABLE}(:i)"), {"i": inzage}).scalars()
            assert list(codes) == ["schuldhulp"]
        return
    with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
        conn.execute(text(f"SELECT caseworker_inzage_{TABLE}(:d)"), {"d": setup.debtor_id})
    with pytest.raises(DBAPIError, match="permission denied"), engine.connect() as conn:
        conn.execute(text(f"SELECT * FROM caseworker_read_{TABLE}(1)")).all()


def test_a_recording_role_inserts_and_gets_only_the_key_back(setup: Setup) -> None:
    engine = setup.engines[Role.BAILIFF]
    with engine.begin() as conn:
        new_id = conn.execute(
            text(f"INSERT INTO {TABLE} (debtor_id, code, created_by) VALUES (:d, 'dakloosheid', 'x') RETURNING id"),
            {"d": setup.debtor_id},
        ).scalar_one()
    assert new_id
    with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
        conn.execute(
            text(f"INSERT INTO {TABLE} (debtor_id, code, created_by) VALUES (:d, 'x', 'x') RETURNING code"),
            {"d": setup.debtor_id},
        )
    with pytest.raises(DBAPIError), engine.begin() as conn:  # history: no UPDATE (privilege and trigger)
        conn.execute(text(f"UPDATE {TABLE} SET code = 'x'"))


def test_the_service_logs_the_inzage_then_reads_on_both_backends(db_url: str) -> None:
    """services/inzage.read_sensitive: the way a service reads such a table (PostgreSQL: log, commit, read)."""
    builder = open_context(db_url)
    debtor_id = add_debtor(builder)
    if db_url.startswith("postgresql"):
        server = create_engine(make_url(db_url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    else:
        server = create_engine(db_url, poolclass=NullPool)
    with server.begin() as conn:
        conn.execute(
            text(
                f"CREATE TABLE {TABLE} (id integer PRIMARY KEY, debtor_id integer NOT NULL REFERENCES debtors(id), "
                "code text NOT NULL, created_by text NOT NULL)"
            )
        )
        conn.execute(text(f"INSERT INTO {TABLE} VALUES (1, :d, 'ziekte', 'x')"), {"d": debtor_id})
        if db_url.startswith("postgresql"):
            security.apply(conn, table_access=ACCESS)
    server.dispose()
    worker = login_as(builder, db_url, "werker", Role.CASEWORKER)
    auditor = login_as(builder, db_url, "controle", Role.AUDITOR)
    try:
        rows = inzage.read_sensitive(worker, TABLE, debtor_id, Permission.RECORD_CONTACT, debtor_column="debtor_id")
        assert [(r["debtor_id"], r["code"]) for r in rows] == [(debtor_id, "ziekte")]
        with pytest.raises(PermissionDeniedError):
            inzage.read_sensitive(auditor, TABLE, debtor_id, Permission.RECORD_CONTACT, debtor_column="debtor_id")
        with builder.db.session_factory() as session:
            logged = session.execute(
                select(AuditEntry.actor, AuditEntry.entity_id, AuditEntry.operation).where(
                    AuditEntry.action == "inzage"
                )
            ).all()
        assert [tuple(r) for r in logged] == [(worker.actor.login, str(debtor_id), f"inzage.{TABLE}")]
        assert audit_chain.verify(builder).intact
    finally:
        worker.db.dispose()
        auditor.db.dispose()
        builder.db.dispose()
