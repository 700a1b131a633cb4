"""``caseworker vermindering record KENMERK --bedrag --datum [--bron TEKST] [--json]``: reduce one aanslag."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from caseworker_app.commands.payment import open_context, parse_day

from caseworker_app.domain.money import format_date, format_eur


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("vermindering", parents=[common], help="verminderingen boeken",
                            description="Verminder een aanslag of terugvordering (na bezwaar, ambtshalve).")
    actions = parser.add_subparsers(dest="vermindering_command", metavar="ACTIE", required=True)
    record = actions.add_parser("record", parents=[common], help="boek een vermindering op één vordering",
                                description="Boek een vermindering op de vordering met dit kenmerk; hoogstens wat "
                                "er van de aanslag nog open staat.")
    record.add_argument("kenmerk", metavar="KENMERK", help="het aanslag- of vorderingnummer")
    record.add_argument("--bedrag", required=True, help="het bedrag van de vermindering, bijvoorbeeld 150,00")
    record.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="de dag van de vermindering")
    record.add_argument("--bron", default="bezwaar", metavar="TEKST",
                        help="waarom, bijvoorbeeld 'bezwaar' of 'ambtshalve' (standaard: bezwaar)")
    record.add_argument("--reden", metavar="TEKST", help="toelichting voor de audittrail")
    record.add_argument("--json", action="store_true", help="uitvoer als JSON")
    record.set_defaults(func=run_record)


def booking_json(result: Any) -> dict[str, Any]:
    return {"claim_id": result.claim_id, "reference": result.reference, "kind": result.kind,
            "date": result.day.isoformat(), "amount": str(result.amount), "open": str(result.open_after)}


def run_record(args: argparse.Namespace) -> int:
    from caseworker_app.services import bookings, payments
    from caseworker_app.services.position.build import today

    amount = payments.parse_amount(args.bedrag, "--bedrag")
    day = payments.check_date(parse_day(args.datum, "--datum"), today(), "--datum")
    result = bookings.record_vermindering(open_context(args), args.kenmerk, amount, day, bron=args.bron,
                                          reason=args.reden)
    if args.json:
        json.dump(booking_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"Vermindering van {format_eur(result.amount)} op {format_date(result.day)} geboekt op vordering "
              f"{result.reference}. Nog open op die vordering: {format_eur(result.open_after)}.")
    return 0
