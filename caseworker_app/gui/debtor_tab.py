"""One open debtor: a header with who they are and their claims.  Grows into the full workspace later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from caseworker_app.domain.permissions import Permission

from caseworker_app.services.dto import ClaimSummary, DebtorDetail, DebtorSummary, SaveResult

from caseworker_app.gui import backend
from caseworker_app.gui import format as fmt
from caseworker_app.gui import settings as gui_settings
from caseworker_app.gui.forms.ui_debtor_tab import Ui_DebtorTab
from caseworker_app.gui.models import ClaimsModel, sorting_proxy
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.context import Context

    from caseworker_app.gui.debtor_edit import DebtorEditDialog


class DebtorTab(QWidget):
    loaded = Signal(object)  # DebtorDetail
    saved = Signal(object)  # SaveResult

    def __init__(self, ctx: Context, summary: DebtorSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DebtorTab()
        self.ui.setupUi(self)
        self.ctx, self.debtor_id = ctx, summary.id
        self.detail: DebtorDetail | None = None
        self.edit_dialog: DebtorEditDialog | None = None  # created on first use (keeps start-up lean)
        self.claims = ClaimsModel(self)
        self.ui.claimsView.setModel(sorting_proxy(self.claims, self))
        header = self.ui.claimsView.horizontalHeader()
        self._header_restored = header.restoreState(gui_settings.settings().get(gui_settings.CLAIMS_HEADER))
        if not self._header_restored:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order: creditor, middel, due
        self.ui.editButton.clicked.connect(self.edit)
        self._show_summary(summary)
        self.reload()

    def _show_summary(self, summary: DebtorSummary) -> None:
        self.ui.nameLabel.setText(summary.display_name)
        self.ui.bsnValue.setText(summary.bsn or summary.rsin or "")
        self.ui.doelgroepValue.setText(fmt.enum_label(summary.doelgroep))
        self.ui.addressValue.setText(summary.address)
        self.ui.fraudLabel.setVisible(False)

    @Slot()
    def reload(self) -> None:
        ctx, debtor_id = self.ctx, self.debtor_id
        ServiceOp(self, lambda: backend.load_debtor(ctx, debtor_id)).success(self._loaded).run()

    def _loaded(self, data: tuple[DebtorDetail, list[ClaimSummary]]) -> None:
        detail, claims = data
        self.show_detail(detail)
        self.show_claims(claims)

    def show_detail(self, d: DebtorDetail) -> None:
        self.detail = d
        self.ui.nameLabel.setText(d.display_name)
        self.ui.bsnValue.setText(d.bsn or d.rsin or "")
        self.ui.doelgroepValue.setText(fmt.enum_label(d.doelgroep))
        self.ui.addressValue.setText(d.address or self.tr("unknown"))
        self.ui.householdValue.setText(self._household_text(d))
        self.ui.contactValue.setText(" · ".join(v for v in (d.telefoon, d.email) if v) or self.tr("none recorded"))
        self.ui.fraudLabel.setVisible(d.fraude_markering)
        may_edit = self.ctx.can(Permission.EDIT_DEBTOR)
        self.ui.editButton.setEnabled(may_edit)
        self.ui.editButton.setToolTip("" if may_edit else self.tr("Your role may not change debtor details."))
        self.loaded.emit(d)

    def _household_text(self, d: DebtorDetail) -> str:
        h = d.household
        if h is None:
            return self.tr("not recorded")
        parts = [fmt.enum_label(h.leefsituatie)]
        if h.aantal_kinderen:
            parts.append(self.tr("%n child(ren)", "", h.aantal_kinderen))
        if h.kostendelers:
            parts.append(self.tr("%n cost sharer(s)", "", h.kostendelers))
        if h.beschermd_bestaansminimum:
            parts.append(self.tr("protected subsistence minimum"))
        text = ", ".join(parts)
        if h.members:
            text += "\n" + self.tr("With: {names}").format(names=", ".join(name for _id, name in h.members))
        return text

    def show_claims(self, claims: list[ClaimSummary]) -> None:
        self.claims.set_rows(claims)
        if not self._header_restored:
            self.ui.claimsView.resizeColumnsToContents()
        self.ui.totalsLabel.setText(
            self.tr("%n claim(s), outstanding in total: {amount}", "", len(claims)).format(
                amount=fmt.eur(self.claims.total_balance())
            )
        )

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

    def save_state(self) -> None:
        gui_settings.settings().set(gui_settings.CLAIMS_HEADER, self.ui.claimsView.horizontalHeader().saveState())
