"""Benchmark: a team lead's queue -- 10,000 pending decisions across 100,000 debtors, first page (issue 9).

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_queues.py [--backend sqlite|postgresql|both] [--runs 30]
        [--pg-admin postgresql://postgres@127.0.0.1:5432/postgres]

It builds a fresh database per backend (``db upgrade``; PostgreSQL: a new database, dropped afterwards), writes
100,000 debtors spread over 10 teams, 60 users (10 team leads, one per team, and 50 caseworkers) and 10,000 open
decisions proposed over the last 30 days -- rows written directly, as the database administrator's bulk load, since
what is measured is reading them -- and then times, as a team lead through the service (``services/queues.py``):

* **team_pending**: the lead's queue, first page of 50 (oldest first, with debtor name, BSN, age): the target,
  < 100 ms;
* **team_pending, text**: the same queue filtered on part of a name;
* **overdue**: open proposals past their policy's days, first page;
* **my_proposals** of one caseworker, first page;
* **raw**: the page's id query alone, as SQL on the service's own connection (the floor the service stands on).

Prints the median and p95 of ``--runs`` calls (after one warm-up call, which is printed too: the first page a lead
sees after opening the application) and the ratio service / raw.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from caseworker_app.services import admin, queues, users
from caseworker_app.services.context import LOCAL_PROFILE_ROLES, Context, Database

DEBTORS = 100_000
DECISIONS = 10_000
TEAMS = 10
CASEWORKERS = 50


def build(url: str, seed: int = 9) -> tuple[Context, int]:
    """A database at head with the benchmark's rows; returns the context of the first team lead and their team id."""
    parsed = make_url(url)
    shared = parsed.get_backend_name() == "postgresql"
    admin.upgrade(url, admin_login=parsed.username if shared else None)
    ctx = Database.open(url).login()
    users.set_roles(ctx, ctx.actor.login, LOCAL_PROFILE_ROLES)
    ctx = ctx.db.login()
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    with ctx.db.engine.begin() as conn:
        if shared:
            conn.execute(text("SELECT set_config('caseworker.bulk_load', 'on', true)"))
        conn.execute(
            text("INSERT INTO teams (code, name, version) VALUES (:c, :n, 1)"),
            [{"c": f"T{t:02d}", "n": f"Team {t}"} for t in range(1, TEAMS + 1)],
        )
        conn.execute(
            text("INSERT INTO users (login, display_name, active, version) VALUES (:l, :n, true, 1)"),
            [{"l": f"medewerker{i}", "n": f"Medewerker {i}"} for i in range(CASEWORKERS)]
            + [{"l": f"leider{t}", "n": f"Teamleider {t}"} for t in range(1, TEAMS)],
        )
        user_ids = dict(conn.execute(text("SELECT login, id FROM users")).all())
        conn.execute(
            text("INSERT INTO user_roles (user_id, role) VALUES (:u, :r)"),
            [{"u": user_ids[f"medewerker{i}"], "r": "caseworker"} for i in range(CASEWORKERS)]
            + [{"u": user_ids[f"leider{t}"], "r": "teamlead"} for t in range(1, TEAMS)],
        )
        team_ids = dict(conn.execute(text("SELECT code, id FROM teams")).all())
        leads = [ctx.actor.user_id] + [user_ids[f"leider{t}"] for t in range(1, TEAMS)]
        conn.execute(
            text("INSERT INTO team_members (team_id, user_id, is_lead) VALUES (:t, :u, :lead)"),
            [{"t": team_ids[f"T{i + 1:02d}"], "u": lead, "lead": True} for i, lead in enumerate(leads)]
            + [
                {"t": team_ids[f"T{i % TEAMS + 1:02d}"], "u": user_ids[f"medewerker{i}"], "lead": False}
                for i in range(CASEWORKERS)
            ],
        )
        surnames = ["jansen", "de vries", "bakker", "visser", "smit", "meijer", "de boer", "mulder", "bos", "vos"]
        rows = []
        for i in range(DEBTORS):
            achternaam = f"{surnames[i % 10]}{i // 10 % 1000:03d}"
            rows.append(
                {
                    "bsn": f"{100_000_000 + i:09d}",
                    "achternaam": achternaam.title(),
                    "voornamen": "Jan",
                    "search_name": f"{achternaam} jan",
                    "team": team_ids[f"T{i % TEAMS + 1:02d}"],
                }
            )
        conn.execute(
            text(
                "INSERT INTO debtors (kind, doelgroep, bsn, voornamen, achternaam, search_name, land, "
                "fraude_markering, team_id, version) VALUES ('natuurlijk_persoon', 'particulier', :bsn, :voornamen, "
                ":achternaam, :search_name, 'NL', false, :team, 1)"
            ),
            rows,
        )
        debtor_rows = conn.execute(text("SELECT id, team_id FROM debtors")).all()
        proposers = [user_ids[f"medewerker{i}"] for i in range(CASEWORKERS)]
        picked = rng.sample(debtor_rows, DECISIONS)
        conn.execute(
            text(
                "INSERT INTO decisions (kind, soort, subject_id, debtor_id, team_id, proposed_by, proposed_at, reason, "
                "effect, days, four_eyes, status, version) VALUES ('maatwerk', 'invorderingspauze', :s, :d, :t, :p, "
                ":at, 'Schuldhulpverlening loopt', '{}', 90, true, 'open', 1)"
            ),
            [
                {
                    "s": n + 1,
                    "d": debtor_id,
                    "t": team_id,
                    "p": rng.choice(proposers),
                    "at": now - dt.timedelta(minutes=rng.randrange(30 * 24 * 60)),
                }
                for n, (debtor_id, team_id) in enumerate(picked)
            ],
        )
        conn.execute(text("ANALYZE"))
    return ctx, team_ids["T01"]


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return first, out


