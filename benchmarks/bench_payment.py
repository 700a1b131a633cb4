"""Benchmark (issue 9): recording a payment across 50 open claims and refreshing the open workspace: < 100 ms.

The user-visible moment: an officer books a payment that pays off 49 of a debtor's 50 open claims and part of the
50th, and the debtor's open workspace shows the new position.  Measured per run, on a fresh debtor each time (a
payment that pays claims off cannot be repeated on the same ones):

* **record**: ``payments.record_payment`` -- load, toerekening over 50 claims (the rente each part brings due, from
  the rules engine), 1 payment + 50 rente + 50 betaling bookings + 50 allocations, their audit rows and hash
  links, the position after it, commit;
* **refresh**: what the open workspace does when it notices: ``changes.change_token`` (it moved) and
  ``position.get_position`` (the workspace's model build on top is the GUI's, measured in perf-workspace.md);
* **baseline**: ``get_position`` of the same debtor before the payment, in the same run, so the figures can be
  read as ratios on a loaded machine.

Wall time and this process's CPU time (``time.process_time``: the PostgreSQL server's own CPU is not in it) are
printed; medians over ``--runs``.  ``--backend sqlite|postgresql|both``; PostgreSQL: the test server
(127.0.0.1:5432, user postgres) or ``--pg URL``; a ``bench_`` database is created and dropped.

    .venv/bin/python benchmarks/bench_payment.py [--runs 15] [--backend both]
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

from tests.factories import BSNS, add_debtor, open_context, writing
from tests.pgroles import drop_test_roles, new_db_name

from caseworker_app.domain.identifiers import is_valid_bsn
from caseworker_app.domain.permissions import Permission

from caseworker_app.db.models import Claim

from caseworker_app.services import changes, payments, position

CLAIMS = 50
TODAY = dt.date(2026, 11, 30)


def _bsns(count: int) -> list[str]:
    found: list[str] = list(BSNS)
    n = 100_000_000
    while len(found) < count:
        n += 1
        candidate = f"{n:09d}"
        if is_valid_bsn(candidate) and candidate not in found:
            found.append(candidate)
    return found[:count]


def _debtor_with_claims(ctx: object, bsn: str, index: int) -> int:
    debtor_id = add_debtor(ctx, bsn=bsn, achternaam=f"Bench{index}")  # type: ignore[arg-type]
    with writing(ctx, Permission.MANAGE_DATABASE, operation="bench.setup") as session:  # type: ignore[arg-type]
        for n in range(CLAIMS):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=7 * n)
            session.add(Claim(debtor_id=debtor_id, creditor="belastingdienst", middel="ib", soort="aanslag",
                              reference=f"P{index:04d}C{n:03d}", dagtekening=day,
                              vervaldatum=day + dt.timedelta(weeks=6), original_amount=Decimal("500.00")))
    return debtor_id


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def run(url: str, label: str, runs: int) -> dict[str, float]:
    ctx = open_context(url)
    bsns = _bsns(runs + 1)
    ids = [_debtor_with_claims(ctx, bsn, i) for i, bsn in enumerate(bsns)]
    wall: dict[str, list[float]] = {"baseline": [], "record": [], "refresh": []}
    cpu: dict[str, list[float]] = {"baseline": [], "record": [], "refresh": []}
    for i, (bsn, debtor_id) in enumerate(zip(bsns, ids, strict=True)):
        w0, c0 = time.perf_counter(), time.process_time()
        before = position.get_position(ctx, debtor_id, TODAY)
        w1, c1 = time.perf_counter(), time.process_time()
        token = changes.change_token(ctx, debtor_id)
        amount = before.totals.open - Decimal("100.00")  # all but the last claim paid off, the last in part
        w2, c2 = time.perf_counter(), time.process_time()
        result = payments.record_payment(ctx, bsn, amount, TODAY, today=TODAY)
        w3, c3 = time.perf_counter(), time.process_time()
        assert changes.change_token(ctx, debtor_id) != token
        after = position.get_position(ctx, debtor_id, TODAY)
        w4, c4 = time.perf_counter(), time.process_time()
        assert len(result.parts) == CLAIMS and after.totals.open == result.open_after, (len(result.parts),)
        if i == 0:
            continue  # the first run warms caches (parameter tables, statement cache)
        wall["baseline"].append(w1 - w0)
        cpu["baseline"].append(c1 - c0)
        wall["record"].append(w3 - w2)
        cpu["record"].append(c3 - c2)
        wall["refresh"].append(w4 - w3)
        cpu["refresh"].append(c4 - c3)
    out: dict[str, float] = {}
    for key in ("baseline", "record", "refresh"):
        out[f"{key}_wall"] = _median_ms(wall[key])
        out[f"{key}_cpu"] = _median_ms(cpu[key])
    total = [r + f for r, f in zip(wall["record"], wall["refresh"], strict=True)]
    total_cpu = [r + f for r, f in zip(cpu["record"], cpu["refresh"], strict=True)]
    out["total_wall"] = _median_ms(total)
    out["total_cpu"] = _median_ms(total_cpu)
    print(f"{label}: record {out['record_wall']:.1f} ms wall / {out['record_cpu']:.1f} ms CPU; "
          f"refresh {out['refresh_wall']:.1f} / {out['refresh_cpu']:.1f}; record+refresh {out['total_wall']:.1f} / "
          f"{out['total_cpu']:.1f}; baseline get_position {out['baseline_wall']:.1f} / {out['baseline_cpu']:.1f} "
          f"(n={runs}); record+refresh / baseline = {out['total_wall'] / out['baseline_wall']:.2f}x wall, "
          f"{out['total_cpu'] / out['baseline_cpu']:.2f}x CPU")
    ctx.db.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{Path(folder) / 'bench.sqlite'}", "SQLite    ", args.runs)
    if args.backend in ("postgresql", "both"):
        admin = make_url(args.pg).set(drivername="postgresql+psycopg")
        name = new_db_name("bench_")
        server = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with server.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run(admin.set(database=name).render_as_string(hide_password=False), "PostgreSQL", args.runs)
        finally:
            with server.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                drop_test_roles(conn, name)
            server.dispose()
    print(f"load average after: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
