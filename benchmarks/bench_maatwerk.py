"""Benchmark (issue 10): the effect of a proposal on a 500-claim debtor, and the team lead's queue with 10,000 pending.

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_maatwerk.py [--claims 500] [--pending 10000] [--runs 15]

Targets ("the user-visible moment"):

* proposing a measure on a 500-claim debtor shows its effect in under 200 ms: the dialog's recomputation after a
  change (``ProposeDialog.update_effect``: ``services.maatwerk.preview`` -- the rules engine twice over every
  covered claim -- plus drawing the result), with the position already on screen; also the first effect when the
  dialog opens (dialog built + first effect);
* the queue with 10,000 pending proposals opens and filters in under 200 ms: ``QueueDialog`` built, the first page
  (``services.queues.team_pending``) shown; a filter typed (a name part) and its page shown.

SQLite, a fresh database in a temporary folder; the GUI offscreen, ops run synchronously (the database worker is
not in the measurement).  Prints a Markdown table with medians and maxima, and ratios against the work each moment
cannot avoid (``get_position`` for the effect; the raw count of open decisions for the queue).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select, text

from benchmarks.bench_position import AS_OF, build

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.db.models import Debtor, Decision, Measure, User

from caseworker_app.services import admin, maatwerk, position, queues, users
from caseworker_app.services.context import Context, Database


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()
    out = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} / {max(values) * 1000:.1f}"


def pending(ctx: Context, count: int) -> None:
    """``count`` open maatwerk proposals by another user, on ``count`` debtors (Core inserts)."""
    users.add_user(ctx, "bench.voorsteller", "Bea Voorsteller", (Role.CASEWORKER,))
    with ctx.unit_of_work(Permission.MANAGE_DATABASE, operation="bench.build") as session:
        proposer = session.execute(select(User.id).where(User.login == "bench.voorsteller")).scalar_one()
        conn = session.connection()
        conn.execute(insert(Debtor), [
            {"kind": "natuurlijk_persoon", "doelgroep": "particulier", "bsn": None, "rsin": f"{800000000 + i}",
             "voornamen": "Demo", "achternaam": f"Achternaam{i:05d}", "search_name": f"achternaam{i:05d} demo",
             "fraude_markering": False, "version": 1}
            for i in range(count)])
        ids = list(session.execute(select(Debtor.id).where(Debtor.rsin.is_not(None)).order_by(Debtor.id)).scalars())
        conn.execute(insert(Measure), [
            {"debtor_id": d, "soort": "invorderingspauze", "van": AS_OF, "tot": AS_OF + dt.timedelta(days=90),
             "reden_code": "anders", "reden": "Benchmark", "proposed_by": "bench.voorsteller"} for d in ids])
        measure_ids = list(session.execute(select(Measure.id).order_by(Measure.id)).scalars())
        conn.execute(insert(Decision), [
            {"kind": "maatwerk", "soort": "invorderingspauze", "subject_id": m, "debtor_id": d, "team_id": None,
             "proposed_by": proposer, "reason": "Benchmark", "effect": "{}", "four_eyes": True, "status": "open",
             "version": 1} for m, d in zip(measure_ids, ids, strict=True)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--bookings-per-claim", type=int, default=10)
    parser.add_argument("--pending", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="caseworker-bench-mw-"))
    url = f"sqlite:///{folder / 'bench.sqlite'}"
    admin.upgrade(url)
    ctx = Database.open(url).login()
    debtor_id, _b, _a = build(ctx, args.claims, args.bookings_per_claim)
    pending(ctx, args.pending)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from caseworker_app.gui import ops
    from caseworker_app.gui.maatwerk.propose_dialog import ProposeDialog
    from caseworker_app.gui.maatwerk.queue_dialog import QueueDialog

    ops.set_default_pool(ops.SyncPool())
    rows: list[tuple[str, str]] = []
    pos = position.get_position(ctx, debtor_id, AS_OF)
    rows.append(("get_position, 500 claims (the position on screen; reference)",
                 ms(timed(lambda: position.get_position(ctx, debtor_id, AS_OF), args.runs))))
    fields = {"soort": "invorderingspauze", "van": AS_OF - dt.timedelta(days=10), "tot": AS_OF + dt.timedelta(days=90),
              "reden": "Benchmark"}
    rows.append(("maatwerk.preview (rules engine with and without, every claim)",
                 ms(timed(lambda: maatwerk.preview(pos, today=AS_OF, **fields), args.runs))))
    dialog = ProposeDialog(ctx, pos, today=AS_OF)
    dialog.show()
    app.processEvents()
    state = {"n": 0}

    def change() -> None:
        state["n"] += 1
        dialog.onderdelen["rente"].setChecked(state["n"] % 2 == 0)
        dialog.update_effect()
        app.processEvents()

    rows.append(("**effect shown after a change** (ProposeDialog.update_effect + paint)", ms(timed(change, args.runs))))

    def open_dialog() -> None:
        d = ProposeDialog(ctx, pos, today=AS_OF)
        d.show()
        app.processEvents()
        d.close()
        d.deleteLater()

    rows.append(("**dialog opened with its first effect**", ms(timed(open_dialog, args.runs))))
    dialog.close()

    def raw_count() -> None:
        with ctx.db.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM decisions WHERE status = 'open'")).scalar_one()

    rows.append((f"raw count of {args.pending} open decisions (reference)", ms(timed(raw_count, args.runs))))
    rows.append(("queues.team_pending, first page of 100",
                 ms(timed(lambda: queues.team_pending(ctx, limit=100), args.runs))))

    def open_queue() -> None:
        q = QueueDialog(ctx)
        q.show()
        app.processEvents()
        assert q.model.rowCount() > 0
        q.close()
        q.deleteLater()

    rows.append((f"**queue opened, {args.pending} pending, first page shown**", ms(timed(open_queue, args.runs))))
    queue = QueueDialog(ctx)
    queue.show()
    app.processEvents()
    state["n"] = 0

    def filter_queue() -> None:
        state["n"] += 1
        queue.filter.setText(f"achternaam0{state['n'] % 10}")
        queue.refresh()
        app.processEvents()

    rows.append(("**queue filtered on a name part, page shown**", ms(timed(filter_queue, args.runs))))
    with ctx.read() as session:
        total = session.execute(select(func.count()).select_from(Decision)).scalar_one()
    print(f"| What | median / max ms ({args.runs} runs) |\n|---|---|")
    for what, value in rows:
        print(f"| {what} | {value} |")
    print(f"\n{args.claims} claims; {total} decisions; load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
