"""The audit trail is hash-chained and ``caseworker audit verify`` finds tampering; on PostgreSQL the database writes
the audit rows itself, so a change made with ``psql`` is on the record too, with the database's actor and time."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from caseworker_app import cli
from caseworker_app.errors import PermissionDeniedError
from tests.factories import add_claim, add_debtor, open_context
from tests.security.support import Secured

from caseworker_app.domain.permissions import ROLE_PERMISSIONS, Permission
from caseworker_app.domain.types import Role

from caseworker_app.services import audit_chain, debtors
from caseworker_app.services.context import Context


@contextmanager
def _tamper(url: str) -> Iterator[Connection]:
    """What a superuser (or whoever holds the SQLite file) can do: switch the protections off and edit."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        engine = create_engine(parsed.set(drivername="postgresql+psycopg"), poolclass=NullPool)
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL session_replication_role = replica"))  # no triggers at all
            yield conn
    else:
        engine = create_engine(url, poolclass=NullPool)
        with engine.begin() as conn:
            for name in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all():
                conn.execute(text(f'DROP TRIGGER "{name}"'))
            yield conn
    engine.dispose()


def _verify_cli(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["audit", "verify", "--database", url])
    out, err = capsys.readouterr()
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in out + err, out + err
    return code, lines[0]


def _case(url: str) -> tuple[Context, int]:
    ctx = open_context(url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, payments=((dt.date(2025, 5, 1), "10.00"),))
    base = debtors.get_debtor(ctx, debtor_id)
    debtors.update_debtor(ctx, base, {"telefoon": "0612345678"})
    return ctx, debtor_id


def _audit_ids(url: str) -> list[int]:
    parsed = make_url(url)
    engine = create_engine(
        parsed.set(drivername="postgresql+psycopg") if parsed.get_backend_name() == "postgresql" else url,
        poolclass=NullPool,
    )
    try:
        with engine.connect() as conn:
            return [int(i) for i in conn.execute(text("SELECT id FROM audit_log ORDER BY id")).scalars()]
    finally:
        engine.dispose()


