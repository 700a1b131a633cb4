"""Contacts in the window by keyboard alone (issue 11): every key press and every typed text is counted.

* from an open debtor: log an outgoing call with a summary, an outcome and a follow-up task in at most 5;
* from "Mijn werk": open a task's debtor in at most 2, landing on the Contacten tab with the task selected;
* a save that fails keeps the typed text in the form.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from caseworker_app.services import contacts
from caseworker_app.services.contacts import tasks
from caseworker_app.services.contacts.records import TaskInput

from caseworker_app.gui.contacts.contact_dialog import ContactDialog
from caseworker_app.gui.contacts.my_work import MyWorkDialog
from caseworker_app.gui.debtor_tab import DebtorTab

pytestmark = pytest.mark.gui
TODAY = dt.datetime.now().astimezone().date()


class Keyboard:
    """qtbot's key presses, counted: a key (with modifiers) is one, a typed text is one."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.count = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(self.focused(), key, modifiers)

    def type(self, text: str) -> None:
        self.count += 1
        self.qtbot.keyClicks(self.focused(), text)


@pytest.fixture
def open_tab(window, ctx, seeded, qtbot) -> DebtorTab:  # type: ignore[no-untyped-def]
    window.show()
    window.set_context(ctx)
    window.open_debtor(_summary(seeded.jansen, "Jan Jansen"))
    tab = window.current_tab()
    assert isinstance(tab, DebtorTab) and tab.workspace.position is not None
    window.activateWindow()
    tab.workspace.claims_view.setFocus()
    qtbot.waitUntil(lambda: tab.workspace.claims_view.hasFocus(), timeout=10_000)
    return tab


def _summary(debtor_id: int, name: str):  # type: ignore[no-untyped-def]
    from caseworker_app.services.dto import DebtorSummary

    return DebtorSummary(id=debtor_id, display_name=name, bsn="111222333", rsin=None, doelgroep="particulier",
                         geboortedatum=None, address="", postcode=None, huisnummer=None, matched_by="identifier")


def _dialog(qtbot, tab: DebtorTab) -> ContactDialog:  # type: ignore[no-untyped-def]
    contacts_tab = tab.workspace.contacts_tab
    qtbot.waitUntil(lambda: isinstance(contacts_tab.dialog, ContactDialog) and contacts_tab.dialog.isVisible(),
                    timeout=10_000)
    assert isinstance(contacts_tab.dialog, ContactDialog)
    return contacts_tab.dialog


def test_log_an_outgoing_call_with_outcome_and_follow_up_task_in_five(open_tab, ctx, seeded, qtbot) -> None:
    keys = Keyboard(qtbot)
    keys.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # 1: from the open debtor, the contact dialog
    dialog = _dialog(qtbot, open_tab)
    qtbot.waitUntil(lambda: dialog.summary.hasFocus(), timeout=10_000)
    keys.type("Gebeld na de aanmaning; mevrouw belt terug als ze haar loonstrook heeft.")  # 2
    keys.key(Qt.Key.Key_Tab)  # 3: on to the outcome
    assert dialog.outcome.hasFocus()
    keys.type("terug")  # 4: picks "terugbellen afgesproken", which proposes the follow-up task
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # 5: save
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert keys.count <= 5
    saved = contacts.list_contacts(ctx, seeded.jansen)
    assert [(c.kanaal, c.uitkomst) for c in saved] == [("telefoon_uit", "terugbellen")]
    assert saved[0].samenvatting == "Gebeld na de aanmaning; mevrouw belt terug als ze haar loonstrook heeft."
    [task] = tasks.list_tasks(ctx, debtor_id=seeded.jansen)
    assert task.omschrijving == "Terugbellen" and task.datum > TODAY and task.contact_id == saved[0].id
    ws = open_tab.workspace
    qtbot.waitUntil(lambda: ws.contacts_tab.model.rowCount() == 1, timeout=10_000)  # the workspace refreshed


def test_from_my_work_open_a_tasks_debtor_in_two(window, ctx, seeded, qtbot) -> None:
    tasks.add_task(ctx, seeded.de_vries, TaskInput("Loonstrook nakijken", TODAY + dt.timedelta(days=4)))
    urgent = tasks.add_task(ctx, seeded.jansen, TaskInput("Terugbellen over de regeling", TODAY))
    window.show()
    window.set_context(ctx)
    window.action_my_work.trigger()  # Mijn werk is open (Ctrl+Shift+M); from here the interactions count
    dialog = window.my_work_dialog
    assert isinstance(dialog, MyWorkDialog)
    work = dialog.work
    assert work.summary.text() == "Mijn werk: 0 te laat, 1 vandaag, 1 later"
    dialog.activateWindow()
    work.view.setFocus()
    qtbot.waitUntil(lambda: work.view.hasFocus(), timeout=10_000)
    keys = Keyboard(qtbot)
    keys.key(Qt.Key.Key_Return)  # 1: the most urgent task, already selected
    assert keys.count <= 2
    tab = window.current_tab()
    assert isinstance(tab, DebtorTab) and tab.debtor_id == seeded.jansen
    ws = tab.workspace
    qtbot.waitUntil(lambda: ws.tabs.currentWidget() is ws.contacts_tab, timeout=10_000)
    selected = ws.contacts_tab.tasks_view.currentIndex().data(Qt.ItemDataRole.UserRole)
    assert selected["id"] == urgent.id


