"""Proposing a maatwerk measure from the debtor's workspace, with its effect in euros before saving.

The dialog works on the position already on screen: every change of soort, dates, switches or claims recomputes
the effect with the rules engine (``services.maatwerk.preview``, no database, a short debounce), so the officer
sees what the measure changes before saving.  Saving is one service call on the database worker
(``services.maatwerk.propose``); a refusal (fraud and buiten invordering, a date too far back, ...) is shown in the
dialog, and nothing typed is lost.

By keyboard: the reason has the focus when the dialog opens (an invorderingspauze of three months from today is
the default), Ctrl+Return proposes, Escape closes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.maatwerk import REDEN_CODES, SOORTEN
from caseworker_app.domain.measures import PAUZE_ONDERDELEN, MeasureKind
from caseworker_app.domain.money import format_date
from caseworker_app.domain.types import label_of

from caseworker_app.gui import format as fmt
from caseworker_app.gui.date_field import DateField
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.services.context import Context
    from caseworker_app.services.maatwerk import MeasureEffect, Proposal
    from caseworker_app.services.position import DebtPosition

#: soorten with an amount field, and what the amount is
AMOUNT_SOORTEN = frozenset({"geen_verrekening", "kosten_vermindering", "rente_vermindering", "bvv_verhoging"})
PREVIEW_DELAY_MS = 120
DEFAULT_DAYS = 91


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def parse_amount(text: str) -> Decimal | None:
    """"1.250,50" or "1250.50" -> Decimal; empty -> None (the services check the rest)."""
    from caseworker_app.domain.calc.parsing import amount

    cleaned = text.strip().replace("€", "").strip()
    if not cleaned:
        return None
    return amount(cleaned, "bedrag")


class ProposeDialog(QDialog):
    """Propose a measure on the debtor on screen; the effect is shown before saving."""

    #: the proposal was stored (the :class:`~caseworker_app.services.maatwerk.Proposal`)
    proposed = Signal(object)

    def __init__(self, ctx: Context | None, pos: DebtPosition, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maatwerkProposeDialog")
        self.ctx, self.position = ctx, pos
        self.today = today or pos.as_of
        self.effect: MeasureEffect | None = None
        self.error: str | None = None
        self.setWindowTitle(self.tr("Propose maatwerk – {name}").format(name=pos.debtor.display_name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.soort = QComboBox(self)
        self.soort.setObjectName("soortCombo")
        for value in SOORTEN:
            self.soort.addItem(label_of(MeasureKind, value).capitalize(), value)
        form.addRow(self.tr("&Kind of measure"), self.soort)
        dates = QHBoxLayout()
        self.van = DateField(self)
        self.van.setObjectName("vanEdit")
        self.van.setDate(_qdate(self.today))
        self.tot = DateField(self)
        self.tot.setObjectName("totEdit")
        self.tot.setDate(_qdate(self.today + dt.timedelta(days=DEFAULT_DAYS)))
        self.open_ended = QCheckBox(self.tr("&No end date (review instead)"), self)
        self.open_ended.setObjectName("openEndedCheck")
        dates.addWidget(self.van)
        dates.addWidget(QLabel(self.tr("up to and including"), self))
        dates.addWidget(self.tot)
        dates.addWidget(self.open_ended, 1)
        from_label = QLabel(self.tr("&From"), self)
        from_label.setBuddy(self.van)
        form.addRow(from_label, dates)
        switches = QHBoxLayout()
        self.onderdelen: dict[str, QCheckBox] = {}
        titles = {"dwang": self.tr("no enforcement"), "contact": self.tr("no payment contact"),
                  "rente": self.tr("no interest"), "kosten": self.tr("no costs")}
        for key in PAUZE_ONDERDELEN:
            box = QCheckBox(titles[key], self)
            box.setObjectName(f"onderdeel_{key}")
            box.setChecked(True)
            self.onderdelen[key] = box
            switches.addWidget(box)
        self.onderdelen_row = QWidget(self)
        self.onderdelen_row.setLayout(switches)
        form.addRow(self.tr("Pause covers"), self.onderdelen_row)
        self.bedrag = QLineEdit(self)
        self.bedrag.setObjectName("bedragEdit")
        self.bedrag.setPlaceholderText("0,00")
        form.addRow(self.tr("&Amount"), self.bedrag)
        self.claims = QListWidget(self)
        self.claims.setObjectName("claimsList")
        self.claims.setMaximumHeight(110)
        for claim in pos.claims:
            item = QListWidgetItem(f"{claim.reference}  {claim.middel_label}  {fmt.eur(claim.open)}", self.claims)
            item.setData(Qt.ItemDataRole.UserRole, claim.reference)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        form.addRow(self.tr("Claims (none ticked: all)"), self.claims)
        self.reden_code = QComboBox(self)
        self.reden_code.setObjectName("redenCodeCombo")
        for code, text in REDEN_CODES.items():
            self.reden_code.addItem(text, code)
        self.reden_code.setCurrentIndex(self.reden_code.findData("anders"))
        form.addRow(self.tr("Reason (&list)"), self.reden_code)
        self.reden = QPlainTextEdit(self)
        self.reden.setObjectName("redenEdit")
        self.reden.setTabChangesFocus(True)
        self.reden.setPlaceholderText(self.tr("In your own words: what is going on, what was agreed"))
        self.reden.setMaximumHeight(80)
        form.addRow(self.tr("&Reason"), self.reden)
        layout.addLayout(form)
        effect_title = QLabel(self.tr("<b>Effect</b> (computed by the rules, before saving)"), self)
        layout.addWidget(effect_title)
        self.effect_view = QTextBrowser(self)
        self.effect_view.setObjectName("effectView")
        self.effect_view.setMinimumHeight(150)
        self.effect_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.effect_view, 1)
        self.buttons = QDialogButtonBox(self)
        self.propose_button = self.buttons.addButton(self.tr("&Propose"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.propose_button.setObjectName("proposeButton")
        self.propose_button.setToolTip(self.tr("Store the proposal; a team lead decides (Ctrl+Return)"))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.submit_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.submit_shortcut.activated.connect(self.submit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_effect)
        for signal in (self.soort.currentIndexChanged, self.van.dateChanged, self.tot.dateChanged,
                       self.open_ended.toggled, self.bedrag.textChanged, self.claims.itemChanged,
                       self.reden_code.currentIndexChanged, *(b.toggled for b in self.onderdelen.values())):
            signal.connect(self._schedule)
        self.soort.currentIndexChanged.connect(self._soort_changed)
        self.open_ended.toggled.connect(lambda on: self.tot.setEnabled(not on))
        self._soort_changed()
        self.update_effect()
        self.resize(760, 640)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reden.setFocus(Qt.FocusReason.PopupFocusReason)  # the defaults stand; the reason is what is left

    # ---- input ---------------------------------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        """The proposal as the services take it (raises ``ValidationError`` for an amount that is no amount)."""
        soort = str(self.soort.currentData())
        chosen = [self.claims.item(i) for i in range(self.claims.count())]
        return {
            "soort": soort,
            "van": _date(self.van.date()),
            "tot": None if self.open_ended.isChecked() else _date(self.tot.date()),
            "onderdelen": tuple(k for k, b in self.onderdelen.items() if b.isChecked())
            if soort == MeasureKind.INVORDERINGSPAUZE.value else None,
            "bedrag": parse_amount(self.bedrag.text()) if soort in AMOUNT_SOORTEN else None,
            "vorderingen": tuple(str(i.data(Qt.ItemDataRole.UserRole)) for i in chosen
                                 if i.checkState() == Qt.CheckState.Checked),
            "reden_code": str(self.reden_code.currentData()),
            "reden": self.reden.toPlainText(),
        }

    @Slot()
    def _soort_changed(self) -> None:
        soort = str(self.soort.currentData())
        self.onderdelen_row.setEnabled(soort == MeasureKind.INVORDERINGSPAUZE.value)
        self.bedrag.setEnabled(soort in AMOUNT_SOORTEN)

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    # ---- the effect ------------------------------------------------------------------------------------------
    @Slot()
    def update_effect(self) -> None:
        """Recompute the effect now (the rules engine over the position on screen; no database)."""
        from caseworker_app.services import maatwerk

        self._timer.stop()
        fields = self.fields_or_error()
        if fields is None:
            return
        fields["reden"] = fields["reden"].strip() or "-"  # the effect does not depend on the reason's words
        try:
            _draft, effect = maatwerk.preview(self.position, today=self.today, **fields)
        except UserFacingError as exc:
            self.show_problem(exc.message)
            return
        self.effect, self.error = effect, None
        rows = "".join(f"<tr><td>{_esc(s.description)}</td><td align='right'><b>{_esc(s.value or '')}</b></td></tr>"
                       for s in effect.explanation)
        verschil = self.tr("The debtor pays {amount} less on {date}").format(
            amount=fmt.eur(effect.verschil), date=format_date(effect.peildatum))
        self.effect_view.setHtml(f"<p><b>{_esc(verschil)}</b></p><table cellspacing='4'>{rows}</table>")
        self.propose_button.setEnabled(True)

    def fields_or_error(self) -> dict[str, Any] | None:
        try:
            return self.fields()
        except UserFacingError as exc:
            self.show_problem(exc.message)
            return None

    def show_problem(self, message: str) -> None:
        self.effect, self.error = None, message
        self.effect_view.setHtml(f"<p style='color:#a4262c'><b>{_esc(message)}</b></p>")
        self.propose_button.setEnabled(False)

    # ---- saving ----------------------------------------------------------------------------------------------
    @Slot()
    def submit(self) -> None:
        """Store the proposal on the database worker; a refusal stays in the dialog with everything typed."""
        self.update_effect()
        if self.error is not None or self.ctx is None:
            return
        fields = self.fields_or_error()
        if fields is None:
            return
        if not fields["reden"].strip():
            self.show_problem(self.tr("Give the reason in your own words."))
            self.reden.setFocus()
            return
        ctx, identifier, today = self.ctx, self.position.debtor.bsn or self.position.debtor.rsin or "", self.today

        def work() -> Proposal:
            from caseworker_app.services import maatwerk

            return maatwerk.propose(ctx, identifier, today=today, **fields)

        self.propose_button.setEnabled(False)
        ServiceOp(self, work).success(self._proposed).failure(self._refused).run()

    def _proposed(self, proposal: Proposal) -> None:
        self.proposed.emit(proposal)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            self.show_problem(exc.message)
            return
        from caseworker_app.gui.errors import show_error

        self.propose_button.setEnabled(True)
        show_error(self, exc)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
