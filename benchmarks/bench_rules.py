"""Benchmark: all rules for one debtor with 500 claims (rente to today, costs, verjaring, next step).

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_rules.py [--claims 500] [--runs 30] [--markdown] [--debtor]

Measures :func:`caseworker_app.domain.rules.position.evaluate_claims` for a deterministic, varied set of
claims (several years of dagtekeningen across rate changes, payments, verrekeningen, costs, aanmaningen,
dwangbevelen, uitstel and regelingen as measures with effects), or with ``--debtor`` for the 500-claim debtor
of ``bench_position.py`` (about 5,000 bookings) as the services build its facts.  Reports the first run (cold
caches; parameter tables already loaded, as they are after start-up), and the median and worst of the following
runs with a different "today" each time (so the rente cache does not make them trivially cheap), plus the warm
case with the same "today" (what a screen refresh costs).  Target (issues 4 and 8): under 20 ms for 500 claims.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from caseworker_app.domain.measures import ClaimEffect, MeasureKind, effects_of
from caseworker_app.domain.params import load_parameters, reload_parameters
from caseworker_app.domain.rules.ladder import StepTaken
from caseworker_app.domain.rules.position import (
    Booking,
    ClaimFacts,
    evaluate_claims,
    explain_claim,
)
from caseworker_app.domain.rules.rente import _fast_factor, rente_factor
from caseworker_app.domain.types import BookingKind, ClaimKind, EnforcementStep, Middel

TODAY = date(2026, 11, 26)


def make_claims(n: int, seed: int = 4) -> list[ClaimFacts]:
    rng = random.Random(seed)
    kinds = [
        ClaimKind.AANSLAG,
        ClaimKind.AANSLAG,
        ClaimKind.NAVORDERINGSAANSLAG,
        ClaimKind.NAHEFFINGSAANSLAG,
        ClaimKind.TERUGVORDERING,
    ]
    claims = []
    for i in range(n):
        kind = rng.choice(kinds)
        middel = (
            rng.choice([Middel.ZT, Middel.HT, Middel.KGB])
            if kind is ClaimKind.TERUGVORDERING
            else rng.choice([Middel.IB, Middel.OB, Middel.LH, Middel.MRB, Middel.ZVW])
        )
        dagtekening = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 6 * 365))
        amount = Decimal(rng.randrange(5000, 2_000_000)) / 100
        due = dagtekening + timedelta(days=42)
        bookings: list[Booking] = []
        steps: list[StepTaken] = []
        if rng.random() < 0.7:
            aanmaning = due + timedelta(days=rng.randrange(10, 60))
            steps.append(StepTaken(EnforcementStep.AANMANING, aanmaning))
            bookings.append(Booking(BookingKind.KOSTEN, Decimal(19 if amount >= 454 else 9), aanmaning))
            if rng.random() < 0.5:
                dwang = aanmaning + timedelta(days=rng.randrange(20, 90))
                steps.append(StepTaken(EnforcementStep.DWANGBEVEL, dwang, per_post=rng.random() < 0.8))
                bookings.append(Booking(BookingKind.KOSTEN, Decimal(rng.randrange(46, 300)), dwang))
        for _ in range(rng.randrange(0, 4)):
            when = due + timedelta(days=rng.randrange(-20, 700))
            kind_b = BookingKind.VERREKENING if rng.random() < 0.2 else BookingKind.BETALING
            bookings.append(Booking(kind_b, -(amount / rng.randrange(3, 12)).quantize(Decimal("0.01")), when))
        if rng.random() < 0.1:
            bookings.append(Booking(BookingKind.RENTE, Decimal(rng.randrange(1, 80)), due + timedelta(days=400)))
        effects: tuple[ClaimEffect, ...] = ()
        if rng.random() < 0.15:
            start = due + timedelta(days=rng.randrange(0, 400))
            end = start + timedelta(days=rng.randrange(30, 400)) if rng.random() < 0.7 else None
            effects = effects_of(MeasureKind.UITSTEL, start, end)
        if rng.random() < 0.1:  # a running betalingsregeling since a month after the due date
            effects += effects_of(MeasureKind.BETALINGSREGELING, due + timedelta(days=30), None)
        claims.append(
            ClaimFacts(
                kind=kind,
                middel=middel,
                dagtekening=dagtekening,
                bedrag=amount,
                bookings=tuple(bookings),
                steps=tuple(steps),
                effects=effects,
                bvv_vastgesteld_op=TODAY - timedelta(days=rng.randrange(0, 500)) if rng.random() < 0.5 else None,
                claim_id=i,
            )
        )
    return claims


def demo_debtor_claims() -> tuple[list[ClaimFacts], date]:
    """The facts of the 500-claim debtor of ``bench_position.py`` (about 5,000 bookings), as the services build
    them: the debtor is written into a temporary SQLite database and read back through ``get_position``."""
    import os
    import tempfile

    os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))
    from benchmarks.bench_position import AS_OF, build

    from caseworker_app.services import admin, position
    from caseworker_app.services.context import Database

    url = f"sqlite:///{tempfile.mkdtemp(prefix='caseworker-bench-')}/rules.db"
    admin.upgrade(url)
    ctx = Database.open(url).login()
    debtor_id, bookings, _actions = build(ctx, 500, 10)
    pos = position.get_position(ctx, debtor_id, AS_OF)
    ctx.db.dispose()
    facts = [c.facts for c in pos.claims if c.facts is not None]
    print(f"demo debtor: {len(facts)} claims, {bookings} bookings", file=sys.stderr)
    return facts, AS_OF


CPU: list[float] = []


def timed(fn: object, *args: object) -> float:
    """Wall-clock ms; the CPU time of this process is kept in CPU (other processes on a busy machine
    inflate wall-clock time, not CPU time)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(*args)  # type: ignore[operator]
    CPU.append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--markdown", action="store_true", help="print a section for docs/perf-rules.md")
    parser.add_argument("--debtor", action="store_true",
                        help="the 500-claim debtor of bench_position.py as the services build it, not generated facts")
    args = parser.parse_args()
    load_parameters()
    claims, today = demo_debtor_claims() if args.debtor else (make_claims(args.claims), TODAY)
    if args.debtor:
        reload_parameters()  # get_position filled the caches: start the first run cold again
    cold = timed(evaluate_claims, claims, today)
    cold_cpu = CPU[-1]
    other_days = []
    for k in range(args.runs):
        rente_factor.cache_clear()
        _fast_factor.cache_clear()
        other_days.append(timed(evaluate_claims, claims, today + timedelta(days=k + 1)))
    other_cpu = list(CPU[-args.runs :])
    warm = [timed(evaluate_claims, claims, today) for _ in range(args.runs)]
    warm_cpu = list(CPU[-args.runs :])
    explain = timed(lambda: [explain_claim(c, today) for c in claims[:50]])
    evs = evaluate_claims(claims, today)
    allowed = sum(1 for e in evs if e.next_step.allowed)
    verjaard = sum(1 for e in evs if e.verjaard)
    explain_cpu = CPU[-1]
    rows = [
        ("first run (cold caches)", cold, cold_cpu),
        (
            f"new 'today', rente cache cleared (median of {args.runs})",
            statistics.median(other_days),
            statistics.median(other_cpu),
        ),
        (f"new 'today', rente cache cleared (worst of {args.runs})", max(other_days), max(other_cpu)),
        (f"same 'today', warm (median of {args.runs})", statistics.median(warm), statistics.median(warm_cpu)),
        ("explanations for 50 claims (on demand)", explain, explain_cpu),
    ]
    if args.markdown:
        print("## Rules engine: 500 claims of one debtor\n")
        print(
            f"Measured with `benchmarks/bench_rules.py` on {platform.python_implementation()} "
            f"{platform.python_version()}, {platform.machine()}, {datetime.now(tz=UTC).date().isoformat()}.  "
            f"{len(claims)} claims{' of the bench_position debtor' if args.debtor else ''}; {allowed} with an "
            f"allowed next step, {verjaard} verjaard.\n"
        )
        print("| case | wall ms | CPU ms |\n|---|---|---|")
        for label, ms, cpu in rows:
            print(f"| {label} | {ms:.1f} | {cpu:.1f} |")
    else:
        for label, ms, cpu in rows:
            print(f"{label:55s} {ms:8.2f} ms wall {cpu:8.2f} ms CPU")
        print(f"({len(claims)} claims; {allowed} with an allowed next step; {verjaard} verjaard)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
