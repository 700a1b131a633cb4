"""How the rules engine got a figure: the steps in a dialog an officer can read out to a citizen.

The table speaks words: each step as a sentence (its citations moved out), the figure, how sure that figure is
("bevestigd", "voorlopig", "niet bevestigd", "te herzien"; see :mod:`caseworker_app.domain.explain`) and the law
or policy behind it spelled out ("Invorderingswet 1990, art. 29").  Parameter keys, validity, the research note
and the status code are for the "Details" view only.  The steps are the ones the figure was computed with (the
rules engine returns them with the result): there is no second calculation here.

Only figures that really are unconfirmed ("niet bevestigd", "te herzien") are marked, in the row and in a line
above the table; "voorlopig" is said in words, not in red, so the marker keeps its meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.domain.explain import Step

from caseworker_app.gui import format as fmt
from caseworker_app.gui.models import RowRole

Index = QModelIndex | QPersistentModelIndex
UNCONFIRMED_BACKGROUND = QColor("#fdf1f0")
UNCONFIRMED_TEXT = QColor("#8c1d18")


translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepsModel", text)


def validity(step: Step) -> str:
    if step.valid_from is None and step.valid_to is None:
        return ""
    if step.valid_to is None:
        return translate("StepsModel", "from {date}").format(date=fmt.date(step.valid_from))
    return f"{fmt.date(step.valid_from)} – {fmt.date(step.valid_to)}"


def status_text(step: Step) -> str:
    """The status in words an officer can read out (bevestigd, voorlopig, niet bevestigd, te herzien)."""
    return step.status_label or ""


class StepsModel(QAbstractTableModel):
    # the columns an officer reads, then the details (hidden unless "Details" is ticked)
    DESCRIPTION, VALUE, STATUS, LEGAL_SOURCE, PARAMETER, VALIDITY, SOURCE, STATUS_CODE = range(8)
    DETAILS = (PARAMETER, VALIDITY, SOURCE, STATUS_CODE)
    HEADERS: tuple[object, ...] = (
        QT_TRANSLATE_NOOP("StepsModel", "Step"),
        QT_TRANSLATE_NOOP("StepsModel", "Value"),
        QT_TRANSLATE_NOOP("StepsModel", "Certainty"),
        QT_TRANSLATE_NOOP("StepsModel", "Legal basis"),
        QT_TRANSLATE_NOOP("StepsModel", "Parameter"),
        QT_TRANSLATE_NOOP("StepsModel", "Valid"),
        QT_TRANSLATE_NOOP("StepsModel", "Where the figure was found"),
        QT_TRANSLATE_NOOP("StepsModel", "Status code"),
    )

    def __init__(self, steps: Sequence[Step] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_steps(self, steps: Sequence[Step]) -> None:
        self.beginResetModel()
        self._steps = list(steps)
        self.endResetModel()

    def steps(self) -> list[Step]:
        return list(self._steps)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.HEADERS):
            return _tr(str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        step, column = self._steps[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(step, column)
            if role == Qt.ItemDataRole.ToolTipRole:
                if column == self.STATUS and step.note:
                    return step.note
                return text or None
            return text
        if role == RowRole:
            return step
        if role == Qt.ItemDataRole.BackgroundRole and step.unconfirmed:
            return QBrush(UNCONFIRMED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and step.unconfirmed and column in (self.VALUE, self.STATUS):
            return QBrush(UNCONFIRMED_TEXT)
        if role == Qt.ItemDataRole.FontRole and column == self.STATUS and step.unconfirmed:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, step: Step, column: int) -> str:
        if column == self.DESCRIPTION:
            return step.plain_description
        if column == self.VALUE:
            return (step.value or "").replace("€ ", "€\u00a0")  # an amount never breaks from its €
        if column == self.STATUS:
            return status_text(step)
        if column == self.LEGAL_SOURCE:
            return step.legal_source or ""
        if column == self.PARAMETER:
            return step.parameter or ""
        if column == self.VALIDITY:
            return validity(step)
        if column == self.SOURCE:
            return step.source or ""
        return step.status or ""


class ExplanationDialog(QDialog):
    """Non-modal: an officer can keep it open next to the workspace while reading the claims."""

    def __init__(self, title: str, steps: Sequence[Step], parent: QWidget | None = None, *, subtitle: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("explanationDialog")
        self.setWindowTitle(self.tr("Explanation: {what}").format(what=title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = StepsModel(steps, self)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{title}</b>" + (f"<br>{subtitle}" if subtitle else ""), self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        unconfirmed = sum(1 for s in steps if s.unconfirmed)
        self.warning = QLabel(self)
        self.warning.setObjectName("unconfirmedLabel")
        self.warning.setWordWrap(True)
        self.warning.setText(
            self.tr(
                "%n figure(s) in this calculation are not confirmed or due for review (marked in red): check them "
                "before relying on the result.", "", unconfirmed
            )
        )
        self.warning.setStyleSheet("color: #8c1d18; background: #fdf1f0; border: 1px solid #b3261e; padding: 4px;")
        self.warning.setVisible(unconfirmed > 0)
        layout.addWidget(self.warning)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
        self.view.setObjectName("stepsView")
        self.view.setAccessibleName(self.tr("Calculation steps"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fm = self.view.fontMetrics()
        widths = {StepsModel.DESCRIPTION: 56, StepsModel.VALUE: 30, StepsModel.STATUS: 17, StepsModel.LEGAL_SOURCE: 44,
                  StepsModel.PARAMETER: 26, StepsModel.VALIDITY: 22, StepsModel.SOURCE: 40}
        for column, chars in widths.items():
            self.view.setColumnWidth(column, fm.horizontalAdvance("x" * chars))
        header.sectionResized.connect(lambda *_args: self.view.resizeRowsToContents())
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.details = QCheckBox(self.tr("&Details (parameters, validity, where found)"), self)
        self.details.setObjectName("detailsCheck")
        self.details.toggled.connect(self.show_details)
        buttons.addButton(self.details, QDialogButtonBox.ButtonRole.ResetRole)
        copy = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_details(False)
        self.resize(1100, 560)

    @Slot(bool)
    def show_details(self, shown: bool) -> None:
        """The details an officer does not read out: parameter keys, validity, the research note, status codes."""
        for column in StepsModel.DETAILS:
            self.view.setColumnHidden(column, not shown)
        self.view.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.resizeRowsToContents()  # now the columns have their real widths

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.resizeRowsToContents()

    def as_text(self) -> str:
        return "\n".join(step.render() for step in self.model.steps())

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
