""""Mijn werk": my follow-up tasks -- overdue, today, upcoming -- and the team's, one Enter from the debtor.

The list opens with the most urgent task selected; Enter (or a double-click) opens that task's debtor at the right
place (the Contacten tab with the task selected).  "Team" shows the tasks of my team (overdue ones first: what a team
lead watches), "Alleen te laat" only those past their date.  One query per refresh (``services.contacts.tasks``);
a 5,000-task team list fills in well under 100 ms (``benchmarks/bench_contacts.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from caseworker_app.gui.contacts.contacts_tab import DictTableModel, _day, _table, shortcut
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.contacts.dto import TaskInfo
    from caseworker_app.services.context import Context

BUCKET_LABELS = {"te_laat": "te laat", "vandaag": "vandaag", "later": "", "gedaan": "gedaan"}


class TaskModel(DictTableModel):
    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and self.rows[index.row()]["bucket"] == "te_laat":
            return QColor("#8c1d18")
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            return self.rows[index.row()]["task"].omschrijving
        return super().data(index, role)


class MyWork(QWidget):
    """The task list; ``open_requested(TaskInfo)`` when the officer opens one."""

    open_requested = Signal(object)

    def __init__(self, ctx: Context, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.datetime.now().astimezone().date()
        self.setObjectName("myWork")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("myWorkSummary")
        top.addWidget(self.summary, 1)
        self.team = QCheckBox("&Team", self)
        self.team.setObjectName("teamCheck")
        self.team.setToolTip("De taken van iedereen in mijn team")
        self.overdue = QCheckBox("Alleen te &laat", self)
        self.overdue.setObjectName("overdueCheck")
        top.addWidget(self.team)
        top.addWidget(self.overdue)
        layout.addLayout(top)
        self.model = TaskModel([
            ("Datum", lambda r: _day(r["task"].datum.isoformat())),
            ("", lambda r: BUCKET_LABELS[r["bucket"]]),
            ("Schuldenaar", lambda r: r["task"].debtor_name + ("  ⚠ risico" if r["task"].risico else "")),
            ("BSN", lambda r: r["task"].bsn or ""),
            ("Taak", lambda r: r["task"].omschrijving.splitlines()[0][:200] if r["task"].omschrijving else ""),
            ("Voor", lambda r: r["task"].voor_naam),
        ], self)
        self.view = _table(self.model, self, "myWorkView", "Mijn taken", (12, 8, 28, 11, 56))
        self.view.activated.connect(lambda index: self._open(index.row()))
        layout.addWidget(self.view, 1)
        self.team.toggled.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        shortcut("F5", self, self.refresh)

    def refresh(self) -> None:
        from caseworker_app.services.contacts import tasks

        ctx, team, overdue, today = self.ctx, self.team.isChecked(), self.overdue.isChecked(), self.today
        ServiceOp(self, lambda: tasks.list_tasks(ctx, mine=not team, team=team, overdue=overdue, day=today,
                                                 limit=10_000)).success(self.show_tasks).run()

    def show_tasks(self, found: list[TaskInfo]) -> None:
        rows = [{"task": t, "bucket": t.bucket(self.today)} for t in found]
        self.model.set_rows(rows)
        counts = {k: sum(1 for r in rows if r["bucket"] == k) for k in ("te_laat", "vandaag", "later")}
        who = "Team" if self.team.isChecked() else "Mijn werk"
        self.summary.setText(f"{who}: {counts['te_laat']} te laat, {counts['vandaag']} vandaag, "
                             f"{counts['later']} later")
        if rows:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.setFocus()

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.open_requested.emit(self.model.rows[row]["task"])


class MyWorkDialog(QDialog):
    """Mijn werk in its own window (Ctrl+Shift+M in the main window); stays open beside the debtor tabs."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myWorkDialog")
        self.setWindowTitle("Mijn werk")
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.work = MyWork(ctx, self)
        layout.addWidget(self.work)


def open_debtor_in(window: Any, debtor_id: int, name: str, bsn: str | None) -> Any:
    """Open (or bring forward) the debtor's tab in the main window; the tab."""
    from caseworker_app.services.dto import DebtorSummary

    summary = DebtorSummary(id=debtor_id, display_name=name, bsn=bsn, rsin=None, doelgroep="particulier",
                            geboortedatum=None, address="", postcode=None, huisnummer=None, matched_by="task")
    return window.open_debtor(summary)


def open_task_in(window: Any, task: TaskInfo) -> None:
    """Open the task's debtor in the main window, on the Contacten tab with the task selected."""
    tab = open_debtor_in(window, task.debtor_id, task.debtor_name, task.bsn)
    if tab is None:
        return
    workspace = tab.workspace

    def land() -> bool:
        contacts_tab = getattr(workspace, "contacts_tab", None)
        if contacts_tab is None or workspace.position is None:
            return False
        workspace.tabs.setCurrentWidget(contacts_tab)
        contacts_tab.select_task(task.id)
        if task.plek == "maatwerk":
            contacts_tab.open_maatwerk_draft(task)
        return True

    if not land():
        def once(_pos: object) -> None:
            workspace.position_shown.disconnect(once)
            land()

        workspace.position_shown.connect(once)


def install(window: Any) -> None:
    """A "Mijn werk" action in the main window's Debtor menu (Ctrl+Shift+M)."""
    from PySide6.QtGui import QAction

    action = QAction("&Mijn werk", window)
    action.setObjectName("actionMyWork")
    action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def show() -> None:
        if window.ctx is None:
            return
        dialog = getattr(window, "my_work_dialog", None)
        if dialog is None or dialog.work.ctx is not window.ctx:
            dialog = MyWorkDialog(window.ctx, window)
            dialog.work.open_requested.connect(lambda task: open_task_in(window, task))
            window.my_work_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.work.refresh()

    action.triggered.connect(show)
    window.ui.menuDebtor.insertAction(window.ui.actionFocusSearch, action)
    window.addAction(action)
    window.action_my_work = action
    from caseworker_app.gui.contacts import guided_call

    guided_call.install(window)  # "Bellen na aanmaning" and the bailiff's "Bezoeklijst"
