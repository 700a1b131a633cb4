"""``caseworker user add LOGIN --name ... --role ...``, ``user grant``/``user revoke LOGIN --role ...``, ``user list``.

On PostgreSQL a user is a database login: the database administrator creates the login (with the server's
authentication: password, Kerberos or certificate); ``user add`` links it and grants the group roles of its
roles, ``user revoke`` takes them away again.  A login that does not exist is refused.  On SQLite it is a local
profile.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from caseworker_app import cli

from caseworker_app.domain.types import Role, label

if TYPE_CHECKING:
    from caseworker_app.services.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "user",
        parents=[common],
        help="gebruikers en hun rollen beheren",
        description="Voeg gebruikers toe en toon wie welke rol heeft.",
    )
    actions = parser.add_subparsers(dest="user_command", metavar="ACTIE", required=True)
    roles = ", ".join(r.value for r in Role)
    add = actions.add_parser(
        "add",
        parents=[common],
        help="gebruiker toevoegen",
        description=f"Voeg een gebruiker toe met een of meer rollen ({roles}). Vraagt de rol beheerder.",
    )
    add.add_argument("login", metavar="LOGIN", help="de inlognaam (op PostgreSQL: de database-login)")
    add.add_argument("--name", required=True, metavar="NAAM", help='de naam zoals getoond, bijvoorbeeld "Anouk Jansen"')
    add.add_argument(
        "--role",
        action="append",
        required=True,
        metavar="ROL",
        help=f"rol: {roles}; herhaal de optie of scheid met komma's",
    )
    add.set_defaults(func=run_add)
    for name, verb, helptext in (
        ("grant", run_grant, "rollen toekennen aan een bestaande gebruiker"),
        ("revoke", run_revoke, "rollen intrekken"),
    ):
        description = f"{helptext[0].upper()}{helptext[1:]}. Vraagt de rol beheerder."
        action = actions.add_parser(name, parents=[common], help=helptext, description=description)
        action.add_argument("login", metavar="LOGIN", help="de inlognaam (op PostgreSQL: de database-login)")
        action.add_argument(
            "--role", action="append", required=True, metavar="ROL", help=f"rol: {roles}; herhaal of scheid met komma's"
        )
        action.set_defaults(func=verb)
    listing = actions.add_parser("list", parents=[common], help="gebruikers tonen", description="Toon alle gebruikers.")
    listing.set_defaults(func=run_list)


def _context(args: argparse.Namespace) -> Context:
    from caseworker_app.services.context import Database

    return Database.open(cli.database_url(args)).login(getattr(args, "user", None))


def run_add(args: argparse.Namespace) -> int:
    from caseworker_app.services import users

    roles = users.parse_roles(args.role)  # a bad role is refused before anything is opened
    ctx = _context(args)
    try:
        info = users.add_user(ctx, args.login, args.name, roles)
    finally:
        ctx.db.dispose()
    names = ", ".join(label(r) for r in info.roles)
    noun = "de rollen" if len(info.roles) > 1 else "de rol"
    print(f"Gebruiker {info.login} ({info.display_name}) toegevoegd met {noun} {names}.")
    return 0


def _change(args: argparse.Namespace, *, grant: bool) -> int:
    from caseworker_app.services import users

    roles = users.parse_roles(args.role)
    ctx = _context(args)
    try:
        info = (users.grant_roles if grant else users.revoke_roles)(ctx, args.login, roles)
    finally:
        ctx.db.dispose()
    names = ", ".join(label(r) for r in info.roles) or "geen"
    print(f"Gebruiker {info.login} heeft nu de rollen: {names}.")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    return _change(args, grant=True)


def run_revoke(args: argparse.Namespace) -> int:
    return _change(args, grant=False)


def run_list(args: argparse.Namespace) -> int:
    from caseworker_app.services import users

    ctx = _context(args)
    try:
        rows = users.list_users(ctx)
    finally:
        ctx.db.dispose()
    width = max([len("Login"), *(len(u.login) for u in rows)])
    name_width = max([len("Naam"), *(len(u.display_name) for u in rows)])
    print(f"{'Login':<{width}}  {'Naam':<{name_width}}  {'Actief':<6}  Rollen")
    for u in rows:
        roles = ", ".join(label(r) for r in u.roles)
        print(f"{u.login:<{width}}  {u.display_name:<{name_width}}  {'ja' if u.active else 'nee':<6}  {roles}")
    return 0
