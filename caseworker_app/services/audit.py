"""The audit trail: every change made through a service writes, in the same transaction, who/when/what.

A ``before_flush`` hook on the service session factory records an :class:`AuditEntry` for every
inserted, updated or deleted row of an audited table, with the values before and after.  A flush
with changes but without an actor in ``session.info`` is refused: no unaudited path exists.
Bulk loads that bypass the ORM (the demo generator) call :func:`record` themselves.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import get_history

from caseworker_app.db.models import AuditEntry, Base

#: Columns not worth an audit line of their own.
_IGNORED = frozenset({"version", "updated_at", "created_at", "search_name"})


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
    """Write one explicit audit row (for changes the ORM hook cannot see)."""
    actor = session.info.get("actor")
    if not actor:
        raise UnauditedChangeError(f"{action} on {entity} without an actor")
    session.add(
        AuditEntry(
            occurred_at=_now(),
            actor=actor,
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
    dirty = [o for o in session.dirty if isinstance(o, Base) and session.is_modified(o, include_collections=False)]
    deleted = [o for o in session.deleted if isinstance(o, Base) and not isinstance(o, AuditEntry)]
    if not (pending or dirty or deleted):
        return
    if session.info.get("read_only"):
        raise UnauditedChangeError("a read-only unit of work tried to change data")
    if not session.info.get("actor"):
        raise UnauditedChangeError("a change without an actor: use Context.unit_of_work()")
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
    for obj in deleted:
        record(session, "delete", obj.__tablename__, _pk(obj), _snapshot(obj), None)


def _after_flush(session: Session, _ctx: Any) -> None:
    # inserts get their primary key only during the flush: write their audit rows afterwards,
    # still inside the same transaction (they go out with the next flush or the commit)
    inserted = session.info.pop("_audit_inserted", [])
    for obj in inserted:
        record(session, "insert", obj.__tablename__, _pk(obj), None, _snapshot(obj))


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush_postexec", _after_flush)
