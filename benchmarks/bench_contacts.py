"""Benchmark (issue 11): the Contacten tab of a debtor with 2,000 contacts, and "Mijn werk" with 5,000 open team tasks.

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_contacts.py [--contacts 2000] [--tasks 5000] [--runs 15] [--pg URL]

SQLite by default (a fresh file); ``--pg URL`` measures an empty PostgreSQL database too.  Offscreen, medians and
worst over ``--runs`` after a warm-up, wall clock and process CPU:

* **contact tab**: the user-visible moment -- the workspace has its position (loaded as usual) and the officer
  switches to "Contacten": the table model over 2,000 rows, the tasks, the flags, the tab shown and painted;
  compared with the same tab for a debtor with 20 contacts (the ratio says whether it grows with the log);
* **what the contacts add to loading the position**: ``get_position`` of the 2,000-contact debtor against the same
  debtor's position without the contacts capability installed (the extension's share of a workspace open);
* **Mijn werk, team, 5,000 open tasks**: from the refresh to the list painted -- the query (tasks of everyone in the
  officer's team, with debtor, owner and risk marking), the model, the first paint; compared with 50 tasks.

Prints a Markdown table (docs/performance.md, "Contacts and Mijn werk", holds a measured run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-bench-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_position import upgrade
from sqlalchemy import insert, select

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.search import search_name
from caseworker_app.domain.types import Role

from caseworker_app.db.models import ContactEntry, Debtor, Task, TaskEvent, User

from caseworker_app.services import capabilities, position, users
from caseworker_app.services.context import Context, Database

from caseworker_app.gui import ops
from caseworker_app.gui.contacts.contacts_tab import ContactsTab
from caseworker_app.gui.contacts.my_work import MyWork

TODAY = dt.datetime.now().astimezone().date()
KANALEN = ("telefoon_uit", "telefoon_in", "brief", "balie", "email")


def _debtor(session: Any, bsn: str, name: str) -> int:
    debtor = Debtor(kind="natuurlijk_persoon", doelgroep="particulier", bsn=bsn, voornamen="Bench",
                    achternaam=name, search_name=search_name(name, "Bench", None), straat="Laan", huisnummer=1,
                    postcode="1234AB", woonplaats="Utrecht")
    session.add(debtor)
    session.flush()
    return int(debtor.id)


def build(ctx: Context, contacts: int, task_count: int) -> tuple[int, int, Context]:
    """A big and a small debtor (``contacts`` and 20 contacts) and ``task_count`` open tasks spread over a team."""
    login = ctx.actor.login
    if not ctx.db.is_shared:  # a team: tasks for four colleagues too (PostgreSQL: the one login's tasks)
        for n in range(4):
            users.add_user(ctx, f"collega{n}", f"Collega {n}", (Role.CASEWORKER,))
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="bench.build") as session:
        big = _debtor(session, "111222333", "Veelcontact")
        small = _debtor(session, "123456782", "Weinigcontact")
        more = [_debtor(session, bsn, f"Taak{n}") for n, bsn in enumerate(("249566758", "999993653", "100000009"))]
        team = [uid for (uid,) in session.execute(select(User.id))]
        rows = []
        for debtor_id, count in ((big, contacts), (small, 20)):
            for n in range(count):
                rows.append({"debtor_id": debtor_id, "datum": TODAY - dt.timedelta(days=count - n),
                             "kanaal": KANALEN[n % len(KANALEN)], "met": "schuldenaar",
                             "samenvatting": f"Contact {n}: gebeld over de aanmaning; afspraken gemaakt over de "
                                             f"betaling en de loonstroken.\nTweede regel {n}.",
                             "uitkomst": "terugbellen" if n % 3 else None, "created_by": login})
        session.execute(insert(ContactEntry), rows)
        owners = [ctx.actor.user_id, *[u for u in team if u != ctx.actor.user_id]]
        debtors = (big, small, *more)
        task_rows = [{"debtor_id": debtors[n % 5], "omschrijving": f"Taak {n}: terugbellen over de regeling",
                      "voor_id": owners[n % len(owners)], "datum": TODAY + dt.timedelta(days=(n % 40) - 15),
                      "status": "open", "plek": "contacten", "created_by": login, "version": 1}
                     for n in range(task_count)]
        session.execute(insert(Task), task_rows)
        ids = list(session.execute(select(Task.id).order_by(Task.id)).scalars())
        session.execute(insert(TaskEvent), [{"task_id": t, "kind": "aangemaakt", "door": login} for t in ids])
    return big, small, ctx


def paint(widget: Any) -> None:
    widget.repaint()
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def timed(fn: Callable[[], Any], runs: int) -> tuple[list[float], list[float]]:
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms (worst {max(values) * 1000:.1f})"


def run_backend(url: str, contacts: int, task_count: int, runs: int) -> list[tuple[str, str, str, str]]:
    upgrade(url)
    db = Database.open(url)
    ctx = db.login()
    big, small, ctx = build(ctx, contacts, task_count)
    out: list[tuple[str, str, str, str]] = []
    positions = {d: position.get_position(ctx, d) for d in (big, small)}
    tabs: dict[int, float] = {}  # CPU medians: on a loaded machine wall time is mostly waiting for a core
    for debtor_id, label in ((big, f"{contacts:,} contacts"), (small, "20 contacts")):
        def open_tab(debtor_id: int = debtor_id) -> None:
            tab = ContactsTab(ctx, debtor_id)
            tab.resize(1366, 600)
            tab.show_position(positions[debtor_id])
            tab.show()
            paint(tab)
            tab.close()
            tab.deleteLater()
        wall, cpu = timed(open_tab, runs)
        tabs[debtor_id] = statistics.median(cpu)
        out.append((f"Contacten tab shown and painted, {label}", ms(wall), ms(cpu), ""))
    out[-2] = (*out[-2][:3], f"{tabs[big] / tabs[small]:.1f}× the 20-contact tab (CPU)")

    wall_with, cpu_with = timed(lambda: position.get_position(ctx, big), max(5, runs // 3))
    bare = Database.open(url)
    bare.capabilities = capabilities.Capabilities()  # the position without any capability's extension
    bare_ctx = Context(bare, ctx.actor)
    wall_without, cpu_without = timed(lambda: position.get_position(bare_ctx, big), max(5, runs // 3))
    out.append((f"get_position of the {contacts:,}-contact debtor (no claims), with the contacts extension",
                ms(wall_with), ms(cpu_with),
                f"+{(statistics.median(cpu_with) - statistics.median(cpu_without)) * 1000:.0f} ms CPU for the "
                "contacts"))
    out.append(("the same without any capability's extension", ms(wall_without), ms(cpu_without), ""))

    def my_work(count_limit: int) -> Callable[[], None]:
        def run() -> None:
            work = MyWork(ctx, today=TODAY)
            work.resize(1366, 700)
            work.team.blockSignals(True)
            work.team.setChecked(True)
            work.team.blockSignals(False)
            from caseworker_app.services.contacts import tasks

            found = tasks.list_tasks(ctx, team=True, limit=count_limit, day=TODAY)
            work.show_tasks(found)
            work.show()
            paint(work)
            work.close()
            work.deleteLater()
        return run

    wall_big, cpu_big = timed(my_work(10_000), runs)
    wall_small, cpu_small = timed(my_work(50), runs)
    out.append((f"Mijn werk, team view, {task_count:,} open tasks: query + list + paint", ms(wall_big), ms(cpu_big),
                f"{statistics.median(cpu_big) / statistics.median(cpu_small):.1f}× the 50-task list (CPU)"))
    out.append(("Mijn werk, team view, 50 open tasks", ms(wall_small), ms(cpu_small), ""))
    bare.dispose()
    db.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=2000)
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pg", metavar="URL", help="also measure this (empty) PostgreSQL database")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    ops.set_default_pool(ops.SyncPool())
    urls = [("SQLite", f"sqlite:///{tempfile.mkdtemp(prefix='bench-contacts-')}/bench.sqlite")]
    if args.pg:
        urls.append(("PostgreSQL", args.pg))
    load = os.getloadavg()
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, load average "
          f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M}\n")
    print("| Backend | What | Wall, median (worst) | CPU, median (worst) | Ratio |")
    print("|---|---|---|---|---|")
    for name, url in urls:
        for what, wall, cpu, ratio in run_backend(url, args.contacts, args.tasks, args.runs):
            print(f"| {name} | {what} | {wall} | {cpu} | {ratio} |")
    QTimer.singleShot(0, lambda: None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
