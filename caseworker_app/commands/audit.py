"""``caseworker audit verify``: check the hash chain of the audit trail.

Exit 0: the chain is intact (one line with the number of rows and the last link, which an auditor can note down
to compare later).  Exit 1: it is broken; one Dutch line names the first broken link (the audit row and its place
in the chain) and what is wrong.  Exit 2/3 as everywhere (no permission / the database).
"""

from __future__ import annotations

import argparse
import json

from caseworker_app import cli

EXIT_BROKEN = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "audit",
        parents=[common],
        help="de audittrail controleren",
        description="Controleer de audittrail.",
    )
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTIE", required=True)
    verify = actions.add_parser(
        "verify",
        parents=[common],
        help="controleer de hashketen (exit 0 intact, 1 verbroken)",
        description="Reken de hashketen van de audittrail na en noem de eerste verbroken schakel. Exitcode 0: "
        "intact; 1: verbroken. Vraagt een rol die de audittrail mag inzien (teamleider, auditor, beheerder).",
    )
    verify.add_argument("--json", action="store_true", help="het resultaat als JSON")
    verify.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from caseworker_app.services import audit_chain
    from caseworker_app.services.context import Database

    db = Database.open(cli.database_url(args))
    try:
        report = audit_chain.verify(db.login(getattr(args, "user", None)))
    finally:
        db.dispose()
    if args.json:
        print(
            json.dumps(
                {
                    "intact": report.intact,
                    "regels": report.rows,
                    "laatste_schakel": report.last_seq,
                    "laatste_hash": report.last_hash,
                    "verbroken_auditregel": report.broken_audit_id,
                    "verbroken_schakel": report.broken_seq,
                    "melding": report.message,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(report.message)
    return 0 if report.intact else EXIT_BROKEN
