"""The guided call after an aanmaning (vroegsignalering): who to call, why, what to say, and recording it in one go.

:class:`CallList` lists the debtors the signal "bellen na aanmaning" selects (``services.contacts.guided``), each with
the rule that fired; Enter opens :class:`GuidedCallDialog`: the signals (fired or not, with their reasons), the
call's figures, what to say, and the form -- reached or not, a summary, and what the flow offers: agree to work out
a betalingsregeling (a task that opens the maatwerk proposal), a referral to the gemeente or schuldhulp with the
debtor's consent (its follow-up date becomes a task), or a call-back date.
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
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import CaseworkerError

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Verwijzing
from caseworker_app.domain.money import format_date, format_eur

from caseworker_app.gui.contacts.contact_dialog import next_working_day
from caseworker_app.gui.contacts.contacts_tab import DictTableModel, _table, shortcut
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.contacts.guided import CallCandidate, GuidedCall
    from caseworker_app.services.context import Context


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CallList(QDialog):
    """Who to call after an aanmaning; ``open_requested(CallCandidate)`` on Enter."""

    open_requested = Signal(object)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("callList")
        self.setWindowTitle("Bellen na aanmaning")
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = DictTableModel([
            ("Aanmaning", lambda r: format_date(r["c"].aanmaning_op)),
            ("Schuldenaar", lambda r: r["c"].name),
            ("BSN", lambda r: r["c"].bsn or ""),
            ("Telefoon", lambda r: r["c"].telefoon or "onbekend"),
            ("Open", lambda r: format_eur(r["c"].open)),
            ("Waarom", lambda r: r["c"].signal.reason),
        ], self)
        self.view = _table(self.model, self, "callListView", "Bellen na aanmaning", (12, 26, 11, 13, 12))
        self.view.activated.connect(lambda index: self._open(index.row()))
        layout.addWidget(self.view, 1)
        shortcut("F5", self, self.refresh)

    def refresh(self) -> None:
        from caseworker_app.services.contacts import guided

        ctx = self.ctx
        ServiceOp(self, lambda: guided.call_list(ctx)).success(self.show_candidates).run()

    def show_candidates(self, found: list[CallCandidate]) -> None:
        self.model.set_rows([{"c": c} for c in found])
        self.summary.setText(f"{len(found)} schuldenaren om te bellen. Regel: vroegsignalering, bellen na aanmaning "
                             "(invorderingsstrategie §5.3.2): een onbetaalde aanmaning, geen eerdere schulden en nog "
                             "geen persoonlijk contact sinds de aanmaning.")
        if found:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.setFocus()

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.open_requested.emit(self.model.rows[row]["c"])


class GuidedCallDialog(QDialog):
    """One guided call; ``saved(ContactInfo)`` after it was recorded."""

    saved = Signal(object)

    def __init__(self, ctx: Context, call: GuidedCall, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.call = ctx, call
        self.setObjectName("guidedCallDialog")
        self.setWindowTitle(f"Gesprek na aanmaning — {call.name}")
        self.resize(760, 760)
        today = dt.datetime.now().astimezone().date()
        layout = QVBoxLayout(self)
        rule = QLabel(("Waarom bellen: " if call.fired else "Let op: ") + call.rule, self)
        rule.setObjectName("ruleLabel")
        rule.setWordWrap(True)
        rule.setStyleSheet("background: #e7f0fb; color: #154273; padding: 6px;")
        layout.addWidget(rule)
        others = [s for s in call.signals if s.fired and s.code != "bellen_na_aanmaning"]
        if others:
            extra = QLabel("Ook: " + "; ".join(f"{s.title} ({s.reason})" for s in others), self)
            extra.setWordWrap(True)
            layout.addWidget(extra)
        phone = call.telefoon or "geen nummer bekend"
        facts = QLabel(f"Telefoon: {phone}. Open: {format_eur(call.open)}"
                       + (f"; aanmaning van {format_date(call.aanmaning_op)}." if call.aanmaning_op else "."), self)
        layout.addWidget(facts)
        script = QGroupBox("Wat u kunt zeggen", self)
        script_layout = QVBoxLayout(script)
        for n, line in enumerate(call.script, 1):
            text = QLabel(f"{n}. {line}", script)
            text.setWordWrap(True)
            script_layout.addWidget(text)
        layout.addWidget(script)
        form = QFormLayout()
        self.reached = QCheckBox("De schuldenaar is &bereikt", self)
        self.reached.setObjectName("reachedCheck")
        self.reached.setChecked(True)
        form.addRow(self.reached)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("callSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText("Wat is er besproken en afgesproken?")
        form.addRow("&Samenvatting", self.summary)
        self.regeling = QCheckBox("Betalingsregeling afspreken (maakt een taak om het voorstel uit te werken)", self)
        self.regeling.setObjectName("regelingCheck")
        form.addRow(self.regeling)
        layout.addLayout(form)
        self.referral = QGroupBox("&Doorverwijzen", self)
        self.referral.setObjectName("referralBox")
        self.referral.setCheckable(True)
        self.referral.setChecked(False)
        ref_form = QFormLayout(self.referral)
        self.naar = QComboBox(self.referral)
        for v in Verwijzing:
            self.naar.addItem(vocab.label(v).capitalize(), v.value)
        self.organisatie = QLineEdit(self.referral)
        self.organisatie.setPlaceholderText("bijvoorbeeld: Buurtteam Zuid")
        self.consent = QCheckBox("De schuldenaar geeft toestemming om gegevens te delen", self.referral)
        self.consent.setObjectName("consentCheck")
        self.follow_up = QDateEdit(self.referral)
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("dd-MM-yyyy")
        self.follow_up.setMinimumDate(_qdate(today))
        self.follow_up.setDate(_qdate(next_working_day(today, 10)))
        ref_form.addRow("Naar", self.naar)
        ref_form.addRow("Organisatie", self.organisatie)
        ref_form.addRow(self.consent)
        ref_form.addRow("Nagaan op", self.follow_up)
        layout.addWidget(self.referral)
        self.callback = QCheckBox("&Terugbellen op", self)
        self.callback_date = QDateEdit(self)
        self.callback_date.setCalendarPopup(True)
        self.callback_date.setDisplayFormat("dd-MM-yyyy")
        self.callback_date.setMinimumDate(_qdate(today))
        self.callback_date.setDate(_qdate(next_working_day(today)))
        row = QFormLayout()
        row.addRow(self.callback, self.callback_date)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8c1d18;")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        shortcut("Ctrl+Return", self, self.save)
        self.summary.setFocus()

    def save(self) -> None:
        from caseworker_app.services.contacts import ReferralInput, guided

        referral = None
        if self.referral.isChecked():
            when = self.follow_up.date()
            referral = ReferralInput(str(self.naar.currentData()), self.consent.isChecked(),
                                     dt.date(when.year(), when.month(), when.day()), self.organisatie.text() or None)
        callback = None
        if self.callback.isChecked():
            c = self.callback_date.date()
            callback = dt.date(c.year(), c.month(), c.day())
        ctx, debtor_id = self.ctx, self.call.debtor_id
        values: dict[str, Any] = {"bereikt": self.reached.isChecked(), "samenvatting": self.summary.toPlainText(),
                                  "regeling": self.regeling.isChecked(), "verwijzing": referral,
                                  "terugbellen": callback}
        self.buttons.setEnabled(False)
        ServiceOp(self, lambda: guided.record(ctx, debtor_id, **values)).success(self._saved).failure(
            self._failed).run()

    def _saved(self, info: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        text = exc.message if isinstance(exc, CaseworkerError) else "Er ging iets mis; er is niets opgeslagen."
        self.message.setText(f"Niet opgeslagen: {text} Uw tekst staat er nog; probeer het opnieuw.")
        self.message.show()


def install(window: Any) -> None:
    """"Bellen na aanmaning" and "Bezoeklijst" in the main window's Debtor menu."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence

    from caseworker_app.gui.contacts.visits import VisitList

    def calls() -> None:
        if window.ctx is None:
            return
        dialog = CallList(window.ctx, window)

        def open_call(candidate: CallCandidate) -> None:
            from caseworker_app.services.contacts import guided

            from caseworker_app.gui.contacts.my_work import open_debtor_in

            open_debtor_in(window, candidate.debtor_id, candidate.name, candidate.bsn)
            ctx = window.ctx
            ServiceOp(window, lambda: guided.prepare(ctx, candidate.debtor_id)).success(show_call).run()

        def show_call(call: GuidedCall) -> None:
            guided_dialog = GuidedCallDialog(window.ctx, call, window)
            guided_dialog.saved.connect(lambda _i: dialog.refresh())
            tab = window.current_tab()
            if tab is not None:
                guided_dialog.saved.connect(lambda _i: tab.workspace.load(quiet=True))
            window.guided_call_dialog = guided_dialog
            guided_dialog.open()

        dialog.open_requested.connect(open_call)
        window.call_list = dialog
        dialog.show()
        dialog.refresh()

    def route() -> None:
        if window.ctx is None:
            return
        dialog = VisitList(window.ctx, window)
        window.visit_list = dialog
        dialog.show()
        dialog.refresh()

    for name, text, keys, slot in (("actionCallList", "&Bellen na aanmaning", "Ctrl+Shift+B", calls),
                                   ("actionVisitList", "Bezoek&lijst (huisbezoeken)", "Ctrl+Shift+H", route)):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        window.ui.menuDebtor.insertAction(window.ui.actionFocusSearch, action)
        window.addAction(action)
        setattr(window, name.replace("action", "action_").lower(), action)
