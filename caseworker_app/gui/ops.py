"""Background operations: run service calls off the GUI thread and get the answer back on it.

    ServiceOp(self, lambda: debtors.search_debtors(ctx, text)).success(self._show_results).run()

``fn`` runs on a worker (by default the single database thread, so SQLite never sees two writers);
``success(result)`` or ``failure(exc)`` is then called on the GUI thread through a queued signal.
Nothing in ``fn`` may touch a widget.  Without a ``failure`` callback errors go to
:func:`caseworker_app.gui.errors.show_error`.  Callbacks are skipped when ``parent`` was deleted
meanwhile (a closed tab).

Tests inject :class:`SyncPool` (``set_default_pool``) so an op completes inside ``run()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

T = TypeVar("T")
log = logging.getLogger("caseworker.ui.ops")


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class SyncPool:
    """Runs each op immediately on the calling thread (tests, scripts)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


_db_pool: Pool | None = None
_cpu_pool: Pool | None = None


def db_pool() -> Pool:
    """The one serial worker for database work (style 3: SQLite has a single writer)."""
    global _db_pool
    if _db_pool is None:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        pool.setExpiryTimeout(-1)  # keep the thread: SQLite connections stay on it
        _db_pool = pool
    return _db_pool


def cpu_pool() -> Pool:
    """A separate pool for CPU-only work such as rendering PDFs: one thread of its own, never the database's.

    One thread, because the PDF libraries (reportlab's font cache, PDFium) are not made for concurrent use; and
    a letter of hundreds of pages must not hold up the database worker, nor the database worker the letter.
    """
    global _cpu_pool
    if _cpu_pool is None:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _cpu_pool = pool
    return _cpu_pool


def set_cpu_pool(pool: Pool | None) -> None:
    """Replace the render pool (tests: :class:`SyncPool`; ``None`` restores the real one on next use)."""
    global _cpu_pool
    _cpu_pool = pool


def wait_for_render(timeout_ms: int = 10000) -> bool:
    """Block until the real render pool is idle (shutdown, tests)."""
    pool = _cpu_pool
    return pool.waitForDone(timeout_ms) if isinstance(pool, QThreadPool) else True


def set_default_pool(pool: Pool | None) -> None:
    """Replace the database pool (``None`` restores the real one on next use)."""
    global _db_pool
    _db_pool = pool


def wait_for_done(timeout_ms: int = 10000) -> bool:
    """Block until the real database pool is idle (shutdown, benchmarks)."""
    pool = _db_pool
    return pool.waitForDone(timeout_ms) if isinstance(pool, QThreadPool) else True


def drop_queued() -> None:
    """At shutdown: forget the ops that have not started yet (a warm-up, an open still waiting); the running one
    finishes, and nobody is told (see :class:`_Runnable`)."""
    pool = _db_pool
    if isinstance(pool, QThreadPool):
        pool.clear()


class _Tracker(QObject):
    """Counts running ops so the main window can show a busy indicator."""

    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.running = 0

    def change(self, delta: int) -> None:
        before = self.running
        self.running = max(0, self.running + delta)
        if (before == 0) != (self.running == 0):
            self.busy_changed.emit(self.running > 0)


_tracker: _Tracker | None = None


def tracker() -> _Tracker:
    global _tracker
    if _tracker is None:
        _tracker = _Tracker()
    return _tracker


class _Runnable(QRunnable):
    def __init__(self, op: ServiceOp[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op

    def run(self) -> None:
        op = self._op
        try:
            result = op.fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._emit(op.finished_failed, exc)
        else:
            self._emit(op.finished_ok, result)

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the op was deleted meanwhile: the application shut down while this ran
            log.info("op finished after shutdown; its answer is dropped")


class ServiceOp(QObject, Generic[T]):
    """One call of ``fn`` on a worker with its result delivered on the GUI thread."""

    finished_ok = Signal(object)
    finished_failed = Signal(object)

    #: ops in flight; holding them here keeps the QObject alive until its answer is delivered
    _pending: set[ServiceOp[Any]] = set()

    def __init__(self, parent: QWidget | None, fn: Callable[[], T], *, pool: Pool | None = None) -> None:
        super().__init__()
        self.fn = fn
        self._parent = parent
        self._pool = pool
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], object] | None = None
        # receiver is this object, which lives in the GUI thread: emits from the worker are queued
        self.finished_ok.connect(self._deliver_success)
        self.finished_failed.connect(self._deliver_failure)

    def success(self, callback: Callable[[T], object]) -> ServiceOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> ServiceOp[T]:
        self._on_failure = callback
        return self

    def run(self) -> ServiceOp[T]:
        ServiceOp._pending.add(self)
        tracker().change(+1)
        (self._pool or db_pool()).start(_Runnable(self))
        return self

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _finish(self) -> None:
        ServiceOp._pending.discard(self)
        tracker().change(-1)

    @Slot(object)
    def _deliver_success(self, result: T) -> None:
        self._finish()
        if self._on_success is not None and self._parent_alive():
            self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        self._finish()
        if not self._parent_alive():
            log.info("op failed after its window closed: %r", exc)
            return
        if self._on_failure is not None:
            self._on_failure(exc)
            return
        from caseworker_app.gui.errors import show_error

        show_error(self._parent, exc)
