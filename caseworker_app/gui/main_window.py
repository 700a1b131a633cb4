"""The main window: which database and user, the debtor search, and one tab per open debtor."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QProgressBar, QToolBar, QWidget

from caseworker_app.domain.permissions import Permission

from caseworker_app.services.dto import DebtorDetail, DebtorSummary, SaveResult

from caseworker_app.gui import backend, ops
from caseworker_app.gui import settings as gui_settings
from caseworker_app.gui.database import DatabaseOpener
from caseworker_app.gui.debtor_tab import DebtorTab
from caseworker_app.gui.forms.ui_main_window import Ui_MainWindow
from caseworker_app.gui.models import DebtorResultsModel, RowRole, sorting_proxy
from caseworker_app.gui.ops import ServiceOp
from caseworker_app.gui.workspace import recent as recent_list

if TYPE_CHECKING:
    from caseworker_app.services.context import Context

STATUS_TIMEOUT_MS = 8000
BUSY_DELAY_MS = 300
log = logging.getLogger("caseworker.ui")


BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def warm_up_workspace() -> None:
    """Import the debtor workspace (about 40 ms of class set-up) once the window is up, not at start-up; then let
    the garbage collector run again, without the start-up's modules (``gc_tuning``)."""
    from caseworker_app import gc_tuning

    import caseworker_app.gui.workspace.workspace  # noqa: F401

    gc_tuning.freeze_after_start()


def database_place(display_url: str) -> str:
    """A SQLite database is a file: show its path; a server database shows its (password-free) URL."""
    prefix = "sqlite:///"
    return display_url[len(prefix) :] if display_url.startswith(prefix) else display_url


def database_name(url: str) -> str:
    """The name a person knows the database by: a SQLite file's name without folder and extension ("demo"), a
    PostgreSQL database's name ("caseworker"); the full place and the login are in the status bar."""
    from pathlib import PurePath, PureWindowsPath
    from urllib.parse import unquote, urlsplit

    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1].split("?", 1)[0]
        return PurePath(PureWindowsPath(path).name).stem or path
    return unquote(urlsplit(url).path.lstrip("/")) or url


# the share of the window's width the search panel gets on a first start (the rest is for the debtor)
SEARCH_PANEL_SHARE = 0.22
SEARCH_PANEL_MIN = 280


