"""The ``caseworker`` command line.

Every sub-command lives in :mod:`caseworker_app.commands` as a module with a ``register(subparsers)``
function that adds its parser and sets ``func``.  ``func(args) -> int`` returns the exit code.

Errors never reach the user as a traceback: a :class:`~caseworker_app.errors.CaseworkerError` is
printed as one Dutch line on stderr (exit 2 for things the user can fix, 3 for storage problems);
anything else is logged with its traceback and reported as one line pointing at the log (exit 70).
A reader that leaves early (``caseworker debtor show BSN --json | head -1``) ends the command quietly
with exit 141, as a Unix tool stopped by SIGPIPE does.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from caseworker_app import APP_NAME, __version__
from caseworker_app.errors import CaseworkerError, StorageError, ValidationError

#: Command modules, in the order they appear in ``--help``.
COMMAND_MODULES = (
    "gui", "db", "user", "team", "demo", "debtor", "payment", "verrekening", "vermindering", "enforcement",
    "maatwerk", "contact", "task", "visit", "export", "calc", "report", "audit", "selftest",
)

EXIT_USER = 2
EXIT_STORAGE = 3
EXIT_BUG = 70
#: 128 + SIGPIPE: what the shell reports for a tool whose reader went away (``yes | head -1``).
EXIT_PIPE = 141


#: argparse's own messages in Dutch (it looks each up through ``argparse._`` at the moment it is shown).
_ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "show this help message and exit": "toon deze hulptekst en stop",
    "the following arguments are required: %s": "verplicht maar niet opgegeven: %s",
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "onbekende keuze %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r",
    "expected one argument": "hier hoort een waarde bij",
    "expected at least one argument": "hier hoort minstens een waarde bij",
    "expected at most one argument": "hier hoort hoogstens een waarde bij",
    "not allowed with argument %s": "niet samen met %s",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie %(option)s: bedoelt u %(matches)s?",
    "ignored explicit argument %r": "waarde %r hoort hier niet bij",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unexpected option string: %s": "onverwachte optie: %s",
}
_english = argparse._  # type: ignore[attr-defined]


def _argparse_dutch(message: str) -> str:
    return _ARGPARSE_DUTCH.get(message) or _english(message)


argparse._ = _argparse_dutch  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An argument parser whose refusals are one Dutch line and exit 2, like every other refusal.

    argparse's own ``error`` prints the whole usage and an English sentence; an officer (or a script reading
    stderr) gets one line that names what is wrong and where the help is.  Sub-parsers are of this class too
    (``add_subparsers`` uses the class of its parser).
    """

    def error(self, message: str) -> NoReturn:
        line = " ".join(message.split())
        self.exit(EXIT_USER, f"{self.prog}: {line} (hulp: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (sqlite:///pad/naar/bestand.sqlite of postgresql://...); "
        "standaard $CASEWORKER_DATABASE_URL of het SQLite-bestand in de gebruikersmap",
    )
    common.add_argument(
        "--user",
        metavar="LOGIN",
        default=argparse.SUPPRESS,
        help="werk als deze gebruiker (alleen op een lokale SQLite-database; op PostgreSQL geldt de database-login)",
    )
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="uitgebreide logging")
    parser = Parser(
        prog="caseworker",
        description=f"{APP_NAME}: de totale schuldpositie, maatwerk en contact voor invordering.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module_name = f"caseworker_app.commands.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            # a command still being written must not take the others down; tests/cli checks all are present
            continue
        module.register(sub, common)
    return parser


def database_url(args: argparse.Namespace) -> str | None:
    """The URL from ``--database`` or ``CASEWORKER_DATABASE_URL``; ``None`` means the default file.

    ``--database ""`` is refused: an empty name never means the default (nor the GUI's last database).
    """
    given = getattr(args, "database", None)
    if given is not None:
        if not str(given).strip():
            raise ValidationError("invalid_database_url", url=given, reason="het adres is leeg")
        return str(given)
    return os.environ.get("CASEWORKER_DATABASE_URL") or None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *argv])
    from caseworker_app import log

    log.init(debug=bool(getattr(args, "debug", False)), console=args.command != "gui")
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, not at interpreter exit: a reader that left must be noticed inside this try
        return code
    except BrokenPipeError:
        return _reader_left()
    except StorageError as exc:
        logging.getLogger("caseworker.cli").warning("storage error: %s", exc, exc_info=True)
        print(f"caseworker: {exc.message}", file=sys.stderr)
        return EXIT_STORAGE
    except CaseworkerError as exc:
        print(f"caseworker: {exc.message}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("caseworker: afgebroken", file=sys.stderr)
        return 130
    except Exception:
        logging.getLogger("caseworker.cli").critical("unexpected error", exc_info=True)
        print(
            f"caseworker: onverwachte fout; details staan in het logbestand {log.log_file()}",
            file=sys.stderr,
        )
        return EXIT_BUG


def _reader_left() -> int:
    """The reader of stdout is gone: no message, no traceback (Python's recipe in the ``signal`` docs).

    stdout is pointed at devnull so the interpreter's final flush of what is still buffered cannot raise again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_PIPE
