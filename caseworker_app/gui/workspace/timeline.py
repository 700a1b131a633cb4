"""Everything that happened to the debtor, newest first, filterable by kind and by text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.domain.types import Creditor, label_of

from caseworker_app.gui import format as fmt
from caseworker_app.gui.models import RowRole, SortRole
from caseworker_app.gui.workspace.header import FlowLayout

if TYPE_CHECKING:
    from caseworker_app.services.position import TimelineEvent


def timeline_kinds() -> dict[str, str]:
    """The kinds and their Dutch labels (imported when a position exists, so the services are loaded already)."""
    from caseworker_app.services.position import TIMELINE_KINDS

    return TIMELINE_KINDS

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    DATE, KIND, TITLE, DETAIL, AMOUNT, CLAIM, CREDITOR = range(7)
    HEADERS: tuple[object, ...] = (
        QT_TRANSLATE_NOOP("TimelineModel", "Date"),
        QT_TRANSLATE_NOOP("TimelineModel", "Kind"),
        QT_TRANSLATE_NOOP("TimelineModel", "What"),
        QT_TRANSLATE_NOOP("TimelineModel", "Details"),
        QT_TRANSLATE_NOOP("TimelineModel", "Amount"),
        QT_TRANSLATE_NOOP("TimelineModel", "Claim"),
        QT_TRANSLATE_NOOP("TimelineModel", "Creditor"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: Sequence[TimelineEvent] = ()
        self._kinds: Mapping[str, str] = {}

    def set_events(self, events: Sequence[TimelineEvent]) -> None:
        self.beginResetModel()
        self._kinds = timeline_kinds()
        self._events = events
        self.endResetModel()

    @property
    def events(self) -> Sequence[TimelineEvent]:
        return self._events

    def kinds(self) -> list[str]:
        """The kinds present, in the order of TIMELINE_KINDS (extensions' kinds after them)."""
        present = {e.kind for e in self._events}
        known = [k for k in timeline_kinds() if k in present]
        return known + sorted(present - set(known))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TimelineModel", str(self.HEADERS[section]))
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        e, column = self._events[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return fmt.date(e.day)
            if column == self.KIND:
                return self._kinds.get(e.kind, e.kind)
            if column == self.TITLE:
                return e.title
            if column == self.DETAIL:
                return e.detail
            if column == self.AMOUNT:
                return fmt.eur(e.amount)
            if column == self.CLAIM:
                return e.claim_reference or ""
            return fmt.enum_label(Creditor, e.creditor)
        if role == SortRole:
            if column == self.DATE:
                return e.day.isoformat()
            if column == self.AMOUNT:
                return float(e.amount) if e.amount is not None else 0.0
            return str(self.data(index)).casefold()
        if role == RowRole:
            return e
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAIL and e.detail:
            return e.detail
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TimelineFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._hidden: set[str] = set()
        self._text = ""

    def set_hidden_kinds(self, kinds: Iterable[str]) -> None:
        self.beginFilterChange()
        self._hidden = set(kinds)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._hidden and not self._text:
            return True
        model = self.sourceModel()
        if not isinstance(model, TimelineModel) or not 0 <= source_row < len(model.events):
            return True
        event = model.events[source_row]
        if event.kind in self._hidden:
            return False
        if not self._text:
            return True
        texts = (event.title, event.detail, event.claim_reference or "", label_of(Creditor, event.creditor or ""),
                 fmt.date(event.day))
        return any(self._text in t.casefold() for t in texts)


class TimelineView(QWidget):
    """The table plus a row of kind toggles and a text filter; the filters survive a reload."""

    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.proxy = TimelineFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("timelineFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter the timeline…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        top.addWidget(self.filter_edit, 1)
        self.count_label = QLabel(self)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.kinds_box = QWidget(self)
        self.kinds_box.setStyleSheet(
            "QToolButton { border: 1px solid #8a94a6; border-radius: 9px; padding: 2px 8px; color: #5a6270;"
            " background: #ffffff; }"
            "QToolButton:checked { background: #154273; color: #ffffff; border-color: #154273; }"
        )
        self.kinds_layout = FlowLayout(self.kinds_box)
        layout.addWidget(self.kinds_box)
        self.kind_buttons: dict[str, QToolButton] = {}
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
        self.view.setObjectName("timelineView")
        self.view.setAccessibleName(self.tr("Timeline"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: newest first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.view, 1)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        fm = self.view.fontMetrics()
        samples = {
            TimelineModel.DATE: "00-00-0000",
            TimelineModel.KIND: "Verminderingen en kwijtschelding",
            TimelineModel.TITLE: "Terugvordering opgelegd",
            TimelineModel.DETAIL: "x" * 52,
            TimelineModel.AMOUNT: "€ -99.999,99",
            TimelineModel.CLAIM: "1234.56.789.H.46",
            TimelineModel.CREDITOR: "Dienst Toeslagen",
        }
        for column, sample in samples.items():
            self.view.setColumnWidth(column, fm.horizontalAdvance(sample) + 18)
        self.view.horizontalHeader().setSectionResizeMode(TimelineModel.DETAIL, QHeaderView.ResizeMode.Stretch)

    def set_events(self, events: Sequence[TimelineEvent]) -> None:
        self.model.set_events(events)
        for kind in self.model.kinds():
            if kind not in self.kind_buttons:
                button = QToolButton(self.kinds_box)
                button.setObjectName(f"kind_{kind}")
                button.setText(timeline_kinds().get(kind, kind))
                button.setCheckable(True)
                button.setChecked(True)
                button.setToolTip(self.tr("Show or hide this kind of event"))
                button.toggled.connect(self._kinds_toggled)
                self.kind_buttons[kind] = button
                self.kinds_layout.addWidget(button)
        self._count()

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        self.kind_buttons[kind].setChecked(visible)

    def _kinds_toggled(self) -> None:
        self.proxy.set_hidden_kinds(k for k, b in self.kind_buttons.items() if not b.isChecked())
        self.filters_changed.emit()

    def _count(self) -> None:
        self.count_label.setText(
            self.tr("%n of {total} event(s)", "", self.proxy.rowCount()).format(total=self.model.rowCount())
        )
