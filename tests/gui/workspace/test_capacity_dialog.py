"""Correcting income and household as an officer does it: prefilled, nothing lost, one save, conflicts shown."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QGroupBox, QLabel

from caseworker_app.db.models import AuditEntry, FinancialSituation

from caseworker_app.services import capacity

from caseworker_app.gui.workspace import DebtorWorkspace

pytestmark = pytest.mark.gui

RECORDED = {
    "peildatum": "01-10-2025", "inkomen_maand": "1.650,00", "inkomen_bron": "bijstand gemeente Utrecht",
    "bijstand": True, "belastbaar_inkomen_jaar": "19.800,00", "woonlasten_maand": "712,40",
    "zorgpremie_maand": "151,00", "vermogen": "1.250,00",
}


@pytest.fixture
def workspace(qtbot, ctx, seeded, sync_ops):
    capacity.record_financial_situation(ctx, seeded.jansen, RECORDED)
    ws = DebtorWorkspace(ctx, seeded.jansen, watch=False)
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    ws.load()
    return ws


def _open(ws: DebtorWorkspace):
    ws.capacity.correct_button.click()
    dialog = ws.capacity_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _situations(ctx, debtor_id):
    with ctx.db.session_factory() as s:
        return list(s.execute(select(FinancialSituation).where(FinancialSituation.debtor_id == debtor_id)
                              .order_by(FinancialSituation.id)).scalars())


def test_every_recorded_field_is_prefilled_and_kept(workspace, ctx, seeded, qtbot):
    dialog = _open(workspace)
    assert dialog.bijstand.isChecked()
    assert dialog.amounts["belastbaar_inkomen_jaar"].text() == "19.800,00"
    assert dialog.amounts["vermogen"].text() == "1.250,00"
    assert dialog.bron.text() == "bijstand gemeente Utrecht"
    assert dialog.peildatum.date().toString("dd-MM-yyyy") == "01-10-2025"
    assert dialog.leefsituatie.currentData() == "gehuwd_met_kinderen" and dialog.kinderen.value() == 2
    dialog.amounts["inkomen_maand"].setText("1.720,00")
    with qtbot.waitSignal(workspace.position_shown, timeout=3000):
        _save(dialog)
    assert not dialog.isVisible()
    old, new = _situations(ctx, seeded.jansen)
    assert new.inkomen_maand == Decimal("1720.00")
    assert new.bijstand is True and new.belastbaar_inkomen_jaar == Decimal("19800.00")  # lost before
    assert new.inkomen_bron == old.inkomen_bron and new.vermogen == old.vermogen


def test_income_and_household_are_saved_in_one_call_and_one_transaction(workspace, ctx, seeded, qtbot,
                                                                       monkeypatch):
    calls = []
    real = capacity.correct_capacity
    monkeypatch.setattr(capacity, "correct_capacity", lambda *a, **k: calls.append(1) or real(*a, **k))
    for other in ("record_financial_situation", "update_household"):
        monkeypatch.setattr(capacity, other, lambda *a, **k: pytest.fail("a second service call"))
    dialog = _open(workspace)
    dialog.amounts["woonlasten_maand"].setText("750,00")
    dialog.kinderen.setValue(3)
    with qtbot.waitSignal(workspace.position_shown, timeout=3000):
        _save(dialog)
    assert calls == [1]
    with ctx.db.session_factory() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.operation == "capacity.correct")).scalars().all()
    assert {r.entity for r in rows} == {"financial_situations", "households"}
    assert len({r.operation_id for r in rows}) == 1
    assert workspace.position.debtor.household.aantal_kinderen == 3


def test_a_colleague_who_changed_the_same_figure_meanwhile_is_a_conflict(workspace, ctx, seeded, qtbot):
    dialog = _open(workspace)
    # meanwhile a colleague corrects the same income and the number of cost sharers
    theirs = capacity.load_correction(ctx, seeded.jansen)
    capacity.correct_capacity(ctx, theirs, {"inkomen_maand": "1500", "kostendelers": 1})
    dialog.amounts["inkomen_maand"].setText("1.600,00")
    dialog.amounts["zorgpremie_maand"].setText("160,00")
    _save(dialog)
    conflict = dialog.conflict_dialog
    assert conflict is not None and conflict.isVisible()
    assert set(conflict.groups) == {"inkomen_maand"}  # only the field both changed
    box = conflict.findChild(QGroupBox, "conflict_inkomen_maand")
    assert box.title() == "Netto inkomen per maand"  # in words, not the field's code
    labels = " ".join(w.text() for w in box.findChildren(QLabel))
    assert "€ 1.650,00" in labels and "€ 1.600,00" in labels and "€ 1.500,00" in labels
    conflict.choose("inkomen_maand", 1)  # my value
    with qtbot.waitSignal(workspace.position_shown, timeout=3000):
        conflict.accept()
    assert not dialog.isVisible()
    stored = capacity.load_correction(ctx, seeded.jansen)
    assert stored.financial["inkomen_maand"] == Decimal("1600.00")  # my choice
    assert stored.financial["zorgpremie_maand"] == Decimal("160.00")  # only I changed it
    assert stored.household["kostendelers"] == 1  # only they changed it: kept


def test_tab_leaves_the_date_field(workspace, qtbot):
    dialog = _open(workspace)
    dialog.activateWindow()
    dialog.peildatum.setFocus()
    qtbot.waitUntil(dialog.peildatum.hasFocus, timeout=2000)
    qtbot.keyClick(dialog.peildatum, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.amounts["inkomen_maand"]
    qtbot.keyClick(dialog.amounts["inkomen_maand"], Qt.Key.Key_Backtab)
    assert dialog.peildatum.hasFocus()


def test_a_long_source_of_income_is_refused_in_words_never_cut_off(workspace, ctx, seeded, qtbot):
    """Pasting a long description must not lose its end without a word: the save is refused, the text stays."""
    dialog = _open(workspace)
    long_source = "uitkering UWV (WW) tot 1 maart, daarna bijstand gemeente Utrecht met aanvulling"
    assert len(long_source) > 60
    dialog.bron.setFocus()
    dialog.bron.selectAll()
    QApplication.clipboard().setText(long_source)
    dialog.bron.paste()
    assert dialog.bron.text() == long_source  # what was pasted is all there
    dialog.amounts["inkomen_maand"].setText("1.720,00")
    _save(dialog)
    assert dialog.isVisible() and dialog.error.isVisible()
    # in the form's words (not the field's key), with the limit and how long it is now
    assert dialog.error.text() == f"Bron van het inkomen: hoogstens 60 tekens (nu {len(long_source)})."
    assert dialog.focusWidget() is dialog.bron and dialog.bron.text() == long_source
    assert len(_situations(ctx, seeded.jansen)) == 1  # nothing stored
