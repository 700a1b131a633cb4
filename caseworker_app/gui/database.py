"""Opening the database from the interface, and what to do when that does not work.

* schema older or empty -> ask, then ``services.admin.upgrade`` and open again;
* schema newer -> refuse with the message (install a newer Caseworker);
* storage problems (unreachable, locked, corrupt) -> "Try again" / "Choose another file…" / "Quit";
* anything else -> :func:`show_error`.

Everything runs through :class:`ServiceOp`, so the window stays responsive while it connects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from caseworker_app.errors import SchemaVersionError, StorageError

from caseworker_app.gui import backend
from caseworker_app.gui.errors import StorageChoice, ask_storage_choice, ask_upgrade, show_error
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.context import Context

UPGRADABLE = ("schema_older", "schema_missing", "database_missing")


def choose_sqlite_file(parent: QWidget | None) -> str | None:
    """Ask for a (new or existing) SQLite file; ``None`` when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DatabaseOpener", "Choose a Caseworker database"),
        "",
        QCoreApplication.translate("DatabaseOpener", "Caseworker database (*.sqlite);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return path or None


class DatabaseOpener(QObject):
    """Opens ``url`` for ``window``; calls ``on_opened(ctx)`` or ``on_gave_up()``; ``on_quit()`` on request."""

    def __init__(
        self,
        window: QWidget,
        url: str | None,
        on_opened: Callable[[Context], object],
        on_gave_up: Callable[[], object],
        on_quit: Callable[[], object],
        *,
        login: str | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.url, self.login = window, url, login
        self.on_opened, self.on_gave_up, self.on_quit = on_opened, on_gave_up, on_quit
        #: replaced by tests; returns a file path or None
        self.choose_file: Callable[[QWidget], str | None] = choose_sqlite_file

    def start(self) -> None:
        url, login = self.url, self.login
        ServiceOp(self.window, lambda: backend.open_context(url, login)).success(self.on_opened).failure(
            self._failed
        ).run()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SchemaVersionError) and exc.code in UPGRADABLE:
            ask_upgrade(self.window, exc, self._upgrade_answered)
        elif isinstance(exc, StorageError) and not isinstance(exc, SchemaVersionError):
            ask_storage_choice(self.window, exc, self._storage_choice)
        else:
            show_error(self.window, exc)
            self.on_gave_up()

    def _upgrade_answered(self, yes: bool) -> None:
        if not yes:
            self.on_gave_up()
            return
        url = self.url
        ServiceOp(self.window, lambda: backend.upgrade(url)).success(lambda _: self.start()).failure(self._failed).run()

    def _storage_choice(self, choice: StorageChoice) -> None:
        if choice is StorageChoice.RETRY:
            self.start()
        elif choice is StorageChoice.OTHER_FILE:
            path = self.choose_file(self.window)
            if path is None:
                self.on_gave_up()
                return
            self.url = f"sqlite:///{path}"
            self.start()
        else:
            self.on_quit()
