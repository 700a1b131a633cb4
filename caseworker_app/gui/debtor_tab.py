"""One open debtor: the debtor workspace (header with flags, claims, totals, timeline, chart, capacity).

The tab owns what belongs to the main window's world (the edit-contact-details dialog, remembering the claims
header) and keeps the names the main window and the tests use (``ui.nameLabel``, ``ui.claimsView``, ...); all the
rest is :class:`~caseworker_app.gui.workspace.DebtorWorkspace`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Doelgroep

from caseworker_app.gui import format as fmt
from caseworker_app.gui import settings as gui_settings

if TYPE_CHECKING:
    from caseworker_app.services.context import Context
    from caseworker_app.services.dto import DebtorDetail, DebtorSummary, SaveResult
    from caseworker_app.services.position import DebtPosition

    from caseworker_app.gui.debtor_edit import DebtorEditDialog
    from caseworker_app.gui.workspace import DebtorWorkspace


class DebtorTabWidgets:
    """The widgets by the names the earlier form had (the main window and the tests use them)."""

    def __init__(self, workspace: DebtorWorkspace, edit_button: QPushButton) -> None:
        header = workspace.header
        self.nameLabel: QLabel = header.name_label
        self.bsnValue: QLabel = header.bsn_value
        self.doelgroepValue: QLabel = header.doelgroep_value
        self.addressValue: QLabel = header.address_value
        self.householdValue: QLabel = header.household_value
        self.contactValue: QLabel = header.contact_value
        self.fraudLabel: QLabel = header.fraud_chip
        self.editButton: QPushButton = edit_button
        self.claimsView: QTreeView = workspace.claims_view
        self.totalsLabel: QLabel = workspace.totals.values["open"]


class DebtorTab(QWidget):
    loaded = Signal(object)  # DebtorDetail, after every (re)load
    saved = Signal(object)  # SaveResult

    def __init__(self, ctx: Context, summary: DebtorSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.debtor_id = ctx, summary.id
        self.detail: DebtorDetail | None = None
        self.edit_dialog: DebtorEditDialog | None = None  # created on first use (keeps start-up lean)
        from caseworker_app.gui.workspace import DebtorWorkspace  # imported on first use: start-up stays lean

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.workspace = DebtorWorkspace(ctx, summary.id, self)
        self.workspace.focus_reference = summary.matched_reference
        self.workspace.disable_own_shortcuts()  # the main window's menu actions work application-wide
        layout.addWidget(self.workspace)
        edit_button = QPushButton(self.tr("&Edit contact details…"), self)
        edit_button.setObjectName("editButton")
        edit_button.setEnabled(False)
        edit_button.clicked.connect(self.edit)
        self.workspace.header.actions_layout.addWidget(edit_button)
        self.ui = DebtorTabWidgets(self.workspace, edit_button)
        self.claims = self.workspace.claims_model
        if self.workspace.claims_view.header().restoreState(gui_settings.settings().get(gui_settings.CLAIMS_HEADER)):
            self.workspace.keep_layout()  # the officer's own layout, as it was left
        self.workspace.position_shown.connect(self._position_shown)
        self._show_summary(summary)
        self.workspace.load()

    def _show_summary(self, summary: DebtorSummary) -> None:
        """What the search result already knows, shown while the position loads."""
        self.ui.nameLabel.setText(summary.display_name)
        self.ui.bsnValue.setText(summary.bsn or summary.rsin or "")
        self.ui.doelgroepValue.setText(fmt.enum_label(Doelgroep, summary.doelgroep))
        self.ui.addressValue.setText(summary.address)

    @Slot()
    def reload(self) -> None:
        self.workspace.load(quiet=self.workspace.position is not None)

    def _position_shown(self, position: DebtPosition) -> None:
        self.show_detail(position.debtor)

    def show_detail(self, d: DebtorDetail) -> None:
        self.detail = d
        self.workspace.show_detail(d)
        may_edit = self.ctx.can(Permission.EDIT_DEBTOR)
        self.ui.editButton.setEnabled(may_edit)
        self.ui.editButton.setToolTip("" if may_edit else self.tr("Your role may not change debtor details."))
        self.loaded.emit(d)

    @Slot()
    def edit(self) -> None:
        if self.detail is None:
            return
        from caseworker_app.gui.debtor_edit import DebtorEditDialog

        self.edit_dialog = DebtorEditDialog(self.ctx, self.detail, self)
        self.edit_dialog.saved.connect(self._saved)
        self.edit_dialog.open()

    def _saved(self, result: SaveResult) -> None:
        self.show_detail(result.debtor)
        self.saved.emit(result)
        self.workspace.load(quiet=True)

    def save_state(self) -> None:
        if not self.workspace.default_columns:  # the default follows the screen's width: nothing to remember
            gui_settings.settings().set(gui_settings.CLAIMS_HEADER, self.workspace.claims_view.header().saveState())

    def shutdown(self) -> None:
        """The tab closes: stop watching for changes and ignore a load still running."""
        self.workspace.shutdown()
