"""The totals that matter, each with a "?" that explains how it is made up, and the samenloop signal.

The figures are :class:`~caseworker_app.domain.position_totals.PositionTotals`, the same object the JSON and the
PDF show; each value label is named ``total_<key>`` (the key of ``PositionTotals.amounts()``), which is how the
"same totals everywhere" test reads the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QToolButton, QWidget

from caseworker_app.domain.position_totals import PositionTotals

from caseworker_app.gui import format as fmt

#: the totals shown, in order: (key, English label, indented)
SHOWN: tuple[tuple[str, object, bool], ...] = (
    ("open", QT_TRANSLATE_NOOP("TotalsPanel", "Total outstanding"), False),
    ("open_belastingdienst", QT_TRANSLATE_NOOP("TotalsPanel", "of which tax (Belastingdienst)"), True),
    ("open_toeslagen", QT_TRANSLATE_NOOP("TotalsPanel", "of which benefits (Dienst Toeslagen)"), True),
    ("costs", QT_TRANSLATE_NOOP("TotalsPanel", "Costs"), False),
    ("rente_total", QT_TRANSLATE_NOOP("TotalsPanel", "Collection interest"), False),
    ("rente_accrued", QT_TRANSLATE_NOOP("TotalsPanel", "of which accrued, not yet charged"), True),
    ("paid", QT_TRANSLATE_NOOP("TotalsPanel", "Paid"), False),
    ("verrekend", QT_TRANSLATE_NOOP("TotalsPanel", "Set off"), False),
    ("under_regeling", QT_TRANSLATE_NOOP("TotalsPanel", "Under a payment arrangement"), False),
    ("paused", QT_TRANSLATE_NOOP("TotalsPanel", "Collection paused"), False),
    ("verjaard", QT_TRANSLATE_NOOP("TotalsPanel", "Time-barred, not collected"), False),
)

# rows shown only when their amount is not zero
OPTIONAL = frozenset({"verjaard"})


def total_title(key: str) -> str:
    for k, title, _indent in SHOWN:
        if k == key:
            return QCoreApplication.translate("TotalsPanel", str(title))
    return key


class TotalsPanel(QGroupBox):
    #: the totals key whose make-up was asked for
    explain_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Totals"), parent)
        self.setObjectName("totalsPanel")
        grid = QGridLayout(self)
        grid.setVerticalSpacing(2)
        self.values: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QWidget, ...]] = {}
        for row, (key, title, indent) in enumerate(SHOWN):
            caption = QLabel(QCoreApplication.translate("TotalsPanel", str(title)), self)
            value = QLabel("", self)
            value.setObjectName(f"total_{key}")
            caption.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if indent:
                caption.setIndent(14)
                caption.setStyleSheet("color: #3a4454;")
            if key == "open":
                caption.setStyleSheet("font-weight: bold;")
                value.setStyleSheet("font-weight: bold; font-size: 12pt;")
            caption.setBuddy(value)
            button = QToolButton(self)
            button.setObjectName(f"explain_{key}")
            button.setText("?")
            button.setAutoRaise(True)
            button.setToolTip(self.tr("How is this total made up?"))
            button.setAccessibleName(self.tr("Explain: {what}").format(what=caption.text()))
            button.clicked.connect(lambda _checked=False, key=key: self.explain_requested.emit(key))
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(button, row, 2)
            self.values[key] = value
            self._rows[key] = (caption, value, button)
        grid.setColumnStretch(0, 1)
        self.samenloop = QLabel(self)
        self.samenloop.setObjectName("samenloopLabel")
        self.samenloop.setWordWrap(True)
        self.samenloop.setStyleSheet(
            "color: #8a4b00; background: #fff1dc; border: 1px solid #8a4b00; border-radius: 3px; padding: 4px;"
        )
        self.samenloop.setText(self.tr("Samenloop: tax and benefit debt are both outstanding; the two creditors "
                                       "act as one."))
        self.samenloop.hide()
        grid.addWidget(self.samenloop, len(SHOWN), 0, 1, 3)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #5a6270;")
        grid.addWidget(self.count_label, len(SHOWN) + 1, 0, 1, 3)

    def show_totals(self, totals: PositionTotals) -> None:
        amounts = totals.amounts()
        for key, label in self.values.items():
            label.setText(fmt.eur(amounts[key]))
        for key in OPTIONAL:  # a row that is nearly always zero is shown only when it is not
            for widget in self._rows[key]:
                widget.setVisible(bool(amounts[key]))
        self.samenloop.setVisible(totals.samenloop)
        self.count_label.setText(
            self.tr("%n claim(s), of which {open} outstanding", "", totals.claim_count).format(
                open=totals.open_claim_count
            )
        )

    def shown_text(self) -> dict[str, str]:
        """key -> the text on screen."""
        return {key: label.text() for key, label in self.values.items()}
