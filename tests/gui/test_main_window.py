"""The main window as a caseworker uses it: search, open, read the claims; by keyboard only."""

from __future__ import annotations

from decimal import Decimal

import pytest

from PySide6.QtCore import Qt

from caseworker_app.domain.money import format_eur

from caseworker_app.services import debtors

from caseworker_app.gui import ops
from caseworker_app.gui import settings as gui_settings
from caseworker_app.gui.debtor_tab import DebtorTab
from caseworker_app.gui.main_window import MainWindow
from caseworker_app.gui.models import DebtorResultsModel, RowRole
from caseworker_app.gui.workspace.claims_model import ClaimsTreeModel


def test_window_shows_database_and_user_in_title_and_status_bar(window, ctx):
    assert "geen database" in window.windowTitle().lower()
    window.set_context(ctx)
    path = ctx.db.engine.url.database  # a SQLite database is shown as its file, a PostgreSQL one by its name
    assert path is not None and "sqlite:" not in window.windowTitle()
    status = window.db_label.text()
    backend = "(SQLite)" if ctx.db.backend == "sqlite" else "(PostgreSQL)"
    assert path in status and backend in status and ctx.actor.login in status and "Werkt als" in status


def test_search_then_open_shows_claims_with_dutch_amounts(window, ctx, seeded, qtbot):
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "1234 AB 12")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    names = [window.results.index(r, DebtorResultsModel.NAME).data() for r in range(window.results.rowCount())]
    assert sorted(names) == ["Jan Jansen", "Marieke Jansen-Smit"]

    jansen_row = names.index("Jan Jansen")
    window.open_index(window.results.index(jansen_row, 0))
    tab = window.current_tab()
    assert isinstance(tab, DebtorTab)
    assert tab.ui.nameLabel.text() == "Jan Jansen"
    assert tab.ui.bsnValue.text() == "111222333"
    assert "Dorpsstraat 12a" in tab.ui.addressValue.text()
    assert "2 kinderen" in tab.ui.householdValue.text() and "Marieke Jansen-Smit" in tab.ui.householdValue.text()
    assert not tab.ui.fraudLabel.isVisibleTo(tab)

    # the workspace's claims tree (creditor > middel > claim); rente is charged + accrued up to today
    ib = tab.claims.index_of_claim("1234.56.789.H.46")
    cell = lambda col: ib.siblingAtColumn(col).data()  # noqa: E731
    pos = tab.workspace.position
    claim = next(c for c in pos.claims if c.reference == "1234.56.789.H.46")
    assert cell(ClaimsTreeModel.ORIGINAL) == "€ 1.234,56"
    assert cell(ClaimsTreeModel.PAID) == "€ 200,00"
    assert cell(ClaimsTreeModel.VERREKEND) == "€ 34,56"
    assert cell(ClaimsTreeModel.COSTS) == "€ 18,00"
    assert cell(ClaimsTreeModel.RENTE) == format_eur(Decimal("12.00") + claim.rente_accrued)
    # 1234,56 - 200 - 34,56 + 18 + 12 booked, plus the rente accrued up to today
    assert cell(ClaimsTreeModel.OPEN) == format_eur(Decimal("1030.00") + claim.rente_accrued)
    assert cell(ClaimsTreeModel.DUE_DATE) == "13-07-2025"
    assert cell(ClaimsTreeModel.STAGE) == "aanmaning (20-08-2025)"
    assert tab.ui.totalsLabel.text() == format_eur(pos.totals.open)
    assert pos.totals.open == claim.open + next(c.open for c in pos.claims if c.reference == "BT2025000123")


