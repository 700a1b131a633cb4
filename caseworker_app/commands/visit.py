"""``caseworker visit report|plan|list``: the bailiff's home visits from the command line (issue 11).

Fixed: ``visit report BSN --aangetroffen ja|nee --advies ADVIES [--bevindingen TEXT] [--risico TEXT] [--json]``
prints ``{id, ...}``.  Only roles that record enforcement (the bailiff) may report a visit.
"""

from __future__ import annotations

import argparse
from typing import Any

from caseworker_app.commands.contact import context, debtor_id, parse_day, parse_yes_no, print_json, task_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    from caseworker_app.domain.contacts import Advies

    parser = sub.add_parser("visit", parents=[common], help="huisbezoeken plannen en rapporteren",
                            description="Huisbezoeken van de deurwaarder: de bezoeklijst en het bezoekverslag.")
    actions = parser.add_subparsers(dest="visit_command", metavar="ACTIE", required=True)
    report = actions.add_parser("report", parents=[common], help="bezoekverslag vastleggen",
                                description="Leg het verslag van een huisbezoek vast. Het wordt nooit gewijzigd.")
    report.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    report.add_argument("--aangetroffen", required=True, metavar="ja|nee", help="is de schuldenaar aangetroffen")
    report.add_argument("--advies", required=True, metavar="ADVIES", help=", ".join(a.value for a in Advies))
    report.add_argument("--bevindingen", metavar="TEKST", help="wat u zag en hoorde")
    report.add_argument("--risico", metavar="TEKST", help="risico voor medewerkers (markeert de schuldenaar)")
    report.add_argument("--woonsituatie", metavar="TEKST", help="de woonsituatie")
    report.add_argument("--huishouden", metavar="TEKST", help="wie er wonen")
    report.add_argument("--kwetsbaarheid", metavar="TEKST", help="signalen van kwetsbaarheid")
    report.add_argument("--goederen", metavar="TEKST", help="zichtbare goederen van waarde")
    report.add_argument("--omstandigheid", action="append", default=[], metavar="CODE",
                        help="bijzondere omstandigheid (herhaalbaar)")
    report.add_argument("--datum", metavar="JJJJ-MM-DD", help="datum van het bezoek (standaard vandaag)")
    report.add_argument("--json", action="store_true", help="uitvoer als JSON")
    report.set_defaults(func=run_report)

    plan = actions.add_parser("plan", parents=[common], help="huisbezoek plannen",
                              description="Zet een huisbezoek op de bezoeklijst van een deurwaarder.")
    plan.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    plan.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="wanneer")
    plan.add_argument("--deurwaarder", metavar="LOGIN", help="welke deurwaarder (standaard uzelf)")
    plan.add_argument("--doel", metavar="TEKST", help="waarvoor")
    plan.add_argument("--json", action="store_true", help="uitvoer als JSON")
    plan.set_defaults(func=run_plan)

    pdf = actions.add_parser("pdf", parents=[common], help="bezoekverslag als PDF",
                             description="Maak het bezoekverslag als PDF om af te drukken of in het dossier te doen.")
    pdf.add_argument("id", metavar="ID", help="nummer van het bezoekverslag")
    pdf.add_argument("-o", "--output", required=True, metavar="BESTAND", help="het PDF-bestand")
    pdf.add_argument("--force", action="store_true", help="een bestaand bestand vervangen")
    pdf.set_defaults(func=run_pdf)

    listing = actions.add_parser("list", parents=[common], help="bezoeklijst tonen",
                                 description="Toon uw geplande huisbezoeken, op postcode voor een route.")
    listing.add_argument("--all", action="store_true", help="de bezoeken van alle deurwaarders")
    listing.add_argument("--sort", default="postcode", choices=("postcode", "datum"), help="volgorde")
    listing.add_argument("--json", action="store_true", help="uitvoer als JSON")
    listing.set_defaults(func=run_list)


def report_json(r: Any, bsn: str | None = None, risico: str | None = None) -> dict[str, Any]:
    return {"id": r.id, "bsn": bsn, "bezoek_id": r.visit_id, "contact_id": r.contact_id,
            "bezocht_op": r.bezocht_op.isoformat(), "aangetroffen": r.aangetroffen, "advies": r.advies,
            "bevindingen": r.bevindingen, "risico": risico, "woonsituatie": r.woonsituatie,
            "huishouden": r.huishouden, "kwetsbaarheid": r.kwetsbaarheid, "goederen": r.goederen, "door": r.door,
            "opvolging": list(r.opvolging), "taak": task_json(r.taak)}


def run_report(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import visits

    met = parse_yes_no(args.aangetroffen, "--aangetroffen")
    day = parse_day(args.datum, "--datum")
    ctx = context(args)
    try:
        report = visits.report_visit(
            ctx, debtor_id(ctx, args.bsn), aangetroffen=met, advies=args.advies, bevindingen=args.bevindingen,
            risico=args.risico, woonsituatie=args.woonsituatie, huishouden=args.huishouden,
            kwetsbaarheid=args.kwetsbaarheid, goederen=args.goederen, omstandigheden=args.omstandigheid,
            bezocht_op=day)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(report_json(report, args.bsn, args.risico))
        return 0
    line = f"Bezoekverslag {report.id} vastgelegd."
    if report.taak is not None:
        line += f" Taak {report.taak.id} voor {report.taak.voor}: {report.taak.omschrijving}."
    if "risico_gemarkeerd" in report.opvolging:
        line += " De schuldenaar is gemarkeerd als risico voor medewerkers."
    print(line)
    return 0


def _visit_json(v: Any) -> dict[str, Any]:
    return {"id": v.id, "bsn": v.bsn, "naam": v.debtor_name, "adres": v.address, "postcode": v.postcode,
            "gepland_op": v.gepland_op.isoformat(), "deurwaarder": v.bailiff, "doel": v.doel, "status": v.status,
            "risico": v.risico}


def run_plan(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import visits

    day = parse_day(args.datum, "--datum")
    ctx = context(args)
    try:
        visit = visits.plan_visit(ctx, debtor_id(ctx, args.bsn), day, bailiff=args.deurwaarder, doel=args.doel)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(_visit_json(visit))
    else:
        print(f"Huisbezoek {visit.id} gepland op {visit.gepland_op.isoformat()} voor {visit.bailiff}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from caseworker_app.services.contacts import visits

    ctx = context(args)
    try:
        found = visits.planned_visits(ctx, bailiff=None if args.all else "", sort=args.sort)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json([_visit_json(v) for v in found])
        return 0
    if not found:
        print("Geen geplande huisbezoeken.")
    for v in found:
        risk = f"  ! RISICO: {v.risico}" if v.risico is not None else ""
        print(f"{v.id:>6}  {v.gepland_op.isoformat()}  {v.postcode or '':<6}  {v.debtor_name}, {v.address}{risk}")
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from caseworker_app.commands.contact import parse_id

    from caseworker_app.services.contacts import visits

    report_id = parse_id(args.id)
    ctx = context(args)
    try:
        written = visits.write_visit_report(ctx, report_id, args.output, force=args.force)
    finally:
        ctx.db.dispose()
    print(f"Bezoekverslag {report_id} geschreven naar {written}.")
    return 0
