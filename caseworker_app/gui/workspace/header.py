"""The workspace header: who the debtor is, and the flags that change how the case must be treated.

Flags come from ``DebtPosition.flags`` and are drawn as coloured chips (tooltip = the flag's detail), so a
capability that adds a flag (maatwerk, invorderingspauze, betalingsregeling, Stella, bijzondere omstandigheden)
shows up here without a change to this module.  A known ``code`` may pick its own colour in :data:`CHIP_COLOURS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget

from caseworker_app.domain.types import Doelgroep, Leefsituatie

from caseworker_app.gui import format as fmt

if TYPE_CHECKING:
    from caseworker_app.services.dto import DebtorDetail
    from caseworker_app.services.position import Flag


@dataclass(frozen=True)
class _Chip:
    """What a chip needs of a flag (``services.position.Flag`` has the same fields)."""

    code: str
    label: str
    detail: str = ""
    severity: str = "warning"

#: (background, border/text) per flag code; others by severity
CHIP_COLOURS: dict[str, tuple[str, str]] = {
    "fraude": ("#fde7e6", "#8c1d18"),
    "bestaansminimum": ("#e7f0fb", "#154273"),
    "samenloop": ("#fff1dc", "#8a4b00"),
    "verjaard": ("#fde7e6", "#8c1d18"),
}
SEVERITY_COLOURS = {"warning": ("#fff1dc", "#8a4b00"), "info": ("#eef1f5", "#3a4454")}


class FlowLayout(QLayout):
    """Lays out widgets left to right and wraps to the next line (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


def chip_style(flag: Flag | _Chip) -> str:
    background, colour = CHIP_COLOURS.get(flag.code, SEVERITY_COLOURS.get(flag.severity, SEVERITY_COLOURS["info"]))
    return (f"QLabel {{ background: {background}; color: {colour}; border: 1px solid {colour}; border-radius: 9px;"
            " padding: 2px 8px; font-weight: bold; }")


class DebtorHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.name_label = QLabel(self.tr("Loading…"), self)
        self.name_label.setObjectName("nameLabel")
        self.name_label.setStyleSheet("font-size: 15pt; font-weight: bold; color: #154273;")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.actions_layout = QHBoxLayout()  # the tab adds its buttons here (edit contact details, ...)
        self.as_of_label = QLabel(self)
        self.as_of_label.setObjectName("asOfLabel")
        self.as_of_label.setStyleSheet("color: #5a6270;")
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addStretch(1)
        top.addWidget(self.as_of_label)
        top.addLayout(self.actions_layout)
        grid.addLayout(top, 0, 0, 1, 4)

        def pair(row: int, column: int, caption: str, name: str) -> QLabel:
            cap = QLabel(caption, self)
            cap.setStyleSheet("color: #5a6270;")
            cap.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QLabel(self)
            value.setObjectName(name)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            cap.setBuddy(value)
            grid.addWidget(cap, row, column)
            grid.addWidget(value, row, column + 1)
            return value

        self.bsn_value = pair(1, 0, self.tr("BSN/RSIN:"), "bsnValue")
        self.doelgroep_value = pair(1, 2, self.tr("Target group:"), "doelgroepValue")
        self.address_value = pair(2, 0, self.tr("Address:"), "addressValue")
        self.household_value = pair(2, 2, self.tr("Household:"), "householdValue")
        self.contact_value = pair(3, 0, self.tr("Contact:"), "contactValue")
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        self.flags_box = QWidget(self)
        self.flags_box.setObjectName("flagsBox")
        self.flags_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.flags_layout = FlowLayout(self.flags_box)
        grid.addWidget(self.flags_box, 4, 0, 1, 4)
        #: the fraud chip always exists (hidden without the flag) so other code can rely on it
        self.fraud_chip = self._chip(_Chip("fraude", self.tr("Fraud flag")))
        self.fraud_chip.hide()
        self.chips: dict[str, QLabel] = {}

    def _chip(self, flag: Flag | _Chip) -> QLabel:
        chip = QLabel(flag.label, self.flags_box)
        chip.setObjectName(f"flag_{flag.code}")
        chip.setStyleSheet(chip_style(flag))
        chip.setToolTip(flag.detail)
        chip.setAccessibleName(f"{flag.label}: {flag.detail}" if flag.detail else flag.label)
        self.flags_layout.addWidget(chip)
        return chip

    def show_detail(self, d: DebtorDetail) -> None:
        self.name_label.setText(d.display_name)
        self.bsn_value.setText(d.bsn or d.rsin or "")
        self.doelgroep_value.setText(fmt.enum_label(Doelgroep, d.doelgroep))
        self.address_value.setText(d.address or self.tr("unknown"))
        self.household_value.setText(self.household_text(d))
        self.contact_value.setText(" · ".join(v for v in (d.telefoon, d.email) if v) or self.tr("none recorded"))

    def household_text(self, d: DebtorDetail) -> str:
        h = d.household
        if h is None:
            return self.tr("not recorded")
        parts = [fmt.enum_label(Leefsituatie, h.leefsituatie)]
        if h.aantal_kinderen:
            parts.append(self.tr("%n child(ren)", "", h.aantal_kinderen))
        if h.kostendelers:
            parts.append(self.tr("%n cost sharer(s)", "", h.kostendelers))
        text = ", ".join(parts)
        if h.members:
            text += "\n" + self.tr("With: {names}").format(names=", ".join(name for _id, name in h.members))
        return text

    def show_flags(self, flags: Sequence[Flag]) -> None:
        for chip in self.chips.values():
            if chip is self.fraud_chip:
                continue
            self.flags_layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = {}
        fraud = next((f for f in flags if f.code == "fraude"), None)
        self.fraud_chip.setVisible(fraud is not None)
        if fraud is not None:
            self.fraud_chip.setText(fraud.label)
            self.fraud_chip.setToolTip(fraud.detail)
            self.chips[fraud.code] = self.fraud_chip
        for flag in flags:
            if flag.code != "fraude":
                self.chips[flag.code] = self._chip(flag)
        self.flags_box.setVisible(bool(flags))
        self.flags_layout.invalidate()
        self.updateGeometry()

    def flag_texts(self) -> dict[str, str]:
        """code -> the label shown (tests, screen readers)."""
        return {code: chip.text() for code, chip in self.chips.items()}
