"""``caseworker team add CODE --naam ...``, ``team member LOGIN --team CODE [--lead|--remove]``, ``team list``.

Teams and their leads (issue 9): a team's leads decide its four-eyes proposals.  Forming teams is the
administrator's work; assigning a debtor to a team is ``caseworker debtor assign``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from caseworker_app import cli

if TYPE_CHECKING:
    from caseworker_app.services.context import Context
    from caseworker_app.services.teams import TeamInfo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "team",
        parents=[common],
        help="teams, hun leden en teamleiders beheren",
        description="Maak teams, zet medewerkers en teamleiders erin en toon wie in welk team zit.",
    )
    actions = parser.add_subparsers(dest="team_command", metavar="ACTIE", required=True)
    add = actions.add_parser(
        "add",
        parents=[common],
        help="team toevoegen",
        description="Voeg een team toe. Vraagt de rol beheerder.",
    )
    add.add_argument("code", metavar="CODE", help="korte code van het team, bijvoorbeeld INV-UTR")
    add.add_argument("--naam", required=True, metavar="NAAM", help='de naam, bijvoorbeeld "Invordering Utrecht"')
    add.set_defaults(func=run_add)
    member = actions.add_parser(
        "member",
        parents=[common],
        help="medewerker in een team zetten (of eruit halen)",
        description="Zet een gebruiker in een team, als teamleider met --lead, of haal hem eruit met --remove. "
        "Vraagt de rol beheerder.",
    )
    member.add_argument("login", metavar="LOGIN", help="de inlognaam van de gebruiker")
    member.add_argument("--team", required=True, metavar="CODE", help="de code van het team")
    choice = member.add_mutually_exclusive_group()
    choice.add_argument("--lead", action="store_true", help="als teamleider: beoordeelt de voorstellen van het team")
    choice.add_argument("--remove", action="store_true", help="haal de gebruiker uit het team")
    member.set_defaults(func=run_member)
    listing = actions.add_parser(
        "list", parents=[common], help="teams tonen", description="Toon alle teams met hun leden."
    )
    listing.add_argument("--json", action="store_true", help="uitvoer als JSON")
    listing.set_defaults(func=run_list)


def _context(args: argparse.Namespace) -> Context:
    from caseworker_app.services.context import Database

    return Database.open(cli.database_url(args)).login(getattr(args, "user", None))


def run_add(args: argparse.Namespace) -> int:
    from caseworker_app.services import teams

    code = teams.clean_code(args.code)  # a bad code is refused before anything is opened
    ctx = _context(args)
    try:
        info = teams.add_team(ctx, code, args.naam)
    finally:
        ctx.db.dispose()
    print(f"Team {info.code} ({info.name}) toegevoegd.")
    return 0


def run_member(args: argparse.Namespace) -> int:
    from caseworker_app.services import teams

    code = teams.clean_code(args.team)
    ctx = _context(args)
    try:
        info = teams.set_member(ctx, args.login, code, lead=args.lead, remove=args.remove)
    finally:
        ctx.db.dispose()
    if args.remove:
        print(f"{args.login.strip()} zit niet meer in team {info.code}.")
    else:
        what = "als teamleider" if args.lead else "als medewerker"
        print(f"{args.login.strip()} zit in team {info.code} {what}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from caseworker_app.services import teams

    ctx = _context(args)
    try:
        rows = teams.list_teams(ctx)
    finally:
        ctx.db.dispose()
    if args.json:
        json.dump({"teams": [t.as_json() for t in rows]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("Er zijn nog geen teams. Voeg er een toe met 'caseworker team add CODE --naam NAAM'.")
        return 0
    for team in rows:
        _print_team(team)
    return 0


def _print_team(team: TeamInfo) -> None:
    debtors = _count(team.debtors, "schuldenaar", "schuldenaren")
    pending = _count(team.open_decisions, "open voorstel", "open voorstellen")
    print(f"{team.code}  {team.name}  ({debtors}, {pending})")
    leads = [m for m in team.members if m.is_lead]
    others = [m for m in team.members if not m.is_lead]
    if leads:
        print("  teamleider: " + ", ".join(f"{m.display_name} ({m.login})" for m in leads))
    if others:
        print("  medewerkers: " + ", ".join(f"{m.display_name} ({m.login})" for m in others))
    if not team.members:
        print("  nog geen leden")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
