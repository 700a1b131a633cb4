"""Logging: named loggers under ``caseworker``, a private rotating file, an in-memory tail for the log view.

What the log guarantees:

* **No personal data from SQL.**  Engines hide SQL parameters (``hide_parameters``), and every handler here
  formats through :class:`RedactingFormatter`, which also removes what driver error texts echo: PostgreSQL's
  ``DETAIL: Key (bsn)=(…)`` and ``Failing row contains (…)``, bound-parameter context lines, a stray
  ``[parameters: …]`` of an engine made elsewhere, and anything shaped like a BSN.
* **Owner-only.**  The log file is created 0600 (and an existing looser one tightened), its folder 0700.
* **A failing log never spoils the program.**  When the file cannot be written (a full disk, a removed
  folder) the handler does not print Python's "--- Logging error ---" traceback on stderr: the command's
  own one-line message stays the only output.  The failure is noted in the in-memory tail (Help > Log), the
  handler retries after :data:`RETRY_AFTER_S`, and the first record written again says how many were lost.
"""

from __future__ import annotations

import collections
import contextlib
import errno
import io
import logging
import logging.handlers
import os
import re
import stat
import sys
import time
from pathlib import Path

from caseworker_app import paths

FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
#: how long a failed log file is left alone before the next record tries again
RETRY_AFTER_S = 30.0

init_log = logging.getLogger("caseworker.init")
db = logging.getLogger("caseworker.db")
ui = logging.getLogger("caseworker.ui")
report = logging.getLogger("caseworker.report")

HIDDEN = "(verborgen)"
_REDACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # SQLAlchemy's statement parameters (engines of ours hide them; anything else gets the same treatment)
    (re.compile(r"\[parameters: [^\n]*"), "[parameters: " + HIDDEN + "]"),
    # PostgreSQL DETAIL lines that echo values: unique / foreign key / check / not-null violations
    (re.compile(r"(Key \([^)\n]*\)=)\([^\n]*"), r"\1" + HIDDEN),
    (re.compile(r"(Failing row contains )\([^\n]*"), r"\1" + HIDDEN),
    # psycopg's context for a bad bound value, and the server's echo of an unparsable input value
    (re.compile(r"(parameter \$\d+ = )'[^\n]*"), r"\1" + HIDDEN),
    (re.compile(r"(invalid input (?:syntax|value) for (?:type )?[\w ]+: )\"[^\n]*"), r"\1" + HIDDEN),
    # anything shaped like a BSN / RSIN: nine digits on their own, or 1234.56.789
    (re.compile(r"(?<![\d.])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\d])"), "[BSN]"),
)


def redact(text: str) -> str:
    """``text`` without SQL parameters and echoed values (see the module docstring)."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """The standard format, with :func:`redact` applied to the message and the traceback text."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class RAMHandler(logging.Handler):
    """Keeps the last records for Help > Log and crash reports."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self.records: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(RedactingFormatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.records.append(self.format(record))
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)

    def note(self, text: str) -> None:
        self.records.append(f"{time.strftime('%Y-%m-%d %H:%M:%S')} WARNING  caseworker.log: {text}")

    def dump(self) -> str:
        return "\n".join(self.records)


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that is owner-only and that fails quietly (see the module docstring)."""

    def __init__(self, filename: Path, *, max_bytes: int = 2_000_000, backups: int = 5) -> None:
        super().__init__(filename, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True)
        self.setFormatter(RedactingFormatter(FORMAT))
        self.failed_at: float | None = None
        self.lost = 0

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            info = os.fstat(fd)
            if os.name == "posix" and stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
                os.fchmod(fd, stat.S_IMODE(info.st_mode) & ~0o077)  # an older, looser log file
        except OSError:
            pass
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed_at is not None:
            if time.monotonic() - self.failed_at < RETRY_AFTER_S:
                self.lost += 1
                return
            self.failed_at = None
            if self.lost:
                super().emit(self._lost_note(self.lost))
                if self.failing:  # still
                    self.lost += 1
                    return
                self.lost = 0
        super().emit(record)
        if self.failing:  # this record failed (handleError ran)
            self.lost += 1

    @property
    def failing(self) -> bool:
        return self.failed_at is not None

    @staticmethod
    def _lost_note(lost: int) -> logging.LogRecord:
        return logging.makeLogRecord(
            {
                "name": "caseworker.log",
                "levelno": logging.WARNING,
                "levelname": "WARNING",
                "msg": "%d log records were lost while the log file could not be written",
                "args": (lost,),
            }
        )

    def handleError(self, record: logging.LogRecord) -> None:
        """Instead of printing a traceback on stderr: remember, drop the stream, and try again later."""
        exc = sys.exc_info()[1]
        first = self.failed_at is None
        self.failed_at = time.monotonic()
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(OSError):  # closing flushes, and the disk is still full
                stream.close()
        if first:
            reason = "de schijf is vol" if isinstance(exc, OSError) and exc.errno == errno.ENOSPC else repr(exc)
            ram_handler.note(f"het logbestand {self.baseFilename} kan niet worden geschreven: {reason}")


ram_handler = RAMHandler()
_file: Path | None = None


def log_file() -> Path:
    return _file if _file is not None else paths.log_dir() / "caseworker.log"


def init(*, debug: bool = False, console: bool = False) -> None:
    """Configure the ``caseworker`` logger tree once per process."""
    global _file
    root = logging.getLogger("caseworker")
    if getattr(root, "_caseworker_configured", False):
        return
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    root.addHandler(ram_handler)
    try:
        _file = paths.log_dir() / "caseworker.log"
    except OSError as exc:  # a read-only home must not stop the application, nor print on every command
        ram_handler.note(f"geen logmap: {exc}")
    else:
        root.addHandler(PrivateFileHandler(_file))
    if console and debug:
        stream = logging.StreamHandler()
        stream.setFormatter(RedactingFormatter(FORMAT))
        root.addHandler(stream)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO if debug else logging.WARNING)
    root._caseworker_configured = True  # type: ignore[attr-defined]