def test_keyboard_only_type_enter_arrows_enter(window, ctx, seeded, qtbot):
    window.set_context(ctx)
    assert window.focusWidget() is window.ui.searchEdit, "typing goes to the search field first"
    window.ui.searchEdit.setFocus()
    qtbot.keyClicks(window.ui.searchEdit, "jansen")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    view = window.ui.resultsView
    assert window.focusWidget() is view, "after a search the results take the keyboard"
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)
    second = view.currentIndex().data(RowRole)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Return)
    tab = window.current_tab()
    assert tab is not None and tab.debtor_id == second.id
    # Enter on the same debtor again does not open a second tab; Ctrl+W closes it
    window.open_debtor(second)
    assert window.ui.debtorTabs.count() == 1
    window.ui.actionCloseTab.trigger()
    assert window.ui.debtorTabs.count() == 0
    assert window.ui.workArea.currentWidget() is window.ui.emptyPage


def test_fraud_flag_shown_in_header(window, ctx, seeded, qtbot):
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "vries")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    tab = window.current_tab()
    assert tab.ui.fraudLabel.isVisibleTo(tab)
    assert tab.ui.fraudLabel.text() == "Fraudemarkering"
    assert tab.ui.doelgroepValue.text() == "ondernemer"
    tabs = window.ui.debtorTabs
    flagged = tabs.tabIcon(tabs.indexOf(tab)).pixmap(16, 16).toImage()
    window.open_debtor(next(r for r in debtors.search_debtors(ctx, "jansen") if r.bsn == "111222333"))
    plain = tabs.tabIcon(tabs.currentIndex()).pixmap(16, 16).toImage()
    assert not flagged.isNull() and flagged != plain, "the fraud flag shows on the tab as well"


def test_search_without_results_says_what_to_try(window, ctx, seeded, qtbot):
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "xyzzy")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert window.results.rowCount() == 0
    assert "Niets gevonden" in window.ui.resultsInfo.text()


def test_search_runs_off_the_gui_thread(qtbot, ctx, seeded):
    """With the real serial worker the window answers before the search is done; results arrive by signal."""
    ops.set_default_pool(None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.set_context(ctx)
    w.ui.searchEdit.setText("jansen")
    with qtbot.waitSignal(w.results_shown, timeout=5000) as blocker:
        w.search()
        assert w.results.rowCount() == 0  # not yet: the query runs on the worker
    assert blocker.args == [2]
    assert ops.wait_for_done(2000)


def test_about_shows_versions(window, ctx):
    import sqlalchemy

    import PySide6
    from PySide6.QtCore import qVersion

    from caseworker_app import __version__

    window.set_context(ctx)
    window.ui.actionAbout.trigger()
    text = window.about_dialog.text()
    revision = ctx.db.info().schema_revision
    for expected in (__version__, qVersion(), PySide6.__version__, sqlalchemy.__version__, ctx.db.backend, revision):
        assert expected in text
    assert "Schemaversie" in text


def test_window_layout_is_remembered(qtbot, sync_ops, ctx, seeded):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # the offscreen screen is 800x600: stay inside it
    first.ui.splitter.setSizes([300, 440])
    first.ui.resultsView.setColumnWidth(DebtorResultsModel.NAME, 233)
    first.ui.resultsView.sortByColumn(DebtorResultsModel.ADDRESS, Qt.SortOrder.DescendingOrder)
    first.set_context(ctx)
    sizes = first.ui.splitter.sizes()
    first.close()
    gui_settings.reset_for_tests(None)  # read the INI file again, as a new run would

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (760, 540)
    assert second.ui.splitter.sizes() == sizes
    header = second.ui.resultsView.horizontalHeader()
    assert header.sectionSize(DebtorResultsModel.NAME) == 233
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        DebtorResultsModel.ADDRESS,
        Qt.SortOrder.DescendingOrder,
    )
    assert gui_settings.settings().get(gui_settings.LAST_DATABASE) == ctx.db.url


def test_settings_refuse_undeclared_keys(tmp_path):
    s = gui_settings.Settings(tmp_path / "x.ini")
    rogue = gui_settings.Option("state", "not/declared", str, "")
    with pytest.raises(KeyError, match="not declared"):
        s.get(rogue)
    assert s.get(gui_settings.SEARCH_LIMIT) == 50


