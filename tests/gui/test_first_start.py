"""A first start as an officer meets it: the window fills the screen, its title names the database, and the claims
of a debtor fit a 1366×768 laptop screen with the open amount in view, rows readable, amounts never cut off."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFontMetrics

from tests.factories import add_claim

from caseworker_app.domain.types import EnforcementStep, Middel

from caseworker_app.services import debtors

from caseworker_app.gui import settings as gui_settings
from caseworker_app.gui.main_window import MainWindow, database_name
from caseworker_app.gui.workspace.claims_model import AmountRole, ClaimsTreeModel

pytestmark = pytest.mark.gui


def test_the_title_names_the_database_not_a_path_or_a_login(window, ctx) -> None:
    window.set_context(ctx)
    title = window.windowTitle()
    name = database_name(ctx.db.url)
    assert title == f"{name} – Caseworker"
    assert "/" not in title and "\\" not in title and ".sqlite" not in title
    assert ctx.actor.login not in title.split(" – ")[1:] and f"– {ctx.actor.login} –" not in title
    assert database_name("sqlite:////home/jan/Documenten/team zuid.sqlite") == "team zuid"
    assert database_name("postgresql+psycopg://jan:geheim@db.example.nl:5432/invordering") == "invordering"
    # where the database is and who works in it: in the status bar
    assert ctx.actor.login in window.db_label.text()


def test_a_first_start_fills_the_screen_a_later_one_comes_back_as_left(qtbot, sync_ops) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    assert first.first_start
    first.show_on_start()
    qtbot.waitExposed(first)
    assert first.windowState() & Qt.WindowState.WindowMaximized
    first.close()  # remembers its geometry

    again = MainWindow()
    qtbot.addWidget(again)
    assert not again.first_start
    gui_settings.settings().set(gui_settings.MAIN_GEOMETRY, QByteArray())


def _big_debtor(ctx) -> int:
    from tests.factories import add_debtor

    debtor_id = add_debtor(ctx, bsn="999990019", voornamen="Fleur", achternaam="Jacobs")
    add_claim(ctx, debtor_id, amount="123456.78", dagtekening=dt.date(2023, 2, 1),
              steps=((EnforcementStep.AANMANING, dt.date(2023, 4, 2), "19.00"),
                     (EnforcementStep.DWANGBEVEL, dt.date(2023, 5, 2), "1234.00")))
    add_claim(ctx, debtor_id, middel=Middel.MRB, amount="88123.45", dagtekening=dt.date(2024, 8, 1),
              payments=((dt.date(2024, 11, 1), "1000.00"),))
    add_claim(ctx, debtor_id, middel=Middel.ZT, amount="96.00", dagtekening=dt.date(2025, 10, 20))
    return debtor_id


def test_the_claims_fit_1366_by_768_with_the_open_amount_in_view(qtbot, ctx, sync_ops) -> None:
    _big_debtor(ctx)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 738)  # a maximized window on a 1366×768 screen, less a task bar
    window.show()
    qtbot.waitExposed(window)
    window.set_context(ctx)
    tab = window.open_debtor(debtors.search_debtors(ctx, "999990019", 5)[0])
    assert tab is not None and tab.workspace.position is not None
    view = tab.workspace.claims_view
    qtbot.waitUntil(lambda: not view.header().isSectionHidden(ClaimsTreeModel.OPEN))
    qtbot.wait(50)
    header = view.header()
    available = view.viewport().width()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    # the search panel leaves the debtor most of the width
    assert window.ui.splitter.sizes()[0] <= 0.25 * window.width()
    assert ClaimsTreeModel.OPEN in shown and ClaimsTreeModel.REFERENCE in shown and len(shown) >= 4
    assert header.sectionViewportPosition(ClaimsTreeModel.OPEN) + header.sectionSize(ClaimsTreeModel.OPEN) \
        <= available, "the open amount is in view without scrolling sideways"
    assert header.length() <= available and not view.horizontalScrollBar().isVisible()
    # no amount is cut off: every amount cell's text fits its column (bold group rows too)
    model = view.model()
    view.expandAll()
    rows = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append(index)
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert len(rows) >= 6
    for index in rows:
        for column in shown:
            cell = index.siblingAtColumn(column)
            if cell.data(AmountRole) is None:
                continue
            font = cell.data(Qt.ItemDataRole.FontRole) or view.font()
            text = cell.data()
            assert QFontMetrics(font).horizontalAdvance(text) + 8 <= header.sectionSize(column), (text, column)
    # rows are readable: alternating colours that can be told apart, room above and below the text
    assert view.alternatingRowColors()
    image = view.viewport().grab().toImage()
    first, second = view.visualRect(rows[0]), view.visualRect(rows[1])
    x = header.sectionViewportPosition(ClaimsTreeModel.OPEN) + 2
    a, b = image.pixelColor(x, first.top() + 1), image.pixelColor(x, second.top() + 1)
    assert abs(a.lightness() - b.lightness()) >= 8, (a.name(), b.name())
    assert first.height() >= view.fontMetrics().height() + 4
    window.close()
    gui_settings.settings().set(gui_settings.MAIN_GEOMETRY, QByteArray())


def test_a_column_the_officer_hides_stays_hidden(qtbot, ctx, sync_ops) -> None:
    _big_debtor(ctx)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1920, 1040)
    window.show()
    window.set_context(ctx)
    tab = window.open_debtor(debtors.search_debtors(ctx, "999990019", 5)[0])
    assert tab is not None
    ws = tab.workspace
    qtbot.wait(50)
    assert not ws.claims_view.header().isSectionHidden(ClaimsTreeModel.COSTS)  # wide enough for it
    ws.set_column_shown(ClaimsTreeModel.COSTS, False)
    window.resize(1366, 738)
    qtbot.wait(50)
    window.resize(1920, 1040)
    qtbot.wait(50)
    assert ws.claims_view.header().isSectionHidden(ClaimsTreeModel.COSTS)
    window.close()
