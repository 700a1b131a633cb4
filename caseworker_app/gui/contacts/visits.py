"""The bailiff's home visits in the window: the route list (by postcode) and the visit report form (issue 11).

The route list shows the planned visits of the bailiff (or everyone's), sorted by postcode so the day's visits make
a route; a debtor marked "risk to staff" is marked on the list in red with the reason.  Enter on a visit opens the
visit report form; saving it records the report, the contact, the risk marking and the follow-up task in one
transaction, and the printable report (PDF) can be saved straight after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import CaseworkerError

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Advies

from caseworker_app.gui.contacts.contacts_tab import DictTableModel, _day, _table, shortcut
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.contacts.dto import VisitInfo, VisitReportInfo
    from caseworker_app.services.context import Context


class VisitModel(DictTableModel):
    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and self.rows[index.row()]["visit"].risico:
            return QColor("#8c1d18")
        return super().data(index, role)


class VisitList(QDialog):
    """The bailiff's planned visits, by postcode; Enter opens the report form of the selected visit."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("visitList")
        self.setWindowTitle("Bezoeklijst")
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(self)
        top.addWidget(self.summary, 1)
        self.everyone = QCheckBox("&Alle deurwaarders", self)
        self.by_date = QCheckBox("Op &datum", self)
        top.addWidget(self.everyone)
        top.addWidget(self.by_date)
        layout.addLayout(top)
        self.model = VisitModel([
            ("Postcode", lambda r: r["visit"].postcode or ""),
            ("Datum", lambda r: _day(r["visit"].gepland_op.isoformat())),
            ("Schuldenaar", lambda r: r["visit"].debtor_name),
            ("Adres", lambda r: r["visit"].address),
            ("Doel", lambda r: r["visit"].doel or ""),
            ("Let op", lambda r: f"⚠ RISICO: {r['visit'].risico}" if r["visit"].risico else ""),
            ("Deurwaarder", lambda r: r["visit"].bailiff),
        ], self)
        self.view = _table(self.model, self, "visitsView", "Geplande huisbezoeken", (9, 12, 24, 34, 24, 24))
        self.view.activated.connect(lambda index: self.open_report(index.row()))
        layout.addWidget(self.view, 1)
        self.everyone.toggled.connect(self.refresh)
        self.by_date.toggled.connect(self.refresh)
        shortcut("F5", self, self.refresh)
        self.form: VisitReportDialog | None = None

    def refresh(self) -> None:
        from caseworker_app.services.contacts import visits

        ctx, everyone, sort = self.ctx, self.everyone.isChecked(), "datum" if self.by_date.isChecked() else "postcode"
        ServiceOp(self, lambda: visits.planned_visits(ctx, bailiff=None if everyone else "", sort=sort)).success(
            self.show_visits).run()

    def show_visits(self, found: list[VisitInfo]) -> None:
        self.model.set_rows([{"visit": v} for v in found])
        risky = sum(1 for v in found if v.risico)
        self.summary.setText(f"{len(found)} geplande bezoeken" + (f", {risky} met risico voor medewerkers"
                                                                   if risky else ""))
        if found:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.setFocus()

    def open_report(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        visit = self.model.rows[row]["visit"]
        self.form = VisitReportDialog(self.ctx, visit.debtor_id, visit.debtor_name, self, visit_id=visit.id,
                                      risico=visit.risico)
        self.form.saved.connect(lambda _r: self.refresh())
        self.form.open()


class VisitReportDialog(QDialog):
    """The visit report form: met or not, living situation, household, vulnerability, goods, advice, risk."""

    saved = Signal(object)

    def __init__(self, ctx: Context, debtor_id: int, debtor_name: str, parent: QWidget | None = None, *,
                 visit_id: int | None = None, risico: str | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.debtor_id, self.visit_id = ctx, debtor_id, visit_id
        self.report: VisitReportInfo | None = None
        self.setObjectName("visitReportDialog")
        self.setWindowTitle(f"Bezoekverslag — {debtor_name}")
        self.resize(720, 720)
        layout = QVBoxLayout(self)
        if risico:
            warning = QLabel(f"Risico voor medewerkers: {risico}", self)
            warning.setObjectName("visitRiskBanner")
            warning.setWordWrap(True)
            warning.setStyleSheet("background: #fde7e6; color: #8c1d18; border: 1px solid #b3261e; padding: 4px;")
            layout.addWidget(warning)
        form = QFormLayout()
        self.met = QComboBox(self)
        self.met.setObjectName("aangetroffenCombo")
        self.met.addItem("Ja, aangetroffen", True)
        self.met.addItem("Nee, niemand aangetroffen", False)
        form.addRow("&Aangetroffen", self.met)
        self.fields: dict[str, QPlainTextEdit] = {}
        for key, title, hint in (
            ("woonsituatie", "&Woonsituatie", "Soort woning, staat, wie er woont"),
            ("huishouden", "&Huishouden", "Partner, kinderen, anderen in huis"),
            ("kwetsbaarheid", "&Kwetsbaarheid", "Signalen: gezondheid, verwarring, armoede, verslaving …"),
            ("goederen", "&Goederen van waarde", "Wat u zag: auto, apparatuur, inboedel"),
            ("bevindingen", "&Bevindingen", "Wat u zag en hoorde; wat er is afgesproken"),
            ("risico", "&Risico voor medewerkers", "Alleen invullen bij gevaar: markeert de schuldenaar"),
        ):
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"{key}Edit")
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(hint)
            edit.setMaximumHeight(70 if key != "bevindingen" else 120)
            self.fields[key] = edit
            form.addRow(title, edit)
        self.advice = QComboBox(self)
        self.advice.setObjectName("adviesCombo")
        for a in Advies:
            self.advice.addItem(vocab.label(a).capitalize(), a.value)
        form.addRow("Ad&vies", self.advice)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8c1d18;")
        self.message.hide()
        layout.addWidget(self.message)
        self.pdf_button = QPushButton("Verslag als &PDF…", self)
        self.pdf_button.setObjectName("visitPdfButton")
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        shortcut("Ctrl+Return", self, self.save)
        self.fields["woonsituatie"].setFocus()

    def save(self) -> None:
        if self.report is not None:
            return
        from caseworker_app.services.contacts import visits

        values: dict[str, Any] = {k: (e.toPlainText() or None) for k, e in self.fields.items()}
        ctx, debtor_id, visit_id = self.ctx, self.debtor_id, self.visit_id
        met, advies = bool(self.met.currentData()), str(self.advice.currentData())
        self.buttons.setEnabled(False)
        ServiceOp(self, lambda: visits.report_visit(ctx, debtor_id, aangetroffen=met, advies=advies,
                                                    visit_id=visit_id, **values)).success(self._saved).failure(
            self._failed).run()

    def _saved(self, report: VisitReportInfo) -> None:
        self.report = report
        self.buttons.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.pdf_button.setEnabled(True)
        follow = f" Taak voor {report.taak.voor_naam}: {report.taak.omschrijving}." if report.taak else ""
        self.message.setStyleSheet("color: #154273;")
        self.message.setText(f"Bezoekverslag {report.id} vastgelegd.{follow}")
        self.message.show()
        self.saved.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        text = exc.message if isinstance(exc, CaseworkerError) else "Er ging iets mis; er is niets opgeslagen."
        self.message.setText(f"Niet opgeslagen: {text} Uw tekst staat er nog; probeer het opnieuw.")
        self.message.show()

    def save_pdf(self) -> None:
        if self.report is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, "Bezoekverslag opslaan", f"bezoekverslag-{self.report.id}"
                                                    ".pdf", "PDF (*.pdf)")
        if not path:
            return
        from caseworker_app.services.contacts import visits

        ctx, report_id = self.ctx, self.report.id
        ServiceOp(self, lambda: visits.write_visit_report(ctx, report_id, path, force=True)).success(
            lambda written: self.message.setText(f"Bezoekverslag opgeslagen als {written}.")).failure(
            self._failed).run()
