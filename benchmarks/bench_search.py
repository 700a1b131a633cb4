"""Benchmark: the one search field on a million debtors (PostgreSQL), service call versus raw SQL.

Run on demand (not part of the test suite), against a database filled with ``caseworker demo``::

    createdb cw_search_1m
    caseworker db upgrade --database postgresql://postgres@127.0.0.1:5432/cw_search_1m
    caseworker demo --debtors 1000000 --date 2026-11-26 --database postgresql://postgres@127.0.0.1:5432/cw_search_1m
    .venv/bin/python benchmarks/bench_search.py --url postgresql://postgres@127.0.0.1:5432/cw_search_1m [--queries 300]

For each query kind (BSN/RSIN, name prefix, postcode + huisnummer, claim reference) it takes ``--queries``
real values spread over the table, and measures:

* **service**: ``services.debtors.search_debtors(ctx, text)`` -- what the GUI and ``debtor search`` call:
  parsing the text, the permission check, a session from the pool, the query, the DTOs;
* **raw round trip**: the very statement and parameters the service sends for that text (recorded from the
  engine, so always PostgreSQL's own statement, never the SQLite one) on one open psycopg connection, rows
  fetched;
* **server**: PostgreSQL's own execution time for it (``EXPLAIN (ANALYZE)``), i.e. the index work only.

Prints median and p99 per kind, the ratio service / raw round trip and service / server, and the plan of one
query per kind (to show which index answers it).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))

import psycopg
from sqlalchemy import event

from caseworker_app.db.session import normalize_url

from caseworker_app.services.context import Context, Database
from caseworker_app.services.debtors import search_debtors

LIMIT = 50


def samples(conn: psycopg.Connection[tuple[Any, ...]], n: int) -> dict[str, list[str]]:
    total = conn.execute("SELECT max(id) FROM debtors").fetchone()
    assert total and total[0], "no debtors: fill the database with caseworker demo first"
    step = max(1, int(total[0]) // n)
    rows = conn.execute(
        "SELECT bsn, rsin, search_name, postcode, huisnummer, voornamen, tussenvoegsel, achternaam FROM debtors "
        "WHERE id %% %s = 0 LIMIT %s",
        (step, n),
    ).fetchall()
    refs = [r[0] for r in conn.execute(
        "SELECT reference FROM claims WHERE id %% %s = 0 LIMIT %s", (max(1, step * 3), n)).fetchall()]
    names: list[str] = []
    for _bsn, _rsin, name, _pc, _nr, *_names in rows:
        # what people type: the start of the surname ("janss"), or the surname and the start of what follows
        # it in the register order "achternaam tussenvoegsel voornamen" ("jansen pi", "berg van den jo")
        words = name.split()
        names.append(" ".join([*words[:-1], words[-1][:2]]) if len(words) > 1 and len(names) % 2 else words[0][:5])
    # first name first, as people also type it: "Fleur Jacobs", "Frank van Loon" (the first of the first names)
    first_first = [
        " ".join(p for p in (voornamen.split()[0], tussenvoegsel, achternaam) if p)
        for *_x, voornamen, tussenvoegsel, achternaam in rows if voornamen
    ]
    return {
        "BSN/RSIN": [bsn or rsin for bsn, rsin, *_ in rows],
        "naam (begin)": names,
        "naam (voornaam eerst)": first_first,
        "postcode + huisnummer": [f"{pc[:4]} {pc[4:]} {nr}" for *_x, pc, nr, _v, _t, _a in rows if pc and nr],
        "postcode+huisnummer aaneen": [f"{pc}{nr}".lower() for *_x, pc, nr, _v, _t, _a in rows if pc and nr],
        "kenmerk": refs,
    }


Sent = tuple[str, Any]


def service_statement(ctx: Context, text: str) -> Sent:
    """The statement and parameters ``search_debtors`` sends to the driver for ``text`` (like with like)."""
    sent: list[Sent] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if "FROM debtors" in statement:
            sent.append((statement, parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        search_debtors(ctx, text)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)
    assert len(sent) == 1, sent
    return sent[0]


def _fetch(conn: psycopg.Connection[tuple[Any, ...]], sent: Sent) -> None:
    conn.execute(*sent).fetchall()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="PostgreSQL database filled with caseworker demo")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()

    ctx = Database.open(args.url).login()
    conninfo = normalize_url(args.url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        count = conn.execute("SELECT count(*) FROM debtors").fetchone()
        kinds = samples(conn, args.queries)
        print(f"{count[0] if count else 0:,} debtors; {args.queries} queries per kind; "
              f"machine {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}\n")
        rows: list[tuple[str, list[float], list[float], list[float], float]] = []
        plans: dict[str, str] = {}
        for kind, texts in kinds.items():
            for text in texts[:20]:  # warm both paths (pool, statement cache, buffers)
                search_debtors(ctx, text)
            service: list[float] = []
            raw: list[float] = []
            server: list[float] = []
            hits = 0
            for text in texts:
                sql, params = service_statement(ctx, text)
                service.append(timed(partial(search_debtors, ctx, text)))
                raw.append(timed(partial(_fetch, conn, (sql, params))))
                explain = conn.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchone()
                assert explain is not None
                server.append(float(explain[0][0]["Execution Time"]) / 1000)
                hits += len(search_debtors(ctx, text)) > 0
            first_sql, first_params = service_statement(ctx, texts[0])
            plan_rows = conn.execute("EXPLAIN " + first_sql, first_params).fetchall()
            plans[kind] = "\n".join(str(r[0]) for r in plan_rows)
            rows.append((kind, service, raw, server, hits / len(texts)))
    print("| query kind | service median / p99 | raw round trip median / p99 | server median / p99 | "
          "service / raw | service / server | found |")
    print("|---|---|---|---|---|---|---|")
    for kind, service, raw, server, found in rows:
        s_med, r_med, x_med = statistics.median(service), statistics.median(raw), statistics.median(server)
        print(f"| {kind} | {s_med * 1000:.2f} / {pct(service, 99) * 1000:.2f} ms | {r_med * 1000:.2f} / "
              f"{pct(raw, 99) * 1000:.2f} ms | {x_med * 1000:.3f} / {pct(server, 99) * 1000:.3f} ms | "
              f"{s_med / r_med:.1f}x | {s_med / x_med:.0f}x | {found:.0%} |")
    print("\nPlans (one query per kind):\n")
    for kind, plan in plans.items():
        print(f"{kind}:\n```\n{plan}\n```")
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
