"""Noticing that somebody else changed a debtor, so an open workspace can refresh itself.

Two mechanisms, one per backend:

* **Polling (SQLite, and a fallback everywhere)**: :func:`change_token` is one cheap SELECT that
  summarises everything the position is built from (debtor and household versions, claims' count and
  versions, bookings' and enforcement actions' count and highest id -- those two tables are append-only,
  so count + max id changes on every insert -- and the financial situations).  The workspace keeps the
  token it loaded with and compares every few seconds; :data:`DELETED` means the debtor is gone.
  :func:`global_marker` (the highest audit id) is cheaper still: poll it first and compute the debtor's
  token only when it moved.
* **LISTEN/NOTIFY (PostgreSQL)**: :func:`install` hooks a session factory so that every transaction that
  changed debtor-related rows sends ``pg_notify('caseworker_changes', 'debtor:<id>')`` just before it
  commits (PostgreSQL delivers it at commit, and drops it on rollback), and one ``'<kind>:<id>'`` per thing a
  service marked with :func:`mark` (``decision:17`` when a proposal is made, decided or withdrawn), so a queue
  refreshes when someone else acts.  :func:`listen` runs a dedicated psycopg connection on a background thread
  and calls back with the debtor id (``callback``) and with every kind and id (``on_change``); it reconnects
  by itself when the server goes away.  A bare number (the payload of older clients) is a debtor id.

Later capabilities with their own tables add to both without touching this module: any ORM object with a
``debtor_id`` or ``claim_id`` attribute is picked up by :func:`install`, and a :data:`TokenSource` registered
with the database's capabilities (``db.capabilities.add_token_source``) adds a scalar subquery to the token.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, ScalarSelect, String, bindparam, cast, event, func, literal, select
from sqlalchemy.orm import Session, sessionmaker

from caseworker_app.db.models import (
    AuditEntry,
    Booking,
    Claim,
    Debtor,
    EnforcementAction,
    FinancialSituation,
    Household,
)
from caseworker_app.db.session import normalize_url

if TYPE_CHECKING:
    from caseworker_app.services.context import Context

log = logging.getLogger("caseworker.changes")

CHANNEL = "caseworker_changes"
DELETED = "deleted"

# ------------------------------------------------------------------------------------------------- polling

#: A capability's part of the token: a scalar subquery, given the debtor-id expression, whose value changes when
#: the capability's rows for that debtor do (registered with ``db.capabilities.add_token_source``).
TokenSource = Callable[[ColumnElement[int]], ScalarSelect[Any]]


def _as_text(expr: Any) -> ColumnElement[str]:
    return func.coalesce(cast(expr, String), literal("-"))


def _token_statement(sources: Iterable[TokenSource] = ()) -> Any:
    debtor_id = bindparam("debtor_id", type_=Debtor.id.type)
    claim_ids = select(Claim.id).where(Claim.debtor_id == debtor_id)
    parts: list[Any] = [
        select(Debtor.version).where(Debtor.id == debtor_id).scalar_subquery(),
        select(Household.version)
        .where(Household.id == select(Debtor.household_id).where(Debtor.id == debtor_id).scalar_subquery())
        .scalar_subquery(),
        select(func.count()).where(Claim.debtor_id == debtor_id).scalar_subquery(),
        select(func.sum(Claim.version)).where(Claim.debtor_id == debtor_id).scalar_subquery(),
        select(func.count()).where(Booking.claim_id.in_(claim_ids)).scalar_subquery(),
        select(func.max(Booking.id)).where(Booking.claim_id.in_(claim_ids)).scalar_subquery(),
        select(func.count()).where(EnforcementAction.claim_id.in_(claim_ids)).scalar_subquery(),
        select(func.max(EnforcementAction.id)).where(EnforcementAction.claim_id.in_(claim_ids)).scalar_subquery(),
        select(func.count()).where(FinancialSituation.debtor_id == debtor_id).scalar_subquery(),
        select(func.sum(FinancialSituation.version)).where(FinancialSituation.debtor_id == debtor_id).scalar_subquery(),
    ]
    parts += [source(debtor_id) for source in sources]
    return select(*(_as_text(p) for p in parts))


def change_token(ctx: Context, debtor_id: int) -> str:
    """A short string that changes whenever anything the debtor's position is built from changes.

    :data:`DELETED` when the debtor does not exist (any more).  One SELECT; about a millisecond for a
    debtor with 5,000 bookings.
    """
    with ctx.read() as session:
        statement = _token_statement(ctx.db.capabilities.token_sources())
        row = session.execute(statement, {"debtor_id": debtor_id}).one()
    if row[0] == "-":
        return DELETED
    return ".".join(str(v) for v in row)


def global_marker(ctx: Context) -> int:
    """The highest audit-log id: moves on every audited change by anyone (an index-only lookup)."""
    with ctx.read() as session:
        return int(session.execute(select(func.coalesce(func.max(AuditEntry.id), 0))).scalar_one())


# ------------------------------------------------------------------------------------------ NOTIFY on commit

_CLAIMS = "_changes_claim_ids"
_DEBTORS = "_changes_debtor_ids"
_HOUSEHOLDS = "_changes_household_ids"
_MARKS = "_changes_marks"

#: The kind of a debtor's notification (``debtor:<id>``).
DEBTOR = "debtor"


def mark(session: Session, kind: str, ident: int) -> None:
    """Tell the other clients at commit that ``kind`` ``ident`` changed (``decision``, 17), besides the debtors the
    session's flushes touched.  For changes the ORM does not see, such as a row a database function updated."""
    if not kind or ":" in kind or not kind.isascii():
        raise ValueError(f"a change kind is a plain word: {kind!r}")
    session.info.setdefault(_MARKS, set()).add((kind, int(ident)))


