"""Beslagvrije voet and betalingscapaciteit, what they are computed from, and the audited correction dialog.

The panel shows the rules engine's figures with a "?" each (the explanation one click away) and marks a figure
"unconfirmed" when a parameter behind it is.  "Correct…" opens :class:`CapacityDialog`, which records a new
financial situation with the date of the information (``services.capacity.record_financial_situation``) and,
when the household changed, the household (``update_household``); both are audited by the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.explain import Step
from caseworker_app.domain.types import Leefsituatie, label

from caseworker_app.gui import format as fmt
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.context import Context
    from caseworker_app.services.dto import DebtorDetail
    from caseworker_app.services.position import CapacitySnapshot


def _unconfirmed(steps: tuple[Step, ...]) -> bool:
    return any(s.unconfirmed for s in steps)


class CapacityPanel(QGroupBox):
    #: "bvv" or "bc"
    explain_requested = Signal(str)
    correct_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Capacity"), parent)
        self.setObjectName("capacityPanel")
        self.snapshot: CapacitySnapshot | None = None
        grid = QGridLayout(self)
        grid.setVerticalSpacing(2)
        self.values: dict[str, QLabel] = {}
        rows: list[tuple[str, str]] = [
            ("bvv", self.tr("Beslagvrije voet (per month)")),
            ("bc", self.tr("Payment capacity (per month)")),
            ("peildatum", self.tr("Information dated")),
            ("geldig", self.tr("Beslagvrije voet valid until")),
            ("leefsituatie", self.tr("Living situation")),
            ("inkomen", self.tr("Net income (per month)")),
            ("partner", self.tr("Partner's income")),
            ("lasten", self.tr("Housing, health premium, fixed costs")),
        ]
        for row, (key, caption_text) in enumerate(rows):
            caption = QLabel(caption_text, self)
            value = QLabel(self)
            value.setObjectName(f"capacity_{key}")
            value.setWordWrap(True)
            caption.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption.setBuddy(value)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            if key in ("bvv", "bc"):
                caption.setStyleSheet("font-weight: bold;")
                value.setStyleSheet("font-weight: bold;")
                button = QToolButton(self)
                button.setObjectName(f"explain_{key}")
                button.setText("?")
                button.setAutoRaise(True)
                button.setToolTip(self.tr("How is this figure computed?"))
                button.setAccessibleName(self.tr("Explain: {what}").format(what=caption_text))
                button.clicked.connect(lambda _checked=False, key=key: self.explain_requested.emit(key))
                grid.addWidget(button, row, 2)
            self.values[key] = value
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.note = QLabel(self)
        self.note.setObjectName("capacityNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a4b00;")
        grid.addWidget(self.note, len(rows), 0, 1, 3)
        self.correct_button = QPushButton(self.tr("&Correct income and household…"), self)
        self.correct_button.setObjectName("correctCapacityButton")
        self.correct_button.clicked.connect(self.correct_requested)
        grid.addWidget(self.correct_button, len(rows) + 1, 0, 1, 3)

    def _figure(self, amount: Decimal | None, steps: tuple[Step, ...]) -> str:
        if amount is None:
            return self.tr("not computed")
        text = fmt.eur(amount)
        return text + " " + self.tr("(unconfirmed)") if _unconfirmed(steps) else text

    def show_capacity(self, c: CapacitySnapshot | None, leefsituatie: str | None = None) -> None:
        self.snapshot = c
        for key in ("bvv", "bc"):
            button = self.findChild(QToolButton, f"explain_{key}")
            if button is not None:
                button.setEnabled(c is not None)
        if c is None:
            for value in self.values.values():
                value.setText("")
            self.values["leefsituatie"].setText(fmt.enum_label(Leefsituatie, leefsituatie))
            self.values["bvv"].setText(self.tr("not computed"))
            self.values["bc"].setText(self.tr("not computed"))
            self.note.setText(self.tr("No income recorded yet: record it with “Correct…” to compute the beslagvrije "
                                      "voet and the payment capacity."))
            self.note.show()
            return
        self.values["bvv"].setText(self._figure(c.beslagvrije_voet, c.bvv_explanation))
        self.values["bc"].setText(self._figure(c.betalingscapaciteit, c.bc_explanation))
        for key, steps in (("bvv", c.bvv_explanation), ("bc", c.bc_explanation)):
            colour = "#8c1d18" if _unconfirmed(steps) else "#1a1a1a"
            self.values[key].setStyleSheet(f"font-weight: bold; color: {colour};")
            self.values[key].setToolTip(
                self.tr("A figure in this calculation is unconfirmed (placeholder or secondary source).")
                if _unconfirmed(steps) else "")
        self.values["peildatum"].setText(fmt.date(c.peildatum))
        self.values["geldig"].setText(fmt.date(c.bvv_geldig_tot))
        self.values["leefsituatie"].setText(fmt.enum_label(Leefsituatie, c.leefsituatie))
        self.values["inkomen"].setText(fmt.eur(c.inkomen_maand))
        self.values["inkomen"].setToolTip(c.inkomen_bron or "")
        self.values["partner"].setText(fmt.eur(c.partner_inkomen_maand))
        self.values["lasten"].setText(fmt.eur(c.woonlasten_maand + c.zorgpremie_maand + c.vaste_lasten_maand))
        self.values["lasten"].setToolTip(
            self.tr("Housing {w}, health premium {z}, other fixed costs {v}").format(
                w=fmt.eur(c.woonlasten_maand), z=fmt.eur(c.zorgpremie_maand), v=fmt.eur(c.vaste_lasten_maand))
        )
        self.note.setText(c.note)
        self.note.setVisible(bool(c.note))

    def steps(self, key: str) -> tuple[Step, ...]:
        c = self.snapshot
        if c is None:
            return ()
        return c.bvv_explanation if key == "bvv" else c.bc_explanation


# ------------------------------------------------------------------------------------------------ the dialog

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
    return "" if value is None else fmt.eur(value).replace("€ ", "")


class CapacityDialog(QDialog):
    """Correct income, fixed costs and household; nothing typed is lost when the services refuse it."""

    saved = Signal()

    def __init__(
        self,
        ctx: Context | None,
        debtor: DebtorDetail,
        snapshot: CapacitySnapshot | None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("capacityDialog")
        self.setWindowTitle(self.tr("Correct income and household – {name}").format(name=debtor.display_name))
        self.ctx, self.debtor = ctx, debtor
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A correction is recorded as new information with the date it is from; the earlier "
                               "information and who changed what stay in the audit trail."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.peildatum = QDateEdit(self)
        self.peildatum.setObjectName("peildatumEdit")
        self.peildatum.setCalendarPopup(True)
        self.peildatum.setDisplayFormat("dd-MM-yyyy")
        day = today()
        self.peildatum.setMaximumDate(QDate(day.year, day.month, day.day))
        self.peildatum.setDate(QDate(day.year, day.month, day.day))
        form.addRow(self.tr("Date of the information"), self.peildatum)
        self.amounts: dict[str, QLineEdit] = {}
        for name, title in AMOUNT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"{name}Edit")
            edit.setPlaceholderText("0,00")
            value = getattr(snapshot, name, None) if snapshot is not None else None
            edit.setText(_amount_text(value))
            self.amounts[name] = edit
            form.addRow(QCoreApplication.translate("CapacityDialog", str(title)), edit)
        self.bron = QLineEdit(self)
        self.bron.setObjectName("inkomenBronEdit")
        self.bron.setText((snapshot.inkomen_bron or "") if snapshot is not None else "")
        form.addRow(self.tr("Source of the income"), self.bron)
        self.bijstand = QCheckBox(self.tr("Receives social assistance (bijstand)"), self)
        form.addRow("", self.bijstand)
        household = debtor.household
        self.leefsituatie = QComboBox(self)
        self.leefsituatie.setObjectName("leefsituatieCombo")
        for value in Leefsituatie:
            self.leefsituatie.addItem(label(value), value.value)
        if household is not None:
            self.leefsituatie.setCurrentIndex(max(0, self.leefsituatie.findData(household.leefsituatie)))
        else:
            self.leefsituatie.setCurrentIndex(-1)
        form.addRow(self.tr("Living situation"), self.leefsituatie)
        self.kinderen = QSpinBox(self)
        self.kinderen.setRange(0, 30)
        self.kinderen.setValue(household.aantal_kinderen if household else 0)
        form.addRow(self.tr("Children"), self.kinderen)
        self.kostendelers = QSpinBox(self)
        self.kostendelers.setRange(0, 30)
        self.kostendelers.setValue(household.kostendelers if household else 0)
        form.addRow(self.tr("Cost sharers"), self.kostendelers)
        self.beschermd = QCheckBox(self.tr("Protect the subsistence minimum"), self)
        self.beschermd.setChecked(bool(household and household.beschermd_bestaansminimum))
        form.addRow("", self.beschermd)
        layout.addLayout(form)
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
        self._household_before = self.household_values()

    def financial_values(self) -> dict[str, Any]:
        qd = self.peildatum.date()
        values: dict[str, Any] = {"peildatum": dt.date(qd.year(), qd.month(), qd.day())}
        for name, edit in self.amounts.items():
            values[name] = edit.text().strip()
        values["inkomen_bron"] = self.bron.text()
        values["bijstand"] = self.bijstand.isChecked()
        return values

    def household_values(self) -> dict[str, Any]:
        return {
            "leefsituatie": self.leefsituatie.currentData(),
            "aantal_kinderen": self.kinderen.value(),
            "kostendelers": self.kostendelers.value(),
            "beschermd_bestaansminimum": self.beschermd.isChecked(),
        }

    def save(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        debtor_id = self.debtor.id
        financial = self.financial_values()
        household = self.household_values()
        changed = {k: v for k, v in household.items() if self._household_before.get(k) != v}
        if household["leefsituatie"] is None:
            changed.pop("leefsituatie", None)

        def work() -> None:
            from caseworker_app.services import capacity

            capacity.clean_financial(financial)  # refuse bad input before anything is written
            if changed:
                capacity.update_household(ctx, debtor_id, None, changed)
            capacity.record_financial_situation(ctx, debtor_id, financial)

        self.buttons.setEnabled(False)
        ServiceOp(self, work).success(self._saved).failure(self._failed).run()

    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, UserFacingError):
            self.error.setText(exc.message)
            self.error.show()
            field = exc.params.get("field")
            edit = self.amounts.get(str(field)) if field else None
            if edit is not None:
                edit.setFocus()
                edit.selectAll()
            return
        from caseworker_app.gui.errors import show_error

        show_error(self, exc)
