"""``caseworker task list|add|done|handover|history``: follow-up tasks from the command line (issue 11).

Fixed: ``task list [--mine] [--team] [--overdue] --json`` prints a list of ``{id, bsn, omschrijving, datum, voor,
status}`` (open tasks by due date; without ``--mine``/``--team`` every open task); ``task done ID``;
``task handover ID --to LOGIN``.
"""

from __future__ import annotations

import argparse
from typing import Any

from caseworker_app.commands.contact import context, debtor_id, parse_day, parse_id, print_json, task_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("task", parents=[common], help="vervolgtaken tonen, afronden en overdragen",
                            description="Vervolgtaken: Mijn werk, het werk van het team, afronden en overdragen.")
    actions = parser.add_subparsers(dest="task_command", metavar="ACTIE", required=True)
    listing = actions.add_parser("list", parents=[common], help="taken tonen",
                                 description="Toon open taken op volgorde van datum.")
    listing.add_argument("--mine", action="store_true", help="alleen mijn taken")
    listing.add_argument("--team", action="store_true", help="de taken van mijn team")
    listing.add_argument("--overdue", action="store_true", help="alleen taken waarvan de datum voorbij is")
    listing.add_argument("--all", action="store_true", help="ook afgeronde taken")
    listing.add_argument("--limit", default="500", metavar="N", help="hoogstens N taken (standaard 500)")
    listing.add_argument("--json", action="store_true", help="uitvoer als JSON")
    listing.set_defaults(func=run_list)

    add = actions.add_parser("add", parents=[common], help="taak maken",
                             description="Maak een taak bij een schuldenaar.")
    add.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    add.add_argument("--omschrijving", required=True, metavar="TEKST", help="wat er moet gebeuren")
    add.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="wanneer het klaar moet zijn")
    add.add_argument("--voor", metavar="LOGIN", help="voor wie (standaard uzelf)")
    add.add_argument("--json", action="store_true", help="uitvoer als JSON")
    add.set_defaults(func=run_add)

    done = actions.add_parser("done", parents=[common], help="taak afronden", description="Rond een taak af.")
    done.add_argument("id", metavar="ID", help="nummer van de taak")
    done.add_argument("--toelichting", metavar="TEKST", help="wat er gedaan is")
    done.add_argument("--json", action="store_true", help="uitvoer als JSON")
    done.set_defaults(func=run_done)

    handover = actions.add_parser("handover", parents=[common], help="taak overdragen",
                                  description="Draag een open taak over aan een collega (wordt vastgelegd).")
    handover.add_argument("id", metavar="ID", help="nummer van de taak")
    handover.add_argument("--to", required=True, metavar="LOGIN", help="de collega die de taak krijgt")
    handover.add_argument("--toelichting", metavar="TEKST", help="waarom")
    handover.add_argument("--json", action="store_true", help="uitvoer als JSON")
    handover.set_defaults(func=run_handover)

    history = actions.add_parser("history", parents=[common], help="geschiedenis van een taak",
                                 description="Toon wie de taak maakte, overdroeg en afrondde.")
    history.add_argument("id", metavar="ID", help="nummer van de taak")
    history.add_argument("--json", action="store_true", help="uitvoer als JSON")
    history.set_defaults(func=run_history)


def _limit(value: str) -> int:
    from caseworker_app.errors import ValidationError

    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text[:6]) <= 10_000 or len(text) > 6:
        raise ValidationError("invalid_field", field="--limit", reason="kies een getal van 1 tot en met 10.000")
    return int(text)


def run_list(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import tasks

    limit = _limit(args.limit)
    ctx = context(args)
    try:
        found = tasks.list_tasks(ctx, mine=args.mine, team=args.team, overdue=args.overdue,
                                 status=None if args.all else "open", limit=limit)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json([task_json(t) for t in found])
        return 0
    if not found:
        print("Geen taken.")
        return 0
    today = tasks.today()
    marks = {"te_laat": "te laat", "vandaag": "vandaag", "later": "", "gedaan": "gedaan"}
    for t in found:
        print(f"{t.id:>6}  {t.datum.isoformat()}  {marks[t.bucket(today)]:<8}  {t.bsn or '':<9}  {t.voor:<16}  "
              f"{t.omschrijving.splitlines()[0][:80]}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import TaskInput, tasks

    value = TaskInput(args.omschrijving, parse_day(args.datum, "--datum"), args.voor)
    ctx = context(args)
    try:
        task = tasks.add_task(ctx, debtor_id(ctx, args.bsn), value)
    finally:
        ctx.db.dispose()
    _report(args, task, f"Taak {task.id} gemaakt voor {task.voor} op {task.datum.isoformat()}.")
    return 0


def run_done(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import tasks

    task_id = parse_id(args.id)
    ctx = context(args)
    try:
        task = tasks.done(ctx, task_id, args.toelichting)
    finally:
        ctx.db.dispose()
    _report(args, task, f"Taak {task.id} is afgerond.")
    return 0


def run_handover(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import tasks

    task_id = parse_id(args.id)
    ctx = context(args)
    try:
        task = tasks.handover(ctx, task_id, args.to, args.toelichting)
    finally:
        ctx.db.dispose()
    _report(args, task, f"Taak {task.id} is overgedragen aan {task.voor} ({task.voor_naam}).")
    return 0


def run_history(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import tasks

    task_id = parse_id(args.id)
    ctx = context(args)
    try:
        tasks.get_task(ctx, task_id)
        events = tasks.history(ctx, task_id)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json([{"id": e.id, "kind": e.kind, "van": e.van, "naar": e.naar, "toelichting": e.toelichting,
                     "door": e.door, "op": e.occurred_at.isoformat()} for e in events])
        return 0
    for e in events:
        who = f" van {e.van}" if e.van else ""
        who += f" naar {e.naar}" if e.naar else ""
        print(f"{e.occurred_at:%Y-%m-%d %H:%M}  {e.kind}{who} door {e.door}"
              + (f": {e.toelichting}" if e.toelichting else ""))
    return 0


def _report(args: argparse.Namespace, task: Any, line: str) -> None:
    if getattr(args, "json", False):
        print_json(task_json(task))
    else:
        print(line)
