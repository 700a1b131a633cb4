"""Noticing that somebody else changed an open debtor, so its workspace can refresh itself.

* SQLite: :class:`ChangeWatcher` polls ``services.changes.change_token`` every few seconds with a QTimer; the
  query runs on the database worker (a :class:`~caseworker_app.gui.ops.ServiceOp`), never on the GUI thread.
* PostgreSQL: one :class:`NotifyHub` per database runs ``services.changes.listen``; its callback runs on the
  listener's own thread and only emits a Qt signal, which Qt queues to the GUI thread.  After the listener
  reconnects, every watcher checks its token once (notifications may have been missed meanwhile).

A watcher emits ``changed`` when the token moved and ``deleted`` when the debtor is gone.  Failures of the
poll (the database went away) are logged and reported through ``unreachable``; polling goes on.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.changes import ChangeListener
    from caseworker_app.services.context import Context

log = logging.getLogger("caseworker.ui.refresh")

POLL_INTERVAL_MS = 3000
DELETED = "deleted"  # services.changes.DELETED, without importing the services on the GUI thread at start-up


class NotifyHub(QObject):
    """One LISTEN connection per PostgreSQL database, shared by all open workspaces."""

    debtor_changed = Signal(int)
    reconnected = Signal()
    _hubs: dict[str, NotifyHub] = {}

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.listener: ChangeListener | None = None
        self._was_connected = False

    @classmethod
    def for_context(cls, ctx: Context) -> NotifyHub | None:
        if ctx.db.backend != "postgresql":
            return None
        url = ctx.db.url
        hub = cls._hubs.get(url)
        if hub is None:
            hub = cls._hubs[url] = NotifyHub(url)
            hub.start()
        return hub

    def start(self) -> None:
        from caseworker_app.services import changes

        # both callbacks run on the listener thread: they only emit signals (queued to the GUI thread)
        self.listener = changes.listen(self.url, self.debtor_changed.emit, on_status=self._status)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def _status(self, connected: bool, message: str) -> None:
        if connected and self._was_connected is False and self.listener is not None and self.listener.running:
            self.reconnected.emit()
        self._was_connected = connected
        if not connected:
            log.warning("change listener lost the server: %s", message)

    @Slot()
    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop(timeout=2.0)
            self.listener = None
        NotifyHub._hubs.pop(self.url, None)

    @classmethod
    def stop_all(cls) -> None:
        for hub in list(cls._hubs.values()):
            hub.stop()


class ChangeWatcher(QObject):
    changed = Signal()
    deleted = Signal()
    unreachable = Signal(str)
    #: a poll worked again after ``unreachable``
    reachable = Signal()

    def __init__(self, ctx: Context, debtor_id: int, parent: QObject | None = None, *,
                 interval_ms: int = POLL_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.ctx, self.debtor_id = ctx, debtor_id
        self.token: str | None = None
        self._in_flight = False
        self._stopped = False
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.hub = NotifyHub.for_context(ctx)
        if self.hub is not None:
            self.hub.debtor_changed.connect(self._notified)
            self.hub.reconnected.connect(self.check)

    def start(self, token: str | None) -> None:
        """Watch from ``token`` (the one read together with the position on screen)."""
        self.token = token
        self._stopped = False
        if self.hub is None and not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()

    @Slot(int)
    def _notified(self, debtor_id: int) -> None:
        if debtor_id == self.debtor_id and not self._stopped:
            self.changed.emit()

    @Slot()
    def check(self) -> None:
        """Compare the stored token with the database's (on the worker); emit when it moved."""
        if self._in_flight or self._stopped:
            return
        self._in_flight = True
        ctx, debtor_id = self.ctx, self.debtor_id

        def token() -> str:
            from caseworker_app.services import changes

            return changes.change_token(ctx, debtor_id)

        ServiceOp(None, token).success(self._answer).failure(self._failed).run()

    def _answer(self, token: str) -> None:
        self._in_flight = False
        if self._stopped or not shiboken6.isValid(self):
            return
        if self._failing:
            self._failing = False
            self.reachable.emit()
        if token == DELETED:
            self.token = token
            self.deleted.emit()
        elif token != self.token:
            self.token = token
            self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        log.info("change poll failed: %r", exc)
        if self._stopped or not shiboken6.isValid(self):
            return
        self._failing = True
        self.unreachable.emit(str(exc))
