"""The principal of a claim lives in one place: ``claims.original_amount`` (issue 9).

Until now it was there *and* in an ``aanslag`` booking, matched by two different heuristics: the rules engine
skipped the first aanslag booking whose amount equalled ``original_amount`` (on any date), the timeline only one
on the dagtekening -- so a booking on another date counted once in the figures but showed a phantom "Correctie
aanslag" in the timeline.  This revision removes that duplicate booking of every claim (the rules engine's rule:
the first ``aanslag`` booking, by date and id, whose amount is ``original_amount``); from now on every ``aanslag``
booking is a correction of the assessed amount, and nothing writes the claim's own one.  The figures of every claim
stay what they were (the engine never counted the duplicate); only the phantom timeline line goes.

``bookings`` is append-only: its append-only and audit triggers are dropped for the DELETE and put back by
``db/security.py`` at the end of the upgrade (as for every revision).  One audit row ``db.principal_in_one_place``
records what was removed (how many, their sum, and the ids of up to 5,000 of them) on both backends, chained like
every other (PostgreSQL at commit; SQLite here).  Downgrade writes an ``aanslag`` booking on each claim's
dagtekening again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 05:30:00
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OWN = """
SELECT b.id, b.claim_id, b.amount FROM bookings b JOIN claims c ON c.id = b.claim_id
WHERE b.kind = 'aanslag' AND b.amount = c.original_amount
  AND NOT EXISTS (
    SELECT 1 FROM bookings e
    WHERE e.claim_id = b.claim_id AND e.kind = 'aanslag' AND e.amount = c.original_amount
      AND (e.booking_date < b.booking_date OR (e.booking_date = b.booking_date AND e.id < b.id)))
ORDER BY b.id
"""
_LISTED = 5_000
_CHUNK = 5_000


def _actor() -> str:
    try:
        return os.environ.get("CASEWORKER_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "beheerder"


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(_OWN)).all()
    if not rows:
        return
    postgres = bind.dialect.name == "postgresql"
    if postgres:  # put back by db/security.py after the upgrade
        op.execute("DROP TRIGGER IF EXISTS trg_bookings_append_only ON bookings")
        op.execute("DROP TRIGGER IF EXISTS trg_bookings_audit ON bookings")
    else:
        op.execute('DROP TRIGGER IF EXISTS "trg_bookings_no_delete"')
    ids = [int(r[0]) for r in rows]
    # an allocation never points at a claim's own aanslag booking, but keep the foreign key's promise explicit
    if sa.inspect(bind).has_table("payment_allocations"):
        referenced = bind.execute(
            sa.text("SELECT count(*) FROM payment_allocations WHERE booking_id IN (SELECT id FROM bookings "
                    "WHERE kind = 'aanslag')")
        ).scalar_one()
        assert not referenced, "an allocation points at an aanslag booking"
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        bind.execute(sa.text("DELETE FROM bookings WHERE id IN :ids").bindparams(sa.bindparam("ids", expanding=True)),
                     {"ids": chunk})
    if not postgres:
        op.execute(
            'CREATE TRIGGER IF NOT EXISTS "trg_bookings_no_delete" BEFORE DELETE ON "bookings" '
            "BEGIN SELECT RAISE(ABORT, 'bookings is append-only: DELETE refused'); END"
        )
    total = sum((Decimal(str(r[2])) for r in rows), Decimal("0.00"))
    before = {
        "removed": len(rows),
        "sum": str(total.quantize(Decimal("0.01"))),
        "rule": "the first aanslag booking of a claim (by date, id) whose amount is claims.original_amount",
        "booking_ids": ids[:_LISTED],
        "claim_ids": [int(r[1]) for r in rows[:_LISTED]],
    }
    audit = sa.table(
        "audit_log", sa.column("id", sa.Integer), sa.column("occurred_at", sa.DateTime(timezone=True)),
        sa.column("actor", sa.String), sa.column("operation", sa.String), sa.column("reason", sa.Text),
        sa.column("action", sa.String), sa.column("entity", sa.String), sa.column("entity_id", sa.String),
        sa.column("before", sa.JSON), sa.column("after", sa.JSON),
    )
    values = {
        "occurred_at": dt.datetime.now(dt.UTC), "actor": _actor(), "operation": "db.principal_in_one_place",
        "reason": "the principal of a claim lives in claims.original_amount only; its duplicate aanslag booking "
                  "is removed (revision 0010)",
        "action": "delete", "entity": "bookings", "entity_id": None, "before": before, "after": None,
    }
    new_id = bind.execute(audit.insert().values(**values).returning(audit.c.id)).scalar_one()
    if not postgres:
        from caseworker_app.db import audit_chain

        if sa.inspect(bind).has_table("audit_chain"):
            audit_chain.chain_sqlite(bind, [int(new_id)])


def downgrade() -> None:
    op.execute(
        "INSERT INTO bookings (claim_id, kind, amount, booking_date, description, created_by) "
        "SELECT c.id, 'aanslag', c.original_amount, c.dagtekening, NULL, 'migratie' FROM claims c "
        "WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.claim_id = c.id AND b.kind = 'aanslag' "
        "AND b.amount = c.original_amount)"
    )
