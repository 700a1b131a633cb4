"""The team lead's queue of maatwerk (issue 10): before/after shown, approve by keyboard in at most 3 interactions."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.factories import login_as

from caseworker_app.domain.types import Role

from caseworker_app.services import maatwerk, position

from caseworker_app.gui.maatwerk.queue_dialog import QueueDialog

pytestmark = pytest.mark.gui

#: the issue's ceiling: as the team lead, from the queue, approve a proposal in at most 3 interactions
MAX_APPROVE_INTERACTIONS = 3
TODAY = position.today()


@pytest.fixture
def proposal(ctx, seeded, db_url):
    bea = login_as(ctx, db_url, "bea", Role.CASEWORKER)
    measure = maatwerk.propose(bea, "111222333", soort="invorderingspauze", van=TODAY,
                               tot=TODAY + dt.timedelta(days=90), reden="Ziekenhuisopname").measure
    yield measure
    bea.db.dispose()


def test_the_team_lead_approves_from_the_queue_by_keyboard_in_at_most_three(window, ctx, proposal, qtbot):
    window.set_context(ctx)
    window.activateWindow()
    presses = 0

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
        nonlocal presses
        presses += 1
        qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)

    press(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = getattr(window, "maatwerk_queue", None)
    assert isinstance(dialog, QueueDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=3000)
    qtbot.waitUntil(lambda: dialog.view.hasFocus(), timeout=3000)  # the first proposal is selected and focused
    assert dialog.selected() is not None and dialog.selected().bsn == "111222333"
    # before and after, as the proposer saw it
    text = dialog.detail.toPlainText()
    assert "Voor: open op" in text and "Na: open met de maatregel" in text
    assert "Invorderingsrente die niet wordt berekend" in text
    press(Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Goedkeuren
    assert presses <= MAX_APPROVE_INTERACTIONS, presses
    qtbot.waitUntil(lambda: maatwerk.get_measure(ctx, proposal.id).status.value == "actief", timeout=3000)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=3000)


def test_rejecting_needs_a_reason_and_the_filter_narrows_the_list(window, ctx, proposal, qtbot):
    dialog = QueueDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.reject_button.click()  # no toelichting: refused in words, nothing decided
    assert maatwerk.get_measure(ctx, proposal.id).status.value == "voorgesteld"
    dialog.filter.setText("999999999")
    dialog.refresh()
    assert dialog.model.rowCount() == 0
    dialog.filter.setText("")
    dialog.refresh()
    dialog.note.setText("Eerst de huurachterstand uitzoeken")
    dialog.send_back_button.click()
    m = maatwerk.get_measure(ctx, proposal.id)
    assert m.status.value == "teruggestuurd" and m.decision is not None
    assert m.decision.toelichting == "Eerst de huurachterstand uitzoeken"
