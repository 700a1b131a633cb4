"""The one place that turns an exception into a message box (style 12), and the crash handler (style 13).

* :class:`~caseworker_app.errors.UserFacingError` -> a warning with its Dutch message.
* :class:`~caseworker_app.errors.StorageError` -> critical, with a hint to try again.
* anything else is a bug: logged with its traceback, shown as "unexpected error" with the log location.

With ``--no-err-windows``/``CASEWORKER_HEADLESS=1`` nothing is shown, everything is logged.
Boxes are opened non-modally-blocking (``open()``), so a failed background op never nests event loops.
"""

from __future__ import annotations

import enum
import logging
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from caseworker_app import log as cw_log
from caseworker_app.errors import StorageError, UserFacingError

log = logging.getLogger("caseworker.ui")
translate = QCoreApplication.translate

_headless = False


def set_headless(value: bool) -> None:
    """``True``: log errors, never open a window (CI, smoke tests)."""
    global _headless
    _headless = value


def headless() -> bool:
    return _headless or os.environ.get("CASEWORKER_HEADLESS", "") not in ("", "0")


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Tell the user what went wrong, in the way that fits the kind of error.  Returns the (open) box."""
    if isinstance(exc, UserFacingError):
        log.info("user error: %s", exc.message)
        icon, title, text = QMessageBox.Icon.Warning, translate("ErrorMessages", "Cannot do that"), exc.message
    elif isinstance(exc, StorageError):
        log.warning("storage error: %s", exc.message, exc_info=exc)
        icon, title = QMessageBox.Icon.Critical, translate("ErrorMessages", "Database problem")
        text = (
            exc.message
            + "\n\n"
            + translate(
                "ErrorMessages",
                "Nothing was saved. Try again in a moment; if it keeps happening, ask your administrator.",
            )
        )
    else:
        log.error("unexpected error", exc_info=exc)
        icon, title = QMessageBox.Icon.Critical, translate("ErrorMessages", "Unexpected error")
        text = translate(
            "ErrorMessages", "Something went wrong that Caseworker did not expect. Details are in the log file:"
        )
        text += f"\n{cw_log.log_file()}"
    if headless():
        return None
    box = _box(parent, icon, title, text)
    if not isinstance(exc, UserFacingError | StorageError):
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.open()
    return box


class StorageChoice(enum.Enum):
    RETRY = "retry"
    OTHER_FILE = "other_file"
    QUIT = "quit"


def ask_storage_choice(parent: QWidget | None, exc: StorageError, callback: Callable[[StorageChoice], object]) -> None:
    """The database cannot be opened: offer to retry, to pick another file, or to quit."""
    log.warning("cannot open database: %s", exc.message)
    if headless():
        callback(StorageChoice.QUIT)
        return
    box = _box(parent, QMessageBox.Icon.Critical, translate("ErrorMessages", "Cannot open the database"), exc.message)
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    buttons = {
        box.addButton(translate("ErrorMessages", "Try again"), QMessageBox.ButtonRole.AcceptRole): StorageChoice.RETRY,
        box.addButton(
            translate("ErrorMessages", "Choose another file…"), QMessageBox.ButtonRole.ActionRole
        ): StorageChoice.OTHER_FILE,
        box.addButton(translate("ErrorMessages", "Quit"), QMessageBox.ButtonRole.RejectRole): StorageChoice.QUIT,
    }
    box.setEscapeButton(next(b for b, c in buttons.items() if c is StorageChoice.QUIT))
    box.buttonClicked.connect(lambda button: callback(buttons.get(button, StorageChoice.QUIT)))
    box.open()


def ask_upgrade(parent: QWidget | None, exc: StorageError, callback: Callable[[bool], object]) -> None:
    """The schema is older than this build or missing: offer to bring it up to date (a backup is made first)."""
    log.info("schema needs an upgrade: %s", exc.message)
    if headless():
        callback(False)
        return
    if exc.code in ("schema_missing", "database_missing"):
        text = translate("ErrorMessages", "This database is still empty. Set it up for Caseworker now?")
    else:
        text = translate(
            "ErrorMessages",
            "This database was made by an older Caseworker. Bring it up to date now? "
            "A backup copy of the file is made first.",
        )
    box = _box(parent, QMessageBox.Icon.Question, translate("ErrorMessages", "Database needs setting up"), text)
    box.setObjectName("upgradeBox")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.buttonClicked.connect(lambda button: callback(box.standardButton(button) == QMessageBox.StandardButton.Yes))
    box.open()


# ---- crash handler -------------------------------------------------------------------------------------------


def _crash_dialog(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    text = translate(
        "ErrorMessages",
        "Caseworker ran into an error it did not expect. Your saved work is safe; the last action may not have "
        "completed. Please tell your administrator and include the log file:",
    )
    box = _box(
        QApplication.activeWindow(),
        QMessageBox.Icon.Critical,
        translate("ErrorMessages", "Caseworker: unexpected error"),
        f"{text}\n{cw_log.log_file()}\n\n{exc_type.__name__}: {exc}",
    )
    box.setObjectName("crashBox")
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.exec()


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log every uncaught exception at CRITICAL and show it; the window stays open."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logging.getLogger("caseworker.crash").critical("uncaught exception", exc_info=(exc_type, exc, tb))
    if headless() or QApplication.instance() is None:
        print(f"caseworker: onverwachte fout ({exc_type.__name__}: {exc}); zie {cw_log.log_file()}", file=sys.stderr)  # noqa: T201
        return
    try:
        _crash_dialog(exc_type, exc, tb)
    except Exception:  # the crash handler itself must never crash
        logging.getLogger("caseworker.crash").exception("crash dialog failed")


def install_crash_handler() -> None:
    """Before the QApplication exists (style 13)."""
    sys.excepthook = excepthook
