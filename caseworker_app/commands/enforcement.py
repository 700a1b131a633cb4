"""``caseworker enforcement record KENMERK --stap STAP --datum [--toelichting TEKST] [--json]``.

Only the step the rules engine says is next and allowed on that day (the measures included), or a stuitingsbrief
when the advice is to stuiten; its Kostenwet costs are booked with it.  Needs the bailiff role.
"""

from __future__ import annotations

import argparse
import json
import sys

from caseworker_app.commands.payment import open_context, parse_day
from caseworker_app.commands.vermindering import booking_json

from caseworker_app.domain.money import format_date, format_eur
from caseworker_app.domain.types import EnforcementStep, label_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("enforcement", parents=[common], help="invorderingsstappen vastleggen",
                            description="Leg een genomen invorderingsstap vast.")
    actions = parser.add_subparsers(dest="enforcement_command", metavar="ACTIE", required=True)
    record = actions.add_parser(
        "record", parents=[common], help="leg een invorderingsstap vast, met de kosten",
        description="Leg vast dat een stap is genomen. Alleen de stap die volgens de regels de volgende is en op "
        "die dag mag (maatregelen tellen mee), of een stuitingsbrief als stuiten het advies is. De kosten volgens "
        "de Kostenwet worden meegeboekt. Vraagt de rol belastingdeurwaarder.",
    )
    record.add_argument("kenmerk", metavar="KENMERK", help="het aanslag- of vorderingnummer")
    record.add_argument("--stap", required=True, metavar="STAP",
                        help="de stap: " + ", ".join(s.value for s in EnforcementStep))
    record.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="de dag waarop de stap is genomen")
    record.add_argument("--toelichting", metavar="TEKST", help="bijvoorbeeld hoe het dwangbevel is betekend")
    record.add_argument("--reden", metavar="TEKST", help="toelichting voor de audittrail")
    record.add_argument("--json", action="store_true", help="uitvoer als JSON")
    record.set_defaults(func=run_record)


def run_record(args: argparse.Namespace) -> int:
    from caseworker_app.services import bookings, payments
    from caseworker_app.services.position.build import today

    day = payments.check_date(parse_day(args.datum, "--datum"), today(), "--datum")
    result = bookings.record_enforcement_step(open_context(args), args.kenmerk, args.stap, day,
                                              notes=args.toelichting, reason=args.reden)
    if args.json:
        json.dump(booking_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        what = label_of(EnforcementStep, result.kind)
        print(f"{what.capitalize()} op {format_date(result.day)} vastgelegd voor vordering {result.reference}"
              + (f", met {format_eur(result.amount)} kosten" if result.amount else "")
              + f". Nog open op die vordering: {format_eur(result.open_after)}.")
    return 0
