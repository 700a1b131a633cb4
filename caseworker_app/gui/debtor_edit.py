"""Editing a debtor's name, address and contact details, without losing anybody's change.

The dialog sends only the fields the user changed compared with what it loaded (``base``).  The service
merges fields only somebody else changed; fields both changed differently come back as a conflict, and
:class:`ConflictDialog` asks per field which value stays, then the changes are saved on top of what is
stored now.  A validation error is shown inside the dialog, next to the field; nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from caseworker_app.errors import ConflictError, ValidationError

from caseworker_app.services.dto import DEBTOR_EDITABLE_FIELDS, DebtorDetail, SaveResult

from caseworker_app.gui import backend
from caseworker_app.gui import settings as gui_settings
from caseworker_app.gui.conflict_dialog import ConflictDialog
from caseworker_app.gui.errors import show_error
from caseworker_app.gui.fields import field_label, field_message, field_value, normalized
from caseworker_app.gui.forms.ui_debtor_edit import Ui_DebtorEditDialog
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.context import Context

#: the field a validation message is about, when its params do not say
_FIELD_OF_CODE = {"invalid_postcode": "postcode"}


class DebtorEditDialog(QDialog):
    saved = Signal(object)  # SaveResult

    def __init__(self, ctx: Context, base: DebtorDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DebtorEditDialog()
        self.ui.setupUi(self)
        self.ctx, self.base = ctx, base
        self.conflict_dialog: ConflictDialog | None = None
        self.edits: dict[str, QLineEdit] = {
            name: getattr(self.ui, f"{name}Edit") for name in DEBTOR_EDITABLE_FIELDS if name != "fraude_markering"
        }
        self.setWindowTitle(self.tr("Edit contact details: {name}").format(name=base.display_name))
        self._fill(base)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.restoreGeometry(gui_settings.settings().get(gui_settings.EDIT_DIALOG_GEOMETRY))

    def _fill(self, detail: DebtorDetail) -> None:
        for name, edit in self.edits.items():
            value = getattr(detail, name)
            edit.setText(field_value(name, value) if value not in (None, "") else "")
        self.ui.fraude_markeringCheck.setChecked(detail.fraude_markering)

    def typed_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        values["fraude_markering"] = self.ui.fraude_markeringCheck.isChecked()
        return values

    def changes(self) -> dict[str, Any]:
        """The fields the user changed compared with what the dialog loaded."""
        base = self.base.editable_values()
        return {k: v for k, v in self.typed_values().items() if normalized(k, v) != normalized(k, base[k])}

    # -- saving
    @Slot()
    def save(self) -> None:
        self._clear_error()
        self._attempt(self.base, self.changes())

    def _attempt(self, base: DebtorDetail | int, changes: dict[str, Any]) -> None:
        if not changes:
            self.accept()
            return
        self._set_busy(True)
        ctx = self.ctx
        op = ServiceOp(self, lambda: backend.attempt_save(ctx, base, changes))
        op.success(lambda outcome: self._attempted(outcome, changes)).failure(self._failed).run()

    def _attempted(self, outcome: tuple[DebtorDetail, SaveResult | ConflictError], changes: dict[str, Any]) -> None:
        self._set_busy(False)
        self.base, result = outcome
        if isinstance(result, ConflictError):
            self.ask_conflicts(result, changes)
            return
        self.saved.emit(result)
        self.accept()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_invalid(exc)
        else:
            show_error(self, exc)

    def ask_conflicts(self, conflict: ConflictError, changes: dict[str, Any]) -> None:
        dialog = ConflictDialog(conflict.conflicts, self)
        dialog.accepted.connect(lambda: self._resolved(dialog.keep_mine(), conflict, changes))
        dialog.finished.connect(dialog.deleteLater)
        self.conflict_dialog = dialog
        dialog.open()

    def _resolved(self, keep_mine: set[str], conflict: ConflictError, changes: dict[str, Any]) -> None:
        """Save again on a fresh copy: my value where chosen, theirs (already stored) elsewhere."""
        conflicting = {c.field for c in conflict.conflicts}
        final = {k: v for k, v in changes.items() if k not in conflicting or k in keep_mine}
        self._attempt(self.base.id, final)

    # -- validation messages
    def show_invalid(self, exc: ValidationError) -> None:
        field = str(exc.params.get("field") or _FIELD_OF_CODE.get(exc.code, ""))
        self.ui.errorLabel.setText(field_message(exc))
        self.ui.errorLabel.setVisible(True)
        edit = self.edits.get(field)
        if edit is not None:
            self._mark(edit, True)
            edit.setFocus()

    def _clear_error(self) -> None:
        self.ui.errorLabel.setVisible(False)
        for edit in self.edits.values():
            self._mark(edit, False)

    @staticmethod
    def _mark(edit: QLineEdit, invalid: bool) -> None:
        edit.setProperty("invalid", invalid)
        edit.style().unpolish(edit)
        edit.style().polish(edit)

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)

    def done(self, result: int) -> None:
        gui_settings.settings().set(gui_settings.EDIT_DIALOG_GEOMETRY, self.saveGeometry())
        super().done(result)


def merged_message(result: SaveResult) -> str:
    names = ", ".join(field_label(f) for f in result.merged_fields)
    return QCoreApplication.translate(
        "DebtorEditDialog", "Saved. Changes another user made meanwhile were kept: {fields}."
    ).format(fields=names)