def report(name: str, first: float, values: list[float], raw: float | None = None) -> float:
    values = sorted(values)
    median = statistics.median(values)
    p95 = values[int(len(values) * 0.95) - 1]
    ratio = f"  {median / raw:5.1f}x raw" if raw else ""
    print(f"  {name:28s} first {first:7.2f} ms  median {median:7.2f} ms  p95 {p95:7.2f} ms{ratio}")
    return median


def run(url: str, runs: int) -> None:
    started = time.perf_counter()
    lead, team_id = build(url)
    print(f"{lead.db.backend}: built in {time.perf_counter() - started:.1f} s")
    worker = lead.db.login("medewerker0") if not lead.db.is_shared else None
    page = queues.team_pending(lead)
    assert page.total == DECISIONS // TEAMS or page.total > 0, page.total
    print(f"  queue of team T01: {page.total} open, first page {len(page.items)} rows")

    def raw() -> None:
        with lead.read() as session:
            session.execute(
                text(
                    "SELECT id FROM decisions WHERE status = 'open' AND proposed_by <> :me AND "
                    "(team_id IN (:team) OR team_id IS NULL) ORDER BY proposed_at, id LIMIT 50"
                ),
                {"me": lead.actor.user_id, "team": team_id},
            ).all()

    _f, raw_values = timed(raw, runs)
    raw_median = statistics.median(raw_values)
    report("raw page ids", _f, raw_values)
    report("team_pending", *timed(lambda: queues.team_pending(lead), runs), raw=raw_median)
    report("team_pending, text 'bakk'", *timed(lambda: queues.team_pending(lead, text="bakk"), runs), raw=raw_median)
    report("overdue", *timed(lambda: queues.overdue(lead), runs), raw=raw_median)
    if worker is not None:
        report("my_proposals", *timed(lambda: queues.my_proposals(worker), runs), raw=raw_median)
    else:
        report("my_proposals (lead)", *timed(lambda: queues.my_proposals(lead), runs), raw=raw_median)
    lead.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pg-admin", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    print(f"{platform.platform()}, Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    if args.backend in ("sqlite", "both"):
        folder = Path(tempfile.mkdtemp(prefix="cw-bench-queues-"))
        run(f"sqlite:///{folder / 'queues.sqlite'}", args.runs)
    if args.backend in ("postgresql", "both"):
        server = make_url(args.pg_admin).set(drivername="postgresql+psycopg")
        name = f"cwbench_queues_{uuid.uuid4().hex[:8]}"
        engine = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run(server.set(database=name).render_as_string(hide_password=False), args.runs)
        finally:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                roles = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": f"{name}_%"})
                for (role,) in roles.all():
                    conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            engine.dispose()
    print(f"load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
