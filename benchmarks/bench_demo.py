"""Benchmark: ``caseworker demo --debtors 100000`` on SQLite and on PostgreSQL (target: under 60 s each),
then debtor search on the loaded database, service layer versus raw SQL (target: under 10 ms per query).

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_demo.py [--debtors 100000] [--backend sqlite|postgresql|both] [--runs 1]
                                              [--queries 200] [--no-search]
                                              [--pg-admin-url postgresql://postgres@127.0.0.1:5432/postgres]

Each run starts the installed ``caseworker`` program on a new, empty database -- exactly what a user
types, including Python start-up, setting up the schema and the final commit -- and measures the wall
clock.  SQLite gets a file in a temporary folder; PostgreSQL a fresh database (created through
``--pg-admin-url`` or ``CASEWORKER_TEST_DATABASE_URL``, dropped afterwards unless ``--keep``).  The
row counts come from the program's own summary; the size from the file or ``pg_database_size``.
The wall clock depends on what else the machine does: the load average at the end is printed with it.

Search (on the database of the last run): for each kind of query a caseworker types -- a BSN, a surname
(name prefix), a postcode with huisnummer, a postcode alone -- ``--queries`` different texts are sampled from
the data and each is timed twice:

* service: ``services.debtors.search_debtors(ctx, text)``: parsing the text, the permission check, a
  session from the pool, the query, the ORM rows and the DTOs -- what the GUI and the CLI call;
* raw SQL: the very statement and parameters the service sends for that text (recorded from the engine, so it
  is the backend's own statement: PostgreSQL and SQLite search names differently), run on the bare DB-API
  connection (``sqlite3``/``psycopg``) with ``fetchall``.  (Until December 2026 the raw side compiled the SQLite
  statement on PostgreSQL too, which sorts every match, and reported 1.3x where the like-for-like ratio is ~4x.)

Medians and 95th percentiles per kind and the service/raw ratio of the medians are printed.
(``benchmarks/bench_search.py`` does the same on PostgreSQL with a million debtors and query plans.)
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="bench-demo-home-"))

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from caseworker_app.db.models import Debtor

from caseworker_app.services.context import Context

DEFAULT_PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGET_S = 60.0
TARGET_MS = 10.0
KINDS = ("BSN", "naam (achternaam)", "postcode + huisnummer", "postcode")


@dataclass
class Run:
    backend: str
    seconds: float
    rows: dict[str, int]
    size_mb: float
    cpu_seconds: float
    load_before: float
    search: list[str] = field(default_factory=list)


def _caseworker() -> list[str]:
    script = Path(sys.executable).with_name("caseworker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "caseworker_app"]


def _parse_counts(stdout: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key, word in (
        ("debtors", "schuldenaren"),
        ("households", "huishoudens"),
        ("financial_situations", "inkomensopgaven"),
        ("claims", "vorderingen"),
        ("bookings", "boekingen"),
        ("enforcement_actions", "invorderingsstappen"),
    ):
        match = re.search(rf"([\d.]+) {word}", stdout)
        if match:
            counts[key] = int(match.group(1).replace(".", ""))
    return counts


def _run_cli(url: str, debtors: int, seed: int) -> tuple[float, float, str]:
    """Wall clock and CPU seconds (user + system) of one ``caseworker demo`` process, and its output."""
    env = dict(os.environ)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [*_caseworker(), "demo", "--debtors", str(debtors), "--seed", str(seed), "--date", "2026-11-26",
         "--database", url],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"caseworker demo failed ({result.returncode}):\n{result.stderr}")
    return seconds, cpu, result.stdout


def sample_queries(ctx: Context, per_kind: int) -> dict[str, list[str]]:
    rng = random.Random(42)
    with ctx.read() as session:
        rows = session.execute(
            select(Debtor.bsn, Debtor.search_name, Debtor.postcode, Debtor.huisnummer).where(
                Debtor.bsn.is_not(None), Debtor.postcode.is_not(None)
            )
        ).all()
    picked = rng.sample(rows, min(per_kind, len(rows)))
    return {
        "BSN": [r.bsn for r in picked],
        "naam (achternaam)": [r.search_name.split(" ")[0] for r in picked],
        "postcode + huisnummer": [f"{r.postcode[:4]} {r.postcode[4:]} {r.huisnummer}" for r in picked],
        "postcode": [f"{r.postcode[:4]}{r.postcode[4:]}" for r in picked],
    }


def raw_runner(ctx: Context) -> tuple[Callable[[str], tuple[str, Any]], Callable[[tuple[str, Any]], int]]:
    """(prepare, execute): compile the service's own statement for a text; run it on a bare driver connection.

    Only ``execute`` is timed: ``cursor.execute`` + ``fetchall`` on a connection of its own (sqlite3, or
    psycopg in autocommit, so no transaction round trips).
    """
    from caseworker_app.services.debtors import search_debtors

    engine = ctx.db.engine
    if engine.dialect.name == "sqlite":
        import sqlite3

        driver: Any = sqlite3.connect(engine.url.database or "")
    else:
        import psycopg

        driver = psycopg.connect(
            engine.url.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
        )

    def prepare(query_text: str) -> tuple[str, Any]:
        """What ``search_debtors`` itself sends to the driver for this text: like with like on either backend."""
        sent: list[tuple[str, Any]] = []

        def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
            if "FROM debtors" in statement:
                sent.append((statement, parameters))

        event.listen(engine, "before_cursor_execute", record)
        try:
            search_debtors(ctx, query_text)
        finally:
            event.remove(engine, "before_cursor_execute", record)
        assert len(sent) == 1, sent
        return sent[0]

    def execute(prepared: tuple[str, Any]) -> int:
        cursor = driver.cursor()
        try:
            cursor.execute(*prepared)
            return len(cursor.fetchall())
        finally:
            cursor.close()

    return prepare, execute


def measure_ms(fn: Callable[[Any], Any], queries: list[Any]) -> list[float]:
    for q in queries[:10]:  # warm-up: caches, prepared plans, pool
        fn(q)
    out = []
    for q in queries:
        started = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - started) * 1000)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_search(backend: str, url: str, per_kind: int) -> list[str]:
    """Time ``search_debtors`` against the raw SQL of the same statement on the loaded database."""
    from caseworker_app.services.context import Database
    from caseworker_app.services.debtors import search_debtors

    ctx = Database.open(url).login(None)
    try:
        queries = sample_queries(ctx, per_kind)
        prepare, execute = raw_runner(ctx)
        lines = []
        for kind in KINDS:
            texts = queries[kind]
            assert all(search_debtors(ctx, q) for q in texts[:20]), f"{kind}: a sampled query found nothing"
            service_ms = measure_ms(lambda q: search_debtors(ctx, q), texts)
            raw_ms = measure_ms(execute, [prepare(q) for q in texts])
            s_med, r_med = statistics.median(service_ms), statistics.median(raw_ms)
            verdict = "met" if s_med < TARGET_MS else "MISSED"
            lines.append(
                f"| {backend} | {kind} | {len(texts)} | {s_med:.2f} | {p95(service_ms):.2f} | {r_med:.2f} | "
                f"{p95(raw_ms):.2f} | {s_med / r_med:.1f}x | {verdict} |"
            )
        return lines
    finally:
        ctx.db.dispose()


@contextmanager
def sqlite_url() -> Iterator[tuple[str, Callable[[], float]]]:
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
        path = Path(folder) / "demo.sqlite"

        def size() -> float:
            return sum(p.stat().st_size for p in Path(folder).glob("demo.sqlite*")) / 1e6

        yield f"sqlite:///{path}", size


@contextmanager
def postgresql_url(admin_url: str, keep: bool) -> Iterator[tuple[str, Callable[[], float]]]:
    admin = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"bench_demo_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.set(database=name).render_as_string(hide_password=False).replace("+psycopg", "")

    def size() -> float:
        with engine.connect() as conn:
            return float(conn.execute(text(f"SELECT pg_database_size('{name}')")).scalar_one()) / 1e6

    try:
        yield url, size
        if keep:
            print(f"kept database {url}", file=sys.stderr)
    finally:
        if not keep:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def bench_backend(backend: str, args: argparse.Namespace, last: bool) -> Run:
    target = sqlite_url() if backend == "SQLite" else postgresql_url(args.pg_admin_url, args.keep)
    with target as (url, size):
        load_before = os.getloadavg()[0]
        seconds, cpu, stdout = _run_cli(url, args.debtors, args.seed)
        run = Run(backend, seconds, _parse_counts(stdout), size(), cpu, load_before)
        print(f"{backend}: demo load {seconds:.1f} s wall, {cpu:.1f} s CPU", file=sys.stderr)
        if last and not args.no_search:
            run.search = bench_search(backend, url, args.queries)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debtors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg-admin-url", default=os.environ.get("CASEWORKER_TEST_DATABASE_URL", DEFAULT_PG_ADMIN))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--queries", type=int, default=200, help="different texts per kind of search query")
    parser.add_argument("--no-search", action="store_true", help="only the load")
    args = parser.parse_args()

    backends = [b for b, flag in (("SQLite", "sqlite"), ("PostgreSQL", "postgresql")) if args.backend in (flag, "both")]
    results: dict[str, list[Run]] = {}
    for index in range(args.runs):
        for backend in backends:
            results.setdefault(backend, []).append(bench_backend(backend, args, last=index == args.runs - 1))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"# caseworker demo --debtors {args.debtors} --seed {args.seed}")
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average {load:.1f} at the end")  # fmt: skip
    print()
    print("| Backend | Runs | Wall clock (median) | Min | Max | Program CPU (median) | Load avg before | Rows written "
          "| Rows/s | Size | Target |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    ok = True
    for backend, runs in results.items():
        times = [r.seconds for r in runs]
        median = statistics.median(times)
        rows = sum(runs[0].rows.values())
        verdict = "met" if median < TARGET_S else "MISSED"
        ok = ok and median < TARGET_S
        print(
            f"| {backend} | {len(runs)} | {median:.1f} s | {min(times):.1f} s | {max(times):.1f} s | "
            f"{statistics.median(r.cpu_seconds for r in runs):.1f} s | "
            f"{statistics.median(r.load_before for r in runs):.1f} | {rows:,} | "
            f"{rows / median:,.0f} | {runs[0].size_mb:.0f} MB | < {TARGET_S:.0f} s: {verdict} |"
        )
    first = next(iter(results.values()))[0]
    print()
    print("Rows per table: " + ", ".join(f"{k} {v:,}" for k, v in first.rows.items()))
    search = [line for runs in results.values() for line in runs[-1].search]
    if search:
        print()
        print(f"## Debtor search on {args.debtors:,} debtors (ms per query)")
        print()
        print("| Backend | Query | Texts | Service median | Service p95 | Raw SQL median | Raw SQL p95 | Ratio | "
              f"< {TARGET_MS:.0f} ms |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|")
        for line in search:
            print(line)
        ok = ok and all("MISSED" not in line for line in search)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
