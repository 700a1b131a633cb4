"""The debtor workspace: the screen a collection officer lives in.

Header with the flags, claims grouped by creditor and middel, totals, timeline, the balance over time and the
capacity panel, all from one :class:`~caseworker_app.services.position.DebtPosition`.  Every amount the rules
engine computed can be explained in place (double-click or Enter on a claim, its context menu, the "?" next to a
total or a capacity figure); the workspace emits :attr:`DebtorWorkspace.explain_requested` and, unless somebody
else handles it (``handle_explanations=False``), opens an :class:`ExplanationDialog` itself.

With a context the workspace loads itself off the GUI thread (:meth:`load`), shows progress with a Cancel button,
and keeps itself current (:class:`~caseworker_app.gui.workspace.refresh.ChangeWatcher`): a change by somebody
else reloads quietly, keeping filters, expanded groups, the selection and any open dialog as they are.  A deleted
debtor or a database that went away is said in a banner; the tab stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import NotFoundError, StorageError, UserFacingError
from caseworker_app.gc_tuning import deferred_full_collections

from caseworker_app.domain.explain import Step
from caseworker_app.domain.types import Middel, label

from caseworker_app.gui import format as fmt
from caseworker_app.gui.ops import ServiceOp
from caseworker_app.gui.workspace.capacity import CapacityPanel
from caseworker_app.gui.workspace.capacity_dialog import CapacityDialog
from caseworker_app.gui.workspace.chart import BalanceChart
from caseworker_app.gui.workspace.claims_model import (
    CLAIM,
    ClaimsFilterProxy,
    ClaimsTreeModel,
    Node,
    NodeRole,
)
from caseworker_app.gui.workspace.explain_dialog import ExplanationDialog
from caseworker_app.gui.workspace.header import DebtorHeader
from caseworker_app.gui.workspace.refresh import ChangeWatcher
from caseworker_app.gui.workspace.timeline import TimelineView
from caseworker_app.gui.workspace.totals import TotalsPanel, total_title

if TYPE_CHECKING:
    from caseworker_app.services.capacity import CapacityForm, Correction
    from caseworker_app.services.context import Context
    from caseworker_app.services.dto import DebtorDetail
    from caseworker_app.services.position import ClaimPosition, DebtPosition

    from caseworker_app.gui.contacts.contacts_tab import ContactsTab
    from caseworker_app.gui.workspace.schuldoverzicht import SchuldoverzichtDialog

log = logging.getLogger("caseworker.ui.workspace")
UPDATED_NOTE_MS = 8000
_C = ClaimsTreeModel
# the claim columns by importance: on a narrow screen the default layout shows as many as fit, in this order
COLUMN_PRIORITY = (_C.REFERENCE, _C.OPEN, _C.NEXT_STEP, _C.DUE_DATE, _C.STAGE, _C.RENTE, _C.COSTS, _C.PAID,
                   _C.ORIGINAL, _C.VERJARING, _C.PERIOD, _C.VERREKEND, _C.STUIT)
# never hidden by the width: which claim it is and what is open on it
ALWAYS_SHOWN = frozenset({_C.REFERENCE, _C.OPEN})


class Banner(QFrame):
    """One line above the workspace: loading (with Cancel), deleted, or a fault (with Try again)."""

    retry_clicked = Signal()
    cancel_clicked = Signal()

    STYLES = {
        "loading": "background: #eef1f5; color: #1a1a1a;",
        "info": "background: #e7f0fb; color: #154273;",
        "error": "background: #fdf1f0; color: #8c1d18; border: 1px solid #b3261e;",
        "deleted": "background: #fdf1f0; color: #8c1d18; border: 1px solid #b3261e;",
        "updated": "background: #e7f0fb; color: #154273;",
        "saved": "background: #e7f0fb; color: #154273;",
        "unreachable": "background: #fff1dc; color: #8a4b00; border: 1px solid #8a4b00;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceBanner")
        self.state = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(self)
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelLoadButton")
        self.cancel_button.clicked.connect(self.cancel_clicked)
        layout.addWidget(self.cancel_button)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_clicked)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_state(self, state: str, text: str, *, retry: bool = False, cancel: bool = False) -> None:
        self.state = state
        self.setStyleSheet(f"QFrame#workspaceBanner {{ {self.STYLES.get(state, '')} border-radius: 3px; }}")
        self.text.setText(text)
        self.progress.setVisible(state == "loading")
        self.cancel_button.setVisible(cancel)
        self.retry_button.setVisible(retry)
        self.show()

    def clear(self) -> None:
        self.state = ""
        self.hide()


class DebtorWorkspace(QWidget):
    #: (title, tuple[Step, ...]): somebody asked how a figure was computed
    explain_requested = Signal(str, object)
    #: the officer wants to correct income / fixed costs / household
    correct_capacity_requested = Signal()
    #: a position is on screen (after every load and refresh)
    position_shown = Signal(object)
    #: the debtor was deleted by somebody else
    deleted = Signal()
    #: a load failed (the exception); the banner already says so
    load_failed = Signal(object)

    def __init__(
        self,
        ctx: Context | None = None,
        debtor_id: int | None = None,
        parent: QWidget | None = None,
        *,
        as_of: dt.date | None = None,
        watch: bool = True,
        handle_explanations: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("debtorWorkspace")
        self.ctx, self.debtor_id, self.as_of = ctx, debtor_id, as_of
        self.position: DebtPosition | None = None
        self.is_deleted = False
        self.loading = False
        self._generation = 0
        self._refresh_pending = False
        self._external = False
        self._collapsed: set[tuple[str, ...]] = set()
        self.timings: dict[str, float] = {}
        #: the kenmerk the officer searched for: selected and scrolled into view once the position is shown
        self.focus_reference: str | None = None
        self.explanation_dialog: ExplanationDialog | None = None
        self.letter_dialog: SchuldoverzichtDialog | None = None
        self.capacity_dialog: CapacityDialog | None = None
        self._build()
        self.watcher: ChangeWatcher | None = None
        if ctx is not None and debtor_id is not None and watch:
            self.watcher = ChangeWatcher(ctx, debtor_id, self)
            self.watcher.changed.connect(self._changed_elsewhere)
            self.watcher.deleted.connect(self.show_deleted)
            self.watcher.unreachable.connect(self._unreachable)
            self.watcher.reachable.connect(self._reachable)
        if handle_explanations:
            self.explain_requested.connect(self.open_explanation)
        self.correct_capacity_requested.connect(self.open_capacity_dialog)

    # ---- layout --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.header = DebtorHeader(self)
        self.letter_button = QPushButton(self.tr("&Debt overview…"), self.header)
        self.letter_button.setObjectName("schuldoverzichtButton")
        self.letter_button.setToolTip(self.tr("The citizen's debt overview (PDF): preview, save or print (Ctrl+P)"))
        self.letter_button.setEnabled(False)
        self.letter_button.clicked.connect(self.open_schuldoverzicht)
        self.header.actions_layout.addWidget(self.letter_button)
        from caseworker_app.gui.maatwerk import install_on_workspace

        install_on_workspace(self)  # "Maatwerk…" and Ctrl+M (gui/maatwerk)
        layout.addWidget(self.header)
        self.banner = Banner(self)
        self.banner.retry_clicked.connect(self.load)
        self.banner.cancel_clicked.connect(self.cancel_load)
        layout.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("workspaceSplitter")
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_claims(), self.tr("&Claims"))
        self.timeline = TimelineView(self.tabs)
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        self.chart = BalanceChart(self.tabs)
        self.tabs.addTab(self.chart, self.tr("&Balance over time"))

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.totals = TotalsPanel(side)
        self.totals.explain_requested.connect(self.explain_total)
        side_layout.addWidget(self.totals)
        self.capacity = CapacityPanel(side)
        self.capacity.explain_requested.connect(self.explain_capacity)
        self.capacity.correct_requested.connect(self.correct_capacity_requested)
        self._update_correct_button()
        side_layout.addWidget(self.capacity)
        side_layout.addStretch(1)
        scroll = QScrollArea(self.splitter)
        scroll.setObjectName("sidePanel")
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1540, 360])
        # on its own (tests, a workspace in another window) the workspace has its own Ctrl+Shift+F; inside the main
        # window the application-wide menu action does it (two would be ambiguous): see disable_own_shortcuts()
        self.focus_filter_shortcut = QShortcut(QKeySequence("Ctrl+Shift+F"), self)
        self.focus_filter_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.focus_filter_shortcut.activated.connect(self.focus_filter)
        from caseworker_app.gui.contacts.contacts_tab import attach  # the contacts capability's tab (issue 11)

        self.contacts_tab: ContactsTab = attach(self)

    def _build_claims(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        self.claims_filter = QLineEdit(page)
        self.claims_filter.setObjectName("claimsFilter")
        self.claims_filter.setPlaceholderText(
            self.tr("Filter claims: reference, tax or benefit, year, stage… (Ctrl+Shift+F)"))
        self.claims_filter.setClearButtonEnabled(True)
        self.claims_filter.setAccessibleName(self.tr("Filter claims"))
        top.addWidget(self.claims_filter, 1)
        self.open_only = QCheckBox(self.tr("&Outstanding only"), page)
        self.open_only.setObjectName("openOnlyCheck")
        top.addWidget(self.open_only)
        layout.addLayout(top)
        self.claims_model = ClaimsTreeModel(self)
        self.claims_proxy = ClaimsFilterProxy(self)
        self.claims_proxy.setSourceModel(self.claims_model)
        self.claims_view = QTreeView(page)
        self.claims_view.setObjectName("claimsView")
        self.claims_view.setAccessibleName(self.tr("Claims by creditor and tax or benefit"))
        self.claims_view.setModel(self.claims_proxy)
        self.claims_view.setSortingEnabled(True)
        self.claims_view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.claims_view.setAlternatingRowColors(True)
        self.claims_view.setUniformRowHeights(True)
        self.claims_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.claims_view.setExpandsOnDoubleClick(True)
        self.claims_view.setTabKeyNavigation(False)  # Tab moves on to the next control, never from cell to cell
        self.claims_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.claims_view.customContextMenuRequested.connect(self._claims_menu)
        self.claims_view.activated.connect(self._claim_activated)
        self.claims_view.collapsed.connect(lambda index: self._collapsed.add(self._path(index)))
        self.claims_view.expanded.connect(lambda index: self._collapsed.discard(self._path(index)))
        self.claims_view.header().setStretchLastSection(False)
        self.claims_view.header().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.claims_view.header().customContextMenuRequested.connect(self._columns_menu)
        self.claims_view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.claims_view, 1)
        # no column layout remembered and none changed by the officer: the columns follow the view's width
        self.default_columns = True
        self._fitting = False
        self._column_widths: dict[int, int] = {}  # what each column needs (a hidden one's size reads as 0)
        self.claims_view.installEventFilter(self)
        self.claims_view.header().sectionMoved.connect(self._columns_changed_by_user)
        self.claims_view.header().sectionResized.connect(self._columns_changed_by_user)
        self._fit_claim_columns()
        self.claims_filter.textChanged.connect(self._filter_changed)
        self.open_only.toggled.connect(self._open_only_changed)
        return page

    def _fit_claim_columns(self, pos: DebtPosition | None = None) -> None:
        """Widths from the font and the largest amounts, not from every cell: measuring 500 claims' cells with
        ``resizeColumnToContents`` costs the better part of a second.  Amounts are never elided."""
        view = self.claims_view
        fm = view.fontMetrics()
        bold = view.font()
        bold.setBold(True)
        fm_bold = QFontMetrics(bold)
        header = view.header()
        fm_header = header.fontMetrics()
        pad = 14
        samples = {
            ClaimsTreeModel.REFERENCE: max(fm_bold.horizontalAdvance(f"{label(m)} (99)") for m in Middel) + 44,
            ClaimsTreeModel.PERIOD: fm.horizontalAdvance("2024 K4") + pad,
            ClaimsTreeModel.DUE_DATE: fm.horizontalAdvance("00-00-0000") + pad,
            ClaimsTreeModel.STAGE: fm.horizontalAdvance("dwangbevel (00-00-0000)") + pad,
            ClaimsTreeModel.NEXT_STEP: fm.horizontalAdvance("vordering vanaf 00-00-0000") + pad,
            ClaimsTreeModel.VERJARING: fm.horizontalAdvance("00-00-0000 (verjaard)") + pad,
            ClaimsTreeModel.STUIT: fm.horizontalAdvance("nee") + pad,
        }
        columns = ClaimsTreeModel.AMOUNT_ATTRS
        largest = dict.fromkeys(columns, Decimal("99999.99"))
        if pos is not None and pos.claims:  # the widest figure: a creditor's subtotal of absolute amounts
            amounts_of = attrgetter(*columns.values())
            per_creditor: dict[str, list[tuple[Decimal, ...]]] = {}
            for c in pos.claims:
                per_creditor.setdefault(c.creditor, []).append(amounts_of(c))
            for rows in per_creditor.values():
                for column, values in zip(columns, zip(*rows), strict=True):
                    largest[column] = max(largest[column], sum((abs(v) for v in values), Decimal(0)))
        for column, amount in largest.items():
            samples[column] = fm_bold.horizontalAdvance(fmt.eur(amount)) + pad
        model = self.claims_model
        for column, width in samples.items():
            title = model.headerData(column, Qt.Orientation.Horizontal)
            wanted = max(width, fm_header.horizontalAdvance(str(title)) + 28)  # room for the sort arrow
            self._column_widths[column] = max(wanted, self._column_widths.get(column, 0))
            if pos is None or wanted > view.columnWidth(column):
                self._fitting = True
                try:
                    view.setColumnWidth(column, wanted)
                finally:
                    self._fitting = False
        self._fit_columns_to_width()

    def _fit_columns_to_width(self) -> None:
        """While the layout is the default one: show the columns that fit the view, most important first, so at
        1366×768 no column runs off to the right and the open amount is always in view (the header's menu shows
        the others).  Stops at the first column that does not fit, so which columns show is predictable."""
        if not self.default_columns:
            return
        view = self.claims_view
        available = view.viewport().width()
        if available <= 0:
            return
        header = view.header()
        used = 0
        fits = True
        self._fitting = True
        try:
            header.setStretchLastSection(True)  # what is left over goes to the last column (its texts are long)
            for column in COLUMN_PRIORITY:
                width = self._column_widths.get(column) or header.sectionSize(column)
                fits = fits and (column in ALWAYS_SHOWN or used + width <= available)
                header.setSectionHidden(column, not fits and column not in ALWAYS_SHOWN)
                if not header.isSectionHidden(column):
                    used += width
        finally:
            self._fitting = False

    @Slot()
    def _columns_changed_by_user(self) -> None:
        """A column dragged wider or to another place (the mouse is down): from now on the officer's layout."""
        dragging = bool(QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton)
        if not self._fitting and dragging and self.claims_view.isVisible():
            self.keep_layout()

    def keep_layout(self) -> None:
        if self.default_columns:
            self.default_columns = False
            self.claims_view.header().setStretchLastSection(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.claims_view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            QTimer.singleShot(0, self._fit_columns_to_width)  # once the viewport has its new width
        return super().eventFilter(watched, event)

    def disable_own_shortcuts(self) -> None:
        """The window around the workspace offers its shortcuts application-wide (the main window does)."""
        self.focus_filter_shortcut.setEnabled(False)

    @Slot()
    def focus_filter(self) -> None:
        """Ctrl+Shift+F: to the filter of the page on top (claims or timeline), text selected to type over."""
        edit = self.timeline.filter_edit if self.tabs.currentWidget() is self.timeline else self.claims_filter
        if self.tabs.currentWidget() is self.chart:
            self.tabs.setCurrentIndex(0)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    # ---- loading -------------------------------------------------------------------------------------------
    @Slot()
    def load(self, *, quiet: bool = False) -> None:
        """Load the position on the database worker; ``quiet`` (a refresh) keeps the banner away."""
        ctx, debtor_id, as_of = self.ctx, self.debtor_id, self.as_of
        if ctx is None or debtor_id is None:
            return
        self._generation += 1
        generation = self._generation
        self.loading = True
        self._refresh_pending = False
        if not quiet:
            self.banner.show_state("loading", self.tr("Loading the debt position…"), cancel=True)

        def work() -> tuple[str, DebtPosition]:
            from caseworker_app.services import changes, position

            token = changes.change_token(ctx, debtor_id)  # read first: a change after it triggers a new load
            if token == changes.DELETED:
                raise NotFoundError("Schuldenaar", debtor_id)
            return token, position.get_position(ctx, debtor_id, as_of or position.today())

        ServiceOp(self, work).success(lambda result: self._loaded(generation, result)).failure(
            lambda exc: self._failed(generation, exc)
        ).run()

    @Slot()
    def cancel_load(self) -> None:
        """Stop waiting for the load in progress (its result is ignored when it comes)."""
        if not self.loading:
            return
        self._generation += 1
        self.loading = False
        self.banner.show_state("info", self.tr("Loading cancelled."), retry=True)

    def _loaded(self, generation: int, result: tuple[str, DebtPosition]) -> None:
        if generation != self._generation:
            return  # cancelled, or a newer load is on its way
        self.loading = False
        token, pos = result
        was_deleted = self.is_deleted
        self.set_position(pos)
        if self.banner.state in ("loading", "error", "info", "unreachable") or was_deleted:
            self.banner.clear()
        if self._external:
            self._external = False
            self.banner.show_state("updated", self.tr("Updated at {time}: this debtor was changed elsewhere.").format(
                time=time.strftime("%H:%M")))
            QTimer.singleShot(UPDATED_NOTE_MS, self._clear_updated_note)
        if self.watcher is not None:
            self.watcher.start(token)
        if self._refresh_pending:
            self.load(quiet=True)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if isinstance(exc, NotFoundError):
            self.show_deleted()
        elif isinstance(exc, StorageError):
            log.warning("loading debtor %s failed: %s", self.debtor_id, exc.message)
            self.banner.show_state("error", self.tr("The debt position could not be loaded: {reason}").format(
                reason=exc.message), retry=True)
        elif isinstance(exc, UserFacingError):
            self.banner.show_state("error", exc.message, retry=True)
        else:
            log.error("loading debtor %s failed", self.debtor_id, exc_info=exc)
            self.banner.show_state("error", self.tr("Something unexpected went wrong while loading; details are in "
                                                    "the log file."), retry=True)
        self.load_failed.emit(exc)

    @Slot()
    def _changed_elsewhere(self) -> None:
        if self.is_deleted:
            return
        if self.loading:
            self._refresh_pending = True
            return
        log.info("debtor %s changed elsewhere: refreshing", self.debtor_id)
        self._external = True
        self.load(quiet=True)

    def _clear_saved_note(self) -> None:
        if self.banner.state == "saved":
            self.banner.clear()

    def _clear_updated_note(self) -> None:
        if self.banner.state == "updated":
            self.banner.clear()

    @Slot(str)
    def _unreachable(self, _reason: str) -> None:
        if self.banner.state in ("", "updated"):
            self.banner.show_state("unreachable", self.tr("The database cannot be reached at the moment; what you see "
                                                          "is updated as soon as it can."))

    @Slot()
    def _reachable(self) -> None:
        if self.banner.state == "unreachable":
            self.banner.clear()

    @Slot()
    def show_deleted(self) -> None:
        self.is_deleted = True
        self.loading = False
        if self.watcher is not None:
            self.watcher.stop()
        self.capacity.correct_button.setEnabled(False)
        when = time.strftime("%H:%M")
        self.banner.show_state(
            "deleted",
            self.tr("This debtor was deleted by another user. What you see is how it was at {time}; it is no longer "
                    "updated.").format(time=when) if self.position is not None else
            self.tr("This debtor was deleted by another user."),
            retry=True,
        )
        self.deleted.emit()

    # ---- showing -------------------------------------------------------------------------------------------
    def show_detail(self, detail: DebtorDetail) -> None:
        self.header.show_detail(detail)

    @deferred_full_collections()  # a large debtor's models: no full GC walk over everything meanwhile
    def set_position(self, pos: DebtPosition) -> None:
        """Show ``pos``; what the officer set up (filters, collapsed groups, selection, dialogs) stays as it is."""
        start = time.perf_counter()
        first = self.position is None
        self.position = pos
        self.is_deleted = False
        self._update_correct_button()
        self.letter_button.setEnabled(True)
        self.header.show_detail(pos.debtor)
        self.header.show_flags(pos.flags)
        self.header.as_of_label.setText(self.tr("Position on {date}, loaded at {time}").format(
            date=fmt.date(pos.as_of), time=time.strftime("%H:%M")))
        selected = self._path(self.claims_view.currentIndex()) if not first else None
        scroll = self.claims_view.verticalScrollBar().value()
        self.claims_model.set_claims(pos.claims)
        self._fit_claim_columns(pos)
        self._restore_tree(selected, scroll)
        if self.focus_reference:
            reference, self.focus_reference = self.focus_reference, None
            self.show_claim(reference)
        claims_done = time.perf_counter()
        self.totals.show_totals(pos.totals)
        household = pos.debtor.household
        self.capacity.show_capacity(pos.capacity, household.leefsituatie if household else None)
        self.timeline.set_events(pos.timeline)
        self.chart.set_data(pos.monthly_balance)
        done = time.perf_counter()
        self.timings = {"claims_model": claims_done - start, "rest": done - claims_done, "total": done - start}
        if pos.timings is not None:
            self.timings.update(load=pos.timings.load, rules=pos.timings.rules, build=pos.timings.build)
        self.position_shown.emit(pos)

    def _update_correct_button(self) -> None:
        from caseworker_app.domain.permissions import Permission

        button = self.capacity.correct_button
        may = self.ctx is not None and self.ctx.can(Permission.EDIT_DEBTOR)
        button.setEnabled(may and not self.is_deleted)
        button.setToolTip("" if may or self.ctx is None else self.tr("Your role may not change income or household."))

    def show_claim(self, reference: str) -> bool:
        """Select the claim with kenmerk ``reference`` and scroll it into view; a filter hiding it is cleared."""
        view, proxy, model = self.claims_view, self.claims_proxy, self.claims_model
        source = model.index_of_claim(reference)
        if not source.isValid():
            return False
        index = proxy.mapFromSource(source)
        if not index.isValid():  # hidden by the filter text or "outstanding only"
            self.claims_filter.clear()
            self.open_only.setChecked(False)
            index = proxy.mapFromSource(source)
        self.tabs.setCurrentIndex(0)
        parent = index.parent()
        while parent.isValid():
            view.expand(parent)
            parent = parent.parent()
        view.setCurrentIndex(index)
        view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        # the view may not have its final size yet (a tab just opened): scroll again once it is laid out
        target = QPersistentModelIndex(index)

        def scroll_again() -> None:
            if target.isValid():
                again = proxy.index(target.row(), target.column(), target.parent())
                view.scrollTo(again, QAbstractItemView.ScrollHint.PositionAtCenter)

        QTimer.singleShot(0, scroll_again)
        return True

    def _path(self, index: QModelIndex) -> tuple[str, ...]:
        node = index.data(NodeRole) if index.isValid() else None
        return node.path if isinstance(node, Node) else ()

    def _restore_tree(self, selected: tuple[str, ...] | None, scroll: int) -> None:
        view, proxy, model = self.claims_view, self.claims_proxy, self.claims_model
        with QSignalBlocker(view):  # not a change by the officer: keep _collapsed as it is (and skip 500 slots)
            view.expandAll()
            for path in list(self._collapsed):
                index = proxy.mapFromSource(model.index_of(path))
                if index.isValid():
                    view.collapse(index)
        if selected:
            index = proxy.mapFromSource(model.index_of(selected))
            if index.isValid():
                view.setCurrentIndex(index)
        view.verticalScrollBar().setValue(scroll)

    def _filter_changed(self, text: str) -> None:
        self.claims_proxy.set_text(text)
        self._reexpand()

    def _open_only_changed(self, checked: bool) -> None:
        self.claims_proxy.set_open_only(checked)
        self._reexpand()

    def _reexpand(self) -> None:
        self._restore_tree(self._path(self.claims_view.currentIndex()), self.claims_view.verticalScrollBar().value())

    # ---- explaining ----------------------------------------------------------------------------------------
    def selected_claim(self) -> ClaimPosition | None:
        node = self.claims_view.currentIndex().data(NodeRole)
        return node.claim if isinstance(node, Node) else None

    @Slot(QModelIndex)
    def _claim_activated(self, index: QModelIndex) -> None:
        node = index.data(NodeRole)
        if isinstance(node, Node) and node.kind == CLAIM and node.claim is not None:
            self.explain_claim(node.claim.id)

    def explain_claim(self, claim_id: int) -> None:
        pos = self.position
        if pos is None:
            return
        from caseworker_app.services.position import explain_claim

        claim = next(c for c in pos.claims if c.id == claim_id)
        steps = explain_claim(pos, claim_id)
        self.explain_requested.emit(
            self.tr("Claim {reference}: outstanding {open}, interest {rente}").format(
                reference=claim.reference, open=fmt.eur(claim.open), rente=fmt.eur(claim.rente_total)),
            steps,
        )

    def explain_subtotal(self, node: Node, column: int) -> None:
        """A group row's figure: the claims it adds up (each of which explains itself)."""
        attr = ClaimsTreeModel.AMOUNT_ATTRS[column]
        title = str(self.claims_model.headerData(column, Qt.Orientation.Horizontal))
        steps = [Step(f"{c.reference} ({c.middel_label})", fmt.eur(getattr(c, attr))) for c in node.claims()]
        amount = fmt.eur(node.sums[attr])
        steps.append(Step(self.tr("Subtotal"), amount))
        heading = self.tr("{what} of {group}: {amount}").format(what=title, group=node.title, amount=amount)
        self.explain_requested.emit(heading, tuple(steps))

    @Slot(str)
    def explain_total(self, key: str) -> None:
        pos = self.position
        if pos is None:
            return
        from caseworker_app.services.position import explain_total

        steps = explain_total(pos, key)
        self.explain_requested.emit(
            self.tr("{what}: {amount}").format(what=total_title(key), amount=fmt.eur(pos.totals.amounts()[key])),
            steps,
        )

    @Slot(str)
    def explain_capacity(self, key: str) -> None:
        c = self.position.capacity if self.position is not None else None
        if c is None:
            return
        if key == "bvv":
            title = self.tr("Beslagvrije voet: {amount}").format(amount=fmt.eur(c.beslagvrije_voet))
        else:
            title = self.tr("Payment capacity: {amount}").format(amount=fmt.eur(c.betalingscapaciteit))
        self.explain_requested.emit(title, self.capacity.steps(key))

    @Slot(str, object)
    def open_explanation(self, title: str, steps: tuple[Step, ...]) -> None:
        if self.explanation_dialog is not None:
            with contextlib.suppress(RuntimeError):  # already deleted (WA_DeleteOnClose)
                self.explanation_dialog.close()
        subtitle = ""
        if self.position is not None:
            subtitle = self.tr("{name}, position on {date}").format(
                name=self.position.debtor.display_name, date=fmt.date(self.position.as_of))
        self.explanation_dialog = ExplanationDialog(title, steps, self, subtitle=subtitle)
        self.explanation_dialog.show()

    def _claims_menu(self, point: QPoint) -> None:
        index = self.claims_view.indexAt(point)
        node = index.data(NodeRole) if index.isValid() else None
        claim = node.claim if isinstance(node, Node) else None
        menu = QMenu(self)
        if claim is not None:
            explain = QAction(self.tr("&Explain the calculation…"), menu)
            explain.triggered.connect(lambda: self.explain_claim(claim.id))
            menu.addAction(explain)
            copy = QAction(self.tr("&Copy reference"), menu)
            copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(claim.reference))
            menu.addAction(copy)
            menu.addSeparator()
        elif isinstance(node, Node):
            column = index.column() if index.column() in ClaimsTreeModel.AMOUNT_ATTRS else ClaimsTreeModel.OPEN
            subtotal = QAction(self.tr("&Explain this subtotal…"), menu)
            subtotal.triggered.connect(lambda: self.explain_subtotal(node, column))
            menu.addAction(subtotal)
            menu.addSeparator()
        menu.addAction(self.tr("Expand all"), self.claims_view.expandAll)
        menu.addAction(self.tr("Collapse to creditors"), self._collapse_to_creditors)
        menu.popup(self.claims_view.viewport().mapToGlobal(point))

    def _columns_menu(self, point: QPoint) -> None:
        """Right-click on the column headers: show or hide columns (the first one always stays)."""
        header = self.claims_view.header()
        menu = QMenu(self)
        for column in range(1, self.claims_model.columnCount()):
            action = QAction(str(self.claims_model.headerData(column, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda checked, column=column: self.set_column_shown(column, checked))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(point))

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.keep_layout()  # the officer chose: the width no longer decides
        self.claims_view.header().setSectionHidden(column, not shown)

    def _collapse_to_creditors(self) -> None:
        for row in range(self.claims_proxy.rowCount()):
            index = self.claims_proxy.index(row, 0)
            self.claims_view.collapse(index)

    # ---- correcting the capacity ---------------------------------------------------------------------------
    @Slot()
    def open_capacity_dialog(self) -> None:
        """Load every recorded field of income, costs and household (database worker), then open the dialog."""
        ctx, debtor_id = self.ctx, self.debtor_id
        if self.position is None or ctx is None or debtor_id is None:
            return
        if self.capacity_dialog is not None and self.capacity_dialog.isVisible():
            self.capacity_dialog.raise_()
            return

        def work() -> CapacityForm:
            from caseworker_app.services import capacity

            return capacity.load_correction(ctx, debtor_id)

        self.capacity.correct_button.setEnabled(False)
        ServiceOp(self, work).success(self._show_capacity_dialog).failure(self._capacity_load_failed).run()

    def _show_capacity_dialog(self, form: CapacityForm) -> None:
        self._update_correct_button()
        self.capacity_dialog = CapacityDialog(self.ctx, form, self)
        self.capacity_dialog.saved.connect(self._capacity_saved)
        self.capacity_dialog.open()

    def _capacity_load_failed(self, exc: BaseException) -> None:
        self._update_correct_button()
        from caseworker_app.gui.errors import show_error

        show_error(self, exc)

    def _capacity_saved(self, result: Correction) -> None:
        if result.merged_fields:
            from caseworker_app.gui.fields import field_label

            names = ", ".join(field_label(f) for f in result.merged_fields)
            self.banner.show_state("saved", self.tr("Saved. Changes another user made meanwhile were kept: {fields}.")
                                   .format(fields=names))
            QTimer.singleShot(UPDATED_NOTE_MS * 2, self._clear_saved_note)
        self.load(quiet=True)

    # ---- the citizen's letter -------------------------------------------------------------------------------
    @Slot()
    def open_schuldoverzicht(self) -> None:
        """Preview the schuldoverzicht of the position on screen (made on the render pool, not here)."""
        if self.position is None:
            return
        if self.letter_dialog is not None:
            with contextlib.suppress(RuntimeError):  # already deleted (WA_DeleteOnClose)
                self.letter_dialog.close()
        from caseworker_app.services.position import today

        from caseworker_app.gui.workspace.schuldoverzicht import SchuldoverzichtDialog

        self.letter_dialog = SchuldoverzichtDialog(self.ctx, self.position, self, issued_on=today())
        self.letter_dialog.show()
        self.letter_dialog.start()

    # ---- tab life ------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """The tab closes: stop watching and ignore any load still running."""
        self._generation += 1
        self.loading = False
        if self.watcher is not None:
            self.watcher.stop()
