"""The workspace inside the main window: a tab per debtor, recent debtors one click away, closing stops watching."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from PySide6.QtCore import Qt

from tests.factories import writing

from caseworker_app.db.models import Booking

from caseworker_app.gui import settings as gui_settings
from caseworker_app.gui.debtor_tab import DebtorTab
from caseworker_app.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def open_by_search(window, qtbot, text: str) -> DebtorTab:
    window.ui.searchEdit.clear()
    qtbot.keyClicks(window.ui.searchEdit, text)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    tab = window.current_tab()
    assert isinstance(tab, DebtorTab)
    return tab


def test_the_tab_is_the_workspace_with_flags_in_the_header(window, ctx, seeded, qtbot):
    window.set_context(ctx)
    tab = open_by_search(window, qtbot, "111222333")
    ws = tab.workspace
    assert ws.position is not None and ws.position.debtor.id == seeded.jansen
    assert {"bestaansminimum", "samenloop"} <= set(ws.header.flag_texts())
    assert ws.header.isVisibleTo(tab) and ws.totals.isVisibleTo(tab)
    assert tab.ui.editButton.isEnabled()
    assert window.focusWidget() is ws.claims_view


def test_recent_debtors_are_one_click_away_after_a_restart(qtbot, sync_ops, ctx, seeded):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.set_context(ctx)
    assert not first.recent_bar.isVisibleTo(first)  # nothing opened yet
    open_by_search(first, qtbot, "111222333")
    open_by_search(first, qtbot, "vries")
    names = [a.text() for a in first.recent_menu.actions()]
    assert names == ["Sanne de Vries", "Jan Jansen"]  # newest first
    first.close()
    gui_settings.reset_for_tests(None)  # read the INI file again, as a new run would

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    second.set_context(ctx)
    assert second.recent_bar.isVisibleTo(second)
    button = second.recent_bar.widgetForAction(second.recent_bar.actions()[2])  # after the caption: the 2nd name
    assert button.text() == "Jan Jansen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # one click
    tab = second.current_tab()
    assert tab is not None and tab.debtor_id == seeded.jansen


def test_closing_a_tab_stops_its_change_watcher(window, ctx, seeded, qtbot):
    window.set_context(ctx)
    tab = open_by_search(window, qtbot, "111222333")
    watcher = tab.workspace.watcher
    assert watcher is not None
    if watcher.hub is None:  # SQLite: it polls
        assert watcher.timer.isActive()
    else:  # PostgreSQL: it listens
        assert watcher.hub.listener is not None and not watcher.timer.isActive()
    heard: list[bool] = []
    watcher.changed.connect(lambda: heard.append(True))
    window.ui.actionCloseTab.trigger()
    assert not watcher.timer.isActive()
    # another officer books a payment: a closed tab neither polls nor reacts to the notification
    with writing(ctx) as session:
        session.add(Booking(claim_id=seeded.jansen_claims[0], kind="betaling", amount=Decimal("-5.00"),
                            booking_date=dt.date(2025, 11, 3), created_by="collega"))
    watcher.check()
    if watcher.hub is not None:
        watcher.hub.debtor_changed.emit(seeded.jansen)
    assert heard == []
