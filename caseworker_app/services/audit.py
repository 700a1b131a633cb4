"""The audit trail: every change made through a service writes, in the same transaction, who/when/what/why.

Hooks on the service session factory record an :class:`AuditEntry` for every inserted, updated or deleted
row, with the values before and after: updates in ``before_flush``; inserts after the flush (when they have
their key); deletes as the flush deletes them (``persistent_to_deleted``), so rows the ORM removes by itself
-- an orphan of a ``delete-orphan`` collection, a cascade -- are audited like an explicit ``session.delete``.

Every row names the **operation** it belongs to (:class:`Operation`: a fresh id per unit of work, the use
case's name and, where a person gave one, the reason), so one decision's rows can be found together.  A flush
with changes but without an actor and an operation in ``session.info`` is refused: no unaudited path exists
(:func:`begin` puts them there; ``Context.unit_of_work`` calls it).  Bulk loads that bypass the ORM (the demo
generator) and events that change no row (a PDF written) call :func:`record` themselves.  :func:`record` is
the one place the application makes an audit row.

On PostgreSQL the database writes the row-level audit itself (triggers from ``db/security.py``: a login with
``psql`` cannot change a row unaudited, and the database sets actor and time), reading the operation from session
settings :func:`install` sets at the start of each transaction; the hooks here then only refuse changes outside a
unit of work.  Every audit row is hash-chained at commit (``db/audit_chain.py``).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import get_history

from caseworker_app.db.grants import AUDIT_IGNORED_COLUMNS
from caseworker_app.db.models import AuditEntry, Base

#: Columns not worth an audit line of their own (the database's trigger leaves out the same ones).
_IGNORED = frozenset(AUDIT_IGNORED_COLUMNS)


class UnauditedChangeError(RuntimeError):
    """A bug: something tried to change data outside a service unit of work."""


def jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


_OPERATION_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_ACTOR = "actor"
_OPERATION = "operation"


@dataclass(frozen=True)
class Operation:
    """One unit of work as the audit names it.

    ``name`` is the use case, dotted and lower case (``"debtor.update"``, ``"measure.propose"``); ``reason`` is
    what the person gave as the reason (stripped; empty means none); ``id`` is new for every unit of work.
    """

    name: str
    reason: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or len(self.name) > 60 or not _OPERATION_NAME.match(self.name):
            raise ValueError(f"operation name must be dotted lower case, at most 60 characters: {self.name!r}")
        if self.reason is not None:
            reason = self.reason.strip()
            object.__setattr__(self, "reason", reason or None)


def begin(session: Session, actor: str, operation: Operation) -> None:
    """Mark ``session`` as working for ``actor`` in ``operation``: what every audit row of it will name."""
    session.info[_ACTOR] = actor
    session.info[_OPERATION] = operation


def operation_of(session: Session) -> Operation | None:
    found = session.info.get(_OPERATION)
    return found if isinstance(found, Operation) else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: object,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Write one audit row in ``session``'s transaction (also for changes the ORM hooks cannot see)."""
    actor = session.info.get(_ACTOR)
    operation = operation_of(session)
    if not actor or operation is None:
        raise UnauditedChangeError(f"{action} on {entity} without an actor and an operation")
    session.add(
        AuditEntry(
            occurred_at=_now(),
            actor=actor,
            operation_id=operation.id,
            operation=operation.name,
            reason=operation.reason,
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            before=None if before is None else {k: jsonable(v) for k, v in before.items()},
            after=None if after is None else {k: jsonable(v) for k, v in after.items()},
        )
    )


def _columns(obj: Base) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs if attr.key not in _IGNORED]


def _snapshot(obj: Base) -> dict[str, Any]:
    return {key: jsonable(getattr(obj, key)) for key in _columns(obj)}


def _pk(obj: Base) -> str | None:
    identity = inspect(obj).identity
    if identity:
        return ",".join(str(v) for v in identity)
    return None


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    pending = [o for o in session.new if isinstance(o, Base) and not isinstance(o, AuditEntry)]
    # a changed collection alone is a change too: a delete-orphan cascade deletes what it lost
    changed = [o for o in session.dirty if isinstance(o, Base) and session.is_modified(o)]
    dirty = [o for o in changed if session.is_modified(o, include_collections=False)]
    if not (pending or changed or session.deleted):
        return
    if session.info.get("read_only"):
        raise UnauditedChangeError("a read-only unit of work tried to change data")
    if not session.info.get(_ACTOR) or operation_of(session) is None:
        raise UnauditedChangeError("a change without an actor and an operation: use Context.unit_of_work()")
    inserted: list[Base] = session.info.setdefault("_audit_inserted", [])
    inserted.extend(pending)
    for obj in dirty:
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for key in _columns(obj):
            history = get_history(obj, key)
            if history.has_changes():
                before[key] = jsonable(history.deleted[0] if history.deleted else None)
                after[key] = jsonable(history.added[0] if history.added else None)
        if after:
            record(session, "update", obj.__tablename__, _pk(obj), before, after)


def _deleted(session: Session, obj: object) -> None:
    # called by the flush for every row it deletes, explicit or by cascade; the row is written after the flush
    if isinstance(obj, Base) and not isinstance(obj, AuditEntry):
        session.info.setdefault("_audit_deleted", []).append((obj.__tablename__, _pk(obj), _snapshot(obj)))


def _after_flush(session: Session, _ctx: Any) -> None:
    # inserts get their primary key only during the flush, and deletes by cascade are known only then: write
    # their audit rows afterwards, still inside the same transaction (they go out with the next flush or the commit)
    for table, pk, snapshot in session.info.pop("_audit_deleted", []):
        record(session, "delete", table, pk, snapshot, None)
    inserted = session.info.pop("_audit_inserted", [])
    for obj in inserted:
        record(session, "insert", obj.__tablename__, _pk(obj), None, _snapshot(obj))


def _check_only(session: Session, _ctx: Any, _instances: Any) -> None:
    """PostgreSQL: the database writes the rows; a change outside a unit of work is still refused here."""
    if not (session.new or session.dirty or session.deleted):
        return
    if session.info.get("read_only"):
        raise UnauditedChangeError("a read-only unit of work tried to change data")
    if not session.info.get(_ACTOR) or operation_of(session) is None:
        raise UnauditedChangeError("a change without an actor and an operation: use Context.unit_of_work()")


def _name_operation(session: Session, _transaction: Any, connection: Connection) -> None:
    """PostgreSQL: tell the database which operation this transaction is, for the audit rows its triggers write."""
    operation = operation_of(session)
    if operation is None:
        return
    connection.execute(
        text(
            "SELECT set_config('caseworker.operation_id', :id, true), set_config('caseworker.operation', :name, true), "
            "set_config('caseworker.reason', :reason, true)"
        ),
        {"id": operation.id, "name": operation.name, "reason": operation.reason or ""},
    )


def install(factory: sessionmaker[Session], *, rows_by_database: bool = False) -> None:
    """Hook ``factory``.  ``rows_by_database`` (PostgreSQL): the database's triggers write the audit row of every
    inserted, updated or deleted row (``db/security.py``), also for a login using ``psql``, and set its actor and
    time; the hooks then only name the operation (session settings the triggers read) and refuse changes outside a
    unit of work.  Explicit :func:`record` rows are written by the application on both backends."""
    if rows_by_database:
        event.listen(factory, "before_flush", _check_only)
        event.listen(factory, "after_begin", _name_operation)
        return
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "persistent_to_deleted", _deleted)
    event.listen(factory, "after_flush_postexec", _after_flush)
