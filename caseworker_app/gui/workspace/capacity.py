"""Beslagvrije voet and betalingscapaciteit and what they are computed from: the capacity panel.

The panel shows the rules engine's figures with a "?" each (the explanation one click away) and marks a figure
"unconfirmed" when a parameter behind it is.  "Correct…" asks the workspace to open the correction dialog
(:mod:`caseworker_app.gui.workspace.capacity_dialog`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from caseworker_app.domain.explain import Step
from caseworker_app.domain.types import Leefsituatie

from caseworker_app.gui import format as fmt

if TYPE_CHECKING:
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
        return text + " " + self.tr("(not confirmed)") if _unconfirmed(steps) else text

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
                self.tr("A figure in this calculation is not confirmed or due for review.")
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
