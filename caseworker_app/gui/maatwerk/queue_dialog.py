"""The team lead's queue of maatwerk proposals: filter, see the effect before/after, approve, reject, send back.

The list is one page of ``services.queues.team_pending`` (oldest first, the lead's own proposals left out), filtered
as the lead types (a BSN or part of a name).  The selected proposal shows what it changes: the position without and
with the measure, as the proposer saw it when proposing (``decisions.effect``).  Deciding is one service call on the
database worker (``services.maatwerk.decide``); when another lead decided it first, the message says who, and the
list refreshes.

By keyboard: the first proposal is selected when the queue opens; Alt+G approves, Alt+A rejects, Alt+T sends back
(rejecting and sending back need the toelichting: the reason or the question).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import UserFacingError

from caseworker_app.gui import format as fmt
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.context import Context
    from caseworker_app.services.queues import QueueItem, QueuePage

FILTER_DELAY_MS = 150
PAGE_SIZE = 100


class QueueModel(QAbstractTableModel):
    COLUMNS = ("age", "debtor", "bsn", "what", "proposer", "reason")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[QueueItem, ...] = ()
        self.titles = (self.tr("Days"), self.tr("Debtor"), self.tr("BSN"), self.tr("Proposal"),
                       self.tr("Proposed by"), self.tr("Reason"))

    def set_items(self, items: tuple[QueueItem, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self.items[index.row()]
        what = f"{item.kind_label}: {(item.soort or '').replace('_', ' ')}"
        return (str(item.age_days), item.debtor_name, item.bsn or "", what, item.proposed_by_name,
                item.reason.replace("\n", " ")[:120])[index.column()]


class QueueDialog(QDialog):
    """The maatwerk proposals waiting for this team lead."""

    #: a decision was taken (the measure's DTO)
    decided = Signal(object)

    def __init__(self, ctx: Context | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maatwerkQueueDialog")
        self.ctx = ctx
        self.page: QueuePage | None = None
        self.setWindowTitle(self.tr("Maatwerk to decide"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("queueFilter")
        self.filter.setPlaceholderText(self.tr("Filter on BSN or name"))
        self.filter.setClearButtonEnabled(True)
        top.addWidget(self.filter, 1)
        self.count_label = QLabel(self)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = QueueModel(self)
        self.view = QTableView(splitter)
        self.view.setObjectName("queueView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # measuring 100 rows per refresh is slow
        header.setStretchLastSection(True)
        for column, width in enumerate((60, 200, 100, 230, 150)):
            header.resizeSection(column, width)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.detail = QTextBrowser(splitter)
        self.detail.setObjectName("queueDetail")
        self.detail.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setSizes([300, 260])
        layout.addWidget(splitter, 1)
        note_row = QHBoxLayout()
        note_label = QLabel(self.tr("&Explanation"), self)
        self.note = QLineEdit(self)
        self.note.setObjectName("queueNote")
        self.note.setPlaceholderText(self.tr("Reason or question (needed to reject or send back)"))
        note_label.setBuddy(self.note)
        note_row.addWidget(note_label)
        note_row.addWidget(self.note, 1)
        layout.addLayout(note_row)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("&Approve"), self)
        self.approve_button.setObjectName("approveButton")
        self.reject_button = QPushButton(self.tr("Re&ject"), self)
        self.reject_button.setObjectName("rejectButton")
        self.send_back_button = QPushButton(self.tr("Send &back"), self)
        self.send_back_button.setObjectName("sendBackButton")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for b in (self.approve_button, self.reject_button, self.send_back_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(lambda: self.decide("goedgekeurd"))
        self.reject_button.clicked.connect(lambda: self.decide("afgewezen"))
        self.send_back_button.clicked.connect(lambda: self.decide("teruggestuurd"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.resize(1000, 640)
        self.refresh()

    # ---- the list --------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        ctx, text = self.ctx, self.filter.text().strip() or None
        if ctx is None:
            return

        def work() -> QueuePage:
            from caseworker_app.services import queues

            return queues.team_pending(ctx, limit=PAGE_SIZE, kind=None, text=text)

        ServiceOp(self, work).success(self.show_page).run()

    def show_page(self, page: QueuePage) -> None:
        items = tuple(i for i in page.items if i.kind in ("maatwerk", "maatwerk_einde"))
        self.page = page
        self.model.set_items(items)
        self.count_label.setText(self.tr("{count} waiting").format(count=page.total))
        if items:
            self.view.selectRow(0)
            self.view.setFocus()
        else:
            nothing = self.tr("Nothing to decide.")
            self.detail.setHtml(f"<p>{nothing}</p>")
        for b in (self.approve_button, self.reject_button, self.send_back_button):
            b.setEnabled(bool(items))

    def selected(self) -> QueueItem | None:
        row = self.view.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def show_selected(self) -> None:
        item, ctx = self.selected(), self.ctx
        if item is None or ctx is None:
            return

        def work() -> Any:
            from caseworker_app.services import decisions

            return decisions.get_decision(ctx, item.decision_id)

        ServiceOp(self, work).success(self._show_decision).run()

    def _show_decision(self, decision: Any) -> None:
        effect = dict(decision.effect or {})
        rows = []
        if "open_zonder" in effect:
            day = effect.get("peildatum")
            shown = fmt.date(dt.date.fromisoformat(day)) if isinstance(day, str) else ""
            rows.append((self.tr("Before: open on {date}").format(date=shown),
                         fmt.eur(_money(effect["open_zonder"]))))
            rows.append((self.tr("After: open with the measure"), fmt.eur(_money(effect["open_met"]))))
        table = "".join(f"<tr><td>{_esc(a)}</td><td align='right'><b>{_esc(b)}</b></td></tr>" for a, b in rows)
        lines = "".join(f"<li>{_esc(str(line))}</li>" for line in effect.get("uitleg", ()))
        self.detail.setHtml(
            f"<p><b>{_esc(decision.kind_label.capitalize())}: {_esc((decision.soort or '').replace('_', ' '))}</b>"
            f" — {_esc(decision.proposed_by_name)}</p><p>{_esc(decision.reason)}</p>"
            f"<table cellspacing='4'>{table}</table><ul>{lines}</ul>")

    # ---- deciding ---------------------------------------------------------------------------------------------
    def decide(self, besluit: str) -> None:
        item, ctx = self.selected(), self.ctx
        if item is None or ctx is None:
            return
        note = self.note.text().strip() or None

        def work() -> Any:
            from caseworker_app.services import maatwerk

            return maatwerk.decide(ctx, maatwerk.measure_of_decision(ctx, item.decision_id), besluit, note)

        ServiceOp(self, work).success(self._decided).failure(self._refused).run()

    def _decided(self, measure: Any) -> None:
        self.note.clear()
        self.decided.emit(measure)
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        from caseworker_app.gui.errors import show_error

        show_error(self, exc)
        if isinstance(exc, UserFacingError):
            self.refresh()


def _money(value: object) -> Any:
    from decimal import Decimal

    return Decimal(str(value))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