def test_messages_are_dutch(window):
    assert window.ui.searchButton.text() == "Zoeken"
    assert window.ui.menuFile.title() == "&Bestand"


def test_every_declared_setting_is_used():
    """The registry is the one list of keys: a declared option nobody reads is dead weight (style 15)."""
    from pathlib import Path

    gui = Path(gui_settings.__file__).parent
    sources = "\n".join(p.read_text(encoding="utf-8") for p in gui.rglob("*.py") if p.name != "settings.py")
    names = {name for name, value in vars(gui_settings).items() if isinstance(value, gui_settings.Option)}
    assert len(names) == len(gui_settings.REGISTRY)
    unused = sorted(n for n in names if f"gui_settings.{n}" not in sources)
    assert unused == []


def test_a_search_typed_before_the_database_is_open_runs_when_it_opens(window, ctx, seeded, qtbot):
    qtbot.keyClicks(window.ui.searchEdit, "111222333")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert window.results.rowCount() == 0
    assert "zodra de database open is" in window.ui.resultsInfo.text()
    window.set_context(ctx)
    assert window.results.rowCount() == 1
    assert window.results.index(0, DebtorResultsModel.NAME).data() == "Jan Jansen"


def test_file_open_switches_to_another_database(window, ctx, seeded, tmp_path, monkeypatch):
    from caseworker_app.services import admin

    from caseworker_app.gui import database

    window.set_context(ctx)
    window.open_debtor(_first(ctx))
    assert window.ui.debtorTabs.count() == 1
    other = tmp_path / "ander.sqlite"
    admin.upgrade(f"sqlite:///{other}")
    monkeypatch.setattr(database, "choose_sqlite_file", lambda _parent: str(other))
    window.ui.actionOpenDatabase.trigger()
    assert window.ctx is not None and window.ctx.db.url == f"sqlite:///{other}"
    assert window.windowTitle() == "ander – Caseworker"
    assert window.ui.debtorTabs.count() == 0, "tabs of the previous database are closed"
    assert window.results.rowCount() == 0
    window.ctx.db.dispose()


def _first(ctx):
    from caseworker_app.services import debtors

    return debtors.search_debtors(ctx, "jansen")[0]


def test_busy_bar_shows_only_for_slow_work(qtbot):
    import threading

    from caseworker_app.gui.ops import ServiceOp

    ops.set_default_pool(None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    release = threading.Event()
    done: list[int] = []
    ServiceOp(w, lambda: release.wait(5) and 1).success(done.append).run()
    assert not w.busy.isVisible(), "not at once: quick work must not flicker"
    qtbot.waitUntil(w.busy.isVisible, timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: done == [1], timeout=2000)
    assert not w.busy.isVisible()
    assert ops.wait_for_done(2000)


def test_a_debtor_found_by_kenmerk_opens_on_that_claim(window, ctx, seeded, qtbot):
    from tests.factories import add_claim

    from caseworker_app.domain.types import Middel

    # enough claims that the one searched for is far below the first screenful
    for i in range(80):
        add_claim(ctx, seeded.jansen, middel=Middel.OB if i % 2 else Middel.IB, reference=f"OB{i:010d}")
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "ob 0000000077")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert window.results.rowCount() == 1
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    tab = window.current_tab()
    view = tab.workspace.claims_view
    qtbot.waitUntil(lambda: view.currentIndex().isValid())
    qtbot.wait(50)
    current = view.currentIndex()
    assert current.data(RowRole).reference == "OB0000000077"
    assert view.selectionModel().isRowSelected(current.row(), current.parent())
    assert view.viewport().rect().contains(view.visualRect(current).center())  # in view, not only selected

    # searched again while the tab is open: the tab comes to the front on that claim
    window.ui.searchEdit.clear()
    qtbot.keyClicks(window.ui.searchEdit, "OB0000000002")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    assert window.current_tab() is tab
    assert view.currentIndex().data(RowRole).reference == "OB0000000002"
