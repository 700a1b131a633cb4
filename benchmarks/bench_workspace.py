"""Benchmark: open the debtor workspace on a debtor with 500 claims and 5,000 bookings (SQLite and PostgreSQL).

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_workspace.py [--claims 500] [--bookings-per-claim 10] [--runs 15] [--no-pg]

The debtor is built by ``bench_position.build`` (claims over five years and both creditors, payments,
verrekeningen, kosten and rente bookings, aanmaningen and dwangbevelen, a household and a financial situation).
Offscreen, for each backend, medians and worst over ``--runs`` after a warm-up:

* data load, rules and DTO build: the phases ``get_position`` reports itself;
* model build: ``DebtorWorkspace.set_position`` on an open workspace (claims tree, totals, capacity, timeline of
  6,000 events, chart data), as a refresh does it;
* first show: a new workspace, ``set_position``, ``show()``, layout and the first paint (events processed);
* the whole open as the officer sees it: a new workspace, ``load()`` through the real op runner on the database
  thread, waiting for the answer in the event loop, then the first paint;
* memory with ten such workspaces open: Python heap (tracemalloc) and process RSS growth, measured in a fresh
  process per backend (``--memory-only`` is that process: it builds nothing else first, so the allocator has no
  freed arenas of an earlier run to reuse);
* the garbage collector's share: the time spent in collections during the whole opens (``gc.callbacks``).

``--claims 5000`` measures the ten-times-larger debtor; opening it should take about ten times as long (linear).

Prints a Markdown table (docs/perf-workspace.md holds a measured run).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_position import AS_OF, build, upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from caseworker_app.services import position
from caseworker_app.services.context import Context, Database

from caseworker_app.gui import ops
from caseworker_app.gui.workspace import DebtorWorkspace


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def timed(fn: Callable[[], Any], runs: int, clock: GcClock | None = None) -> list[float]:
    """Wall seconds of ``runs`` calls after a warm-up; ``clock`` adds up the collections inside the calls only."""
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        gc.collect()
        before = clock.total if clock is not None else 0.0
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
        if clock is not None:
            clock.inside += clock.total - before
    return samples


class GcClock:
    """Seconds spent in garbage collections while :attr:`running` (all threads: the load runs on the worker)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.inside = 0.0  # of which inside the timed calls (see timed)
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._start


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} / {max(values) * 1000:.1f}"


def settle(app: QApplication) -> None:
    app.processEvents()


def bench(app: QApplication, url: str, label: str, args: argparse.Namespace) -> list[tuple[str, str, str]]:
    upgrade(url)
    ctx: Context = Database.open(url).login()
    debtor_id, bookings, actions = build(ctx, args.claims, args.bookings_per_claim)
    print(f"[{label}] {args.claims} claims, {bookings} bookings, {actions} actions", file=sys.stderr)
    rows: list[tuple[str, str, str]] = []

    phases: dict[str, list[float]] = {"load": [], "rules": [], "build": []}

    def get() -> position.DebtPosition:
        pos = position.get_position(ctx, debtor_id, AS_OF)
        assert pos.timings is not None
        for key in phases:
            phases[key].append(getattr(pos.timings, key))
        return pos

    totals = timed(get, args.runs)
    pos = get()
    for key in phases:
        phases[key] = phases[key][1:-1]
    rows.append((label, "get_position: data load", ms(phases["load"])))
    rows.append((label, "get_position: rules", ms(phases["rules"])))
    rows.append((label, "get_position: DTO build", ms(phases["build"])))
    rows.append((label, "**get_position total** (on the database thread)", ms(totals)))

    ws = DebtorWorkspace(ctx, debtor_id, watch=False)
    ws.resize(1600, 900)
    ws.show()
    settle(app)
    model_parts: dict[str, list[float]] = {"claims_model": [], "rest": []}

    def refresh() -> None:
        ws.set_position(pos)
        for key in model_parts:
            model_parts[key].append(ws.timings[key])

    samples = timed(refresh, args.runs)
    rows.append((label, "model build: claims tree (500 claims, groups, subtotals)",
                 ms(model_parts["claims_model"][1:])))
    rows.append((label, "model build: totals, capacity, timeline (6,000 events), chart", ms(model_parts["rest"][1:])))
    rows.append((label, "**model build total** (`set_position` on an open workspace)", ms(samples)))
    ws.close()
    ws.deleteLater()
    settle(app)

    def first_show() -> None:
        w = DebtorWorkspace(ctx, debtor_id, watch=False)
        w.resize(1600, 900)
        w.set_position(pos)
        w.show()
        settle(app)  # layout and the first paint (the offscreen backing store is painted on expose)
        w.close()
        w.deleteLater()

    samples = timed(first_show, args.runs)
    rows.append((label, "**new workspace: models + show + first paint** (GUI thread)", ms(samples)))

    def full_open() -> None:
        w = DebtorWorkspace(ctx, debtor_id, watch=False)
        w.resize(1600, 900)
        w.as_of = AS_OF
        loop = QEventLoop()
        w.position_shown.connect(loop.quit)
        w.load_failed.connect(loop.quit)
        w.show()
        w.load()
        QTimer.singleShot(10_000, loop.quit)
        loop.exec()
        assert w.position is not None
        settle(app)  # the paint after the data arrived
        w.close()
        w.deleteLater()

    clock = GcClock()
    cpu_samples: list[float] = []

    def full_open_cpu() -> None:
        cpu = time.process_time()
        full_open()
        cpu_samples.append(time.process_time() - cpu)

    samples = timed(full_open_cpu, args.runs, clock)
    rows.append((label, "**whole open: load on the database thread + models + first paint**", ms(samples)))
    rows.append((label, "  CPU time of the whole open (both threads)", ms(cpu_samples[1:])))
    rows.append((label, "  of which garbage collection (mean per open)", f"{clock.inside / args.runs * 1000:.1f} ms"))
    settle(app)
    ctx.db.dispose()
    return rows