def parse(payload: str) -> tuple[str, int] | None:
    """``"decision:17"`` -> ``("decision", 17)``; a bare number is a debtor id; anything else None."""
    kind, sep, ident = payload.rpartition(":")
    if not sep:
        kind = DEBTOR
    try:
        return (kind, int(ident)) if kind else None
    except ValueError:
        return None


def _collect(session: Session, _flush_context: Any) -> None:
    claims: set[int] = session.info.setdefault(_CLAIMS, set())
    debtors: set[int] = session.info.setdefault(_DEBTORS, set())
    households: set[int] = session.info.setdefault(_HOUSEHOLDS, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry):
            continue
        if isinstance(obj, Debtor):
            if obj.id is not None:
                debtors.add(obj.id)
            continue
        if isinstance(obj, Household):
            if obj.id is not None:
                households.add(obj.id)
            continue
        debtor_id = getattr(obj, "debtor_id", None)
        if isinstance(debtor_id, int):
            debtors.add(debtor_id)
            continue
        claim_id = getattr(obj, "claim_id", None)
        if isinstance(claim_id, int):
            claims.add(claim_id)


def changed_debtor_ids(session: Session) -> set[int]:
    """The debtors whose rows this session has flushed changes to so far (resolves claims and households)."""
    debtors = set(session.info.get(_DEBTORS, ()))
    claims = session.info.get(_CLAIMS, set())
    households = session.info.get(_HOUSEHOLDS, set())
    if claims:
        debtors.update(session.execute(select(Claim.debtor_id).where(Claim.id.in_(sorted(claims)))).scalars())
    if households:
        debtors.update(
            session.execute(select(Debtor.id).where(Debtor.household_id.in_(sorted(households)))).scalars()
        )
    return debtors


def _notify(session: Session) -> None:
    session.flush()  # pending changes are part of this commit: collect them too
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        _clear(session)
        return
    ids = changed_debtor_ids(session)
    marks = set(session.info.get(_MARKS, ()))
    ids |= {ident for kind, ident in marks if kind == DEBTOR}
    marks = {(kind, ident) for kind, ident in marks if kind != DEBTOR}
    _clear(session)
    payloads = [f"{kind}:{ident}" for kind, ident in sorted(marks)]
    payloads += [f"{DEBTOR}:{debtor_id}" for debtor_id in sorted(ids)]
    for payload in payloads:
        session.execute(select(func.pg_notify(CHANNEL, payload)))


def _clear(session: Session, *_args: Any) -> None:
    for key in (_CLAIMS, _DEBTORS, _HOUSEHOLDS, _MARKS):
        session.info.pop(key, None)


