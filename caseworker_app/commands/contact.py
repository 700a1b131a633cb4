"""``caseworker contact add|correct|list|risk|end-flag``: the contact log from the command line (issue 11).

Fixed (outside checks rely on them): ``contact add BSN --kanaal KANAAL --samenvatting TEXT [--met WIE]
[--uitkomst CODE] [--omstandigheid CODE]... [--taak TEXT --taak-datum YYYY-MM-DD [--taak-voor LOGIN]] [--json]``
prints ``{id, kanaal, samenvatting, omstandigheden, taak}``; ``contact correct ID --samenvatting TEXT [--json]``
prints the new entry with ``corrigeert: ID``.  Refusals are one Dutch line, exit 2; a database fault exit 3.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from caseworker_app import cli

if TYPE_CHECKING:
    from caseworker_app.services.contacts.dto import ContactInfo, TaskInfo
    from caseworker_app.services.context import Context

#: ids are database integers: a bigger number cannot name anything
MAX_ID = 2_147_483_647


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    from caseworker_app.domain.contacts import Gesprekspartner, Kanaal, Omstandigheid, Uitkomst

    parser = sub.add_parser(
        "contact", parents=[common], help="contacten vastleggen en corrigeren",
        description="Leg een contact met een schuldenaar vast (met uitkomst, bijzondere omstandigheden en een "
        "vervolgtaak), corrigeer het of toon het contactlogboek.",
    )
    actions = parser.add_subparsers(dest="contact_command", metavar="ACTIE", required=True)
    add = actions.add_parser("add", parents=[common], help="contact vastleggen",
                             description="Leg een contact vast. Een opgeslagen contact wordt nooit gewijzigd.")
    add.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    add.add_argument("--kanaal", required=True, metavar="KANAAL", help=_codes(Kanaal))
    add.add_argument("--samenvatting", required=True, metavar="TEKST", help="wat er besproken is (tot 20.000 tekens)")
    add.add_argument("--met", metavar="WIE", help=f"met wie gesproken is: {_codes(Gesprekspartner)} "
                     "(standaard schuldenaar)")
    add.add_argument("--uitkomst", metavar="CODE", help=_codes(Uitkomst))
    add.add_argument("--omstandigheid", action="append", default=[], metavar="CODE",
                     help=f"bijzondere omstandigheid (herhaalbaar): {_codes(Omstandigheid)}")
    add.add_argument("--datum", metavar="JJJJ-MM-DD", help="de datum van het contact (standaard vandaag)")
    add.add_argument("--taak", metavar="TEKST", help="een vervolgtaak: wat er moet gebeuren")
    add.add_argument("--taak-datum", metavar="JJJJ-MM-DD", help="wanneer de taak klaar moet zijn")
    add.add_argument("--taak-voor", metavar="LOGIN", help="voor wie de taak is (standaard uzelf)")
    add.add_argument("--verwijzing", metavar="NAAR", help="doorverwezen naar: gemeente, schuldhulp, bewindvoerder, "
                     "anders (met --toestemming ja|nee en --opvolgdatum)")
    add.add_argument("--organisatie", metavar="TEKST", help="naam van de organisatie waarnaar is doorverwezen")
    add.add_argument("--toestemming", metavar="ja|nee", help="gaf de schuldenaar toestemming om gegevens te delen")
    add.add_argument("--opvolgdatum", metavar="JJJJ-MM-DD", help="wanneer nagaan of de doorverwijzing gelukt is")
    add.add_argument("--json", action="store_true", help="uitvoer als JSON")
    add.set_defaults(func=run_add)

    correct = actions.add_parser("correct", parents=[common], help="contact corrigeren",
                                 description="Corrigeer een contact: er komt een nieuwe versie bij die naar de oude "
                                 "verwijst; beide blijven zichtbaar.")
    correct.add_argument("id", metavar="ID", help="nummer van het contact")
    correct.add_argument("--samenvatting", required=True, metavar="TEKST", help="de juiste samenvatting")
    correct.add_argument("--uitkomst", metavar="CODE", help=_codes(Uitkomst))
    correct.add_argument("--json", action="store_true", help="uitvoer als JSON")
    correct.set_defaults(func=run_correct)

    listing = actions.add_parser("list", parents=[common], help="contactlogboek tonen",
                                 description="Toon alle contacten van een schuldenaar, nieuwste eerst, met correcties.")
    listing.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    listing.add_argument("--json", action="store_true", help="uitvoer als JSON")
    listing.set_defaults(func=run_list)

    risk = actions.add_parser("risk", parents=[common], help="markeren als risico voor medewerkers",
                              description="Markeer een schuldenaar als risico voor medewerkers (met reden); de "
                              "markering staat op elk scherm van deze schuldenaar en op de bezoeklijst.")
    risk.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    risk.add_argument("--reden", required=True, metavar="TEKST", help="waarom")
    risk.add_argument("--json", action="store_true", help="uitvoer als JSON")
    risk.set_defaults(func=run_risk)

    end = actions.add_parser("end-flag", parents=[common], help="markering beëindigen",
                             description="Beëindig een markering (bijzondere omstandigheid of risico) met een reden.")
    end.add_argument("id", metavar="ID", help="nummer van de markering (zie 'contact flags')")
    end.add_argument("--reden", required=True, metavar="TEKST", help="waarom de markering niet meer geldt")
    end.add_argument("--json", action="store_true", help="uitvoer als JSON")
    end.set_defaults(func=run_end_flag)

    flags = actions.add_parser("flags", parents=[common], help="markeringen tonen",
                               description="Toon de markeringen van een schuldenaar, ook beëindigde.")
    flags.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    flags.add_argument("--json", action="store_true", help="uitvoer als JSON")
    flags.set_defaults(func=run_flags)


def _codes(enum: Any) -> str:
    return ", ".join(m.value for m in enum)


def parse_id(value: str, what: str = "ID") -> int:
    from caseworker_app.errors import ValidationError

    text = str(value).strip()
    if not text.isdigit() or len(text) > 12 or not 1 <= int(text) <= MAX_ID:
        raise ValidationError("invalid_field", field=what, reason=f"'{text[:20]}' is geen nummer van 1 tot 2147483647")
    return int(text)


def parse_yes_no(value: str | None, field: str) -> bool:
    from caseworker_app.errors import ValidationError

    answer = (value or "").strip().lower()
    if answer in ("ja", "j", "yes", "y"):
        return True
    if answer in ("nee", "n", "no"):
        return False
    raise ValidationError("invalid_field", field=field, reason="antwoord met ja of nee")


def parse_day(value: str | None, field: str) -> Any:
    from caseworker_app.domain.calc import parse_date

    return None if value is None else parse_date(value[:40], field)


def context(args: argparse.Namespace) -> Context:
    from caseworker_app.services.context import Database

    return Database.open(cli.database_url(args)).login(getattr(args, "user", None))


def debtor_id(ctx: Context, bsn: str) -> int:
    from caseworker_app.services.position import find_debtor_id

    return find_debtor_id(ctx, bsn)


def print_json(doc: Any) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def task_json(task: TaskInfo | None) -> dict[str, Any] | None:
    if task is None:
        return None
    return {"id": task.id, "bsn": task.bsn, "omschrijving": task.omschrijving, "datum": task.datum.isoformat(),
            "voor": task.voor, "status": task.status, "plek": task.plek, "debtor_id": task.debtor_id,
            "contact_id": task.contact_id}


def contact_json(c: ContactInfo) -> dict[str, Any]:
    return {
        "id": c.id,
        "datum": c.datum.isoformat(),
        "kanaal": c.kanaal,
        "met": c.met,
        "samenvatting": c.samenvatting,
        "uitkomst": c.uitkomst,
        "omstandigheden": list(c.omstandigheden) if c.omstandigheden is not None else None,
        "taak": task_json(c.taak),
        "verwijzing": None if c.verwijzing is None else {
            "id": c.verwijzing.id, "naar": c.verwijzing.naar, "organisatie": c.verwijzing.organisatie,
            "toestemming": c.verwijzing.toestemming, "opvolgdatum": c.verwijzing.opvolgdatum.isoformat(),
            "taak_id": c.verwijzing.task_id},
        "door": c.door,
        "corrigeert": c.corrigeert,
        "gecorrigeerd_door": c.gecorrigeerd_door,
    }


def run_add(args: argparse.Namespace) -> int:
    from caseworker_app.errors import ValidationError

    from caseworker_app.services import contacts

    if (args.taak is None) != (args.taak_datum is None):
        raise ValidationError("missing_field", field="--taak-datum" if args.taak is not None else "--taak")
    if args.taak_voor is not None and args.taak is None:
        raise ValidationError("missing_field", field="--taak")
    task = None
    if args.taak is not None:
        task = contacts.TaskInput(args.taak, parse_day(args.taak_datum, "--taak-datum"), args.taak_voor)
    referral = None
    if args.verwijzing is not None:
        if args.opvolgdatum is None:
            raise ValidationError("missing_field", field="--opvolgdatum")
        referral = contacts.ReferralInput(args.verwijzing, parse_yes_no(args.toestemming, "--toestemming"),
                                          parse_day(args.opvolgdatum, "--opvolgdatum"), args.organisatie)
    day = parse_day(args.datum, "--datum")
    ctx = context(args)
    try:
        saved = contacts.add_contact(ctx, debtor_id(ctx, args.bsn), kanaal=args.kanaal, samenvatting=args.samenvatting,
                                     met=args.met, uitkomst=args.uitkomst, omstandigheden=args.omstandigheid,
                                     datum=day, taak=task, verwijzing=referral)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(contact_json(saved))
        return 0
    line = f"Contact {saved.id} vastgelegd."
    if saved.taak is not None:
        line += f" Taak {saved.taak.id} voor {saved.taak.voor} op {saved.taak.datum.isoformat()}."
    if saved.verwijzing is not None:
        line += f" Doorverwijzing vastgelegd; opvolgtaak {saved.verwijzing.task_id}."
    print(line)
    return 0


def run_correct(args: argparse.Namespace) -> int:
    from caseworker_app.services import contacts

    contact_id = parse_id(args.id)
    ctx = context(args)
    try:
        saved = contacts.correct_contact(ctx, contact_id, samenvatting=args.samenvatting, uitkomst=args.uitkomst)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(contact_json(saved))
    else:
        print(f"Contact {saved.id} vastgelegd als correctie van contact {saved.corrigeert}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from caseworker_app.domain.contacts import Kanaal, label

    from caseworker_app.services import contacts

    ctx = context(args)
    try:
        found = contacts.list_contacts(ctx, debtor_id(ctx, args.bsn))
    finally:
        ctx.db.dispose()
    if args.json:
        print_json([contact_json(c) for c in found])
        return 0
    if not found:
        print("Nog geen contacten vastgelegd.")
    for c in found:
        mark = f" (correctie van {c.corrigeert})" if c.corrigeert else ""
        mark += f" [gecorrigeerd door {c.gecorrigeerd_door}]" if c.gecorrigeerd_door else ""
        print(f"{c.id:>6}  {c.datum.isoformat()}  {label(Kanaal(c.kanaal))}  {c.door}{mark}")
        for line in c.samenvatting.splitlines() or [""]:
            print(f"        {line}")
    return 0


def _flag_json(f: Any) -> dict[str, Any]:
    return {"id": f.id, "code": f.code, "label": f.label, "toelichting": f.toelichting,
            "sinds": f.raised_on.isoformat(), "door": f.raised_by, "actief": f.active,
            "beeindigd_op": f.ended_on.isoformat() if f.ended_on else None, "reden": f.reden}


def run_risk(args: argparse.Namespace) -> int:
    from caseworker_app.services import contacts

    ctx = context(args)
    try:
        flag = contacts.mark_risk(ctx, debtor_id(ctx, args.bsn), args.reden)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(_flag_json(flag))
    else:
        print(f"Gemarkeerd als risico voor medewerkers (markering {flag.id}).")
    return 0


def run_end_flag(args: argparse.Namespace) -> int:
    from caseworker_app.services import contacts

    flag_id = parse_id(args.id)
    ctx = context(args)
    try:
        flag = contacts.end_flag(ctx, flag_id, args.reden)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(_flag_json(flag))
    else:
        print(f"Markering {flag.id} ({flag.label}) beëindigd.")
    return 0


def run_flags(args: argparse.Namespace) -> int:
    from caseworker_app.services import contacts

    ctx = context(args)
    try:
        found = contacts.flags_of(ctx, debtor_id(ctx, args.bsn))
    finally:
        ctx.db.dispose()
    if args.json:
        print_json([_flag_json(f) for f in found])
        return 0
    if not found:
        print("Geen markeringen.")
    for f in found:
        state = "actief" if f.active else f"beëindigd op {f.ended_on}: {f.reden}"
        print(f"{f.id:>6}  {f.label} (sinds {f.raised_on.isoformat()}, {f.raised_by}) — {state}")
    return 0
