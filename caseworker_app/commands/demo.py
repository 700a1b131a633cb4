"""``caseworker demo --debtors N --seed S``: fill a database with realistic Dutch demo data.

An empty database is set up first (``db upgrade``), so ``caseworker demo --database new.sqlite`` works
on a fresh file.  The same N, seed and ``--date`` give the same data.  Progress goes to stderr, the
summary to stdout.
"""

from __future__ import annotations

import argparse
import re
import sys
import time

from caseworker_app import cli
from caseworker_app.errors import ValidationError

DEFAULT_DEBTORS = 2000
DEFAULT_SEED = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "demo",
        parents=[common],
        help="demogegevens aanmaken (schuldenaren, vorderingen, boekingen, invorderingsstappen)",
        description="Vul de database met realistische, reproduceerbare demogegevens: schuldenaren met geldige "
        "BSN's, huishoudens, inkomens, vorderingen van Belastingdienst en Dienst Toeslagen, betalingen, "
        "verrekeningen, invorderingsstappen en enkele zeer complexe zaken. Vraagt de rol beheerder.",
    )
    parser.add_argument(
        "--debtors",
        default=str(DEFAULT_DEBTORS),
        metavar="N",
        help=f"aantal schuldenaren (standaard {DEFAULT_DEBTORS})",
    )
    parser.add_argument(
        "--seed",
        default=str(DEFAULT_SEED),
        metavar="S",
        help=f"startwaarde; dezelfde waarde geeft dezelfde gegevens (standaard {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--date", metavar="JJJJ-MM-DD", help="de peildatum van de gegevens: niets ligt later (standaard vandaag)"
    )
    parser.set_defaults(func=run)


def _whole_number(value: str, option: str, minimum: int, maximum: int | None = None) -> int:
    text = value.strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # Dutch thousands separators: 100.000
        text = text.replace(".", "")
    number = int(text) if re.fullmatch(r"[+-]?\d+", text) else None
    if number is None or number < minimum or (maximum is not None and number > maximum):
        upper = f" tot en met {maximum:,}".replace(",", ".") if maximum is not None else " of hoger"
        raise ValidationError(
            "invalid_field", field=option, reason=f"'{value}' is geen geheel getal van {minimum}{upper}"
        )
    return number


def _format(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class _Progress:
    """One progress line on stderr: rewritten in place on a terminal, a few lines in a log."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_step = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        line = f"Demogegevens: {_format(done)} van {_format(total)} schuldenaren ({percent}%)"
        if self.tty:
            end = "\n" if done >= total else ""
            print(f"\r{line}", end=end, file=sys.stderr, flush=True)
        elif percent // 25 != self.last_step:
            self.last_step = percent // 25
            print(line, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from caseworker_app.domain.calc import parse_date

    from caseworker_app.services import admin, demo
    from caseworker_app.services.context import Database

    debtors = _whole_number(args.debtors, "--debtors", 1, demo.MAX_DEBTORS)
    seed = _whole_number(args.seed, "--seed", 0)
    reference = parse_date(args.date, "--date") if args.date else None
    url = cli.database_url(args)
    if admin.status(url).schema_state == "empty":
        info = admin.upgrade(url)
        print(f"Database ingericht: schemaversie {info.schema_revision}.", file=sys.stderr)
    db = Database.open(url)
    try:
        ctx = db.login(getattr(args, "user", None))
        started = time.perf_counter()
        summary = demo.generate(ctx, debtors, seed, progress=_Progress(), reference_date=reference)
        seconds = time.perf_counter() - started
    finally:
        db.dispose()
    print(
        f"Demogegevens aangemaakt in {seconds:.1f} s (seed {summary.seed}, peildatum "
        f"{summary.reference_date.strftime('%d-%m-%Y')}):".replace(".", ",", 1)
    )
    print(
        f"  {_format(summary.debtors)} schuldenaren ({_format(summary.ondernemers)} ondernemers, "
        f"{_format(summary.rechtspersonen)} rechtspersonen, {_format(summary.complex_cases)} zeer complexe zaken)"
    )
    print(f"  {_format(summary.households)} huishoudens, {_format(summary.financial_situations)} inkomensopgaven")
    print(
        f"  {_format(summary.claims)} vorderingen, {_format(summary.bookings)} boekingen, "
        f"{_format(summary.enforcement_actions)} invorderingsstappen"
    )
    print(
        f"  {_format(summary.contacts)} contacten, {_format(summary.tasks)} vervolgtaken, "
        f"{_format(summary.visits)} geplande huisbezoeken, {_format(summary.visit_reports)} bezoekverslagen"
    )
    print(f"  {_format(summary.users_added)} demogebruikers toegevoegd")
    if summary.complex_bsns:
        print(f"Zeer complexe zaken om te bekijken (BSN): {', '.join(summary.complex_bsns)}")
    return 0
