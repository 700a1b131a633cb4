"""``caseworker report schuldoverzicht BSN -o FILE.pdf [--date JJJJ-MM-DD]``: the citizen's debt overview as a PDF."""

from __future__ import annotations

import argparse

from caseworker_app.commands.debtor import open_context, parse_position_date

from caseworker_app.domain.money import format_date, format_eur


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "report",
        parents=[common],
        help="maak documenten voor de burger (PDF)",
        description="Maak documenten voor de burger als PDF.",
    )
    kinds = parser.add_subparsers(dest="report_kind", metavar="SOORT", required=True)
    overview = kinds.add_parser(
        "schuldoverzicht",
        parents=[common],
        help="overzicht van alle openstaande schulden, in gewone taal",
        description="Maakt een PDF (A4) met wat de burger nog moet betalen aan Belastingdienst en Dienst "
        "Toeslagen, per vordering, met kosten, rente, wat er nu gebeurt en hoe een regeling of "
        "kwijtschelding kan worden aangevraagd.",
    )
    overview.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    overview.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf", help="waar de PDF komt")
    overview.add_argument("--date", metavar="JJJJ-MM-DD", help="de stand op deze datum (standaard vandaag)")
    overview.add_argument(
        "--force",
        action="store_true",
        help="vervang een bestaand bestand (nooit een database, map of apparaat)",
    )
    overview.set_defaults(func=run_schuldoverzicht)
    besluit = kinds.add_parser(
        "besluit",
        parents=[common],
        help="besluitbrief over een maatregel (maatwerk), in gewone taal",
        description="Maakt een PDF (A4) voor de burger: wat wij besloten over de maatregel, voor welke schulden, "
        "van wanneer tot wanneer, wat het betekent en wat de burger kan doen.",
    )
    besluit.add_argument("id", metavar="ID", help="nummer van de maatregel (caseworker maatwerk list)")
    besluit.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf", help="waar de PDF komt")
    besluit.add_argument("--force", action="store_true",
                         help="vervang een bestaand bestand (nooit een database, map of apparaat)")
    besluit.set_defaults(func=run_besluit)


def run_schuldoverzicht(args: argparse.Namespace) -> int:
    from caseworker_app import gc_tuning

    gc_tuning.hold_collections()  # the imports below are most of this command's time: no collections meanwhile
    from caseworker_app.services import output, position

    gc_tuning.freeze_after_start(collect=False)

    as_of = parse_position_date(args.date)
    output.check_target(args.output, force=args.force)  # refuse before the database is even opened
    ctx = open_context(args)
    if ctx.db.read_only_reason is not None:  # making one is recorded in the audit trail: refuse before writing
        from caseworker_app.errors import StorageError

        raise StorageError("database_read_only", reason=ctx.db.read_only_reason)
    pos = position.get_position_by_bsn(ctx, args.bsn, as_of)
    position.write_schuldoverzicht(ctx, pos, args.output, force=args.force)
    print(
        f"Schuldoverzicht van {pos.debtor.display_name} per {format_date(pos.as_of)} geschreven naar {args.output} "
        f"({pos.totals.claim_count} vorderingen, totaal open {format_eur(pos.totals.open)})."
    )
    return 0


def run_besluit(args: argparse.Namespace) -> int:
    from caseworker_app.commands.maatwerk import measure_id

    from caseworker_app.services import output
    from caseworker_app.services.maatwerk import letter

    number = measure_id(args.id)
    output.check_target(args.output, force=args.force)  # refuse before the database is even opened
    ctx = open_context(args)
    if ctx.db.read_only_reason is not None:  # making one is recorded in the audit trail
        from caseworker_app.errors import StorageError

        raise StorageError("database_read_only", reason=ctx.db.read_only_reason)
    letter.write_besluit(ctx, number, args.output, force=args.force)
    print(f"Besluitbrief over maatregel {number} geschreven naar {args.output}.")
    return 0