def test_a_failed_save_keeps_what_was_typed(open_tab, ctx, seeded, qtbot, monkeypatch) -> None:
    from caseworker_app.services.contacts import records

    def dropped(*_a: object, **_k: object) -> None:
        raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(records, "record_contact", dropped)
    ws = open_tab.workspace
    ws.contacts_tab.open_contact_dialog()
    dialog = _dialog(qtbot, open_tab)
    text = "Lang gesprek\nmet twee regels en een emoji 🙂 en Arabisch: مرحبا"
    dialog.summary.setPlainText(text)
    dialog.save()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert "Niet opgeslagen" in dialog.message.text() and "niet bereikbaar" in dialog.message.text()
    assert dialog.summary.toPlainText() == text
    monkeypatch.undo()
    dialog.save()  # the retry lands
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert [c.samenvatting for c in contacts.list_contacts(ctx, seeded.jansen)] == [text]


def test_the_risk_marking_shows_on_the_debtors_screen(open_tab, ctx, seeded, qtbot) -> None:
    contacts.mark_risk(ctx, seeded.jansen, "Dreigde met geweld aan de balie")
    ws = open_tab.workspace
    ws.load(quiet=True)
    qtbot.waitUntil(lambda: ws.header.findChild(QWidget, "flag_risico_medewerkers") is not None, timeout=10_000)
    assert "Dreigde met geweld" in ws.contacts_tab.risk.text()


def test_a_visit_report_advising_maatwerk_opens_a_proposal_draft_for_the_caseworker(window, ctx, seeded, qtbot):
    from caseworker_app.services.contacts import visits

    visits.plan_visit(ctx, seeded.jansen, TODAY, doel="Beslag beoordelen")
    report = visits.report_visit(ctx, seeded.jansen, aangetroffen=True, advies="maatwerk",
                                 bevindingen="Drie kinderen, geen inkomen boven de bijstand.")
    assert report.taak is not None and report.taak.plek == "maatwerk"
    window.show()
    window.set_context(ctx)
    window.action_my_work.trigger()
    dialog = window.my_work_dialog
    assert isinstance(dialog, MyWorkDialog)
    dialog.work.view.setFocus()
    qtbot.waitUntil(lambda: dialog.work.view.hasFocus(), timeout=10_000)
    qtbot.keyClick(dialog.work.view, Qt.Key.Key_Return)
    ws = window.current_tab().workspace
    qtbot.waitUntil(lambda: getattr(ws, "maatwerk_dialog", None) is not None, timeout=10_000)
    draft = ws.maatwerk_dialog.reden.toPlainText()
    assert "maatwerk voorstellen" in draft and "Drie kinderen" in draft


def test_the_guided_call_shows_the_rule_and_records_the_call_with_a_referral(window, ctx, seeded, qtbot):
    from tests.factories import add_claim, add_debtor

    from caseworker_app.domain.types import EnforcementStep

    from caseworker_app.gui.contacts.guided_call import CallList, GuidedCallDialog

    debtor_id = add_debtor(ctx, bsn="249566758", achternaam="Nieuw", voornamen="Nina")
    add_claim(ctx, debtor_id, amount="640.00", dagtekening=TODAY - dt.timedelta(days=80),
              steps=((EnforcementStep.AANMANING, TODAY - dt.timedelta(days=10), "0"),))
    window.show()
    window.set_context(ctx)
    window.action_calllist.trigger()
    calls = window.call_list
    assert isinstance(calls, CallList) and [r["c"].debtor_id for r in calls.model.rows] == [debtor_id]
    calls.view.setFocus()
    qtbot.waitUntil(lambda: calls.view.hasFocus(), timeout=10_000)
    qtbot.keyClick(calls.view, Qt.Key.Key_Return)
    dialog = window.guided_call_dialog
    assert isinstance(dialog, GuidedCallDialog)
    assert "bellen na aanmaning" in dialog.findChild(QWidget, "ruleLabel").text().lower()
    assert window.current_tab().debtor_id == debtor_id  # the debtor is open beside the call
    dialog.summary.setPlainText("Gesproken; ze wil hulp bij haar schulden.")
    dialog.referral.setChecked(True)
    dialog.consent.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    [saved] = contacts.list_contacts(ctx, debtor_id)
    assert (saved.kanaal, saved.uitkomst) == ("telefoon_uit", "doorverwezen")
    assert calls.model.rowCount() == 0  # called: off the list


def test_the_bailiffs_route_list_and_visit_report_form(window, ctx, seeded, qtbot, tmp_path):
    from caseworker_app.services.contacts import visits

    from caseworker_app.gui.contacts.visits import VisitList, VisitReportDialog

    visits.plan_visit(ctx, seeded.jansen, TODAY)
    visits.plan_visit(ctx, seeded.de_vries, TODAY)
    contacts.mark_risk(ctx, seeded.de_vries, "Agressieve hond")
    window.show()
    window.set_context(ctx)
    window.action_visitlist.trigger()
    route = window.visit_list
    assert isinstance(route, VisitList)
    postcodes = [r["visit"].postcode for r in route.model.rows]
    assert postcodes == sorted(postcodes) and len(postcodes) == 2
    risky = next(n for n, r in enumerate(route.model.rows) if r["visit"].risico)
    assert "Agressieve hond" in route.model.index(risky, 5).data()
    route.open_report(risky)
    form = route.form
    assert isinstance(form, VisitReportDialog) and form.findChild(QWidget, "visitRiskBanner") is not None
    form.fields["bevindingen"].setPlainText("Niemand thuis.")
    form.met.setCurrentIndex(1)
    form.save()
    assert form.report is not None and not form.report.aangetroffen and form.pdf_button.isEnabled()
    assert [r["visit"].debtor_id for r in route.model.rows] == [seeded.jansen]
    written = visits.write_visit_report(ctx, form.report.id, str(tmp_path / "verslag.pdf"))
    assert written.stat().st_size > 1000
