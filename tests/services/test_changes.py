"""An open workspace learns that somebody else changed (or deleted) its debtor: token polling and LISTEN/NOTIFY."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from caseworker_app.errors import NotFoundError
from tests.factories import add_claim, add_debtor, open_context, writing

from caseworker_app.domain.types import BookingKind

from caseworker_app.db.models import Booking, Debtor, FinancialSituation
from caseworker_app.db.session import make_session_factory

from caseworker_app.services import changes, debtors, position
from caseworker_app.services.context import Context, Database


def _second_user(ctx: Context) -> Context:
    """Another client on the same database (its own engine and sessions)."""
    db = Database.open(ctx.db.url)
    changes.install(db.session_factory)
    return db.login(ctx.actor.login)


def test_token_moves_on_every_kind_of_change_and_only_for_that_debtor(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    mine = add_debtor(ctx)
    other = add_debtor(ctx, bsn="123456782", achternaam="Bakker")
    claim_id = add_claim(ctx, mine)
    other_ctx = _second_user(ctx)
    seen = {changes.change_token(ctx, mine)}
    mine_before_other = changes.change_token(ctx, mine)

    add_claim(other_ctx, other)  # someone works on another debtor
    assert changes.change_token(ctx, mine) == mine_before_other

    def changed() -> bool:
        token = changes.change_token(ctx, mine)
        fresh = token not in seen
        seen.add(token)
        return fresh

    with writing(other_ctx) as session:
        session.add(Booking(claim_id=claim_id, kind=BookingKind.BETALING, amount=Decimal("-10.00"),
                            booking_date=dt.date(2026, 6, 1), created_by="x"))
    assert changed()
    base = debtors.get_debtor(other_ctx, mine)
    debtors.update_debtor(other_ctx, base, {"telefoon": "0612345678"})
    assert changed()
    with writing(other_ctx) as session:
        session.add(FinancialSituation(debtor_id=mine, peildatum=dt.date(2026, 10, 1), inkomen_maand=Decimal("1800")))
    assert changed()
    add_claim(other_ctx, mine)
    assert changed()
    assert not changed()  # nothing happened: the same token again


def test_a_deleted_debtor_is_reported_not_crashed(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    assert changes.change_token(ctx, debtor_id) != changes.DELETED
    with writing(_second_user(ctx)) as session:
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        session.delete(debtor)
    assert changes.change_token(ctx, debtor_id) == changes.DELETED
    with pytest.raises(NotFoundError) as info:
        position.get_position(ctx, debtor_id)
    assert "bestaat niet (meer)" in info.value.message


def test_global_marker_moves_with_any_audited_change(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    before = changes.global_marker(ctx)
    add_debtor(ctx)
    assert changes.global_marker(ctx) > before


def test_changed_debtors_are_resolved_from_claims_and_bookings(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    changes.install(ctx.db.session_factory)
    first = add_debtor(ctx)
    claim_id = add_claim(ctx, first)
    second = add_debtor(ctx, bsn="123456782", achternaam="Bakker")
    with writing(ctx) as session:
        session.add(Booking(claim_id=claim_id, kind=BookingKind.BETALING, amount=Decimal("-5.00"),
                            booking_date=dt.date(2026, 6, 1), created_by="x"))
        session.flush()
        assert changes.changed_debtor_ids(session) == {first}
        debtor = session.get(Debtor, second)
        assert debtor is not None
        debtor.telefoon = "0201234567"
        session.flush()
        assert changes.changed_debtor_ids(session) == {first, second}


def test_every_new_session_factory_collects_changes_even_at_a_dead_ones_address(migrated_db_url: str) -> None:
    """A process that opens databases one after another (tests, a reconnect, another database) keeps notifying.

    SQLAlchemy's listener registry is keyed by ``id()``: a factory created where a collected one lived used to look
    "already installed" and got no hooks, so its commits told nobody (seen as the flaky LISTEN reconnect test).
    """
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    claim_id = add_claim(ctx, debtor_id)
    addresses: set[int] = set()
    reused = 0
    for _attempt in range(30):
        factory = make_session_factory(ctx.db.engine)
        reused += id(factory) in addresses
        addresses.add(id(factory))
        changes.install(factory)
        with factory() as session, session.begin():
            session.add(Booking(claim_id=claim_id, kind=BookingKind.BETALING, amount=Decimal("-1.00"),
                                booking_date=dt.date(2026, 6, 1), created_by="x"))
            session.flush()
            assert changes.changed_debtor_ids(session) == {debtor_id}, f"factory {_attempt} has no hooks"
            session.rollback()
        if reused:
            break
        del factory, session
        gc.collect()
    assert reused, "no address was reused, so this run proves nothing about the registry"


def test_install_is_idempotent_and_harmless_on_sqlite(migrated_sqlite_url: str) -> None:
    ctx = open_context(migrated_sqlite_url)
    changes.install(ctx.db.session_factory)
    changes.install(ctx.db.session_factory)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id)  # commits go through the hook without a NOTIFY
    with pytest.raises(ValueError, match="PostgreSQL"):
        changes.listen(migrated_sqlite_url, lambda _id: None)


@pytest.fixture
def pg_ctx(migrated_pg_url: str) -> Context:
    ctx = open_context(migrated_pg_url)
    changes.install(ctx.db.session_factory)
    return ctx


def test_notify_reaches_a_listener_on_commit_only(pg_ctx: Context) -> None:
    ctx = pg_ctx
    debtor_id = add_debtor(ctx)
    other_id = add_debtor(ctx, bsn="123456782", achternaam="Bakker")
    received: list[int] = []
    got = threading.Event()

    def on_change(changed_id: int) -> None:
        received.append(changed_id)
        got.set()

    listener = changes.listen(ctx.db.url, on_change)
    try:
        assert listener.connected.wait(10), "listener did not connect"
        other = _second_user(ctx)
        with pytest.raises(RuntimeError), writing(other) as session:
            debtor = session.get(Debtor, debtor_id)
            assert debtor is not None
            debtor.telefoon = "0611111111"
            session.flush()
            raise RuntimeError("the user cancels: rolled back, so nobody may hear of it")
        add_claim(other, other_id)
        assert got.wait(10)
        assert changes.wait_until(lambda: other_id in received, 5)
        assert debtor_id not in received
        received.clear()
        base = debtors.get_debtor(other, debtor_id)
        debtors.update_debtor(other, base, {"telefoon": "0622222222"})
        assert changes.wait_until(lambda: received == [debtor_id], 10), received
    finally:
        listener.stop()
    assert not listener.running


def test_listener_reconnects_after_the_connection_drops(pg_ctx: Context) -> None:
    ctx = pg_ctx
    debtor_id = add_debtor(ctx)
    received: list[int] = []
    statuses: list[bool] = []
    listener = changes.listen(ctx.db.url, received.append, on_status=lambda ok, _msg: statuses.append(ok))
    try:
        assert listener.connected.wait(10)
        admin = create_engine(ctx.db.engine.url, poolclass=NullPool)
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE application_name = 'caseworker-listen' AND datname = current_database()"))
            conn.commit()
        admin.dispose()
        assert changes.wait_until(lambda: False in statuses, 10), statuses
        assert changes.wait_until(lambda: statuses[-1] is True, 15), statuses
        # The client refreshes everything on connected=True (a change made while the connection was down is
        # never notified); what must hold is that changes flow again: the first change after the reconnect is heard.
        add_claim(ctx, debtor_id)
        assert changes.wait_until(lambda: debtor_id in received, 10), statuses
    finally:
        listener.stop()


def test_a_notification_that_arrives_while_the_listener_runs_a_statement_is_kept(pg_ctx: Context) -> None:
    """The listener's keepalive is a statement on the listening connection: what arrives meanwhile must not be lost.

    psycopg before 3.2.4 dropped notifications consumed by another statement when no handler was registered.
    """
    import psycopg

    conninfo = changes._conninfo(pg_ctx.db.url)
    with psycopg.connect(conninfo, autocommit=True) as listening, psycopg.connect(conninfo, autocommit=True) as other:
        listening.execute(f"LISTEN {changes.CHANNEL}")
        notifier = threading.Timer(0.3, lambda: other.execute("SELECT pg_notify(%s, '42')", (changes.CHANNEL,)))
        notifier.start()
        listening.execute("SELECT pg_sleep(1)")  # the notification is committed while this runs
        notifier.join()
        payloads = [note.payload for note in listening.notifies(timeout=2, stop_after=1)]
    assert payloads == ["42"]