#: The session factories :func:`install` has hooked.  Not ``event.contains(factory, ...)``: SQLAlchemy keys its
#: listener registry by ``id(factory)`` and keeps the key after the factory is garbage-collected, so a new factory
#: that happens to get a dead one's address looked "already installed" and was left without hooks -- its commits
#: sent no NOTIFY at all (the flaky reconnect test: the listener was fine, nothing was ever sent to it).
_INSTALLED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def install(factory: sessionmaker[Session]) -> None:
    """Send ``pg_notify('caseworker_changes', debtor id)`` from every commit that changed a debtor's data.

    Idempotent.  Call it next to ``audit.install`` in ``Database.__init__``.
    """
    if factory in _INSTALLED:
        return
    _INSTALLED.add(factory)
    event.listen(factory, "after_flush", _collect)
    event.listen(factory, "before_commit", _notify)
    event.listen(factory, "after_rollback", _clear)
    event.listen(factory, "after_soft_rollback", _clear)


# ------------------------------------------------------------------------------------------------ LISTEN


def _conninfo(url: str) -> str:
    parsed = normalize_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError("LISTEN/NOTIFY needs PostgreSQL; on SQLite poll change_token() instead")
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """A background thread with its own PostgreSQL connection that LISTENs on :data:`CHANNEL`.

    ``callback(debtor_id)`` hears of changed debtors, ``on_change(kind, id)`` of everything (debtors too, as
    ``("debtor", id)``).  Both run **on the listener thread**: a GUI must hand it to its own thread (a Qt
    signal does that).  ``on_status(connected: bool, message: str)`` reports losing and regaining the
    server.  When the connection drops, the listener reconnects with a growing pause (up to 30 s) until
    :meth:`stop` is called; after reconnecting it reports ``connected=True`` so the client can refresh
    everything it may have missed.
    """

    def __init__(
        self,
        url: str,
        callback: Callable[[int], None] | None,
        *,
        on_status: Callable[[bool, str], None] | None = None,
        on_change: Callable[[str, int], None] | None = None,
        poll_interval: float = 0.5,
        keepalive_interval: float = 2.0,
    ) -> None:
        self._conninfo = _conninfo(url)
        self._callback = callback
        self._on_change = on_change
        self._on_status = on_status
        self._poll = poll_interval
        self._keepalive = keepalive_interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="caseworker-listen", daemon=True)
        self.connected = threading.Event()

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _status(self, connected: bool, message: str) -> None:
        if connected:
            self.connected.set()
        else:
            self.connected.clear()
        if self._on_status is not None:
            try:
                self._on_status(connected, message)
            except Exception:  # a broken status handler must not kill the listener
                log.exception("change listener status callback failed")

    def _run(self) -> None:
        import psycopg

        backoff = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5,
                                     application_name="caseworker-listen") as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._status(True, "verbonden")
                    backoff = 0.5
                    last_ping = time.monotonic()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=self._poll):
                            self._deliver(note.payload)
                            if self._stop.is_set():
                                break
                        if time.monotonic() - last_ping >= self._keepalive:
                            # A round trip now and then notices a server that went away without closing the
                            # socket.  A notification that arrives during it is kept by psycopg (>= 3.2.4) and
                            # handed out by the next notifies(); older versions dropped it (pyproject's floor).
                            conn.execute("SELECT 1")
                            last_ping = time.monotonic()
            except psycopg.Error as exc:
                if self._stop.is_set():
                    break
                self._status(False, str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 30.0)

    def _deliver(self, payload: str) -> None:
        parsed = parse(payload)
        if parsed is None:
            log.warning("ignoring notification with payload %r", payload)
            return
        kind, ident = parsed
        try:
            if kind == DEBTOR and self._callback is not None:
                self._callback(ident)
            if self._on_change is not None:
                self._on_change(kind, ident)
        except Exception:
            log.exception("change listener callback failed for %s %s", kind, ident)


def listen(
    url: str,
    callback: Callable[[int], None] | None,
    *,
    on_status: Callable[[bool, str], None] | None = None,
    on_change: Callable[[str, int], None] | None = None,
) -> ChangeListener:
    """Start listening for changes on PostgreSQL (``callback(debtor_id)``, ``on_change(kind, id)``); returns the
    running :class:`ChangeListener`."""
    return ChangeListener(url, callback, on_status=on_status, on_change=on_change).start()


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0, interval: float = 0.02) -> bool:
    """Small helper for tests and scripts: poll ``predicate`` until it holds or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()
