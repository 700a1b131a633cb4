"""Starting the interface: crash handler, QApplication, translations, style, the main window, the database.

The GUI thread does its own imports, then hands the database work to the database worker (importing SQLAlchemy
and the services, opening the database, logging in) and builds and paints the window while that runs: the window
appears without waiting for SQLAlchemy, and a search typed at once is answered as soon as the database is open.

Environment: ``CASEWORKER_EXIT_AFTER_MS=N`` quits N ms after the window is shown (smoke tests),
``CASEWORKER_QUIT_WHEN_READY=1`` quits as soon as the window is usable (startup benchmark),
``CASEWORKER_STARTUP_SEARCH=TEXT`` types TEXT into the search field at start, as a user who starts typing at once
(the search runs as soon as the database is open; "usable" is then the moment its results are shown),
``CASEWORKER_HEADLESS=1`` (or ``--no-err-windows``) only logs errors, ``CASEWORKER_STARTUP_REPORT=file`` writes
the wall-clock times (``time.time()``) of "shown", "ready" (database open) and "answered" (the first search's
results shown) to ``file`` as JSON (benchmark).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time

from PySide6.QtCore import QDir, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from caseworker_app import APP_ID, APP_NAME, __version__, gc_tuning, paths

from caseworker_app.gui import errors, i18n, ops
from caseworker_app.gui import settings as gui_settings

log = logging.getLogger("caseworker.init")
qt_log = logging.getLogger("caseworker.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def setup_resources(app: QApplication) -> None:
    """Icons through the ``icons:`` search path, the stylesheet, the application icon."""
    QDir.addSearchPath("icons", str(paths.resource("icons")))
    qss = paths.resource("stylesheets/caseworker.qss")
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError:
        log.warning("stylesheet %s not found", qss)
    app.setWindowIcon(QIcon("icons:caseworker.svg"))


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_qt_message)
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    loaded = i18n.install(app)
    log.info("translations: %s", ", ".join(loaded) or "none (English)")
    setup_resources(app)
    return app


def _env_int(name: str) -> int | None:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() else None




#: The garbage collector is held during start-up (``commands.gui``); it resumes at the latest this long after.
FREEZE_AFTER_MS = 3000

_MARK_LOG = {"shown": "window shown", "ready": "database ready", "answered": "first search answered"}


def _mark(marks: dict[str, float], name: str, started: float) -> None:
    marks[name] = time.time()
    log.info("%s after %.0f ms", _MARK_LOG[name], (time.perf_counter() - started) * 1000)
    report = os.environ.get("CASEWORKER_STARTUP_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as fh:
            json.dump(marks, fh)


def run(database_url: str | None, *, login: str | None = None, no_err_windows: bool = False) -> int:
    """Open the main window on ``database_url`` (``None``: the last one used, else the default file)."""
    started = time.perf_counter()
    errors.set_headless(no_err_windows or errors.headless())
    errors.install_crash_handler()
    log.info("starting %s %s", APP_NAME, __version__)
    app = create_application()
    from caseworker_app.gui import backend
    from caseworker_app.gui.main_window import MainWindow

    # From here the GUI thread imports nothing more at start-up, so the worker can import in parallel.
    ops.ServiceOp(None, backend.preload).failure(lambda exc: log.warning("preload failed: %r", exc)).run()
    window = MainWindow(login=login)
    url = database_url or gui_settings.settings().get(gui_settings.LAST_DATABASE) or None
    window.open_database(url)  # queued behind the preload on the serial worker
    window.show_on_start()  # maximized on a first start
    marks: dict[str, float] = {}
    QTimer.singleShot(0, lambda: _mark(marks, "shown", started))  # runs once the event loop has painted
    window.database_opened.connect(lambda _ctx: _mark(marks, "ready", started))
    window.results_shown.connect(lambda _count: _mark(marks, "answered", started))
    probe = os.environ.get("CASEWORKER_STARTUP_SEARCH", "").strip()
    if probe:
        window.ui.searchEdit.setText(probe)
        window.search()  # before the database is open: it runs the moment it is
    if os.environ.get("CASEWORKER_QUIT_WHEN_READY"):
        usable = window.results_shown if probe else window.database_opened
        usable.connect(lambda _arg: window.close())  # at once: queued warm-ups are of no use to a quitting process
        window.database_failed.connect(lambda: app.exit(4))
    # the collector resumes when the first debtor tab is prepared (warm_up_workspace); at the latest after this
    QTimer.singleShot(FREEZE_AFTER_MS, gc_tuning.freeze_after_start)
    exit_after = _env_int("CASEWORKER_EXIT_AFTER_MS")
    if exit_after is not None:
        QTimer.singleShot(exit_after, window.close)
    code = app.exec()
    ops.drop_queued()  # closed right after start: do not open the database (or warm up) only to close it again
    ops.wait_for_done(5000)
    if window.ctx is not None:
        window.ctx.db.dispose()
    log.info("stopped with exit code %s", code)
    return code
