"""Benchmark: open one debtor with 500 claims and 5,000 bookings, on SQLite and on PostgreSQL.

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_position.py [--claims 500] [--bookings-per-claim 10] [--runs 15]
        [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--no-pg]

For each backend it builds a fresh database with one large debtor (claims across five years and both
creditors, payments, verrekeningen, kosten, rente bookings, aanmaningen, dwangbevelen) plus a household
and a financial situation, then measures, over ``--runs`` repetitions after one warm-up:

* ``get_position`` split into its own phases: data load (the SELECTs and row fetching), rules
  (``evaluate_claim`` for every claim) and DTO build (totals, flags, timeline, monthly balance, capacity);
* ``position_to_json`` without and with the per-claim explanations (``debtor show --json``);
* the schuldoverzicht PDF: ``schuldoverzicht_data`` + ``render_schuldoverzicht`` into memory;
* ``change_token`` (what a workspace polls on SQLite);
* memory: Python heap held by ten such positions (tracemalloc), i.e. ten open workspaces' data.

PostgreSQL uses a temporary database on the given server (created and dropped).  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))

from sqlalchemy import create_engine, insert, text
from sqlalchemy.pool import NullPool

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.search import search_name
from caseworker_app.domain.types import BookingKind, ClaimKind, Creditor, EnforcementStep, Middel

from caseworker_app.db.models import (
    Booking,
    Claim,
    Debtor,
    EnforcementAction,
    FinancialSituation,
    Household,
)

from caseworker_app.reports.schuldoverzicht import render_to_bytes

from caseworker_app.services import admin, changes, position
from caseworker_app.services.context import Context, Database

AS_OF = dt.date(2026, 11, 26)
BSN = "111222333"


def upgrade(url: str) -> None:
    """A new database with its schema; on PostgreSQL the URL's login becomes its first beheerder and an invorderaar."""
    from sqlalchemy.engine import make_url

    if not url.startswith("postgresql"):
        admin.upgrade(url)
        return
    from caseworker_app.domain.types import Role

    from caseworker_app.services import users

    login = make_url(url).username or "postgres"
    admin.upgrade(url, admin_login=login)
    db = Database.open(url)
    try:  # the beheerder may not write debtors: the bench debtor is written as an invorderaar
        users.grant_roles(db.login(), login, (Role.CASEWORKER,))
    finally:
        db.dispose()


