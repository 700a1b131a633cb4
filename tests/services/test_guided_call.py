"""The guided call after an aanmaning, and the demo data of issue 11 (both backends)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.factories import add_claim, add_debtor, login_as, open_context

from caseworker_app.domain.types import EnforcementStep, Role

from caseworker_app.db.models import ContactEntry, DebtorFlag, Referral, Task, Visit, VisitReport

from caseworker_app.services import demo, position
from caseworker_app.services.contacts import guided, tasks, visits
from caseworker_app.services.contacts.records import ReferralInput

TODAY = dt.datetime.now().astimezone().date()


def test_the_signal_selects_the_debtor_and_the_call_is_recorded_with_its_follow_up(db_url: str) -> None:
    builder = open_context(db_url)
    worker = login_as(builder, db_url, "beller", Role.CASEWORKER)
    try:
        first_timer = add_debtor(builder)
        add_claim(builder, first_timer, amount="800.00", dagtekening=TODAY - dt.timedelta(days=90),
                  steps=((EnforcementStep.AANMANING, TODAY - dt.timedelta(days=20), "0"),))
        old_hand = add_debtor(builder, bsn="123456782", achternaam="Visser")
        add_claim(builder, old_hand, amount="900.00", dagtekening=TODAY - dt.timedelta(days=400),
                  steps=((EnforcementStep.AANMANING, TODAY - dt.timedelta(days=300), "0"),
                         (EnforcementStep.DWANGBEVEL, TODAY - dt.timedelta(days=250), "0")))
        add_claim(builder, old_hand, amount="100.00", dagtekening=TODAY - dt.timedelta(days=90),
                  steps=((EnforcementStep.AANMANING, TODAY - dt.timedelta(days=20), "0"),))
        listed = guided.call_list(worker)
        assert [c.debtor_id for c in listed] == [first_timer]  # a debtor with a debt history is not on the list
        assert listed[0].signal.fired and "geen eerdere schulden" in listed[0].signal.reason
        call = guided.prepare(worker, first_timer)
        assert call.fired is not None and "§5.3.2" in call.rule and "geen eerdere schulden" in call.rule
        assert call.aanmaning_op == TODAY - dt.timedelta(days=20)
        assert any("betalingsregeling" in line for line in call.script)
        assert guided.prepare(worker, old_hand).fired is None  # shown, with the reason it did not fire
        saved = guided.record(worker, first_timer, bereikt=True, samenvatting="Gesproken; wil een regeling.",
                              regeling=True,
                              verwijzing=ReferralInput("schuldhulp", True, TODAY + dt.timedelta(days=10)))
        assert (saved.kanaal, saved.uitkomst) == ("telefoon_uit", "regeling_afgesproken")
        assert saved.taak is not None and saved.taak.plek == "maatwerk"
        assert saved.verwijzing is not None and saved.verwijzing.toestemming
        assert guided.call_list(worker) == []  # called: off the list
        claim = position.get_position(worker, first_timer).claims[0]
        assert not [r for r in claim.next_step.blocked_by if "persoonlijk contact" in r]
        assert {t.plek for t in tasks.list_tasks(worker, mine=True)} == {"maatwerk", "contacten"}
    finally:
        worker.db.dispose()
        builder.db.dispose()


def test_the_demo_has_every_kind_of_contact_record(db_url: str) -> None:
    ctx = open_context(db_url)
    try:
        summary = demo.generate(ctx, 300, 1, reference_date=TODAY)
        assert summary.contacts > 0 and summary.tasks > 0 and summary.visits > 0 and summary.visit_reports > 0
        with ctx.db.session_factory() as session:
            def count(*where: Any, model: Any = None) -> int:
                return int(session.execute(select(func.count()).select_from(model).where(*where)).scalar_one())
            assert count(ContactEntry.corrigeert.is_not(None), model=ContactEntry) > 0
            assert count(DebtorFlag.code == "risico_medewerkers", model=DebtorFlag) == 1
            assert count(model=Referral) > 0
            assert count(VisitReport.advies == "maatwerk", model=VisitReport) > 0
            assert count(Task.plek == "maatwerk", model=Task) > 0
            assert count(Visit.status == "gepland", model=Visit) > 0
        mine = tasks.list_tasks(ctx, mine=True, status=None)  # the person who loaded the demo has work too
        groups = tasks.group(mine)
        assert groups["te_laat"] and groups["later"]
        route = visits.planned_visits(ctx, bailiff=None)
        assert [v.postcode for v in route] == sorted(v.postcode or "" for v in route)
        assert any(v.risico for v in route)
    finally:
        ctx.db.dispose()


@pytest.mark.parametrize("unused", [None])
def test_demo_contacts_are_reproducible(sqlite_url: str, tmp_path: object, unused: None) -> None:
    docs = []
    for n in range(2):
        url = sqlite_url.replace(".sqlite", f"-{n}.sqlite")
        ctx = open_context(url)
        try:
            demo.generate(ctx, 200, 7, reference_date=dt.date(2026, 11, 1))
            with ctx.db.session_factory() as session:
                docs.append(session.execute(
                    select(ContactEntry.debtor_id, ContactEntry.datum, ContactEntry.samenvatting)
                    .order_by(ContactEntry.id)).all())
        finally:
            ctx.db.dispose()
    assert docs[0] == docs[1] and docs[0]
