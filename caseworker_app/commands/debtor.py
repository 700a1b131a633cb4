"""``caseworker debtor search TEXT`` and ``caseworker debtor show BSN``: the debt position from the command line.

``--json`` prints the machine-readable document (amounts as strings with two decimals, ISO dates) that
``docs/position-json.md`` describes; without it a readable Dutch table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from caseworker_app import cli

from caseworker_app.domain.money import format_date, format_eur
from caseworker_app.domain.position_totals import TOTAL_LABELS
from caseworker_app.domain.types import Creditor, Doelgroep, EnforcementStep, Leefsituatie, Middel, label_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "debtor",
        parents=[common],
        help="schuldenaren zoeken en hun totale schuldpositie tonen",
        description="Zoek schuldenaren en toon de totale schuldpositie bij Belastingdienst en Dienst Toeslagen.",
    )
    actions = parser.add_subparsers(dest="debtor_command", metavar="ACTIE", required=True)

    search = actions.add_parser(
        "search",
        parents=[common],
        help="zoek op BSN/RSIN, naam, postcode met huisnummer of kenmerk",
        description="Zoek op BSN/RSIN, (begin van de) naam, postcode met huisnummer of aanslag-/vorderingnummer.",
    )
    search.add_argument("text", metavar="TEKST", help="wat u zoekt, bijvoorbeeld '3511 AB 12' of 'jansen'")
    search.add_argument("--json", action="store_true", help="uitvoer als JSON")
    search.add_argument(
        "--limit", type=int, default=50, metavar="N", help="hoogstens N resultaten (1-500, standaard 50)"
    )
    search.set_defaults(func=run_search)

    show = actions.add_parser(
        "show",
        parents=[common],
        help="toon de totale schuldpositie van één schuldenaar",
        description="Toon alle vorderingen met hun berekende saldo, de totalen en de signalen van één schuldenaar.",
    )
    show.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    show.add_argument("--json", action="store_true", help="uitvoer als JSON (bedragen als tekst met twee decimalen)")
    show.add_argument("--date", metavar="JJJJ-MM-DD", help="de stand op deze datum (standaard vandaag)")
    show.add_argument("--no-explanation", action="store_true", help="JSON zonder de uitleg per vordering")
    show.set_defaults(func=run_show)

    assign = actions.add_parser(
        "assign",
        parents=[common],
        help="schuldenaar aan een team (en behandelaar) toewijzen",
        description="Wijs een schuldenaar toe aan een team en eventueel een behandelaar uit dat team. "
        "Nieuwe voorstellen voor deze schuldenaar komen bij de teamleiders van dat team.",
    )
    assign.add_argument("bsn", metavar="BSN", help="BSN van de schuldenaar")
    assign.add_argument("--team", required=True, metavar="CODE", help="de code van het team")
    assign.add_argument("--behandelaar", metavar="LOGIN", help="de inlognaam van de behandelaar (lid van het team)")
    assign.set_defaults(func=run_assign)


def open_context(args: argparse.Namespace) -> Any:
    from caseworker_app.services.context import Database

    db = Database.open(cli.database_url(args))
    if db.read_only_reason is not None:  # a note, not an error: looking works
        print(f"caseworker: let op: deze database is alleen te lezen ({db.read_only_reason}).", file=sys.stderr)
    return db.login(getattr(args, "user", None))


def run_search(args: argparse.Namespace) -> int:
    from caseworker_app.services.debtors import search_debtors

    if not 1 <= args.limit <= 500:
        from caseworker_app.errors import ValidationError

        raise ValidationError("invalid_field", field="--limit", reason="kies een getal van 1 tot en met 500")
    ctx = open_context(args)
    results = search_debtors(ctx, args.text, limit=args.limit)
    if args.json:
        rows = [
            {
                "id": r.id,
                "bsn": r.bsn,
                "rsin": r.rsin,
                "name": r.display_name,
                "geboortedatum": r.geboortedatum.isoformat() if r.geboortedatum else None,
                "doelgroep": r.doelgroep,
                "address": r.address,
                "postcode": r.postcode,
                "huisnummer": r.huisnummer,
                "matched_by": r.matched_by,
            }
            for r in results
        ]
        _print_json({"query": args.text, "count": len(rows), "results": rows})
        return 0
    if not results:
        print("Geen schuldenaren gevonden.")
        return 0
    table = [["BSN/RSIN", "Naam", "Geboren", "Adres", "Gevonden op"]]
    for r in results:
        table.append(
            [
                r.bsn or r.rsin or "",
                r.display_name,
                format_date(r.geboortedatum) if r.geboortedatum else "",
                r.address,
                _MATCHED.get(r.matched_by, r.matched_by),
            ]
        )
    _print_table(table)
    print(f"\n{len(results)} gevonden" + (" (meer mogelijk: gebruik --limit)" if len(results) == args.limit else ""))
    return 0


_MATCHED = {"identifier": "BSN/RSIN", "name": "naam", "postcode": "postcode", "reference": "kenmerk"}


def run_show(args: argparse.Namespace) -> int:
    from caseworker_app.services import position

    as_of = parse_position_date(args.date)
    ctx = open_context(args)
    pos = position.get_position_by_bsn(ctx, args.bsn, as_of)
    if args.json:
        doc = position.position_to_json(pos, explain=not args.no_explanation)
        _add_omstandigheden(ctx, pos.debtor.id, doc)
        _print_json(doc)
        return 0
    print_position(pos)
    return 0


def _add_omstandigheden(ctx: Any, debtor_id: int, doc: dict[str, Any]) -> None:
    """Bijzondere omstandigheden (AVG art. 9) in the case document only for the roles that need them, and only
    after the view is logged (one inzage per document); for other roles each contact's ``omstandigheden`` stays null."""
    from caseworker_app.services import contacts

    entries = doc.get("contacts")
    if not entries or not contacts.may_see_omstandigheden(ctx):
        return
    by_contact: dict[int | None, list[str]] = {}
    for found in contacts.omstandigheden_of(ctx, debtor_id):
        by_contact.setdefault(found.contact_id, []).append(found.code)
    for entry in entries:
        entry["omstandigheden"] = by_contact.get(entry["id"], [])