def build(ctx: Context, claims: int, per_claim: int, seed: int = 7) -> tuple[int, int, int]:
    """One debtor with ``claims`` claims and ``claims * per_claim`` bookings, written with Core inserts."""
    rng = random.Random(seed)
    login = ctx.actor.login
    with ctx.unit_of_work(Permission.EDIT_DEBTOR, operation="bench.build") as session:
        household = Household(leefsituatie="gehuwd_met_kinderen", aantal_kinderen=2, beschermd_bestaansminimum=True)
        debtor = Debtor(
            kind="natuurlijk_persoon",
            doelgroep="particulier",
            bsn=BSN,
            voornamen="Groot",
            achternaam="Dossier",
            search_name=search_name("Dossier", "Groot"),
            straat="Lange Laan",
            huisnummer=1,
            postcode="3511AB",
            woonplaats="Utrecht",
            household=household,
        )
        session.add(debtor)
        session.flush()
        session.add(
            FinancialSituation(
                debtor_id=debtor.id,
                peildatum=dt.date(2026, 9, 1),
                inkomen_maand=Decimal("2450.00"),
                belastbaar_inkomen_jaar=Decimal("31000"),
                woonlasten_maand=Decimal("900.00"),
                zorgpremie_maand=Decimal("320.00"),
            )
        )
        debtor_id = debtor.id
        claim_rows: list[dict[str, Any]] = []
        booking_rows: list[dict[str, Any]] = []
        action_rows: list[dict[str, Any]] = []
        middelen = [Middel.IB, Middel.OB, Middel.MRB, Middel.ZVW, Middel.ZT, Middel.HT, Middel.KOT, Middel.KGB]
        for i in range(claims):
            middel = middelen[i % len(middelen)]
            toeslag = middel.creditor is Creditor.TOESLAGEN
            dagtekening = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randrange(0, 5 * 365))
            vervaldatum = dagtekening + dt.timedelta(weeks=6)
            amount = Decimal(rng.randrange(10_000, 400_000)) / 100
            claim_rows.append(
                {
                    "id": i + 1,
                    "debtor_id": debtor_id,
                    "creditor": middel.creditor.value,
                    "middel": middel.value,
                    "soort": (ClaimKind.TERUGVORDERING if toeslag else ClaimKind.AANSLAG).value,
                    "reference": f"B{i + 1:09d}",
                    "tijdvak_van": dt.date(dagtekening.year - 1, 1, 1),
                    "tijdvak_tot": dt.date(dagtekening.year - 1, 12, 31),
                    "dagtekening": dagtekening,
                    "vervaldatum": vervaldatum,
                    "ambtshalve": False,
                    "original_amount": amount,
                    "version": 1,
                }
            )
            booking_rows.append(
                {
                    "claim_id": i + 1,
                    "kind": "aanslag",
                    "amount": amount,
                    "booking_date": dagtekening,
                    "created_by": login,
                }
            )
            remaining = amount
            day = vervaldatum
            aanmaning = vervaldatum + dt.timedelta(days=rng.randrange(10, 40))
            if aanmaning <= AS_OF:
                action_rows.append(
                    {
                        "claim_id": i + 1,
                        "step": "aanmaning",
                        "action_date": aanmaning,
                        "stuit": True,
                        "costs": Decimal("19.00"),
                        "created_by": login,
                    }
                )
                booking_rows.append(
                    {
                        "claim_id": i + 1,
                        "kind": "kosten",
                        "amount": Decimal("19.00"),
                        "booking_date": aanmaning,
                        "source": "aanmaning",
                        "created_by": login,
                    }
                )
                if rng.random() < 0.5:
                    dwangbevel = aanmaning + dt.timedelta(days=rng.randrange(20, 60))
                    if dwangbevel <= AS_OF:
                        action_rows.append(
                            {
                                "claim_id": i + 1,
                                "step": EnforcementStep.DWANGBEVEL.value,
                                "action_date": dwangbevel,
                                "stuit": True,
                                "costs": Decimal("62.00"),
                                "created_by": login,
                            }
                        )
                        booking_rows.append(
                            {
                                "claim_id": i + 1,
                                "kind": "kosten",
                                "amount": Decimal("62.00"),
                                "booking_date": dwangbevel,
                                "source": "dwangbevel",
                                "created_by": login,
                            }
                        )
            for n in range(
                per_claim - 1 - sum(1 for b in booking_rows[-3:] if b["claim_id"] == i + 1 and b["kind"] == "kosten")
            ):
                day = day + dt.timedelta(days=rng.randrange(15, 45))
                if day > AS_OF or remaining <= 1:
                    day = min(day, AS_OF)
                    booking_rows.append(
                        {
                            "claim_id": i + 1,
                            "kind": "rente",
                            "amount": Decimal(rng.randrange(1, 9)),
                            "booking_date": day,
                            "source": "rente",
                            "created_by": login,
                        }
                    )
                    continue
                part = (remaining / Decimal(rng.randrange(6, 14))).quantize(Decimal("0.01"))
                kind = BookingKind.VERREKENING if (n % 4 == 3) else BookingKind.BETALING
                booking_rows.append(
                    {
                        "claim_id": i + 1,
                        "kind": kind.value,
                        "amount": -part,
                        "booking_date": day,
                        "source": "teruggaaf IB" if kind is BookingKind.VERREKENING else None,
                        "created_by": login,
                    }
                )
                remaining -= part
        session.execute(insert(Claim), claim_rows)
        session.execute(insert(Booking), booking_rows)
        session.execute(insert(EnforcementAction), action_rows)
        if session.get_bind().dialect.name == "postgresql":
            for table in ("claims",):
                session.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
    return debtor_id, len(booking_rows), len(action_rows)


