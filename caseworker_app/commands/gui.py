"""``caseworker gui`` (also what plain ``caseworker`` does): the main window.

Checks for a display before Qt is imported, so a headless machine gets a Dutch hint instead of a
Qt platform-plugin abort.  The gui package is imported only here, inside ``func``.
"""

from __future__ import annotations

import argparse
import os
import sys

from caseworker_app import cli
from caseworker_app.errors import UserFacingError

HINT = (
    "Start de interface zonder zichtbaar venster met 'QT_QPA_PLATFORM=offscreen caseworker gui', "
    "in een virtueel scherm met 'xvfb-run caseworker gui', of vanuit een bureaubladsessie (ssh -X)."
)


def has_display(environ: dict[str, str] | os._Environ[str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "gui",
        parents=[common],
        help="open het hoofdvenster (standaard)",
        description="Open het hoofdvenster van Caseworker.",
    )
    parser.add_argument(
        "--no-err-windows",
        action="store_true",
        help="toon geen foutvensters, schrijf fouten alleen in het logbestand (ook: CASEWORKER_HEADLESS=1)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not has_display():
        raise UserFacingError("no_display", hint=HINT)
    from caseworker_app import gc_tuning

    gc_tuning.hold_collections()  # until the first answer is shown (gui.app and the main window resume them)
    from caseworker_app.gui import app

    return app.run(
        cli.database_url(args),
        login=getattr(args, "user", None),
        no_err_windows=bool(getattr(args, "no_err_windows", False)),
    )
