"""Saving a versioned record without losing anybody's change: the one mechanism for every mutable row.

Every mutable record (debtors, households, financial situations, claims, users, and whatever comes next)
has a ``version`` column that SQLAlchemy raises on each UPDATE (``version_id_col``).  Two kinds of
concurrency meet here, and each gets its own tool:

1. **Across the user's think time** (minutes: the editor was open while a colleague saved) -- optimistic.
   The editor keeps what it loaded: the ``base`` values and ``base_version``.  On save,
   :func:`merge_fields` does a three-way merge per field: a field only the other person changed keeps
   their value, a field only this user changed is written, a field both changed to *different* values
   raises :class:`~caseworker_app.errors.ConflictError` listing base / mine / theirs, and nothing is
   written.  The user chooses, and saves again on the refreshed record.

2. **Inside the saving transaction** (milliseconds: twenty people press Save at once) -- pessimistic.
   :func:`lock_for_update` reads the row *for writing*: on PostgreSQL ``SELECT … FOR UPDATE``, which waits
   for any other transaction holding that row and then returns what it committed; on SQLite the unit of
   work already holds the database's write lock (``BEGIN IMMEDIATE``, see ``db/session.py``).  So the
   version the merge compares with cannot change before our UPDATE, and the UPDATE's version check always
   passes.  The lock lasts only for the save, never while a user looks at a screen.

Without (2), a read-then-UPDATE under READ COMMITTED lets another transaction commit in between: the UPDATE
finds a newer version and SQLAlchemy raises ``StaleDataError`` -- of 20 concurrent edits of different fields
of one debtor, 11 to 14 failed that way, because a retry loop of five attempts cannot outlast twenty writers.

:func:`retrying` is the remaining safety net: should a row still change under a unit of work (a writer
that does not lock, such as raw SQL), the translated :class:`~caseworker_app.errors.StaleRecordError` makes
the whole unit run again, a few times, before the user sees one Dutch line saying nothing was saved.

Use :func:`update_versioned` for the usual case -- one row, a dict of edited fields::

    saved = concurrency.update_versioned(
        ctx, Household, household_id,
        entity="Huishouden", permission=Permission.EDIT_DEBTOR, action="huishouden wijzigen",
        base=base_values, base_version=base.version, changes=cleaned,
        result=lambda session, row: to_dto(row),
    )
    saved.result, saved.merged_fields

or the three pieces (:func:`retrying`, :func:`lock_for_update`, :func:`merge_fields`) directly when a
use case writes more than one row.  Lock rows in one fixed order (parent before child, lower id first) when
a unit of work locks several, so two of them cannot wait for each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy.orm import Session

from caseworker_app.errors import ConflictError, FieldConflict, NotFoundError, StaleRecordError

from caseworker_app.domain.permissions import Permission

if TYPE_CHECKING:
    from caseworker_app.services.context import Context

R = TypeVar("R")
M = TypeVar("M")

#: How often a whole unit of work runs again after a row changed under it (the lock makes this rare).
ATTEMPTS = 4


@dataclass(frozen=True)
class Merge:
    """What to write after a three-way merge."""

    changes: dict[str, Any]  # the fields this user changed, to be written
    merged_fields: tuple[str, ...]  # fields somebody else changed since ``base``; their values stay


def merge_fields(
    entity: str,
    key: object,
    *,
    base: Mapping[str, Any],
    base_version: int,
    mine: Mapping[str, Any],
    current: Mapping[str, Any],
    current_version: int,
) -> Merge:
    """Three-way merge of ``mine`` (the user's values) onto ``current`` (what is stored now), both from ``base``.

    ``base`` and ``current`` hold every editable field; ``mine`` only the fields the user submitted (a value
    equal to ``base`` means "not changed by me").  Raises :class:`ConflictError` (``entity``/``key`` name the
    record in the Dutch message) when a field was changed by both to different values.
    """
    changed = {k: v for k, v in mine.items() if v != base[k]}
    if current_version == base_version:
        return Merge(changes=changed, merged_fields=())
    conflicts = [
        FieldConflict(field=k, base=base[k], mine=v, theirs=current[k])
        for k, v in changed.items()
        if current[k] != base[k] and current[k] != v
    ]
    if conflicts:
        raise ConflictError(entity, key, conflicts, current_version)
    merged = tuple(k for k in current if current[k] != base[k])
    return Merge(changes=changed, merged_fields=merged)


def lock_for_update(session: Session, model: type[M], key: object, *, entity: str, options: Iterable[Any] = ()) -> M:
    """Load ``model`` ``key`` for writing in this unit of work, or raise :class:`NotFoundError`.

    PostgreSQL: ``SELECT … FOR UPDATE`` -- waits while another transaction holds the row, then sees what it
    committed; nobody else can change the row until this unit of work ends.  SQLite: a plain read; the unit
    of work's ``BEGIN IMMEDIATE`` already excludes every other writer.  ``populate_existing`` makes sure a row
    already in the session is refreshed from the locked read.
    """
    row = session.get(model, key, options=list(options), with_for_update=True, populate_existing=True)
    if row is None:
        raise NotFoundError(entity, key)
    return row


def retrying(work: Callable[[], R], *, attempts: int = ATTEMPTS) -> R:
    """Run ``work`` -- one complete unit of work, opened inside it -- again when a row changed under it.

    Only :class:`StaleRecordError` is retried (nothing was written: the unit of work rolled back).  After
    ``attempts`` runs it is raised: a Dutch "nothing was saved, try again" for the user, never a traceback.
    A :class:`ConflictError` is not retried: it needs the user's choice.
    """
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except StaleRecordError:
            if attempt >= attempts:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class Saved(Generic[R]):
    """What :func:`update_versioned` returns: the caller's result and the fields kept from another's save."""

    result: R
    merged_fields: tuple[str, ...]


def update_versioned(
    ctx: Context,
    model: type[M],
    key: object,
    *,
    entity: str,
    permission: Permission,
    operation: str,
    action: str,
    base: Mapping[str, Any],
    base_version: int,
    changes: Mapping[str, Any],
    result: Callable[[Session, M], R],
    options: Iterable[Any] = (),
    after_apply: Callable[[Session, M, Mapping[str, Any]], None] | None = None,
    reason: str | None = None,
) -> Saved[R]:
    """Save ``changes`` (cleaned; keys are attribute names of ``model``) made on top of ``base``.

    One unit of work (``permission``/``action`` checked, audited as ``operation`` with ``reason``), retried by
    :func:`retrying`: lock the row, merge field by field (:func:`merge_fields`; a real clash raises
    :class:`ConflictError` and writes nothing), set the changed attributes, call
    ``after_apply(session, row, changed)`` for derived columns, stamp ``updated_at`` when the model has one,
    flush, and return ``result(session, row)`` -- built inside the transaction -- with the fields that were
    merged from somebody else's save.
    """
    opts = tuple(options)

    def attempt() -> Saved[R]:
        with ctx.unit_of_work(permission, operation=operation, reason=reason, action=action) as session:
            row = lock_for_update(session, model, key, entity=entity, options=opts)
            current = {k: getattr(row, k) for k in base}
            merge = merge_fields(
                entity,
                key,
                base=base,
                base_version=base_version,
                mine=changes,
                current=current,
                current_version=getattr(row, "version"),
            )
            for name, value in merge.changes.items():
                setattr(row, name, value)
            if merge.changes:
                if after_apply is not None:
                    after_apply(session, row, merge.changes)
                if hasattr(row, "updated_at"):
                    setattr(row, "updated_at", dt.datetime.now(dt.UTC))
                session.flush()
            return Saved(result=result(session, row), merged_fields=merge.merged_fields)

    return retrying(attempt)
