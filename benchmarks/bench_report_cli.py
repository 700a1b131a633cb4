"""Benchmark: ``caseworker report schuldoverzicht BSN -o FILE`` as a user types it, whole process, both backends.

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_report_cli.py [--runs 9] [--backend sqlite|postgresql|both]
                                                    [--baseline DIR] [--pg-admin-url URL]

A demo database of 2,000 debtors (``caseworker demo --date 2026-11-26``) per backend; the report is made for the
first of the demo's very complex cases (the BSN the demo prints), as a new file each time. Target (issue 8):
under 1 s on SQLite and on PostgreSQL.

Each run is a fresh process, and the runs take turns with two references in the same loop, so the load on a
shared machine hits all of them alike:

* ``python -c pass``: the interpreter's own start (the floor no command gets under);
* with ``--baseline DIR``, the same command from another checkout (``git worktree add DIR <commit>``, run with
  ``PYTHONPATH=DIR``): before and after, pair by pair.

Wall time and CPU time (user + system of the finished child) are reported; on a busy machine the CPU time is the
fairer figure. Bytecode is cached as in an installed copy (one untimed run first, PYTHONDONTWRITEBYTECODE unset).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_demo import DEFAULT_PG_ADMIN, _caseworker, postgresql_url, sqlite_url

TARGET_S = 1.0


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process; it must succeed."""
    cpu, start = children_cpu(), time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return wall, children_cpu() - cpu


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def bench(backend: str, url: str, args: argparse.Namespace, env: dict[str, str], out: Path) -> list[str]:
    if backend == "PostgreSQL":  # a new server database needs its first beheerder: the login of the URL
        from sqlalchemy.engine import make_url

        login = make_url(url).username or "postgres"
        run([*_caseworker(), "db", "upgrade", "--admin", login, "--database", url], env)
    demo = subprocess.run([*_caseworker(), "demo", "--debtors", str(args.debtors), "--date", "2026-11-26",
                           "--database", url], env=env, capture_output=True, text=True, timeout=600)
    if demo.returncode != 0:
        raise SystemExit(f"caseworker demo failed:\n{demo.stderr}")
    match = re.search(r"\(BSN\): (\d+)", demo.stdout)
    if match is None:
        raise SystemExit(f"no complex case in the demo's output:\n{demo.stdout}")
    bsn = match.group(1)
    base_env = dict(env, PYTHONPATH=str(args.baseline.resolve())) if args.baseline else None

    def report(n: int) -> list[str]:
        return [*_caseworker(), "report", "schuldoverzicht", bsn, "-o", str(out / f"{backend}-{n}.pdf"),
                "--database", url]

    run(report(-1), env)  # untimed: bytecode written, caches warm
    if base_env is not None:
        run(report(-2), base_env)
    samples: dict[str, list[tuple[float, float]]] = {"python": [], "now": [], "baseline": []}
    for n in range(args.runs):
        samples["python"].append(run([sys.executable, "-c", "pass"], env))
        samples["now"].append(run(report(2 * n), env))
        if base_env is not None:
            samples["baseline"].append(run(report(2 * n + 1), base_env))
        print(f"[{backend}] run {n + 1}: " + ", ".join(
            f"{k} {ms(v[-1][0])} wall / {ms(v[-1][1])} CPU" for k, v in samples.items() if v), file=sys.stderr)

    def med(kind: str, index: int) -> float:
        return statistics.median(s[index] for s in samples[kind])

    rows = [
        f"| {backend} | `python -c pass` | {ms(med('python', 0))} | {ms(med('python', 1))} | — |",
        f"| {backend} | **report schuldoverzicht** (BSN {bsn}) | **{ms(med('now', 0))}** | {ms(med('now', 1))} | "
        f"min {ms(min(s[0] for s in samples['now']))} wall, {ms(min(s[1] for s in samples['now']))} CPU |",
    ]
    if samples["baseline"]:
        pair_wall = statistics.median(n[0] / b[0] for n, b in zip(samples["now"], samples["baseline"], strict=True))
        pair_cpu = statistics.median(n[1] / b[1] for n, b in zip(samples["now"], samples["baseline"], strict=True))
        rows.append(f"| {backend} | the same from `{args.baseline.name}` (before) | {ms(med('baseline', 0))} | "
                    f"{ms(med('baseline', 1))} | now / before pair by pair: {pair_wall:.2f}x wall, "
                    f"{pair_cpu:.2f}x CPU |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--debtors", type=int, default=2000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with, in the same loop")
    parser.add_argument("--pg-admin-url", default=os.environ.get("CASEWORKER_TEST_DATABASE_URL", DEFAULT_PG_ADMIN))
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        env = dict(os.environ, CASEWORKER_HOME=str(Path(tmp) / "home"))
        for name in ("CASEWORKER_DATABASE_URL", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
            env.pop(name, None)
        if args.backend in ("sqlite", "both"):
            with sqlite_url() as (url, _size):
                rows += bench("SQLite", url, args, env, Path(tmp))
        if args.backend in ("postgresql", "both"):
            with postgresql_url(args.pg_admin_url, False) as (url, _size):
                rows += bench("PostgreSQL", url, args, env, Path(tmp))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"{args.runs} runs per kind, interleaved; medians; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after. Target: under {ms(TARGET_S)}.\n")
    print("| backend | process | wall | CPU | notes |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