class MainWindow(QMainWindow):
    database_opened = Signal(object)  # Context
    database_failed = Signal()
    results_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, login: str | None = None) -> None:
        super().__init__(parent)
        self.login = login  # --user: another local profile on SQLite
        self.first_start = False
        self._split_by_share = False
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowIcon(QIcon("icons:caseworker.svg"))
        self.settings = gui_settings.settings()
        self.ctx: Context | None = None
        self.opener: DatabaseOpener | None = None
        self.about_dialog: QDialog | None = None
        self._size_results_columns = True
        self._search_pending = False
        self._warm_up_after_results = False
        self.results = DebtorResultsModel(self)
        self.ui.resultsView.setModel(sorting_proxy(self.results, self))
        self._setup_status_bar()
        self._setup_recent()
        from caseworker_app.gui.maatwerk import install_on_main_window

        install_on_main_window(self)  # "Maatwerk besluiten…" (gui/maatwerk)
        self._connect()
        from caseworker_app.gui.contacts import my_work  # "Mijn werk" (issue 11)

        my_work.install(self)
        self._set_connected(False)
        self.restore_layout()
        self.ui.searchEdit.setFocus()

    def _setup_status_bar(self) -> None:
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.db_label = QLabel(self)
        self.db_label.setObjectName("databaseLabel")
        # a long database path must not make the window wider; the full text is in the tooltip
        self.db_label.setMinimumWidth(80)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.db_label)
        # show the busy bar only for work that takes a noticeable time, so quick searches do not flicker
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy.show)
        ops.tracker().busy_changed.connect(self._busy_changed)

    def _setup_recent(self) -> None:
        """Recently opened debtors, one click away: a toolbar of names and the same list in a menu."""
        self.recent_menu = QMenu(self.tr("&Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.menuBar().insertMenu(self.ui.menuHelp.menuAction(), self.recent_menu)
        self.recent_bar = QToolBar(self.tr("Recent debtors"), self)
        self.recent_bar.setObjectName("recentToolBar")
        self.recent_bar.setMovable(False)
        self.addToolBar(self.recent_bar)
        self._show_recent()

    def _show_recent(self) -> None:
        self.recent_menu.clear()
        self.recent_bar.clear()
        ctx = self.ctx
        shown = recent_list.entries(self.settings.get(gui_settings.RECENT_DEBTORS), ctx.db.url) if ctx else []
        self.recent_bar.addWidget(QLabel(self.tr("Recent:") + " ", self.recent_bar))
        for number, summary in enumerate(shown, start=1):
            action = QAction(summary.display_name, self)
            action.setToolTip(self.tr("Open {name} ({identifier})").format(
                name=summary.display_name, identifier=summary.bsn or summary.rsin or ""))
            if number <= 9:
                action.setShortcut(f"Alt+{number}")
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _checked=False, summary=summary: self.open_debtor(summary))
            self.recent_menu.addAction(action)
            self.recent_bar.addAction(action)
        self.recent_menu.setEnabled(bool(shown))
        self.recent_bar.setVisible(bool(shown))

    def _remember(self, summary: DebtorSummary) -> None:
        if self.ctx is None:
            return
        text = self.settings.get(gui_settings.RECENT_DEBTORS)
        self.settings.set(gui_settings.RECENT_DEBTORS, recent_list.add(text, self.ctx.db.url, summary))
        self._show_recent()

    def _connect(self) -> None:
        ui = self.ui
        ui.searchEdit.returnPressed.connect(self.search)
        ui.searchButton.clicked.connect(self.search)
        ui.searchEdit.installEventFilter(self)
        ui.resultsView.activated.connect(self.open_index)
        ui.debtorTabs.tabCloseRequested.connect(self.close_tab)
        ui.debtorTabs.currentChanged.connect(self._tab_changed)
        ui.actionOpenDatabase.triggered.connect(self.choose_database)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionFocusSearch.triggered.connect(self.focus_search)
        ui.actionFilterClaims.triggered.connect(self.focus_claims_filter)
        ui.actionSchuldoverzicht.triggered.connect(self.schuldoverzicht)
        ui.actionEditDebtor.triggered.connect(self.edit_current)
        ui.actionCloseTab.triggered.connect(lambda: self.close_tab(ui.debtorTabs.currentIndex()))
        ui.actionAbout.triggered.connect(self.show_about)
        ui.splitter.splitterMoved.connect(self._splitter_moved)

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()

    # ---- database -----------------------------------------------------------------------------------------
    def open_database(self, url: str | None) -> None:
        """Open ``url`` (``None``: the default file) in the background; the window stays usable meanwhile."""
        self.statusBar().showMessage(self.tr("Opening the database…"))
        self.opener = DatabaseOpener(self, url, self.set_context, self._no_database, self.close, login=self.login)
        self.opener.start()

    @Slot()
    def choose_database(self) -> None:
        from caseworker_app.gui.database import choose_sqlite_file

        path = choose_sqlite_file(self)
        if path:
            self.open_database(f"sqlite:///{path}")

    def set_context(self, ctx: Context) -> None:
        old, self.ctx = self.ctx, ctx
        if old is not None and old.db is not ctx.db:
            self._close_all_tabs()
            self.results.set_rows([])
            ServiceOp(None, old.db.dispose).failure(lambda _exc: None).run()
        self.settings.set(gui_settings.LAST_DATABASE, ctx.db.url)
        log.info("database %s opened as %s", ctx.db.display_url, ctx.actor.login)
        self._set_connected(True)
        if ctx.db.read_only_reason is not None:
            self.statusBar().showMessage(
                self.tr("Read only ({reason}): nothing can be changed.").format(
                    reason=ctx.db.read_only_reason
                )
            )
        else:
            self.statusBar().showMessage(self.tr("Database opened."), STATUS_TIMEOUT_MS)
        self._show_recent()
        self.database_opened.emit(ctx)
        if self._search_pending:  # typed while it opened: answer that first, then warm up (GUI thread, ~40 ms)
            self._search_pending = False
            self._warm_up_after_results = True
            self.search()
        else:
            QTimer.singleShot(0, warm_up_workspace)  # the first debtor tab then opens without the import
        ServiceOp(None, backend.warm_up).failure(lambda exc: log.warning("warm-up failed: %r", exc)).run()

    def _no_database(self) -> None:
        self.statusBar().showMessage(self.tr("No database open. Use File > Open database…"))
        self.database_failed.emit()

    def _set_connected(self, connected: bool) -> None:
        ctx = self.ctx
        if ctx is None or not connected:
            self.setWindowTitle(self.tr("Caseworker (no database)"))
            self.db_label.setText(self.tr("No database"))
        else:
            where = database_place(ctx.db.display_url)
            self.setWindowTitle(self.tr("{database} – Caseworker").format(database=database_name(ctx.db.url)))
            self.db_label.setText(
                self.tr("Database: {database} ({backend}) · Working as: {name} ({login})").format(
                    database=where,
                    backend=BACKEND_NAMES.get(ctx.db.backend, ctx.db.backend),
                    name=ctx.actor.display_name,
                    login=ctx.actor.login,
                )
            )
            if ctx.db.read_only_reason is not None:  # a file or folder that may not be written: looking works
                self.db_label.setText(self.db_label.text() + self.tr(" · Read only"))
        self.db_label.setToolTip(self.db_label.text())
        self.ui.searchButton.setEnabled(connected)

    # ---- search -------------------------------------------------------------------------------------------
    @Slot()
    def search(self) -> None:
        text, ctx, limit = self.ui.searchEdit.text(), self.ctx, self.settings.get(gui_settings.SEARCH_LIMIT)
        if not text.strip():
            return
        if ctx is None:  # typed before the database was open: search as soon as it is
            self._search_pending = True
            self.ui.resultsInfo.setText(self.tr("Searching as soon as the database is open…"))
            return
        ServiceOp(self, lambda: backend.search(ctx, text, limit)).success(self.show_results).run()

    def show_results(self, rows: list[DebtorSummary]) -> None:
        self.results.set_rows(rows)
        self.ui.resultsInfo.setText(self._results_text(len(rows)))
        if rows and self._size_results_columns:  # first results and no remembered layout: fit the columns once
            self.ui.resultsView.resizeColumnsToContents()
            self._size_results_columns = False
        if rows:
            view = self.ui.resultsView
            view.setCurrentIndex(view.model().index(0, 0))
            view.setFocus()
        self.results_shown.emit(len(rows))
        if self._warm_up_after_results:
            self._warm_up_after_results = False
            QTimer.singleShot(0, warm_up_workspace)

    def _results_text(self, count: int) -> str:
        if count == 0:
            return self.tr("Nothing found. Try a BSN, a surname, or a postcode with house number.")
        if count >= self.settings.get(gui_settings.SEARCH_LIMIT):
            return self.tr("The first %n debtor(s); refine the search to see others.", "", count)
        return self.tr("%n debtor(s) found. Arrow keys choose, Enter opens.", "", count)

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F from anywhere (also from a dialog next to the window): to the search field, text selected."""
        self.activateWindow()
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    @Slot()
    def focus_claims_filter(self) -> None:
        """Ctrl+Shift+F from anywhere: to the filter of the debtor on top."""
        tab = self.current_tab()
        if tab is not None:
            self.activateWindow()
            tab.workspace.focus_filter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the search field moves to the results (keyboard-only use)."""
        if (
            watched is self.ui.searchEdit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results.rowCount()
        ):
            self.ui.resultsView.setFocus()
            return True
        return super().eventFilter(watched, event)

    # ---- debtor tabs -------------------------------------------------------------------------------------
    @Slot(QModelIndex)
    def open_index(self, index: QModelIndex) -> None:
        summary = index.data(RowRole)
        if isinstance(summary, DebtorSummary):
            self.open_debtor(summary)

    def open_debtor(self, summary: DebtorSummary) -> DebtorTab | None:
        if self.ctx is None:
            return None
        tabs = self.ui.debtorTabs
        for i in range(tabs.count()):
            tab = tabs.widget(i)
            if isinstance(tab, DebtorTab) and tab.debtor_id == summary.id:
                tabs.setCurrentIndex(i)
                if summary.matched_reference:
                    if tab.workspace.position is None:
                        tab.workspace.focus_reference = summary.matched_reference
                    else:
                        tab.workspace.show_claim(summary.matched_reference)
                return tab
        self._remember(summary)
        tab = DebtorTab(self.ctx, summary, tabs)
        tab.saved.connect(self._debtor_saved)
        tab.loaded.connect(lambda detail, tab=tab: self._mark_tab(tab, detail))
        tabs.setCurrentIndex(tabs.addTab(tab, QIcon("icons:debtor.svg"), summary.display_name))
        if tab.detail is not None:  # already loaded (a synchronous op runner)
            self._mark_tab(tab, tab.detail)
        self.ui.workArea.setCurrentWidget(self.ui.tabsPage)
        tab.ui.claimsView.setFocus()
        return tab

    def _mark_tab(self, tab: DebtorTab, detail: DebtorDetail) -> None:
        """A debtor with a fraud flag gets a warning icon on the tab, visible from any other tab."""
        index = self.ui.debtorTabs.indexOf(tab)
        if index >= 0:
            icon = "icons:warning.svg" if detail.fraude_markering else "icons:debtor.svg"
            self.ui.debtorTabs.setTabIcon(index, QIcon(icon))

    def current_tab(self) -> DebtorTab | None:
        tab = self.ui.debtorTabs.currentWidget()
        return tab if isinstance(tab, DebtorTab) else None

    @Slot(int)
    def close_tab(self, index: int) -> None:
        tab = self.ui.debtorTabs.widget(index)
        if isinstance(tab, DebtorTab):
            tab.save_state()
            tab.shutdown()
            self.ui.debtorTabs.removeTab(index)
            tab.deleteLater()

    def _close_all_tabs(self) -> None:
        while self.ui.debtorTabs.count():
            self.close_tab(0)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        has_tab = index >= 0
        self.ui.actionEditDebtor.setEnabled(has_tab and self.ctx is not None and self.ctx.can(Permission.EDIT_DEBTOR))
        self.ui.actionCloseTab.setEnabled(has_tab)
        self.ui.actionFilterClaims.setEnabled(has_tab)
        self.ui.actionSchuldoverzicht.setEnabled(has_tab)
        if not has_tab:
            self.ui.workArea.setCurrentWidget(self.ui.emptyPage)

    @Slot()
    def schuldoverzicht(self) -> None:
        """Ctrl+P from anywhere: the debt overview of the debtor on top."""
        tab = self.current_tab()
        if tab is not None:
            tab.workspace.open_schuldoverzicht()

    @Slot()
    def edit_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.edit()

    def _debtor_saved(self, result: SaveResult) -> None:
        detail = result.debtor
        tabs = self.ui.debtorTabs
        for i in range(tabs.count()):
            tab = tabs.widget(i)
            if isinstance(tab, DebtorTab) and tab.debtor_id == detail.id:
                tabs.setTabText(i, detail.display_name)
        row = self.results.row_of_debtor(detail.id)
        if row is not None:
            from dataclasses import replace

            old = self.results.row_value(row)
            self.results.replace_row(
                row,
                replace(
                    old,
                    display_name=detail.display_name,
                    address=detail.address,
                    postcode=detail.postcode,
                    huisnummer=detail.huisnummer,
                ),
            )
        from caseworker_app.gui.debtor_edit import merged_message

        message = merged_message(result) if result.merged_fields else self.tr("Saved.")
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS * 2)

    # ---- help ---------------------------------------------------------------------------------------------
    @Slot()
    def show_about(self) -> None:
        ctx = self.ctx
        ServiceOp(self, lambda: backend.about_info(ctx)).success(self._show_about).run()

    def _show_about(self, info: backend.AboutInfo) -> None:
        from caseworker_app.gui.about import AboutDialog  # only when asked: keeps start-up lean

        self.about_dialog = AboutDialog(info, self)
        self.about_dialog.open()

    # ---- layout memory ------------------------------------------------------------------------------------
    def show_on_start(self) -> None:
        """Show the window as the user left it; on a first start (nothing remembered) it fills the screen."""
        if self.first_start:
            self.showMaximized()
        else:
            self.show()

    def restore_layout(self) -> None:
        s = self.settings
        geometry = s.get(gui_settings.MAIN_GEOMETRY)
        # nothing remembered: the window opens maximized (show_on_start) and the search panel gets a share
        self.first_start = geometry.isEmpty()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.restoreState(s.get(gui_settings.MAIN_STATE))
        self._split_by_share = not self.ui.splitter.restoreState(s.get(gui_settings.MAIN_SPLITTER))
        if self._split_by_share:
            self.ui.splitter.setSizes([400, 780])
        self._size_results_columns = not self.ui.resultsView.horizontalHeader().restoreState(
            s.get(gui_settings.RESULTS_HEADER)
        )
        if self._size_results_columns:
            self.ui.resultsView.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def save_layout(self) -> None:
        s = self.settings
        s.set(gui_settings.MAIN_GEOMETRY, self.saveGeometry())
        s.set(gui_settings.MAIN_STATE, self.saveState())
        s.set(gui_settings.MAIN_SPLITTER, self.ui.splitter.saveState())
        s.set(gui_settings.RESULTS_HEADER, self.ui.resultsView.horizontalHeader().saveState())
        tab = self.current_tab()
        if tab is not None:
            tab.save_state()
        s.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._split_by_share:  # until the user moves the splitter: the debtor gets most of any width
            QTimer.singleShot(0, self._split_by_width)  # once the layout has given the splitter its new width

    def _split_by_width(self) -> None:
        if not self._split_by_share:
            return
        width = self.ui.splitter.width()
        search = max(SEARCH_PANEL_MIN, int(width * SEARCH_PANEL_SHARE))
        self.ui.splitter.setSizes([search, max(0, width - search)])

    def _splitter_moved(self) -> None:
        self._split_by_share = False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
