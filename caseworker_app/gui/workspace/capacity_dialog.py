"""Correcting income, fixed costs and household: the dialog behind "Correct income and household…".

It opens on a :class:`~caseworker_app.services.capacity.CapacityForm` -- every recorded field, loaded on the
database worker -- so nothing recorded is lost on save (bijstand, the yearly taxable income and the source of the
income included).  Save sends what the officer changed in one service call (``correct_capacity``: one transaction
for the financial situation and the household).  When somebody else corrected the same situation meanwhile, the
fields both changed come back as a conflict and :class:`~caseworker_app.gui.conflict_dialog.ConflictDialog` asks
per field which value stays; fields only one of them changed are merged.  A validation error is shown in the
dialog next to its field; nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import ConflictError, UserFacingError

from caseworker_app.domain.types import Leefsituatie, label

from caseworker_app.gui import format as fmt
from caseworker_app.gui.conflict_dialog import ConflictDialog
from caseworker_app.gui.date_field import DateField
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.capacity import CapacityForm, Correction
    from caseworker_app.services.context import Context

AMOUNT_FIELDS: tuple[tuple[str, object], ...] = (
    ("inkomen_maand", QT_TRANSLATE_NOOP("CapacityDialog", "Net income per month")),
    ("partner_inkomen_maand", QT_TRANSLATE_NOOP("CapacityDialog", "Partner's net income per month")),
    ("woonlasten_maand", QT_TRANSLATE_NOOP("CapacityDialog", "Housing costs per month")),
    ("zorgpremie_maand", QT_TRANSLATE_NOOP("CapacityDialog", "Health insurance premium per month")),
    ("vaste_lasten_maand", QT_TRANSLATE_NOOP("CapacityDialog", "Other fixed costs per month")),
    ("vermogen", QT_TRANSLATE_NOOP("CapacityDialog", "Assets")),
    ("belastbaar_inkomen_jaar", QT_TRANSLATE_NOOP("CapacityDialog", "Taxable income per year")),
)


def _amount_text(value: Decimal | None) -> str:
    return "" if value is None else fmt.eur(value).replace("€", "").strip()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CapacityDialog(QDialog):
    """Correct income, fixed costs and household; nothing typed is lost when the services refuse it."""

    #: the save went through (the :class:`~caseworker_app.services.capacity.Correction`)
    saved = Signal(object)

    def __init__(self, ctx: Context | None, form: CapacityForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityDialog")
        self.setWindowTitle(self.tr("Correct income and household – {name}").format(name=form.display_name))
        self.ctx, self.form = ctx, form
        self.conflict_dialog: ConflictDialog | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A correction is recorded as new information with the date it is from; the earlier "
                               "information and who changed what stay in the audit trail."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QFormLayout()
        financial, household = form.financial, form.household
        self.peildatum = DateField(self)
        self.peildatum.setObjectName("peildatumEdit")
        self.peildatum.setMaximumDate(_qdate(form.as_of))
        recorded_date = financial.get("peildatum")
        self.peildatum.setDate(_qdate(recorded_date or form.as_of))
        grid.addRow(self.tr("&Date of the information"), self.peildatum)
        self.date_hint = QLabel(self)
        self.date_hint.setObjectName("peildatumHint")
        self.date_hint.setWordWrap(True)
        if recorded_date is not None:
            self.date_hint.setText(self.tr("The recorded information is of {date}. Is what you enter newer? Then "
                                           "set the date it is from.").format(date=fmt.date(recorded_date)))
        self.date_hint.setVisible(recorded_date is not None)
        grid.addRow("", self.date_hint)
        self.amounts: dict[str, QLineEdit] = {}
        for name, title in AMOUNT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"{name}Edit")
            edit.setPlaceholderText("0,00")
            edit.setText(_amount_text(financial.get(name)))
            self.amounts[name] = edit
            grid.addRow(QCoreApplication.translate("CapacityDialog", str(title)), edit)
        self.bron = QLineEdit(self)
        self.bron.setObjectName("inkomenBronEdit")
        # no maxLength: a pasted text would lose its end without a word; the save refuses it, naming the limit
        self.bron.setText(financial.get("inkomen_bron") or "")
        grid.addRow(self.tr("Source of the income"), self.bron)
        self.bijstand = QCheckBox(self.tr("Receives social assistance (bijstand)"), self)
        self.bijstand.setObjectName("bijstandCheck")
        self.bijstand.setChecked(bool(financial.get("bijstand")))
        grid.addRow("", self.bijstand)
        self.leefsituatie = QComboBox(self)
        self.leefsituatie.setObjectName("leefsituatieCombo")
        for value in Leefsituatie:
            self.leefsituatie.addItem(label(value), value.value)
        self.leefsituatie.setCurrentIndex(self.leefsituatie.findData(household.get("leefsituatie")))
        grid.addRow(self.tr("Living situation"), self.leefsituatie)
        self.kinderen = QSpinBox(self)
        self.kinderen.setObjectName("kinderenSpin")
        self.kinderen.setRange(0, 30)
        self.kinderen.setValue(int(household.get("aantal_kinderen") or 0))
        grid.addRow(self.tr("Children"), self.kinderen)
        self.kostendelers = QSpinBox(self)
        self.kostendelers.setObjectName("kostendelersSpin")
        self.kostendelers.setRange(0, 30)
        self.kostendelers.setValue(int(household.get("kostendelers") or 0))
        grid.addRow(self.tr("Cost sharers"), self.kostendelers)
        self.beschermd = QCheckBox(self.tr("Protect the subsistence minimum"), self)
        self.beschermd.setObjectName("beschermdCheck")
        self.beschermd.setChecked(bool(household.get("beschermd_bestaansminimum")))
        grid.addRow("", self.beschermd)
        layout.addLayout(grid)
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._household_known = bool(household)

    # ---- what was typed ------------------------------------------------------------------------------------
    def typed_values(self) -> dict[str, Any]:
        """Every field as typed; the service decides which of them are changes."""
        qd = self.peildatum.date()
        values: dict[str, Any] = {"peildatum": dt.date(qd.year(), qd.month(), qd.day())}
        for name, edit in self.amounts.items():
            values[name] = edit.text().strip()
        values["inkomen_bron"] = self.bron.text()
        values["bijstand"] = self.bijstand.isChecked()
        if self.leefsituatie.currentIndex() >= 0:
            values["leefsituatie"] = self.leefsituatie.currentData()
        if self._household_known or self.leefsituatie.currentIndex() >= 0:
            values["aantal_kinderen"] = self.kinderen.value()
            values["kostendelers"] = self.kostendelers.value()
            values["beschermd_bestaansminimum"] = self.beschermd.isChecked()
        if not self.form.financial and not any(str(values[name]) for name, _t in AMOUNT_FIELDS):
            # nothing recorded and no figure typed: only the household is being recorded
            for name in ("peildatum", *(n for n, _t in AMOUNT_FIELDS), "inkomen_bron", "bijstand"):
                values.pop(name, None)
        return values

    # ---- saving --------------------------------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        self._clear_error()
        form, typed = self.form, self.typed_values()

        def changes() -> dict[str, Any]:
            from caseworker_app.services import capacity

            return capacity.typed_changes(form, typed)

        self._set_busy(True)
        ServiceOp(self, changes).success(lambda found: self._attempt(form, found)).failure(self._failed).run()

    def _attempt(self, base: CapacityForm, changes: dict[str, Any]) -> None:
        ctx = self.ctx
        if ctx is None:
            self._set_busy(False)
            return
        if not changes:
            self._set_busy(False)
            self.accept()
            return
        self._set_busy(True)

        def work() -> tuple[str, Any]:
            from caseworker_app.services import capacity

            try:
                return "saved", capacity.correct_capacity(ctx, base, changes)
            except ConflictError as conflict:  # the fresh form to merge the officer's choices onto
                return "conflict", (conflict, capacity.load_correction(ctx, base.debtor_id, base.as_of))

        ServiceOp(self, work).success(lambda outcome: self._attempted(outcome, changes)).failure(self._failed).run()

    def _attempted(self, outcome: tuple[str, Any], changes: dict[str, Any]) -> None:
        self._set_busy(False)
        kind, value = outcome
        if kind == "conflict":
            conflict, fresh = value
            self.ask_conflicts(conflict, fresh, changes)
            return
        result: Correction = value
        self.form = result.form
        self.saved.emit(result)
        self.accept()

    def ask_conflicts(self, conflict: ConflictError, fresh: CapacityForm, changes: dict[str, Any]) -> None:
        dialog = ConflictDialog(conflict.conflicts, self)
        dialog.accepted.connect(lambda: self._resolved(dialog.keep_mine(), conflict, fresh, changes))
        dialog.finished.connect(dialog.deleteLater)
        self.conflict_dialog = dialog
        dialog.open()

    def _resolved(self, keep_mine: set[str], conflict: ConflictError, fresh: CapacityForm,
                  changes: dict[str, Any]) -> None:
        """Save again on what is stored now: my value where I chose it, theirs (already stored) elsewhere."""
        clashing = {c.field for c in conflict.conflicts}
        self.form = fresh
        self._attempt(fresh, {k: v for k, v in changes.items() if k not in clashing or k in keep_mine})

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UserFacingError):
            from caseworker_app.gui.fields import field_message

            self.error.setText(field_message(exc))
            self.error.show()
            field = str(exc.params.get("field") or "")
            edit = self._editor_of(field)
            if edit is not None:
                edit.setFocus()
                if isinstance(edit, QLineEdit):
                    edit.selectAll()
            return
        from caseworker_app.gui.errors import show_error

        show_error(self, exc)

    def _editor_of(self, field: str) -> QWidget | None:
        editors: dict[str, QWidget] = {
            **self.amounts, "peildatum": self.peildatum, "inkomen_bron": self.bron, "bijstand": self.bijstand,
            "leefsituatie": self.leefsituatie, "aantal_kinderen": self.kinderen, "kostendelers": self.kostendelers,
            "beschermd_bestaansminimum": self.beschermd,
        }
        return editors.get(field)

    def _clear_error(self) -> None:
        self.error.hide()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
