"""Table models for the debtor search results and a debtor's claims (style 10).

Each model has named column constants, returns the whole DTO under :data:`RowRole` and a sortable
value under :data:`SortRole` (used by the ``QSortFilterProxyModel`` in the views), and is reloaded
with ``beginResetModel``/``endResetModel`` or updated row by row with ``dataChanged``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from caseworker_app.domain.types import Doelgroep

from caseworker_app.services.dto import DebtorSummary

from caseworker_app.gui import format as fmt

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class Column(Generic[R]):
    def __init__(
        self,
        context: str,
        title: object,
        display: Callable[[R], str],
        sort: Callable[[R], Any],
        *,
        numeric: bool = False,
        tooltip: Callable[[R], str] | None = None,
    ) -> None:
        self.context, self.title = context, str(title)  # QT_TRANSLATE_NOOP is typed as object
        self.display, self.sort, self.numeric, self.tooltip = display, sort, numeric, tooltip

    def header(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of frozen DTO rows described by ``COLUMNS``."""

    COLUMNS: ClassVar[Sequence[Column[Any]]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    # -- loading
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, row: int, value: R) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_value(self, row: int) -> R:
        return self._rows[row]

    # -- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        column = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.COLUMNS):
            return None
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == RowRole:
            return row
        if role == SortRole:
            return column.sort(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: R, column: int, role: int) -> Any:
        return None


def _sortable(value: object) -> Any:
    """SortRole values Qt can compare: dates as ISO text, Decimals as floats, None first."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _debtor_col(
    title: object, display: Callable[[DebtorSummary], str], sort: Callable[[DebtorSummary], Any] | None = None
) -> Column[DebtorSummary]:
    return Column("DebtorResultsModel", title, display, lambda r: _sortable((sort or display)(r)))


class DebtorResultsModel(RowTableModel[DebtorSummary]):
    NAME, IDENTIFIER, BIRTH_DATE, DOELGROEP, ADDRESS = range(5)
    COLUMNS = (
        _debtor_col(
            QT_TRANSLATE_NOOP("DebtorResultsModel", "Name"),
            lambda r: r.display_name,
            lambda r: r.display_name.casefold(),
        ),
        _debtor_col(QT_TRANSLATE_NOOP("DebtorResultsModel", "BSN/RSIN"), lambda r: r.bsn or r.rsin or ""),
        _debtor_col(
            QT_TRANSLATE_NOOP("DebtorResultsModel", "Date of birth"),
            lambda r: fmt.date(r.geboortedatum),
            lambda r: r.geboortedatum,
        ),
        _debtor_col(
            QT_TRANSLATE_NOOP("DebtorResultsModel", "Target group"), lambda r: fmt.enum_label(Doelgroep, r.doelgroep)
        ),
        _debtor_col(QT_TRANSLATE_NOOP("DebtorResultsModel", "Address"), lambda r: r.address),
    )

    def row_of_debtor(self, debtor_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == debtor_id), None)


def sorting_proxy(source: QAbstractTableModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setSortRole(SortRole)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
