"""``caseworker export maatwerk --since TIMESTAMP --format jsonl|csv [-o FILE]``: the hand-back to the automated
process (``docs/maatwerk-export.md``).  Without ``-o`` the lines go to stdout; ``-o`` never replaces a file
without ``--force`` (``services/output.py``)."""

from __future__ import annotations

import argparse
import sys

from caseworker_app.commands.debtor import open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "export",
        parents=[common],
        help="gegevens teruggeven aan het geautomatiseerde proces",
        description="Schrijf gegevens voor het geautomatiseerde invorderingsproces.",
    )
    kinds = parser.add_subparsers(dest="export_kind", metavar="SOORT", required=True)
    mw = kinds.add_parser(
        "maatwerk",
        parents=[common],
        help="maatregelen die sinds een tijdstip begonnen, veranderden of eindigden",
        description="Elke maatregel die sinds TIJDSTIP is voorgesteld, besloten, ingegaan of geëindigd, met de "
        "vorderingen waarvoor hij geldt; één zelfbeschrijvende regel per maatregel.",
    )
    mw.add_argument("--since", required=True, metavar="TIJDSTIP",
                    help="vanaf dit tijdstip (UTC), bijvoorbeeld 2026-12-01 of 2026-12-01T08:30:00Z")
    mw.add_argument("--format", required=True, metavar="jsonl|csv", help="jsonl (één JSON-object per regel) of csv")
    mw.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (standaard: het scherm)")
    mw.add_argument("--force", action="store_true", help="vervang een bestaand bestand (nooit een database of map)")
    mw.set_defaults(func=run_maatwerk)


def run_maatwerk(args: argparse.Namespace) -> int:
    from caseworker_app.services import output, position
    from caseworker_app.services.maatwerk import export

    since = export.parse_since(args.since)
    fmt = export.check_format(args.format)
    if args.output is not None:
        output.check_target(args.output, force=args.force)  # refuse before the database is even opened
    ctx = open_context(args)
    if ctx.db.read_only_reason is not None:  # the export is recorded in the audit trail
        from caseworker_app.errors import StorageError

        raise StorageError("database_read_only", reason=ctx.db.read_only_reason)
    count, path = export.export(ctx, since, fmt, today=position.today(), target=args.output, force=args.force,
                                stream=None if args.output is not None else sys.stdout.buffer)
    if path is not None:
        print(f"{count} maatregel{'en' if count != 1 else ''} geschreven naar {args.output}.", file=sys.stderr)
    return 0