def timed(fn: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    fn()  # warm-up
    samples = []
    result = None
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} / {max(values) * 1000:.1f}"


def bench(url: str, label: str, args: argparse.Namespace) -> list[tuple[str, str, str]]:
    upgrade(url)
    ctx = Database.open(url).login()
    t0 = time.perf_counter()
    debtor_id, bookings, actions = build(ctx, args.claims, args.bookings_per_claim)
    built = time.perf_counter() - t0
    print(
        f"[{label}] built {args.claims} claims, {bookings} bookings, {actions} actions in {built:.1f} s",
        file=sys.stderr,
    )
    rows: list[tuple[str, str, str]] = []
    phases: dict[str, list[float]] = {"load": [], "rules": [], "build": []}

    def open_position() -> position.DebtPosition:
        pos = position.get_position(ctx, debtor_id, AS_OF)
        assert pos.timings is not None
        for key in phases:
            phases[key].append(getattr(pos.timings, key))
        return pos

    totals, pos = timed(open_position, args.runs)
    for key in phases:
        phases[key] = phases[key][1:]  # drop the warm-up
    assert pos.totals.claim_count == args.claims
    rows.append((label, "get_position total (load + rules + build)", ms(totals)))
    rows.append((label, "  data load (SELECTs + rows)", ms(phases["load"])))
    rows.append((label, "  rules (evaluate_claim x claims)", ms(phases["rules"])))
    rows.append((label, "  DTO build (totals, flags, timeline, chart, capacity)", ms(phases["build"])))
    rows.append((label, f"  queries per open: {pos.timings.queries}", ""))
    samples, _doc = timed(lambda: position.position_to_json(pos, explain=False), args.runs)
    rows.append((label, "position_to_json (no explanations)", ms(samples)))
    samples, _doc = timed(lambda: position.position_to_json(pos, explain=True), max(3, args.runs // 3))
    rows.append((label, "position_to_json with explanations (debtor show --json)", ms(samples)))
    samples, pdf = timed(lambda: render_to_bytes(position.schuldoverzicht_data(pos)), max(3, args.runs // 3))
    rows.append((label, f"schuldoverzicht PDF ({len(pdf) // 1024} KB)", ms(samples)))
    samples, _token = timed(lambda: changes.change_token(ctx, debtor_id), args.runs)
    rows.append((label, "change_token (poll)", ms(samples)))
    samples, _marker = timed(lambda: changes.global_marker(ctx), args.runs)
    rows.append((label, "global_marker (cheapest poll)", ms(samples)))

    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    held = [position.get_position(ctx, debtor_id, AS_OF) for _ in range(10)]
    gc.collect()
    size = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    rows.append(
        (label, f"memory held by 10 open positions ({len(held)} x {args.claims} claims)", f"{size / 1_048_576:.1f} MB")
    )
    ctx.db.dispose()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--bookings-per-claim", type=int, default=10)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--pg", default=os.environ.get("CASEWORKER_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += bench(f"sqlite:///{Path(tmp) / 'bench.sqlite'}", "SQLite", args)
    if not args.no_pg:
        admin_engine = create_engine(
            args.pg.replace("postgresql://", "postgresql+psycopg://", 1)
            if args.pg.startswith("postgresql://")
            else args.pg,
            isolation_level="AUTOCOMMIT",
            poolclass=NullPool,
        )
        name = f"cwbench_{uuid.uuid4().hex[:10]}"
        with admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = admin_engine.url.set(database=name).render_as_string(hide_password=False)
            rows += bench(url, "PostgreSQL", args)
        finally:
            with admin_engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin_engine.dispose()

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"{args.claims} claims x {args.bookings_per_claim} bookings; {args.runs} runs after a warm-up; "
        "median / worst in ms.\n"
    )
    print("| backend | what | median / worst |")
    print("|---|---|---|")
    for backend, what, value in rows:
        print(f"| {backend} | {what} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
