"""Proposing maatwerk from the debtor's workspace, by keyboard alone, with the effect in euros before saving."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.factories import writing

from caseworker_app.db.models import Debtor

from caseworker_app.services import maatwerk

from caseworker_app.gui.debtor_tab import DebtorTab
from caseworker_app.gui.maatwerk.propose_dialog import ProposeDialog

pytestmark = pytest.mark.gui

#: the issue's ceiling: from an open debtor, propose an invorderingspauze with a reason in at most 8 interactions
MAX_PROPOSE_INTERACTIONS = 8


class Keyboard:
    """Presses keys and types text, counting each as one interaction (a typed text counts once)."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    def type(self, text: str) -> None:
        self.count += 1
        self.qtbot.keyClicks(QApplication.focusWidget(), text)


@pytest.fixture
def open_tab(window, ctx, seeded, qtbot) -> DebtorTab:
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "111222333")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    tab = window.current_tab()
    assert isinstance(tab, DebtorTab) and tab.workspace.position is not None
    tab.workspace.claims_view.setFocus()
    qtbot.waitUntil(lambda: tab.workspace.claims_view.hasFocus(), timeout=2000)
    return tab


def _dialog(tab: DebtorTab) -> ProposeDialog:
    dialog = getattr(tab.workspace, "maatwerk_dialog", None)
    assert isinstance(dialog, ProposeDialog)
    return dialog


def test_a_pause_with_a_reason_is_proposed_by_keyboard_in_at_most_eight_interactions(open_tab, ctx, qtbot):
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Maatwerk…
    dialog = _dialog(open_tab)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    # the defaults are a pause of three months from today: the reason is what is left to give
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reden, timeout=2000)
    # the effect is on screen before anything is saved
    assert "Invorderingsrente die niet wordt berekend" in dialog.effect_view.toPlainText()
    keys.type("Schuldenaar ligt in het ziekenhuis; partner belde")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Voorstellen
    assert keys.count <= MAX_PROPOSE_INTERACTIONS, keys.count
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    (stored,) = maatwerk.list_measures(ctx)
    assert (stored.soort, stored.status.value, stored.reden) == (
        "invorderingspauze", "voorgesteld", "Schuldenaar ligt in het ziekenhuis; partner belde")
    assert stored.onderdelen == ("dwang", "contact", "rente", "kosten")
    # the pending proposal is on the debtor's own screen
    qtbot.waitUntil(lambda: "maatwerk_voorstel" in {f.code for f in open_tab.workspace.position.flags}, timeout=3000)


def test_without_a_reason_nothing_is_saved_and_the_dialog_says_why(open_tab, ctx, qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(open_tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reden, timeout=2000)
    qtbot.keyClick(dialog.reden, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "reden" in dialog.effect_view.toPlainText().lower()
    assert maatwerk.list_measures(ctx) == []


def test_a_fraud_marked_debtor_cannot_get_buiten_invordering_and_the_screen_says_why(window, ctx, seeded, qtbot):
    with writing(ctx) as session:
        debtor = session.get(Debtor, seeded.jansen)
        assert debtor is not None
        debtor.fraude_markering = True
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "111222333")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    tab = window.current_tab()
    from caseworker_app.gui.maatwerk import open_propose_dialog

    dialog = open_propose_dialog(tab.workspace)
    assert isinstance(dialog, ProposeDialog)
    dialog.soort.setCurrentIndex(dialog.soort.findData("buiten_invordering"))
    dialog.reden.setPlainText("Geen betalingscapaciteit")
    dialog.update_effect()
    assert "fraudemarkering" in dialog.effect_view.toPlainText()
    assert not dialog.propose_button.isEnabled()
    dialog.soort.setCurrentIndex(dialog.soort.findData("geen_dwang"))
    dialog.update_effect()
    assert dialog.propose_button.isEnabled()


def test_changing_the_switches_changes_the_effect(open_tab, qtbot):
    from caseworker_app.gui.maatwerk import open_propose_dialog

    dialog = open_propose_dialog(open_tab.workspace)
    assert isinstance(dialog, ProposeDialog) and dialog.effect is not None
    with_rente = dialog.effect.rente_vermeden
    dialog.onderdelen["rente"].setChecked(False)
    dialog.update_effect()
    assert dialog.effect is not None and dialog.effect.rente_vermeden == 0 < with_rente
