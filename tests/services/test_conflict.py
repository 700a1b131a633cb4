"""Two people editing the same debtor: disjoint changes are both kept, clashing ones are shown, nothing is lost."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm.exc import StaleDataError

from caseworker_app.errors import ConflictError, StaleRecordError
from tests.factories import add_debtor, open_context, writing

from caseworker_app.db.models import Debtor

from caseworker_app.services import audit, concurrency, debtors
from caseworker_app.services.context import Context, Database

#: eight valid BSNs (11-proef)
EIGHT_BSNS = [f"{n:09d}" for n in range(100_000_000, 100_001_000)
              if sum(int(c) * w for c, w in zip(f"{n:09d}", (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0][:8]


def test_disjoint_edits_are_merged_without_asking(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    mine = debtors.get_debtor(ctx, debtor_id)
    theirs = debtors.get_debtor(ctx, debtor_id)
    debtors.update_debtor(ctx, theirs, {"telefoon": "030-1234567"})
    result = debtors.update_debtor(ctx, mine, {"email": "jan@example.nl"})
    assert result.merged_fields == ("telefoon",)
    saved = debtors.get_debtor(ctx, debtor_id)
    assert (saved.telefoon, saved.email) == ("030-1234567", "jan@example.nl")
    assert saved.version == mine.version + 2


def test_same_field_conflict_is_reported_field_by_field(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    mine = debtors.get_debtor(ctx, debtor_id)
    other = debtors.get_debtor(ctx, debtor_id)
    debtors.update_debtor(ctx, other, {"straat": "Lange Nieuwstraat", "huisnummer": 5, "telefoon": "0301"})
    with pytest.raises(ConflictError) as info:
        debtors.update_debtor(ctx, mine, {"straat": "Korte Jansstraat", "huisnummer": 5, "email": "a@b.nl"})
    conflicts = {c.field: c for c in info.value.conflicts}
    # huisnummer: both typed 5 -> no conflict; email: only mine -> no conflict
    assert set(conflicts) == {"straat"}
    c = conflicts["straat"]
    assert (c.base, c.mine, c.theirs) == ("Oudegracht", "Korte Jansstraat", "Lange Nieuwstraat")
    assert "intussen gewijzigd" in info.value.message
    # nothing of mine was written
    saved = debtors.get_debtor(ctx, debtor_id)
    assert (saved.straat, saved.email, saved.version) == ("Lange Nieuwstraat", None, info.value.current_version)
    # the user chooses their own street; saving on the refreshed base keeps the other's phone number
    result = debtors.update_debtor(ctx, saved, {"straat": "Korte Jansstraat", "email": "a@b.nl"})
    assert (result.debtor.straat, result.debtor.email, result.debtor.telefoon) == ("Korte Jansstraat", "a@b.nl", "0301")


def test_stale_update_is_detected_by_the_database(pg_url: str) -> None:
    """Two sessions on PostgreSQL load version 1; the second UPDATE finds version 2 and fails."""
    ctx = open_context(pg_url)
    debtor_id = add_debtor(ctx)
    factory = ctx.db.session_factory
    with factory() as first, factory() as second:
        for session in (first, second):
            audit.begin(session, ctx.actor.login, audit.Operation("test.stale_update"))
        a = first.get(Debtor, debtor_id)
        b = second.get(Debtor, debtor_id)
        assert a is not None and b is not None and a.version == b.version == 1
        a.telefoon = "first"
        first.commit()
        b.telefoon = "second"
        with pytest.raises(StaleDataError):
            second.commit()
    assert debtors.get_debtor(ctx, debtor_id).telefoon == "first"


def test_concurrent_service_saves_on_postgres_lose_nothing(pg_url: str) -> None:
    """Two users save different fields at the same moment from separate connections: both survive."""
    ctx_a = open_context(pg_url)
    debtor_id = add_debtor(ctx_a)
    ctx_b = Database.open(pg_url).login()
    base = debtors.get_debtor(ctx_a, debtor_id)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    fields = {"a": ("telefoon", "0201111111"), "b": ("email", "b@example.nl")}

    def save(ctx: object, key: str) -> None:
        try:
            barrier.wait()
            for _ in range(3):  # a conflict would be a bug here: the fields differ
                debtors.update_debtor(ctx, base, {fields[key][0]: fields[key][1]})  # type: ignore[arg-type]
                break
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(c, k)) for c, k in ((ctx_a, "a"), (ctx_b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, errors
    saved = debtors.get_debtor(ctx_a, debtor_id)
    assert (saved.telefoon, saved.email) == ("0201111111", "b@example.nl")
    assert saved.version == base.version + 2


# ------------------------------------------------------------------------------- real concurrent writers

EDITS = [
    ("telefoon", "0201111111"), ("email", "a@example.nl"), ("straat", "Kerkstraat"), ("woonplaats", "Zeist"),
    ("huisnummer_toevoeging", "A"), ("voornamen", "Piet"), ("tussenvoegsel", "van"), ("huisnummer", 7),
    ("postcode", "1234AB"), ("land", "BE"),
]


def _run_at_once(count: int, work: Callable[[int], object]) -> tuple[list[object], list[BaseException]]:
    """Run ``work(i)`` in ``count`` threads released at the same moment; results and exceptions."""
    barrier = threading.Barrier(count)
    results: list[object] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        try:
            value = work(i)
        except BaseException as exc:  # collected and asserted on below
            with lock:
                errors.append(exc)
        else:
            with lock:
                results.append(value)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads), "a writer hung"
    return results, errors


def _separate_clients(url: str, count: int) -> list[Context]:
    """``count`` clients, each with its own engine and connection pool, as separate programs would be."""
    return [Database.open(url).login() for _ in range(count)]


def test_twenty_concurrent_edits_of_different_fields_are_all_saved(db_url: str) -> None:
    """Before the row lock and BEGIN IMMEDIATE: 11-14 StaleDataErrors on PostgreSQL, 18 "locked" on SQLite."""
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    base = debtors.get_debtor(ctx, debtor_id)
    clients = _separate_clients(db_url, 20)
    try:
        # 20 writers over 10 fields: two writers of one field type the same value, which is no conflict
        results, errors = _run_at_once(
            20, lambda i: debtors.update_debtor(clients[i], base, dict([EDITS[i % len(EDITS)]]))
        )
    finally:
        for client in clients:
            client.db.dispose()
    assert errors == []
    assert len(results) == 20
    saved = debtors.get_debtor(ctx, debtor_id)
    expected = dict(EDITS)
    assert {field: getattr(saved, field) for field in expected} == expected
    assert saved.version == base.version + 20  # every save was a real update on top of the previous one
    assert saved.display_name == "Piet van Jansen"  # derived columns follow the merged names


def test_concurrent_clashing_edits_end_in_one_save_and_clear_conflicts(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    base = debtors.get_debtor(ctx, debtor_id)
    clients = _separate_clients(db_url, 8)
    try:
        results, errors = _run_at_once(
            8, lambda i: debtors.update_debtor(clients[i], base, {"telefoon": f"06{i:08d}"})
        )
    finally:
        for client in clients:
            client.db.dispose()
    assert len(results) == 1
    assert len(errors) == 7 and all(isinstance(e, ConflictError) for e in errors), errors
    saved = debtors.get_debtor(ctx, debtor_id)
    winner = results[0].debtor.telefoon  # type: ignore[attr-defined]
    assert saved.telefoon == winner
    for exc in errors:
        assert isinstance(exc, ConflictError)
        (conflict,) = exc.conflicts
        assert (conflict.field, conflict.base, conflict.theirs) == ("telefoon", None, winner)


def test_eight_sqlite_writers_on_different_debtors_wait_instead_of_failing(migrated_sqlite_url: str) -> None:
    """BEGIN IMMEDIATE: the busy timeout applies.  Before: 29-34 of 40 saves got "database is locked" at once."""
    ctx = open_context(migrated_sqlite_url)
    ids = [add_debtor(ctx, bsn=bsn) for bsn in EIGHT_BSNS]
    clients = _separate_clients(migrated_sqlite_url, 8)

    def five_saves(i: int) -> int:
        for round_ in range(5):
            base = debtors.get_debtor(clients[i], ids[i])
            debtors.update_debtor(clients[i], base, {"telefoon": f"06{i}{round_}000000"})
        return i

    try:
        results, errors = _run_at_once(8, five_saves)
    finally:
        for client in clients:
            client.db.dispose()
    assert errors == [] and sorted(results) == list(range(8))  # type: ignore[type-var]
    for i, debtor_id in enumerate(ids):
        saved = debtors.get_debtor(ctx, debtor_id)
        assert (saved.telefoon, saved.version) == (f"06{i}4000000", 6)


def test_sqlite_readers_do_not_wait_for_a_writer(migrated_sqlite_url: str) -> None:
    """Read-only units stay deferred: while another program holds the write lock, showing a debtor still works."""
    ctx = open_context(migrated_sqlite_url)
    debtor_id = add_debtor(ctx)
    other = sqlite3.connect(migrated_sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE debtors SET telefoon = 'uncommitted'")
    try:
        assert debtors.get_debtor(ctx, debtor_id).telefoon is None
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_unit_of_work_that_writes_takes_the_sqlite_write_lock_first(migrated_sqlite_url: str) -> None:
    ctx = open_context(migrated_sqlite_url)
    seen: list[str] = []

    def statements(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", statements)
    with ctx.read() as session:
        session.execute(text("SELECT 1"))
    with writing(ctx) as session:
        session.execute(text("SELECT 1"))
    assert seen == ["BEGIN", "SELECT 1", "BEGIN IMMEDIATE", "SELECT 1"]


def test_a_row_changed_under_a_unit_of_work_is_retried_then_explained() -> None:
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise StaleRecordError("UPDATE statement on table 'debtors' expected to update 1 row(s); 0 were matched")
        return "saved"

    assert concurrency.retrying(flaky) == "saved" and len(calls) == 3

    def always_stale() -> str:
        raise StaleRecordError()

    with pytest.raises(StaleRecordError) as info:
        concurrency.retrying(always_stale)
    assert "niets opgeslagen" in info.value.message and "Probeer het opnieuw" in info.value.message


def test_stale_data_never_leaves_a_unit_of_work_untranslated(pg_url: str) -> None:
    """A writer that does not lock (raw SQL) bumps the version mid-unit: a Dutch line, never StaleDataError."""
    ctx = open_context(pg_url)
    debtor_id = add_debtor(ctx)
    with pytest.raises(StaleRecordError), writing(ctx) as session:
        row = session.get(Debtor, debtor_id)
        assert row is not None
        with ctx.db.engine.connect() as raw:
            raw.execute(text("UPDATE debtors SET version = version + 1 WHERE id = :id"), {"id": debtor_id})
            raw.commit()
        row.telefoon = "0600000000"
        session.flush()
    assert debtors.get_debtor(ctx, debtor_id).telefoon is None
