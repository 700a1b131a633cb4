"""Benchmark: what the database-side audit costs a write (issue 12), and how long ``audit verify`` takes.

On PostgreSQL the audit row of every changed row is written by a trigger and every audit row is hash-chained at
commit; on SQLite the application writes both.  This measures, on a fresh database per backend:

* **edit**: one ``debtors.update_debtor`` (one changed field: one audit row, one link);
* **50 bookings**: one unit of work inserting 50 bookings on 50 claims (a payment spread over 50 claims: 50 audit
  rows, 50 links, the head row updated 50 times at commit);
* **verify**: ``audit_chain.verify`` over everything written (rows per second).

Run it against two checkouts to compare (the same script runs on the revision before the audit triggers; the verify
line is then skipped)::

    .venv/bin/python benchmarks/bench_audit_write.py [--edits 200] [--units 20]
    PYTHONPATH=/path/to/older/checkout .venv/bin/python benchmarks/bench_audit_write.py

PostgreSQL: the server the tests use (127.0.0.1:5432, user postgres) or ``--pg URL`` (an admin URL); a
``cwtest_`` database and its roles are created and dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.factories import add_claim, add_debtor, open_context, writing
from tests.pgroles import drop_test_roles, new_db_name

from caseworker_app.domain.permissions import Permission

from caseworker_app.db.models import Booking

from caseworker_app.services import debtors


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(samples) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms (n={len(samples)})"


def run(url: str, label: str, edits: int, units: int) -> None:
    ctx = open_context(url)
    debtor_id = add_debtor(ctx)
    claims = [add_claim(ctx, debtor_id, amount="500.00", reference=f"B{n:08d}") for n in range(50)]
    edit_times = []
    for n in range(edits):
        base = debtors.get_debtor(ctx, debtor_id)
        started = time.perf_counter()
        debtors.update_debtor(ctx, base, {"telefoon": f"06{n:08d}"})
        edit_times.append(time.perf_counter() - started)
    unit_times = []
    for n in range(units):
        started = time.perf_counter()
        with writing(ctx, Permission.BOOK_LEDGER, operation="bench.payment") as session:
            for claim_id in claims:
                session.add(
                    Booking(
                        claim_id=claim_id, kind="betaling", amount=-Decimal("0.01"), booking_date=dt.date(2026, 1, 1),
                        created_by=ctx.actor.login, description=f"bench {n}",
                    )
                )  # fmt: skip
        unit_times.append(time.perf_counter() - started)
    print(f"{label}: edit               {_ms(edit_times)}")
    print(f"{label}: 50 bookings, 1 unit {_ms(unit_times)}")
    try:
        from caseworker_app.services import audit_chain
    except ImportError:
        print(f"{label}: verify             (no audit chain in this revision)")
    else:
        started = time.perf_counter()
        report = audit_chain.verify(ctx)
        seconds = time.perf_counter() - started
        print(f"{label}: verify             {report.rows} rows in {seconds * 1000:.0f} ms "
              f"({report.rows / seconds:,.0f} rows/s), intact={report.intact}")  # fmt: skip
    ctx.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{Path(folder) / 'bench.sqlite'}", "SQLite    ", args.edits, args.units)
    admin = make_url(args.pg).set(drivername="postgresql+psycopg")
    name = new_db_name("bench_")
    server = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        run(admin.set(database=name).render_as_string(hide_password=False), "PostgreSQL", args.edits, args.units)
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            drop_test_roles(conn, name)
        server.dispose()


if __name__ == "__main__":
    main()
