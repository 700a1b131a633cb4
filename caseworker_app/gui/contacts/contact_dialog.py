"""The contact dialog: log a call, letter, counter visit, ... with outcome, omstandigheden and a follow-up task.

Made for the keyboard: it opens on the summary with "telefoon (wij belden)" chosen, Tab goes on to the outcome
(type a few letters to pick one), an outcome that asks for follow-up ("terugbellen", "gegevens opgevraagd", ...)
fills in the follow-up task with the next working day, and Ctrl+Enter saves.  So "log an outgoing call with a
summary, an outcome and a follow-up task" is five interactions: Ctrl+K, the text, Tab, a few letters, Ctrl+Enter.

The save runs off the interface thread in one transaction (``services.contacts.add_contact``); when it fails --
the connection dropped, the database refused -- nothing was saved, the message says so and everything typed stays
in the form for a retry.  Pasted rich text arrives as plain text (a plain-text editor).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import CaseworkerError

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Gesprekspartner, Kanaal, Omstandigheid, Uitkomst

from caseworker_app.gui.contacts.contacts_tab import shortcut
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.contacts.dto import ContactInfo
    from caseworker_app.services.context import Context

#: Outcomes that ask for a follow-up, with the task they suggest.
FOLLOW_UP: dict[Uitkomst, str] = {
    Uitkomst.TERUGBELLEN: "Terugbellen",
    Uitkomst.GEGEVENS_OPGEVRAAGD: "Nagaan of de opgevraagde gegevens binnen zijn",
    Uitkomst.GEEN_CONTACT: "Opnieuw proberen te bellen",
    Uitkomst.BETALING_TOEGEZEGD: "Nagaan of de toegezegde betaling binnen is",
    Uitkomst.REGELING_AFGESPROKEN: "Betalingsregeling uitwerken en voorstellen",
    Uitkomst.KWIJTSCHELDING_GEADVISEERD: "Nagaan of het kwijtscheldingsverzoek binnen is",
}


def next_working_day(day: dt.date, days: int = 1) -> dt.date:
    out = day
    while days:
        out += dt.timedelta(days=1)
        if out.weekday() < 5:
            days -= 1
    return out


class ContactDialog(QDialog):
    """Record one contact with a debtor.  ``saved(ContactInfo)`` after it landed."""

    saved = Signal(object)

    def __init__(self, ctx: Context, debtor_id: int, debtor_name: str, parent: QWidget | None = None, *,
                 kanaal: Kanaal = Kanaal.TELEFOON_UIT, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.debtor_id = ctx, debtor_id
        self.today = today or dt.datetime.now().astimezone().date()
        self.saving = False
        self.setObjectName("contactDialog")
        self.setWindowTitle(f"Contact vastleggen — {debtor_name}")
        self.resize(640, 600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kanaal = QComboBox(self)
        self.kanaal.setObjectName("kanaalCombo")
        for k in Kanaal:
            self.kanaal.addItem(vocab.label(k).capitalize(), k.value)
        self.kanaal.setCurrentIndex(self.kanaal.findData(kanaal.value))
        self.met = QComboBox(self)
        self.met.setObjectName("metCombo")
        for m in Gesprekspartner:
            self.met.addItem(vocab.label(m).capitalize(), m.value)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summaryEdit")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText("Wat is er besproken? (tot 20.000 tekens)")
        self.summary.setAccessibleName("Samenvatting")
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcomeCombo")
        self.outcome.addItem("(geen uitkomst)", None)
        for u in Uitkomst:
            self.outcome.addItem(vocab.label(u).capitalize(), u.value)
        self.outcome.setAccessibleName("Uitkomst")
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        form.addRow("&Samenvatting", self.summary)
        form.addRow("&Uitkomst", self.outcome)
        form.addRow("&Kanaal", self.kanaal)
        form.addRow("&Met", self.met)
        layout.addLayout(form)

        self.circumstances = QGroupBox("Bijzondere &omstandigheden (alleen zichtbaar voor wie ze nodig heeft)", self)
        grid = QGridLayout(self.circumstances)
        self.circumstance_checks: dict[str, QCheckBox] = {}
        for n, o in enumerate(Omstandigheid):
            check = QCheckBox(vocab.label(o), self.circumstances)
            check.setObjectName(f"omstandigheid_{o.value}")
            self.circumstance_checks[o.value] = check
            grid.addWidget(check, n // 3, n % 3)
        self.circumstance_note = QLineEdit(self.circumstances)
        self.circumstance_note.setPlaceholderText("Toelichting bij de omstandigheid (optioneel)")
        grid.addWidget(self.circumstance_note, (len(Omstandigheid) + 2) // 3, 0, 1, 3)
        layout.addWidget(self.circumstances)

        self.task_box = QGroupBox("&Vervolgtaak", self)
        self.task_box.setObjectName("taskBox")
        self.task_box.setCheckable(True)
        self.task_box.setChecked(False)
        task_form = QFormLayout(self.task_box)
        self.task_text = QLineEdit(self.task_box)
        self.task_text.setObjectName("taskText")
        self.task_date = QDateEdit(self.task_box)
        self.task_date.setObjectName("taskDate")
        self.task_date.setCalendarPopup(True)
        self.task_date.setDisplayFormat("dd-MM-yyyy")
        self.task_date.setMinimumDate(_qdate(self.today))
        self.task_date.setDate(_qdate(next_working_day(self.today)))
        self.task_for = QLineEdit(self.task_box)
        self.task_for.setObjectName("taskFor")
        self.task_for.setPlaceholderText(f"login (leeg: uzelf, {ctx.actor.login})")
        task_form.addRow("Wat", self.task_text)
        task_form.addRow("Wanneer", self.task_date)
        task_form.addRow("Voor", self.task_for)
        layout.addWidget(self.task_box)

        self.message = QLabel(self)
        self.message.setObjectName("contactMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8c1d18;")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            shortcut(keys, self, self.save)
        self.summary.setFocus()

    def _outcome_changed(self) -> None:
        code = self.outcome.currentData()
        suggestion = FOLLOW_UP.get(Uitkomst(code)) if code else None
        if suggestion and not self.task_text.text().strip():
            self.task_box.setChecked(True)
            self.task_text.setText(suggestion)

    def values(self) -> dict[str, Any]:
        from caseworker_app.services.contacts import TaskInput

        found: list[str | tuple[str, str | None]] = []
        note = self.circumstance_note.text() or None
        for code, check in self.circumstance_checks.items():
            if check.isChecked():
                found.append((code, note))
        task = None
        if self.task_box.isChecked():
            when = self.task_date.date()
            task = TaskInput(self.task_text.text(), dt.date(when.year(), when.month(), when.day()),
                             self.task_for.text().strip() or None)
        return {"kanaal": self.kanaal.currentData(), "met": self.met.currentData(),
                "samenvatting": self.summary.toPlainText(), "uitkomst": self.outcome.currentData(),
                "omstandigheden": found, "taak": task}

    def save(self) -> None:
        if self.saving:
            return
        from caseworker_app.services import contacts

        try:
            values = self.values()
        except CaseworkerError as exc:
            self._failed(exc)
            return
        self.saving = True
        self.buttons.setEnabled(False)
        ctx, debtor_id = self.ctx, self.debtor_id
        ServiceOp(self, lambda: contacts.add_contact(ctx, debtor_id, **values)).success(self._saved).failure(
            self._failed).run()

    def _saved(self, info: ContactInfo) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.saved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """Nothing was saved: say why, keep every field as typed."""
        self.saving = False
        self.buttons.setEnabled(True)
        text = exc.message if isinstance(exc, CaseworkerError) else "Er ging iets mis; er is niets opgeslagen."
        self.message.setText(f"Niet opgeslagen: {text} Uw tekst staat er nog; probeer het opnieuw.")
        self.message.show()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)

