"""``caseworker maatwerk propose|decide|end|list``: maatwerk from the command line (issue 10, fixed interface).

The acting user is who the database says (the PostgreSQL login; on SQLite the local profile): there is no option
to act as someone else.  A refusal (own proposal, missing role, wrong state, wrong input) is one Dutch line on
stderr with exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from caseworker_app.commands.debtor import open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "maatwerk",
        parents=[common],
        help="maatwerk voorstellen, besluiten, beëindigen en tonen",
        description="Maatwerk buiten het geautomatiseerde proces: een maatregel met reden, periode en "
        "effect in euro's, besloten door een tweede persoon.",
    )
    actions = parser.add_subparsers(dest="maatwerk_command", metavar="ACTIE", required=True)

    propose = actions.add_parser("propose", parents=[common], help="stel een maatregel voor",
                                 description="Stel een maatregel voor; het effect in euro's wordt eerst berekend.")
    propose.add_argument("bsn", metavar="BSN", help="BSN of RSIN van de schuldenaar")
    propose.add_argument("--soort", required=True, metavar="SOORT",
                         help="invorderingspauze, geen_dwang, geen_verrekening, kosten_vermindering, "
                         "rente_vermindering, niet_stuiten, stuiten, bvv_verhoging, buiten_invordering, eerst_contact")
    propose.add_argument("--van", required=True, metavar="JJJJ-MM-DD", help="begindatum (mag in het verleden liggen)")
    propose.add_argument("--tot", metavar="JJJJ-MM-DD", help="laatste dag (weglaten: zonder einddatum, met herziening)")
    propose.add_argument("--vorderingen", metavar="KENMERK,…", help="alleen deze vorderingen (standaard: alle)")
    propose.add_argument("--onderdelen", metavar="dwang,contact,rente,kosten",
                         help="bij een invorderingspauze: welke onderdelen (standaard alle vier)")
    propose.add_argument("--reden", required=True, metavar="TEKST", help="de reden, in eigen woorden")
    propose.add_argument("--reden-code", default="anders", metavar="CODE",
                         help="de reden uit de lijst (standaard 'anders'); zie docs/maatwerk.md")
    propose.add_argument("--herzien", metavar="JJJJ-MM-DD", help="herzieningsdatum (zonder einddatum: standaard over "
                         "drie maanden)")
    propose.add_argument("--bedrag", metavar="BEDRAG", help="bedrag waar de soort er een heeft (bvv_verhoging per "
                         "maand, verrekening ten hoogste per maand, kwijt te schelden kosten of rente)")
    propose.add_argument("--json", action="store_true", help="uitvoer als JSON")
    propose.set_defaults(func=run_propose)

    decide = actions.add_parser("decide", parents=[common], help="besluit over een voorstel (teamleider)",
                                description="Besluit over een voorstel; wie het voorstelde kan er niet over besluiten.")
    decide.add_argument("id", metavar="ID", help="nummer van de maatregel")
    decide.add_argument("--besluit", required=True, metavar="goedgekeurd|afgewezen|teruggestuurd")
    decide.add_argument("--toelichting", metavar="TEKST", help="reden of vraag (nodig bij afwijzen en terugsturen)")
    decide.add_argument("--voorwaarde", metavar="TEKST", help="voorwaarde bij goedkeuren")
    decide.add_argument("--tot", metavar="JJJJ-MM-DD", help="goedkeuren voor een kortere periode: tot en met deze dag")
    decide.add_argument("--json", action="store_true", help="uitvoer als JSON")
    decide.set_defaults(func=run_decide)

    end = actions.add_parser("end", parents=[common], help="stel voor een maatregel eerder te beëindigen",
                             description="Eerder beëindigen werkt tegen de schuldenaar: het wordt besloten "
                             "zoals de maatregel zelf, en de reden wordt vastgelegd.")
    end.add_argument("id", metavar="ID", help="nummer van de maatregel")
    end.add_argument("--reden", required=True, metavar="TEKST", help="waarom de maatregel eerder stopt")
    end.add_argument("--per", metavar="JJJJ-MM-DD", help="laatste dag dat de maatregel werkt (standaard vandaag)")
    end.add_argument("--json", action="store_true", help="uitvoer als JSON")
    end.set_defaults(func=run_end)

    listing = actions.add_parser("list", parents=[common], help="toon maatregelen",
                                 description="Toon maatregelen, van één schuldenaar of alle, met hun status.")
    listing.add_argument("--status", metavar="STATUS", help="voorgesteld, teruggestuurd, afgewezen, gepland, actief, "
                         "beeindigd of verlopen")
    listing.add_argument("--bsn", metavar="BSN", help="alleen van deze schuldenaar")
    listing.add_argument("--json", action="store_true", help="uitvoer als JSON")
    listing.set_defaults(func=run_list)


def _date(value: str | None, option: str) -> Any:
    if value is None:
        return None
    from caseworker_app.domain.calc import parse_date

    return parse_date(value[:40], option)


def _list(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def measure_id(value: str) -> int:
    from caseworker_app.errors import ValidationError

    text = value.strip()
    if not text.isdigit() or len(text) > 9 or int(text) == 0:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise ValidationError("invalid_field", field="ID", reason=f"'{shown}' is geen nummer van een maatregel")
    return int(text)


def _print_json(doc: Any) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def run_propose(args: argparse.Namespace) -> int:
    from caseworker_app.domain.calc.parsing import amount

    from caseworker_app.services import maatwerk

    fields: dict[str, Any] = {
        "soort": args.soort, "van": _date(args.van, "--van"), "tot": _date(args.tot, "--tot"),
        "reden": args.reden, "reden_code": args.reden_code, "herzien_op": _date(args.herzien, "--herzien"),
        "onderdelen": _list(args.onderdelen), "vorderingen": _list(args.vorderingen) or (),
        "bedrag": amount(args.bedrag, "--bedrag") if args.bedrag is not None else None,
    }
    ctx = open_context(args)
    proposal = maatwerk.propose(ctx, args.bsn, **fields)
    m, effect = proposal.measure, proposal.effect
    if args.json:
        doc = {"id": m.id, "status": m.status.value, "soort": m.soort, "van": m.van.isoformat(),
               "tot": m.tot.isoformat() if m.tot else None, "vorderingen": list(m.vorderingen),
               "effect": effect.to_json()}
        doc.update({k: v for k, v in m.to_json().items() if k not in doc})
        _print_json(doc)
        return 0
    print(f"Maatregel {m.id} ({m.soort_label}) voorgesteld: {m.status_label}.")
    for step in effect.explanation:
        print(f"  {step.description}" + (f": {step.value}" if step.value else ""))
    return 0


def run_decide(args: argparse.Namespace) -> int:
    from caseworker_app.services import maatwerk

    number = measure_id(args.id)
    until = _date(args.tot, "--tot")
    ctx = open_context(args)
    m = maatwerk.decide(ctx, number, args.besluit, args.toelichting, voorwaarde=args.voorwaarde,
                        voorwaarde_tot=until)
    if args.json:
        _print_json(m.to_json())
        return 0
    print(f"Maatregel {m.id} ({m.soort_label}): {m.status_label}.")
    return 0


def run_end(args: argparse.Namespace) -> int:
    from caseworker_app.services import maatwerk

    number = measure_id(args.id)
    per = _date(args.per, "--per")
    ctx = open_context(args)
    m = maatwerk.end(ctx, number, args.reden, einde=per)
    if args.json:
        _print_json(m.to_json())
        return 0
    pending = m.pending_end
    if pending is not None:
        print(f"Voorstel om maatregel {m.id} ({m.soort_label}) per {pending.einde:%d-%m-%Y} te beëindigen "
              "ligt ter beslissing bij een teamleider.")
    else:
        print(f"Maatregel {m.id} ({m.soort_label}): {m.status_label}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from caseworker_app.domain.money import format_date

    from caseworker_app.services import maatwerk

    ctx = open_context(args)
    found = maatwerk.list_measures(ctx, status=args.status, identifier=args.bsn)
    if args.json:
        _print_json([m.to_json() for m in found])
        return 0
    if not found:
        print("Geen maatregelen gevonden.")
        return 0
    for m in found:
        period = (f"{format_date(m.van)} t/m {format_date(m.werkt_tot)}" if m.werkt_tot
                  else f"vanaf {format_date(m.van)}")
        print(f"{m.id:>6}  {m.bsn or '':<10} {m.soort_label:<36} {m.status.value:<14} {period}")
    return 0
