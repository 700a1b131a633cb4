"""``caseworker payment record BSN --bedrag 123.45 --datum JJJJ-MM-DD [--kenmerk REF] [--json]``.

Records a payment once, at debtor level, and prints how it was divided over the claims (per claim: kosten, rente,
hoofdsom) and what is open after it.  The JSON is described in ``docs/payments.md``.  Exit 0 booked; 2 input the
user can put right (unknown BSN, a wrong amount or date, a kenmerk of another debtor, a role that may not book);
3 the database (read-only, unreachable).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from caseworker_app import cli

from caseworker_app.domain.money import format_date, format_eur


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "payment",
        parents=[common],
        help="betalingen boeken",
        description="Boek een ontvangen betaling op schuldenaarsniveau; Caseworker rekent haar toe aan de vorderingen.",
    )
    actions = parser.add_subparsers(dest="payment_command", metavar="ACTIE", required=True)
    record = actions.add_parser(
        "record",
        parents=[common],
        help="boek een ontvangen betaling en toon de toerekening",
        description=(
            "Boek een betaling en reken haar toe: per vordering eerst de kosten, dan de invorderingsrente, dan de "
            "aanslag zelf (Invorderingswet 1990, art. 7); over de vorderingen eerst de vordering die de betaler "
            "noemt (--kenmerk), dan de oudste (Leidraad Invordering 2008, 7.2). Wat niet open staat blijft als "
            "tegoed staan."
        ),
    )
    record.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    record.add_argument("--bedrag", required=True, metavar="BEDRAG", help="het ontvangen bedrag, bijvoorbeeld 123,45")
    record.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="de dag waarop de betaling is ontvangen")
    record.add_argument("--kenmerk", metavar="KENMERK", help="het aanslag- of vorderingnummer dat de betaler noemde")
    record.add_argument("--via", choices=("bank", "balie", "deurwaarder"), default="bank",
                        help="hoe het geld binnenkwam (standaard: bank)")
    record.add_argument("--reden", metavar="TEKST", help="toelichting voor de audittrail")
    record.add_argument("--json", action="store_true", help="uitvoer als JSON (bedragen als tekst met twee decimalen)")
    record.set_defaults(func=run_record)


def open_context(args: argparse.Namespace) -> Any:
    """The acting user's context; a read-only database is refused by the booking itself (one line, exit 3)."""
    from caseworker_app.services.context import Database

    return Database.open(cli.database_url(args)).login(getattr(args, "user", None))


def parse_day(value: str, option: str) -> Any:
    from caseworker_app.domain.calc import parse_date

    return parse_date(value[:40], option)


def run_record(args: argparse.Namespace) -> int:
    from caseworker_app.services import payments

    amount = payments.parse_amount(args.bedrag, "--bedrag")  # input first: no database needed to refuse it
    day = parse_day(args.datum, "--datum")
    from caseworker_app.services.position.build import today

    payments.check_date(day, today(), "--datum")
    ctx = open_context(args)
    result = payments.record_payment(ctx, args.bsn, amount, day, kenmerk=args.kenmerk, channel=args.via,
                                     reason=args.reden)
    if args.json:
        json.dump(result_to_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print_result(result)
    return 0


def result_to_json(result: Any) -> dict[str, Any]:
    return {
        "payment_id": result.payment_id,
        "debtor_id": result.debtor_id,
        "bsn": result.identifier,
        "kind": result.kind,
        "channel": result.channel,
        "amount": str(result.amount),
        "date": result.day.isoformat(),
        "kenmerk": result.kenmerk,
        "allocation": [
            {
                "claim_id": p.claim_id,
                "reference": p.reference,
                "kosten": str(p.kosten),
                "rente": str(p.rente),
                "hoofdsom": str(p.hoofdsom),
                "total": str(p.total),
                "open": str(p.open_after),
            }
            for p in result.parts
        ],
        "allocated": str(result.allocated),
        "unallocated": str(result.unallocated),
        "open": str(result.open_after),
        "notes": list(result.notes),
    }


def print_result(result: Any) -> None:
    what = "Verrekening" if result.kind == "verrekening" else "Betaling"
    print(f"{what} van {format_eur(result.amount)} op {format_date(result.day)} geboekt voor BSN/RSIN "
          f"{result.identifier} (nummer {result.payment_id}).")
    if result.parts:
        print("Toegerekend (per vordering eerst kosten, dan rente, dan de aanslag zelf):")
        rows = [["Kenmerk", "Kosten", "Rente", "Hoofdsom", "Totaal", "Nog open"]]
        rows += [[p.reference, format_eur(p.kosten), format_eur(p.rente), format_eur(p.hoofdsom),
                  format_eur(p.total), format_eur(p.open_after)] for p in result.parts]
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for n, row in enumerate(rows):
            print("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths,
                                                                                                    strict=True))))
            if n == 0:
                print("  " + "  ".join("-" * w for w in widths))
    else:
        print("Niets toegerekend.")
    if result.unallocated > 0:
        print(f"Tegoed (niet toegerekend): {format_eur(result.unallocated)}")
    print(f"Nog open op {format_date(result.day)}: {format_eur(result.open_after)}")
    for note in result.notes:
        print(f"Let op: {note}" if not note.startswith("Let op") else note)
