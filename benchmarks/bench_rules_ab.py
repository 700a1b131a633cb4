"""Benchmark: the rules engine of this checkout against an older one, side by side in one process.

On a shared, busy machine absolute milliseconds say little; a ratio measured in the same process, the two
engines taking turns, does.  Make a copy of the older commit and point at it::

    git archive <commit> | tar -x -C /tmp/rules-base
    .venv/bin/python benchmarks/bench_rules_ab.py --baseline /tmp/rules-base [--runs 20] [--no-debtor]

The older ``caseworker_app`` (and its ``benchmarks/bench_rules.py`` / ``bench_position.py``) is copied to a
temporary folder as the package ``caseworker_base``, so both load side by side.  Each engine evaluates its own
version of the same claims (the generated set of ``bench_rules.py``, seed 4, and the 500-claim, 5,000-booking
debtor of ``bench_position.py`` as its own services build the facts); rows: every cache cleared (a debtor never
opened before), a new "today" with the rente caches cleared, and warm (a screen refresh).  Prints CPU
milliseconds (median) and the median of the per-run ratios this/older.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parents[1]


def _copy_as_base(baseline: Path, target: Path) -> None:
    shutil.copytree(baseline / "caseworker_app", target / "caseworker_base",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm", "gui"))
    (target / "benchbase").mkdir()
    for name in ("bench_rules.py", "bench_position.py"):
        shutil.copy(baseline / "benchmarks" / name, target / "benchbase" / name)
    for path in target.rglob("*"):
        if path.suffix in (".py", ".toml") and path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("caseworker_app", "caseworker_base"), encoding="utf-8")


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _debtor_facts(prefix: str, bench: ModuleType) -> tuple[list[Any], date]:
    admin = importlib.import_module(f"{prefix}.services.admin")
    context = importlib.import_module(f"{prefix}.services.context")
    position = importlib.import_module(f"{prefix}.services.position")
    url = f"sqlite:///{tempfile.mkdtemp(prefix='caseworker-ab-')}/{prefix}.db"
    admin.upgrade(url)
    ctx = context.Database.open(url).login()
    debtor_id, _bookings, _actions = bench.build(ctx, 500, 10)
    facts = [c.facts for c in position.get_position(ctx, debtor_id, bench.AS_OF).claims]
    ctx.db.dispose()
    return facts, bench.AS_OF


def _cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def _compare(label: str, engines: list[tuple[ModuleType, ModuleType, ModuleType, list[Any]]], day: date,
             runs: int) -> None:
    rows: dict[str, list[list[float]]] = {"every cache cleared": [[], []], "new today, rente cleared": [[], []],
                                          "same today, warm": [[], []]}
    for k in range(runs):
        for i, (rules, _rente, params, claims) in enumerate(engines):
            params.reload_parameters()
            rows["every cache cleared"][i].append(_cpu(lambda: rules.evaluate_claims(claims, day)))  # noqa: B023
        for i, (rules, rente, _params, claims) in enumerate(engines):
            rente.rente_factor.cache_clear()
            rente._fast_factor.cache_clear()
            other = day + timedelta(days=k + 1)
            rows["new today, rente cleared"][i].append(_cpu(lambda: rules.evaluate_claims(claims, other)))  # noqa: B023
    for _ in range(runs):
        for i, (rules, _rente, _params, claims) in enumerate(engines):
            rows["same today, warm"][i].append(_cpu(lambda: rules.evaluate_claims(claims, day)))  # noqa: B023
    print(f"\n{label}\n| case | older, CPU ms | this, CPU ms | this / older |\n|---|---|---|---|")
    for case, (older, this) in rows.items():
        ratio = statistics.median(b / a for a, b in zip(older, this))
        print(f"| {case} | {statistics.median(older):.1f} | {statistics.median(this):.1f} | {ratio:.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, required=True, help="a copy of the older checkout")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-debtor", action="store_true", help="only the generated claims")
    args = parser.parse_args()
    os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-ab-"))
    target = Path(tempfile.mkdtemp(prefix="caseworker-ab-base-"))
    _copy_as_base(args.baseline.resolve(), target)
    sys.path.insert(0, str(target))
    sys.path.insert(0, str(HERE))
    older_rules_bench = _load(target / "benchbase" / "bench_rules.py", "bench_rules_base")
    this_rules_bench = _load(HERE / "benchmarks" / "bench_rules.py", "bench_rules_this")
    mods = {
        p: [importlib.import_module(f"{p}.domain.rules.{m}") for m in ("position", "rente")]
        + [importlib.import_module(f"{p}.domain.params")]
        for p in ("caseworker_base", "caseworker_app")
    }
    generated = [
        (*mods["caseworker_base"], older_rules_bench.make_claims(500)),
        (*mods["caseworker_app"], this_rules_bench.make_claims(500)),
    ]
    _compare("Generated claims (bench_rules.py, 500 claims)", generated, this_rules_bench.TODAY, args.runs)
    if not args.no_debtor:
        older_pos_bench = _load(target / "benchbase" / "bench_position.py", "bench_position_base")
        this_pos_bench = _load(HERE / "benchmarks" / "bench_position.py", "bench_position_this")
        older_facts, day = _debtor_facts("caseworker_base", older_pos_bench)
        this_facts, _ = _debtor_facts("caseworker_app", this_pos_bench)
        debtor = [(*mods["caseworker_base"], older_facts), (*mods["caseworker_app"], this_facts)]
        _compare("The bench_position debtor (500 claims, 5,000 bookings, facts as the services build them)",
                 debtor, day, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