def test_an_untouched_trail_verifies(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ctx, _debtor = _case(db_url)
    report = audit_chain.verify(ctx)
    ids = _audit_ids(db_url)
    assert report.intact and report.rows == len(ids) > 5 and report.last_seq == len(ids)
    code, line = _verify_cli(db_url, capsys)
    assert code == 0 and "intact" in line and str(len(ids)) in line
    ctx.db.dispose()


@pytest.mark.parametrize("how", ["content", "removed", "forged", "tail"])
def test_verify_names_the_first_broken_link(db_url: str, how: str, capsys: pytest.CaptureFixture[str]) -> None:
    ctx, debtor_id = _case(db_url)
    ids = _audit_ids(db_url)
    victim = ids[len(ids) // 2]
    with _tamper(db_url) as conn:
        if how == "content":  # somebody rewrites what an audit row says
            conn.execute(text("UPDATE audit_log SET actor = 'iemand.anders' WHERE id = :id"), {"id": victim})
        elif how == "removed":  # a row and its link taken out of the middle
            conn.execute(text("DELETE FROM audit_chain WHERE audit_id = :id"), {"id": victim})
            conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": victim})
        elif how == "forged":  # a row slipped in without the chain
            victim = int(
                conn.execute(
                    text(
                        "INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id) "
                        "VALUES (CURRENT_TIMESTAMP, 'iemand.anders', 'update', 'debtors', :d) RETURNING id"
                    ),
                    {"d": str(debtor_id)},
                ).scalar_one()
            )
        else:  # the newest rows and links cut off (the head still names the old end)
            victim = ids[-1]
            conn.execute(text("DELETE FROM audit_chain WHERE audit_id = :id"), {"id": victim})
            conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": victim})
    report = audit_chain.verify(ctx)
    ctx.db.dispose()
    assert not report.intact
    code, line = _verify_cli(db_url, capsys)
    assert code == 1 and line.startswith("Auditketen verbroken")
    if how == "tail":
        assert "laatste schakels ontbreken" in line
    else:
        assert f"auditregel {victim}" in line or (how == "removed" and "ontbreekt" in line)
    if how == "content":
        assert report.broken_audit_id == victim and "gewijzigd" in line
    if how == "forged":
        assert "niet in de keten" in line


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_who_may_verify_the_chain(secured: Secured, role: Role) -> None:
    ctx = secured.context(role)
    try:
        if Permission.VIEW_AUDIT in ROLE_PERMISSIONS[role]:
            assert audit_chain.verify(ctx).intact
        else:
            with pytest.raises(PermissionDeniedError):
                audit_chain.verify(ctx)
            # and the database agrees: the chain is not theirs to read
            assert secured.refused(role, "SELECT row_hash FROM audit_chain") == "42501"
    finally:
        ctx.db.dispose()


def test_concurrent_writers_keep_one_unbroken_chain(pg_url: str) -> None:
    """Writers commit in some order; the links follow it and never fork (the head row is the one lock)."""
    builder = open_context(pg_url)
    bsns = ["111222333", "123456782", "249566758", "999993653", "100000009", "100000010"]
    ids = [add_debtor(builder, bsn=bsn, achternaam=f"Naam{i}") for i, bsn in enumerate(bsns)]
    errors: list[BaseException] = []

    def edit(debtor_id: int, worker: int) -> None:
        try:
            for round_ in range(5):
                base = debtors.get_debtor(builder, debtor_id)
                debtors.update_debtor(builder, base, {"telefoon": f"06{worker}{round_:07d}"})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(debtor_id, n)) for n, debtor_id in enumerate(ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    report = audit_chain.verify(builder)
    assert report.intact, report.message
    assert report.rows == len(_audit_ids(pg_url))
    builder.db.dispose()


#: for each role that writes: a raw statement it may run, on a row of table (entity, id column)
RAW_WRITES = {
    Role.CASEWORKER: ("UPDATE debtors SET telefoon = '0600000001' WHERE id = :id", "debtors"),
    Role.BAILIFF: ("UPDATE debtors SET telefoon = '0600000002' WHERE id = :id", "debtors"),
    Role.TEAMLEAD: ("UPDATE debtors SET telefoon = '0600000003' WHERE id = :id", "debtors"),
    Role.STELLA: ("UPDATE debtors SET telefoon = '0600000004' WHERE id = :id", "debtors"),
    Role.ADMIN: ("UPDATE users SET display_name = 'Iemand Anders' WHERE id = :id", "users"),
}


@pytest.mark.parametrize("role", list(RAW_WRITES), ids=[r.value for r in RAW_WRITES])
def test_a_change_made_with_psql_is_audited_by_the_database(secured: Secured, role: Role) -> None:
    sql, entity = RAW_WRITES[role]
    login = secured.logins[role]
    target = secured.debtor_id
    if entity == "users":
        target = int(str(secured.allowed(Role.AUDITOR, "SELECT id FROM users WHERE login = :l", {"l": login})[0][0]))
    with secured.engine(role).begin() as conn:  # no application, no operation: straight SQL
        conn.execute(text(sql), {"id": target})
        forged = conn.execute(
            text(
                "INSERT INTO audit_log (occurred_at, actor, action, entity) "
                "VALUES ('2001-01-01', 'iemand.anders', 'niets', 'debtors') RETURNING id"
            )
        ).scalar_one()
    rows = secured.allowed(
        Role.AUDITOR,
        "SELECT actor, action, operation, after FROM audit_log WHERE entity = :e AND entity_id = :id "
        "AND action = 'update' ORDER BY id DESC LIMIT 1",
        {"e": entity, "id": str(target)},
    )
    actor, action, operation, after = rows[0]
    assert (actor, action, operation) == (login, "update", None)  # the database's record, no operation named
    expected = sql.split("'")[1]  # the value this role wrote
    assert after in ({"telefoon": expected}, {"display_name": expected})
    stamped = secured.allowed(
        Role.AUDITOR,
        "SELECT actor, occurred_at > now() - interval '1 hour' FROM audit_log WHERE id = :id",
        {"id": forged},
    )
    assert stamped == [(login, True)]  # the database's actor and time, not the client's
    auditor = secured.context(Role.AUDITOR)
    try:
        assert audit_chain.verify(auditor).intact
    finally:
        auditor.db.dispose()
