"""``caseworker db upgrade`` and ``caseworker db status``: create, migrate and inspect the schema.

``db status`` exits 0 when the schema is current, 1 when it is older or the database is still empty
(run ``db upgrade``), 2 when it was written by a newer Caseworker.  ``db upgrade`` refuses the latter.
"""

from __future__ import annotations

import argparse

from caseworker_app import cli
from caseworker_app.errors import ValidationError

#: what the schema state means, in Dutch, and the exit code of ``db status``
STATES: dict[str, tuple[str, int]] = {
    "current": ("actueel", 0),
    "older": ("verouderd: voer 'caseworker db upgrade' uit", 1),
    "empty": ("leeg: voer 'caseworker db upgrade' uit om de database in te richten", 1),
    "newer": ("nieuwer dan deze Caseworker: installeer een nieuwere versie", 2),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "db",
        parents=[common],
        help="databaseschema inrichten, bijwerken en controleren",
        description="Richt het databaseschema in, werk het bij naar de nieuwste versie of toon de versie.",
    )
    actions = parser.add_subparsers(dest="db_command", metavar="ACTIE", required=True)
    upgrade = actions.add_parser(
        "upgrade",
        parents=[common],
        help="schema inrichten of bijwerken naar de nieuwste versie",
        description="Richt een lege database in of werk het schema bij naar de nieuwste versie. "
        "Op SQLite wordt eerst een reservekopie van het bestand gemaakt.",
    )
    upgrade.add_argument(
        "--admin",
        metavar="LOGIN",
        help="de database-login van een beheerder; verplicht bij het inrichten van een nieuwe PostgreSQL-database "
        "(niemand wordt beheerder door als eerste te verbinden)",
    )
    upgrade.add_argument(
        "--role-prefix",
        metavar="VOORVOEGSEL",
        help="voorvoegsel van de databaserollen bij het inrichten (PostgreSQL; standaard de databasenaam en '_')",
    )
    upgrade.set_defaults(func=run_upgrade)
    status = actions.add_parser(
        "status",
        parents=[common],
        help="toon de schemaversie (exit 0 actueel, 1 verouderd of leeg, 2 nieuwer)",
        description="Toon de huidige en de nieuwste schemaversie. Exitcode 0: actueel; 1: verouderd of leeg; "
        "2: geschreven door een nieuwere Caseworker.",
    )
    status.set_defaults(func=run_status)


def run_status(args: argparse.Namespace) -> int:
    from caseworker_app.services import admin

    info = admin.status(cli.database_url(args))
    text, code = STATES.get(info.schema_state, (info.schema_state, 1))
    print(f"Database:         {info.url} ({info.backend})")
    print(f"Schemaversie:     {info.schema_revision or '-'}")
    print(f"Nieuwste versie:  {info.head_revision}")
    print(f"Toestand:         {text}")
    return code


def run_upgrade(args: argparse.Namespace) -> int:
    from caseworker_app.services import admin

    url = cli.database_url(args)
    admin_login = getattr(args, "admin", None)
    if admin_login is not None and not admin_login.strip():
        raise ValidationError("missing_field", field="--admin")
    before = admin.status(url)
    after = admin.upgrade(url, admin_login=admin_login, role_prefix=getattr(args, "role_prefix", None))
    if before.schema_state == "current":
        print(f"Het schema is al actueel (versie {after.schema_revision}); rechten opnieuw toegepast.")
    elif before.schema_state == "empty":
        print(f"Database ingericht: schemaversie {after.schema_revision}.")
    else:
        print(f"Schema bijgewerkt van versie {before.schema_revision} naar {after.schema_revision}.")
    if admin_login:
        print(f"Beheerder: {admin_login.strip()}.")
    for login in after.unlinked_logins:
        print(
            f"Let op: gebruiker {login} heeft geen database-login op deze server en kan niet werken tot die er is "
            "en een beheerder de rollen opnieuw toekent."
        )
    return 0