def print_position(pos: Any) -> None:
    d = pos.debtor
    ident = f"BSN {d.bsn}" if d.bsn else f"RSIN {d.rsin}"
    print(f"{d.display_name} — {ident} — {label_of(Doelgroep, d.doelgroep)}")
    if d.address:
        print(d.address)
    if d.household is not None:
        h = d.household
        line = f"Huishouden: {label_of(Leefsituatie, h.leefsituatie)}"
        if h.aantal_kinderen:
            line += f", {h.aantal_kinderen} kind(eren)"
        if h.members:
            line += "; met " + ", ".join(name for _id, name in h.members)
        print(line)
    print(f"Stand per {format_date(pos.as_of)}")
    if pos.flags:
        print("\nSignalen:")
        for flag in pos.flags:
            mark = "!" if flag.severity == "warning" else "i"
            print(f"  {mark} {flag.label}" + (f": {flag.detail}" if flag.detail else ""))
    print()
    if not pos.claims:
        print("Geen vorderingen.")
    else:
        table = [
            [
                "Kenmerk",
                "Schuldeiser",
                "Middel",
                "Vervaldatum",
                "Bedrag",
                "Betaald",
                "Verrekend",
                "Kosten",
                "Rente",
                "Open",
                "Stap",
                "Verjaring",
            ]
        ]
        for c in pos.claims:
            table.append(
                [
                    c.reference,
                    label_of(Creditor, c.creditor),
                    label_of(Middel, c.middel),
                    format_date(c.vervaldatum),
                    _eur(c.original_amount),
                    _eur(c.paid),
                    _eur(c.verrekend),
                    _eur(c.costs),
                    _eur(c.rente_total),
                    _eur(c.open),
                    label_of(EnforcementStep, c.enforcement_stage) if c.enforcement_stage else "-",
                    (format_date(c.verjaringsdatum) if c.verjaringsdatum else "niet berekend")
                    + (" (gestuit)" if c.gestuit else ""),
                ]
            )
        _print_table(table, right={4, 5, 6, 7, 8, 9})
    print("\nTotalen")
    amounts = pos.totals.amounts()
    width = max(len(TOTAL_LABELS[k]) for k in amounts)
    for key, value in amounts.items():
        print(f"  {TOTAL_LABELS[key]:<{width}}  {_eur(value):>16}")
    if pos.capacity is not None:
        c = pos.capacity
        print(f"\nDraagkracht (gegevens van {format_date(c.peildatum)})")
        print(f"  Inkomen per maand          {_eur(c.inkomen_maand):>16}")
        if c.beslagvrije_voet is not None:
            print(f"  Beslagvrije voet           {_eur(c.beslagvrije_voet):>16}")
        if c.betalingscapaciteit is not None:
            print(f"  Betalingscapaciteit/maand  {_eur(c.betalingscapaciteit):>16}")
        if c.note:
            print(f"  {c.note}")


def run_assign(args: argparse.Namespace) -> int:
    from caseworker_app.domain.identifiers import validate_bsn

    from caseworker_app.services import teams

    bsn = validate_bsn(args.bsn)  # bad input is refused before anything is opened
    code = teams.clean_code(args.team)
    ctx = open_context(args)
    try:
        done = teams.assign_debtor(ctx, bsn, code, args.behandelaar)
    finally:
        ctx.db.dispose()
    who = f", behandelaar {done.behandelaar_login}" if done.behandelaar_login else ", zonder behandelaar"
    print(f"Schuldenaar met BSN {done.bsn} hoort nu bij team {done.team_code}{who}.")
    return 0


def _eur(amount: Any) -> str:
    return format_eur(amount)


def _print_json(doc: Any) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_table(rows: Sequence[Sequence[str]], right: set[int] | None = None) -> None:
    right = right or set()
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        cells = [
            str(v).rjust(w) if i in right else str(v).ljust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


#: The last day a position can be asked for: far beyond any regeling or verjaring, and far from the end of the
#: calendar (a position adds years to dates: 9999-12-31 overflowed).
LAST_POSITION_DATE = dt.date(2099, 12, 31)


def parse_position_date(value: str | None, option: str = "--date") -> dt.date | None:
    """``--date`` of ``debtor show`` and ``report``: a real date within what the rules can compute, or None."""
    if value is None:
        return None
    # imported here: the rules' calc module costs ~50 ms, and every start of the program (the GUI
    # included) registers this command
    from caseworker_app.errors import ValidationError

    from caseworker_app.domain.calc import parse_date
    from caseworker_app.domain.params import load_parameters

    day = parse_date(value[:40], option)  # a 20,000-character argument need not be echoed whole
    first = min(row.valid_from for row in load_parameters().rows())  # before the first figure nothing computes
    if not first <= day <= LAST_POSITION_DATE:
        raise ValidationError(
            "invalid_field",
            field=option,
            reason=f"kies een datum van {format_date(first)} tot en met {format_date(LAST_POSITION_DATE)}",
        )
    return day
