"""Logging: named loggers under ``caseworker``, a rotating file, an in-memory tail for the log view."""

from __future__ import annotations

import collections
import logging
import logging.handlers
import sys
from pathlib import Path

from caseworker_app import paths

FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

init_log = logging.getLogger("caseworker.init")
db = logging.getLogger("caseworker.db")
ui = logging.getLogger("caseworker.ui")
report = logging.getLogger("caseworker.report")


class RAMHandler(logging.Handler):
    """Keeps the last records for Help > Log and crash reports."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self.records: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.records.append(self.format(record))
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)

    def dump(self) -> str:
        return "\n".join(self.records)


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
        handler = logging.handlers.RotatingFileHandler(_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    except OSError as exc:  # a read-only home must not stop the application
        print(f"caseworker: kan het logbestand niet openen: {exc}", file=sys.stderr)
    if console and debug:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(stream)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO if debug else logging.WARNING)
    root._caseworker_configured = True  # type: ignore[attr-defined]
