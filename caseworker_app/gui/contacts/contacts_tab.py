"""The "Contacten" tab of the debtor workspace: the contact log, the debtor's tasks and flags (issue 11).

Everything comes from the position the workspace already loaded (its JSON sections ``contacts``, ``tasks`` and the
flags), so opening the tab costs no query; a table model over plain dicts keeps 2,000 contacts well under the
100 ms the issue asks.  Bijzondere omstandigheden are not in the position: "Omstandigheden tonen" reads them through
the logged inzage, for the roles that may, and only when asked.

Keys: Ctrl+K log a contact, Ctrl+Shift+K correct the selected one; the task list: Enter marks a task done, or, for a
task from advice to propose maatwerk, opens the maatwerk proposal with the reason drafted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import CaseworkerError

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Gesprekspartner, Kanaal, Uitkomst

from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.context import Context
    from caseworker_app.services.position import DebtPosition

_KANAAL = {k.value: vocab.label(k) for k in Kanaal}
_MET = {m.value: vocab.label(m) for m in Gesprekspartner}
_UITKOMST = {u.value: vocab.label(u) for u in Uitkomst}
Index = QModelIndex | QPersistentModelIndex


class DictTableModel(QAbstractTableModel):
    """Rows of plain dicts, columns as (title, function of the row)."""

    def __init__(self, columns: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and row.get("actueel") is False:
            return QColor("#6b6b6b")  # an entry corrected later: still shown, greyed
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:200]


def _correction(row: dict[str, Any]) -> str:
    parts = []
    if row.get("corrigeert"):
        parts.append(f"corrigeert {row['corrigeert']}")
    if row.get("gecorrigeerd_door"):
        parts.append(f"gecorrigeerd door {row['gecorrigeerd_door']}")
    return "; ".join(parts)


class ContactsTab(QWidget):
    """The contact log of one debtor, with its tasks and flags."""

    #: something was recorded: the workspace reloads quietly
    changed = Signal()

    def __init__(self, ctx: Context | None, debtor_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.debtor_id = ctx, debtor_id
        self.setObjectName("contactsTab")
        self.debtor_name = ""
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.risk = QLabel(self)
        self.risk.setObjectName("riskBanner")
        self.risk.setWordWrap(True)
        self.risk.setStyleSheet("background: #fde7e6; color: #8c1d18; border: 1px solid #b3261e; padding: 4px;")
        self.risk.hide()
        layout.addWidget(self.risk)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Contact vastleggen… (Ctrl+K)", self)
        self.add_button.setObjectName("addContactButton")
        self.add_button.clicked.connect(self.open_contact_dialog)
        self.correct_button = QPushButton("Co&rrigeren…", self)
        self.correct_button.setObjectName("correctContactButton")
        self.correct_button.clicked.connect(self.correct_selected)
        self.circumstances_button = QPushButton("Bijzondere &omstandigheden tonen", self)
        self.circumstances_button.setObjectName("showCircumstancesButton")
        self.circumstances_button.setToolTip("Bijzondere persoonsgegevens: wordt vastgelegd als inzage")
        self.circumstances_button.clicked.connect(self.show_circumstances)
        self.risk_button = QPushButton("&Risico markeren…", self)
        self.risk_button.setObjectName("markRiskButton")
        self.risk_button.clicked.connect(self.mark_risk)
        self.end_flag_button = QPushButton("Markering &beëindigen…", self)
        self.end_flag_button.setObjectName("endFlagButton")
        self.end_flag_button.clicked.connect(self.end_flag)
        for b in (self.add_button, self.correct_button, self.circumstances_button, self.risk_button,
                  self.end_flag_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = DictTableModel([
            ("Datum", lambda r: _day(r["datum"])),
            ("Kanaal", lambda r: _KANAAL.get(r["kanaal"], r["kanaal"])),
            ("Met", lambda r: _MET.get(r["met"], r["met"])),
            ("Uitkomst", lambda r: _UITKOMST.get(r["uitkomst"] or "", "")),
            ("Samenvatting", lambda r: _first_line(r["samenvatting"])),
            ("Door", lambda r: r["door"]),
            ("Nr.", lambda r: str(r["id"])),
            ("Correctie", _correction),
        ], self)
        self.view = _table(self.model, split, "contactsView", "Contactlogboek", (12, 22, 18, 24, 50, 12, 5, 20))
        self.view.selectionModel().currentRowChanged.connect(self._show_text)
        self.text = QPlainTextEdit(split)
        self.text.setObjectName("contactText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Volledige samenvatting")
        self.tasks = DictTableModel([
            ("Datum", lambda r: _day(r["datum"]) + ("  (te laat)" if r.get("te_laat") else "")),
            ("Taak", lambda r: _first_line(r["omschrijving"])),
            ("Voor", lambda r: r.get("voor_naam") or r["voor"]),
            ("Status", lambda r: r["status"]),
        ], self)
        self.tasks_view = _table(self.tasks, split, "debtorTasksView", "Taken bij deze schuldenaar", (22, 60, 20))
        self.tasks_view.activated.connect(self._task_done)
        split.setSizes([400, 120, 160])
        layout.addWidget(split, 1)
        self.flags: list[Any] = []
        shortcut("Ctrl+Shift+K", self, self.correct_selected, local=True)

    # ---- showing -------------------------------------------------------------------------------------------
    def show_position(self, pos: DebtPosition) -> None:
        self.debtor_name = pos.debtor.display_name
        self.debtor_id = pos.debtor.id
        current = self.view.currentIndex().data(Qt.ItemDataRole.UserRole)
        self.model.set_rows(list(pos.sections.get("contacts", ())))
        self.tasks.set_rows(list(pos.sections.get("tasks", ())))
        self.flags = [f for f in pos.flags if f.code.startswith(vocab.FLAG_PREFIX) or f.code == vocab.RISICO]
        risk = next((f for f in pos.flags if f.code == vocab.RISICO), None)
        self.risk.setText(f"Risico voor medewerkers: {risk.detail}" if risk else "")
        self.risk.setVisible(risk is not None)
        if current is not None:
            self.select_contact(current["id"])
        elif self.model.rows:
            self.view.setCurrentIndex(self.model.index(0, 0))
        may_record = self.ctx is not None and self.ctx.can(_record())
        for b in (self.add_button, self.correct_button, self.risk_button, self.end_flag_button):
            b.setEnabled(may_record)
        self.circumstances_button.setEnabled(may_record)

    def select_contact(self, contact_id: int | None) -> bool:
        for n, row in enumerate(self.model.rows):
            if row["id"] == contact_id:
                self.view.setCurrentIndex(self.model.index(n, 0))
                self.view.scrollTo(self.model.index(n, 0))
                return True
        return False

    def select_task(self, task_id: int) -> bool:
        for n, row in enumerate(self.tasks.rows):
            if row["id"] == task_id:
                self.tasks_view.setCurrentIndex(self.tasks.index(n, 0))
                self.tasks_view.setFocus()
                if row.get("contact_id"):
                    self.select_contact(row["contact_id"])
                return True
        return False

    def _show_text(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(Qt.ItemDataRole.UserRole)
        self.text.setPlainText(row["samenvatting"] if row else "")

    # ---- actions -------------------------------------------------------------------------------------------
    def open_contact_dialog(self) -> None:
        if self.ctx is None or self.debtor_id is None or not self.ctx.can(_record()):
            return
        from caseworker_app.gui.contacts.contact_dialog import ContactDialog

        dialog = ContactDialog(self.ctx, self.debtor_id, self.debtor_name, self)
        dialog.saved.connect(lambda _info: self.changed.emit())
        self.dialog = dialog
        dialog.open()

    def correct_selected(self) -> None:
        row = self.view.currentIndex().data(Qt.ItemDataRole.UserRole)
        if self.ctx is None or row is None:
            return
        if row.get("gecorrigeerd_door"):
            self.select_contact(row["gecorrigeerd_door"])
            row = self.view.currentIndex().data(Qt.ItemDataRole.UserRole)
        text, ok = QInputDialog.getMultiLineText(self, "Contact corrigeren",
                                                 "De juiste samenvatting (het oude contact blijft zichtbaar):",
                                                 row["samenvatting"])
        if not ok:
            return
        from caseworker_app.services import contacts

        ctx, contact_id = self.ctx, row["id"]
        self._run(lambda: contacts.correct_contact(ctx, contact_id, samenvatting=text))

    def show_circumstances(self) -> None:
        if self.ctx is None or self.debtor_id is None:
            return
        from caseworker_app.services import contacts

        ctx, debtor_id = self.ctx, self.debtor_id
        ServiceOp(self, lambda: contacts.omstandigheden_of(ctx, debtor_id)).success(self._circumstances).failure(
            self._failed).run()

    def _circumstances(self, found: list[Any]) -> None:
        if not found:
            text = "Er zijn geen bijzondere omstandigheden vastgelegd."
        else:
            text = "\n".join(f"• {vocab.label(vocab.Omstandigheid(o.code))}"
                             + (f": {o.toelichting}" if o.toelichting else "")
                             + (f" (contact {o.contact_id}, {o.door})" if o.contact_id else f" ({o.door})")
                             for o in found)
        box = QMessageBox(QMessageBox.Icon.Information, "Bijzondere omstandigheden",
                          text + "\n\nDeze inzage is vastgelegd.", QMessageBox.StandardButton.Close, self)
        box.setObjectName("circumstancesBox")
        self.dialog = box
        box.open()

    def mark_risk(self) -> None:
        if self.ctx is None or self.debtor_id is None:
            return
        reason, ok = QInputDialog.getText(self, "Risico voor medewerkers", "Waarom? (staat op elk scherm van deze "
                                          "schuldenaar en op de bezoeklijst)")
        if not ok:
            return
        from caseworker_app.services import contacts

        ctx, debtor_id = self.ctx, self.debtor_id
        self._run(lambda: contacts.mark_risk(ctx, debtor_id, reason))

    def end_flag(self) -> None:
        if self.ctx is None or self.debtor_id is None:
            return
        from caseworker_app.services import contacts

        ctx, debtor_id = self.ctx, self.debtor_id
        active = list(contacts.flags_of(ctx, debtor_id, active_only=True))
        if not active:
            QMessageBox.information(self, "Markering beëindigen", "Deze schuldenaar heeft geen markeringen.")
            return
        names = [f"{f.label} (sinds {_day(f.raised_on.isoformat())})" for f in active]
        choice, ok = QInputDialog.getItem(self, "Markering beëindigen", "Welke markering?", names, 0, False)
        if not ok:
            return
        flag = active[names.index(choice)]
        reason, ok = QInputDialog.getText(self, "Markering beëindigen", "Waarom geldt deze markering niet meer?")
        if ok:
            self._run(lambda: contacts.end_flag(ctx, flag.id, reason))

    def open_maatwerk_draft(self, task: Any) -> Any:
        """A task from advice to propose maatwerk (a bailiff's visit report, a guided call): open the maatwerk
        proposal on this debtor with the reason drafted from the task and the contact it came from."""
        from caseworker_app.gui.maatwerk import open_propose_dialog

        workspace = self.parent()
        while workspace is not None and not hasattr(workspace, "position_shown"):
            workspace = workspace.parent()
        if workspace is None:
            return None
        dialog = open_propose_dialog(workspace)  # type: ignore[arg-type]
        if dialog is None:
            return None
        omschrijving = task["omschrijving"] if isinstance(task, dict) else task.omschrijving
        contact_id = task.get("contact_id") if isinstance(task, dict) else task.contact_id
        source = next((r["samenvatting"] for r in self.model.rows if r["id"] == contact_id), "")
        draft = f"{omschrijving}.\n{source}".strip()
        reden = getattr(dialog, "reden", None)
        if reden is not None and not reden.toPlainText().strip():
            reden.setPlainText(draft)
        self.dialog = dialog  # type: ignore[assignment]
        return dialog

    def _task_done(self, index: QModelIndex) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if self.ctx is None or row is None or row["status"] != "open":
            return
        if row.get("plek") == "maatwerk":
            self.open_maatwerk_draft(row)
            return
        from caseworker_app.services.contacts import tasks

        ctx, task_id = self.ctx, row["id"]
        self._run(lambda: tasks.done(ctx, task_id))

    def _run(self, work: Any) -> None:
        ServiceOp(self, work).success(lambda _r: self.changed.emit()).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        text = exc.message if isinstance(exc, CaseworkerError) else "Er ging iets mis; er is niets opgeslagen."
        QMessageBox.warning(self, "Niet gelukt", text)


def shortcut(keys: str, parent: QWidget, slot: Any, *, local: bool = False) -> QShortcut:
    """A keyboard shortcut on ``parent`` (``local``: only while focus is inside it)."""
    found = QShortcut(QKeySequence(keys), parent)
    found.activated.connect(slot)
    if local:
        found.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return found


def _record() -> Any:
    from caseworker_app.domain.permissions import Permission

    return Permission.RECORD_CONTACT


def _day(iso: str) -> str:
    return f"{iso[8:10]}-{iso[5:7]}-{iso[0:4]}" if iso else ""


def _table(model: QAbstractTableModel, parent: QWidget, name: str, accessible: str,
           widths: tuple[int, ...] = ()) -> QTableView:
    """A read-only row table; ``widths`` in characters per column (measured from the font, never from the cells:
    measuring thousands of cells would cost more than the 100 ms a list may take), the last column stretches."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    char = view.fontMetrics().averageCharWidth()
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width * char + 16)
    return view


def attach(workspace: Any) -> ContactsTab:
    """Add the tab to a debtor workspace and keep it in step with the positions it shows."""
    tab = ContactsTab(workspace.ctx, workspace.debtor_id, workspace.tabs)
    workspace.tabs.addTab(tab, "C&ontacten")
    workspace.position_shown.connect(tab.show_position)
    tab.changed.connect(lambda: workspace.load(quiet=True))
    # from anywhere in the debtor's workspace, whichever tab is showing
    shortcut("Ctrl+K", workspace, tab.open_contact_dialog, local=True)
    return tab