def memory(app: QApplication, url: str, label: str, args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """Ten workspaces of the debtor open: what they hold. Run in a fresh process (``--memory-only``)."""
    upgrade(url)
    ctx: Context = Database.open(url).login()
    debtor_id, _bookings, _actions = build(ctx, args.claims, args.bookings_per_claim)
    rows: list[tuple[str, str, str]] = []
    warm = DebtorWorkspace(ctx, debtor_id, watch=False)  # imports and first-use caches out of the figure
    warm.set_position(position.get_position(ctx, debtor_id, AS_OF))
    warm.show()
    settle(app)
    warm.close()
    warm.deleteLater()
    settle(app)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, 0)
    with contextlib.suppress(OSError, AttributeError):  # give what building the debtor freed back to the system
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    rss_before = rss_mb()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    held = []
    for _ in range(10):
        w = DebtorWorkspace(ctx, debtor_id, watch=False)
        w.resize(1600, 900)
        w.set_position(position.get_position(ctx, debtor_id, AS_OF))
        w.show()
        settle(app)
        held.append(w)
    gc.collect()
    heap = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    rss_after = rss_mb()
    rows.append((label, "memory, ten such workspaces open: Python heap (tracemalloc)", f"{heap / 1_048_576:.1f} MB"))
    rows.append((label, "memory, ten such workspaces open: process RSS growth", f"{rss_after - rss_before:.1f} MB"))
    for w in held:
        w.close()
        w.deleteLater()
    settle(app)
    ctx.db.dispose()
    return rows


def memory_in_fresh_process(args: argparse.Namespace, backend: str) -> list[tuple[str, str, str]]:
    command = [sys.executable, __file__, "--memory-only", backend, "--claims", str(args.claims),
               "--bookings-per-claim", str(args.bookings_per_claim), "--pg", args.pg]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line.count("\t") == 2]  # type: ignore[misc]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--bookings-per-claim", type=int, default=10)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--pg", default=os.environ.get("CASEWORKER_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--memory-only", choices=("SQLite", "PostgreSQL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    rows: list[tuple[str, str, str]] = []
    if args.memory_only:
        if args.memory_only == "SQLite":
            with tempfile.TemporaryDirectory() as tmp:
                rows = memory(app, f"sqlite:///{Path(tmp) / 'bench.sqlite'}", "SQLite", args)
        else:
            rows = with_pg_database(args, lambda url: memory(app, url, "PostgreSQL", args))
        for row in rows:
            print("\t".join(row))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        rows += bench(app, f"sqlite:///{Path(tmp) / 'bench.sqlite'}", "SQLite", args)
    rows += memory_in_fresh_process(args, "SQLite")
    if not args.no_pg:
        rows += with_pg_database(args, lambda url: bench(app, url, "PostgreSQL", args))
        rows += memory_in_fresh_process(args, "PostgreSQL")
    print_table(args, rows)
    return 0


def with_pg_database(
    args: argparse.Namespace, fn: Callable[[str], list[tuple[str, str, str]]]
) -> list[tuple[str, str, str]]:
    """``fn`` on a new, empty PostgreSQL database, dropped afterwards."""
    admin_engine = create_engine(args.pg, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"cwbench_{uuid.uuid4().hex[:10]}"
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return fn(admin_engine.url.set(database=name).render_as_string(hide_password=False))
    finally:
        ops.wait_for_done()
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


def print_table(args: argparse.Namespace, rows: list[tuple[str, str, str]]) -> None:
    load = os.getloadavg()[0]
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, offscreen; "
        f"{args.claims} claims x {args.bookings_per_claim} bookings; {args.runs} runs after a warm-up; "
        f"median / worst in ms; load average {load:.1f}; max RSS {max_rss} MB.\n"
    )
    print("| backend | what | median / worst |")
    print("|---|---|---|")
    for backend, what, value in rows:
        print(f"| {backend} | {what} | {value} |")


if __name__ == "__main__":
    raise SystemExit(main())
