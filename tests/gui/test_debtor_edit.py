"""Editing contact details: conflicts shown field by field, disjoint edits merged, bad input kept and explained."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.factories import login_as

from caseworker_app.domain.types import Role

from caseworker_app.services import debtors

from caseworker_app.gui.conflict_dialog import MINE, THEIRS
from caseworker_app.gui.debtor_edit import DebtorEditDialog


def _open_editor(window, ctx, debtor_id):
    window.set_context(ctx)
    summary = next(r for r in debtors.search_debtors(ctx, "jansen") if r.id == debtor_id)
    tab = window.open_debtor(summary)
    window.ui.actionEditDebtor.trigger()
    dialog = tab.edit_dialog
    assert isinstance(dialog, DebtorEditDialog) and dialog.isVisible()
    return tab, dialog


def _colleague(ctx, db_url):
    """A second officer on the same database (on PostgreSQL a real login of their own)."""
    other = login_as(ctx, db_url, "collega", Role.CASEWORKER)
    return other.db, other


def _save(dialog, qtbot):
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_conflict_is_resolved_field_by_field(window, ctx, seeded, db_url, qtbot):
    tab, dialog = _open_editor(window, ctx, seeded.jansen)
    other_db, other = _colleague(ctx, db_url)
    try:
        # the colleague saves first: street (which I will change too) and phone (which I leave alone)
        base = debtors.get_debtor(other, seeded.jansen)
        debtors.update_debtor(other, base, {"straat": "Kerkstraat", "woonplaats": "Zeist", "telefoon": "06-11112222"})
    finally:
        other_db.dispose()
    dialog.ui.straatEdit.clear()
    qtbot.keyClicks(dialog.ui.straatEdit, "Stationsweg")
    dialog.ui.woonplaatsEdit.clear()
    qtbot.keyClicks(dialog.ui.woonplaatsEdit, "Amersfoort")
    dialog.ui.emailEdit.clear()
    qtbot.keyClicks(dialog.ui.emailEdit, "jan.jansen@example.nl")
    _save(dialog, qtbot)

    conflict = dialog.conflict_dialog
    assert conflict is not None and conflict.isVisible()
    assert set(conflict.groups) == {"straat", "woonplaats"}  # phone and e-mail do not conflict
    box_text = " ".join(label.text() for label in conflict.findChildren(type(conflict.ui.introLabel)))
    for shown in ("Dorpsstraat", "Stationsweg", "Kerkstraat", "Was:", "U typte:", "Opgeslagen door een ander:"):
        assert shown in box_text
    save = conflict.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled(), "nothing is saved before every field has a choice"
    conflict.choose("straat", MINE)
    assert not save.isEnabled()
    conflict.choose("woonplaats", THEIRS)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    stored = debtors.get_debtor(ctx, seeded.jansen)
    assert stored.straat == "Stationsweg"  # mine, chosen
    assert stored.woonplaats == "Zeist"  # theirs, chosen
    assert stored.telefoon == "06-11112222"  # theirs, never in question
    assert stored.email == "jan.jansen@example.nl"  # mine, never in question
    assert not dialog.isVisible()
    assert "Stationsweg" in tab.ui.addressValue.text()
    assert "Zeist" in tab.ui.addressValue.text()


def test_disjoint_edits_are_merged_silently_and_reported(window, ctx, seeded, db_url, qtbot):
    _tab, dialog = _open_editor(window, ctx, seeded.jansen)
    other_db, other = _colleague(ctx, db_url)
    try:
        debtors.update_debtor(other, debtors.get_debtor(other, seeded.jansen), {"telefoon": "06-99990000"})
    finally:
        other_db.dispose()
    dialog.ui.emailEdit.clear()
    qtbot.keyClicks(dialog.ui.emailEdit, "nieuw@example.nl")
    _save(dialog, qtbot)

    assert dialog.conflict_dialog is None, "no question when nobody changed the same field"
    stored = debtors.get_debtor(ctx, seeded.jansen)
    assert (stored.telefoon, stored.email) == ("06-99990000", "nieuw@example.nl")
    message = window.statusBar().currentMessage()
    assert "Telefoon" in message and "bewaard" in message


def test_bad_input_is_explained_in_dutch_and_nothing_typed_is_lost(window, ctx, seeded, qtbot):
    _tab, dialog = _open_editor(window, ctx, seeded.jansen)
    dialog.ui.postcodeEdit.clear()
    qtbot.keyClicks(dialog.ui.postcodeEdit, "12AB")
    dialog.ui.straatEdit.clear()
    qtbot.keyClicks(dialog.ui.straatEdit, "Nieuwe Gracht")
    _save(dialog, qtbot)

    assert dialog.isVisible()
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert "'12AB' is geen geldige postcode" in dialog.ui.errorLabel.text()
    assert dialog.ui.postcodeEdit.property("invalid") is True
    assert dialog.focusWidget() is dialog.ui.postcodeEdit
    assert (dialog.ui.postcodeEdit.text(), dialog.ui.straatEdit.text()) == ("12AB", "Nieuwe Gracht")
    assert debtors.get_debtor(ctx, seeded.jansen).straat == "Dorpsstraat"

    dialog.ui.postcodeEdit.setText("1234 AB")
    dialog.ui.huisnummerEdit.setText("x")
    _save(dialog, qtbot)
    assert "huisnummer" in dialog.ui.errorLabel.text().lower() and "alleen cijfers" in dialog.ui.errorLabel.text()
    assert "Het veld 'huisnummer'" not in dialog.ui.errorLabel.text()  # the form's words, not the field's key
    assert dialog.focusWidget() is dialog.ui.huisnummerEdit
    assert dialog.ui.postcodeEdit.property("invalid") is False
    assert dialog.ui.straatEdit.text() == "Nieuwe Gracht"

    dialog.ui.huisnummerEdit.setText("14")
    _save(dialog, qtbot)
    assert not dialog.isVisible()
    stored = debtors.get_debtor(ctx, seeded.jansen)
    assert (stored.straat, stored.huisnummer, stored.postcode) == ("Nieuwe Gracht", 14, "1234AB")


def test_unchanged_dialog_saves_nothing(window, ctx, seeded, qtbot):
    _tab, dialog = _open_editor(window, ctx, seeded.jansen)
    before = debtors.get_debtor(ctx, seeded.jansen)
    assert dialog.changes() == {}
    _save(dialog, qtbot)
    assert not dialog.isVisible()
    assert debtors.get_debtor(ctx, seeded.jansen).version == before.version
