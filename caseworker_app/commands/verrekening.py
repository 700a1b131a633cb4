"""``caseworker verrekening record BSN --bedrag --datum --bron TEKST [--kenmerk REF] [--json]``.

A verrekening (a refund or toeslagvoorschot set off against the debt) is allocated like a payment; the output and
the JSON are those of ``caseworker payment record`` (``docs/payments.md``), with ``kind: "verrekening"``.
"""

from __future__ import annotations

import argparse
import json
import sys

from caseworker_app.commands.payment import open_context, parse_day, print_result, result_to_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("verrekening", parents=[common], help="verrekeningen boeken",
                            description="Verreken een teruggaaf of toeslagvoorschot met de schulden.")
    actions = parser.add_subparsers(dest="verrekening_command", metavar="ACTIE", required=True)
    record = actions.add_parser(
        "record", parents=[common], help="boek een verrekening en toon de toerekening",
        description="Boek een verrekening; zij wordt toegerekend als een betaling (eerst kosten, dan rente, dan de "
        "aanslag; de oudste vordering eerst), nooit aan een vordering waarop maatwerk verrekening uitsluit.",
    )
    record.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    record.add_argument("--bedrag", required=True, help="het verrekende bedrag, bijvoorbeeld 250,00")
    record.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="de dag van de verrekening")
    record.add_argument("--bron", required=True, metavar="TEKST",
                        help="waarmee verrekend is, bijvoorbeeld 'teruggaaf IB 2025'")
    record.add_argument("--kenmerk", metavar="KENMERK", help="de vordering waarmee verrekend moet worden")
    record.add_argument("--reden", metavar="TEKST", help="toelichting voor de audittrail")
    record.add_argument("--json", action="store_true", help="uitvoer als JSON")
    record.set_defaults(func=run_record)


def run_record(args: argparse.Namespace) -> int:
    from caseworker_app.services import bookings, payments
    from caseworker_app.services.position.build import today

    amount = payments.parse_amount(args.bedrag, "--bedrag")
    day = payments.check_date(parse_day(args.datum, "--datum"), today(), "--datum")
    result = bookings.record_verrekening(open_context(args), args.bsn, amount, day, bron=args.bron,
                                         kenmerk=args.kenmerk, reason=args.reden)
    if args.json:
        json.dump(result_to_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_result(result)
    return 0
