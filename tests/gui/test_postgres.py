"""The window on a shared PostgreSQL database: set up after asking, search, claims, a role that may not edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from caseworker_app.domain.money import format_eur

from caseworker_app.gui.workspace.claims_model import ClaimsTreeModel

from .conftest import seed


def test_postgres_setup_search_claims_and_permission_message(window, pg_url, qtbot):
    window.open_database(pg_url)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "leeg" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    ctx = window.ctx
    assert ctx is not None and ctx.db.backend == "postgresql"
    assert "postgresql" in window.db_label.text()
    try:
        seed(ctx)  # as the bootstrapped administrator (the database login)
        qtbot.keyClicks(window.ui.searchEdit, "111222333")
        qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
        qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
        tab = window.current_tab()
        assert tab is not None and tab.ui.nameLabel.text() == "Jan Jansen"
        shown = {ref: tab.claims.index_of_claim(ref).siblingAtColumn(ClaimsTreeModel.OPEN).data()
                 for ref in ("1234.56.789.H.46", "BT2025000123")}
        assert shown == {c.reference: format_eur(c.open) for c in tab.workspace.position.claims}

        # an administrator may look but not change a debtor: the button says so, and the service refuses anyway
        assert not tab.ui.editButton.isEnabled() and "mag" in tab.ui.editButton.toolTip()
        assert not window.ui.actionEditDebtor.isEnabled()
        tab.edit()
        dialog = tab.edit_dialog
        dialog.ui.telefoonEdit.setText("06-00000000")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
        warning = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
        assert warning.icon() == QMessageBox.Icon.Warning
        assert "mag dit niet" in warning.text() and "schuldenaar wijzigen" in warning.text()
        assert dialog.isVisible() and dialog.ui.telefoonEdit.text() == "06-00000000"
    finally:
        ctx.db.dispose()
