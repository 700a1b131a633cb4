"""Working by keyboard alone: Tab leaves every table, shortcuts work wherever the focus is, focus is visible."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.gui.debtor_tab import DebtorTab

pytestmark = pytest.mark.gui


@pytest.fixture
def open_tab(window, ctx, seeded, qtbot) -> DebtorTab:
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "111222333")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    tab = window.current_tab()
    assert isinstance(tab, DebtorTab) and tab.workspace.position is not None
    return tab


def _focus(qtbot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=2000)


def test_tab_leaves_every_table(window, open_tab, qtbot):
    views = window.findChildren(QAbstractItemView)
    assert any(isinstance(v, QTableView) for v in views) and any(isinstance(v, QTreeView) for v in views)
    trapping = [v.objectName() or type(v).__name__ for v in views if v.tabKeyNavigation()]
    assert trapping == []
    for view in (window.ui.resultsView, open_tab.workspace.claims_view):
        _focus(qtbot, view)
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not view, view.objectName()
    timeline = open_tab.workspace.timeline
    open_tab.workspace.tabs.setCurrentWidget(timeline)
    _focus(qtbot, timeline.view)
    qtbot.keyClick(timeline.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not timeline.view


def test_shortcuts_work_from_wherever_the_focus_is(window, open_tab, qtbot):
    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(actions) >= 5
    assert [a.objectName() for a in actions if a.shortcutContext() != Qt.ShortcutContext.ApplicationShortcut] == []

    # from deep inside the workspace: Ctrl+F goes to the search field
    ws = open_tab.workspace
    _focus(qtbot, ws.claims_view)
    qtbot.keyClick(ws.claims_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.searchEdit.hasFocus()
    # from the search field: Ctrl+Shift+F goes to the claims filter of the open debtor
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ws.claims_filter.hasFocus()

    # from the explanation window (a window of its own, next to the main window)
    ws.explain_claim(ws.position.claims[0].id)
    dialog = ws.explanation_dialog
    qtbot.waitExposed(dialog)
    _focus(qtbot, dialog.view)
    fired = []
    window.ui.actionFocusSearch.triggered.connect(lambda: fired.append(True))
    qtbot.keyClick(dialog.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert fired
    qtbot.waitUntil(lambda: window.ui.searchEdit.hasFocus(), timeout=2000)


FOCUSABLE = (QPushButton, QToolButton, QCheckBox, QRadioButton, QComboBox, QLineEdit, QSpinBox, QDateEdit,
             QTableView, QTreeView)


def _grab(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


@pytest.mark.parametrize("kind", FOCUSABLE, ids=[k.__name__ for k in FOCUSABLE])
def test_focus_is_clearly_visible(qtbot, kind):
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    other = QLineEdit(host)
    widget = kind(host)
    if isinstance(widget, QPushButton | QToolButton | QCheckBox | QRadioButton):
        widget.setText("Opslaan")
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    layout.addWidget(other)
    layout.addWidget(widget)
    host.resize(320, 200)
    host.show()
    qtbot.waitExposed(host)
    _focus(qtbot, other)
    before = _grab(widget)
    _focus(qtbot, widget)
    after = _grab(widget)
    assert before.size() == after.size()
    changed = sum(
        1 for y in range(0, before.height(), 2) for x in range(0, before.width(), 2)
        if before.pixel(x, y) != after.pixel(x, y)
    )
    # a ring, not a pixel: at least a line's worth of (sampled) pixels changes colour
    assert changed >= min(before.width(), before.height()) // 2, changed
