"""Queues and teams as a team lead and a caseworker see them, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from caseworker_app.errors import NotFoundError, PermissionDeniedError, UserFacingError, ValidationError
from tests.factories import BSNS, add_debtor, login_as, open_context

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.db import four_eyes
from caseworker_app.db.models import Decision

from caseworker_app.services import changes, decisions, queues, teams
from caseworker_app.services.context import Context


@pytest.fixture
def office(migrated_db_url: str) -> dict[str, Any]:
    admin = open_context(migrated_db_url)
    worker = login_as(admin, migrated_db_url, "anna", Role.CASEWORKER)
    lead = login_as(admin, migrated_db_url, "lotte", Role.TEAMLEAD)
    other_lead = login_as(admin, migrated_db_url, "omar", Role.TEAMLEAD)
    teams.add_team(admin, "utr", "Invordering Utrecht")
    teams.add_team(admin, "AMS", "Invordering Amsterdam")
    teams.set_member(admin, worker.actor.login, "UTR")
    teams.set_member(admin, lead.actor.login, "UTR", lead=True)
    teams.set_member(admin, other_lead.actor.login, "AMS", lead=True)
    jansen = add_debtor(admin, bsn=BSNS[0], achternaam="Jansen", voornamen="Jan")
    pietersen = add_debtor(admin, bsn=BSNS[1], achternaam="Pietersen", voornamen="Piet")
    bakker = add_debtor(admin, bsn=BSNS[2], achternaam="Bakker", voornamen="Bea")
    teams.assign_debtor(worker, BSNS[0], "UTR", worker.actor.login)
    teams.assign_debtor(worker, BSNS[1], "UTR")
    teams.assign_debtor(worker, BSNS[2], "AMS")
    return {
        "admin": admin,
        "worker": worker,
        "lead": lead,
        "other_lead": other_lead,
        "jansen": jansen,
        "pietersen": pietersen,
        "bakker": bakker,
    }


def propose(ctx: Context, debtor_id: int, subject_id: int, soort: str = "invorderingspauze") -> decisions.DecisionDTO:
    with ctx.unit_of_work(Permission.PROPOSE_MAATWERK, operation="maatwerk.propose") as session:
        return decisions.request_decision(
            session,
            kind="maatwerk",
            soort=soort,
            subject_id=subject_id,
            debtor_id=debtor_id,
            reason="Drie maanden rust",
            effect={},
            days=90,
        )


def age(ctx: Context, decision_id: int, days: int) -> None:
    """Make a proposal ``days`` old: test set-up as the database's superuser, around the trigger that keeps a
    proposal's time fixed (``db/four_eyes.py``)."""
    with ctx.db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER trg_decisions_fixed")
        else:
            conn.exec_driver_sql("ALTER TABLE decisions DISABLE TRIGGER trg_decisions_guard")
        conn.execute(
            update(Decision)
            .where(Decision.id == decision_id)
            .values(proposed_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=days))
        )
        if conn.dialect.name == "sqlite":
            four_eyes.install_sqlite(conn)
        else:
            conn.exec_driver_sql("ALTER TABLE decisions ENABLE TRIGGER trg_decisions_guard")


def test_a_team_lead_sees_their_teams_open_proposals_oldest_first(office: dict[str, Any]) -> None:
    worker, lead = office["worker"], office["lead"]
    first = propose(worker, office["jansen"], 1)
    second = propose(worker, office["pietersen"], 2)
    elsewhere = propose(worker, office["bakker"], 3)  # an Amsterdam debtor
    age(office["admin"], first.id, 3)
    page = queues.team_pending(lead)
    assert [i.decision_id for i in page.items] == [first.id, second.id]
    item = page.items[0]
    assert (item.debtor_name, item.bsn, item.team_code) == ("Jan Jansen", BSNS[0], "UTR")
    assert (item.kind_label, item.soort, item.proposed_by_name) == ("maatwerk", "invorderingspauze", "anna")
    assert item.age_days == 3
    assert [i.decision_id for i in queues.team_pending(office["other_lead"]).items] == [elsewhere.id]
    assert page.total == 2 and not page.has_more


def test_a_decided_proposal_leaves_the_queue(office: dict[str, Any]) -> None:
    proposal = propose(office["worker"], office["jansen"], 1)
    assert queues.team_pending(office["lead"]).total == 1
    decisions.decide(office["lead"], proposal.id, "goedgekeurd", None)
    assert queues.team_pending(office["lead"]).total == 0
    mine = queues.my_proposals(office["worker"])
    assert [(i.decision_id, i.status_label) for i in mine.items] == [(proposal.id, "goedgekeurd")]


def test_a_leads_own_proposal_is_not_in_their_queue(office: dict[str, Any]) -> None:
    own = propose(office["lead"], office["jansen"], 1)
    assert queues.team_pending(office["lead"]).total == 0
    assert [i.decision_id for i in queues.my_proposals(office["lead"]).items] == [own.id]


def test_the_queue_pages_and_filters(office: dict[str, Any]) -> None:
    worker, lead = office["worker"], office["lead"]
    ids = [propose(worker, office["jansen" if i % 2 else "pietersen"], 100 + i).id for i in range(7)]
    page = queues.team_pending(lead, limit=3, offset=0)
    assert (len(page.items), page.total, page.has_more) == (3, 7, True)
    rest = queues.team_pending(lead, limit=3, offset=6)
    assert [i.decision_id for i in rest.items] == ids[6:] and not rest.has_more
    assert queues.team_pending(lead, text="jans").total == 3
    assert queues.team_pending(lead, text=BSNS[1]).total == 4
    assert queues.team_pending(lead, text="niemand").total == 0
    assert queues.team_pending(lead, kind="maatwerk", soort="uitstel").total == 0
    for bad in ({"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"text": "x" * 101}):
        with pytest.raises(ValidationError):
            queues.team_pending(lead, **bad)


def test_overdue_proposals_by_their_policys_days(office: dict[str, Any]) -> None:
    worker, lead, admin = office["worker"], office["lead"], office["admin"]
    late = propose(worker, office["jansen"], 1)
    fresh = propose(worker, office["jansen"], 2)
    age(admin, late.id, 6)
    assert [i.decision_id for i in queues.overdue(lead).items] == [late.id]
    assert [i.overdue for i in queues.team_pending(lead).items] == [True, False]
    decisions.set_policy(admin, "maatwerk", None, needs_second=True, decide_within_days=10)
    assert queues.overdue(lead).total == 0
    age(admin, fresh.id, 11)
    assert [i.decision_id for i in queues.overdue(lead).items] == [fresh.id]


def test_only_a_team_lead_opens_the_team_queue(office: dict[str, Any]) -> None:
    with pytest.raises(PermissionDeniedError):
        queues.team_pending(office["worker"])
    with pytest.raises(PermissionDeniedError):
        queues.overdue(office["worker"])


def test_the_queue_token_moves_when_someone_decides(office: dict[str, Any]) -> None:
    proposal = propose(office["worker"], office["jansen"], 1)
    before = queues.queue_token(office["worker"])
    decisions.decide(office["lead"], proposal.id, "afgewezen", "Niet nodig")
    assert queues.queue_token(office["worker"]) != before


def test_teams_members_and_assignment(office: dict[str, Any]) -> None:
    admin, worker = office["admin"], office["worker"]
    listed = {t.code: t for t in teams.list_teams(worker)}
    assert set(listed) == {"AMS", "UTR"}
    utr = listed["UTR"]
    assert (utr.name, utr.debtors) == ("Invordering Utrecht", 2)
    assert [(m.display_name, m.is_lead) for m in utr.members] == [("lotte", True), ("anna", False)]
    with pytest.raises(UserFacingError) as twice:
        teams.add_team(admin, "Utr", "Nog een keer")
    assert "bestaat al" in twice.value.message
    with pytest.raises(UserFacingError) as no_role:
        teams.set_member(admin, worker.actor.login, "UTR", lead=True)
    assert no_role.value.code == "team_lead_needs_role"
    with pytest.raises(UserFacingError) as outsider:
        teams.assign_debtor(worker, BSNS[2], "AMS", worker.actor.login)
    assert outsider.value.code == "behandelaar_not_in_team"
    with pytest.raises(NotFoundError):
        teams.assign_debtor(worker, BSNS[3], "UTR")
    with pytest.raises(NotFoundError):
        teams.assign_debtor(worker, BSNS[0], "GEEN")
    with pytest.raises(ValidationError):
        teams.assign_debtor(worker, "123", "UTR")
    for code in ("", "  ", "x" * 21, "met spatie", "ü"):
        with pytest.raises(ValidationError):
            teams.add_team(admin, code, "Naam")
    with pytest.raises(ValidationError):
        teams.add_team(admin, "LANG", "n" * 121)
    # a proposal lands in the queue of the debtor's team; moving the debtor moves later proposals, not this one
    first = propose(worker, office["jansen"], 1)
    moved = teams.assign_debtor(worker, BSNS[0], "AMS")
    assert moved.behandelaar_login is None  # anna is not in Amsterdam
    later = propose(worker, office["jansen"], 2)
    assert (first.team_code, later.team_code) == ("UTR", "AMS")
    teams.set_member(admin, worker.actor.login, "UTR", remove=True)
    assert [m.login for m in teams.list_teams(admin)[1].members] == [office["lead"].actor.login]


def test_a_queue_hears_when_another_client_decides(office: dict[str, Any]) -> None:
    """PostgreSQL: the change channel says "decision:<id>" at commit; SQLite: the cheap token moves."""
    worker, lead = office["worker"], office["lead"]
    proposal = propose(worker, office["jansen"], 1)
    if not lead.db.is_shared:
        before = queues.queue_token(worker)
        decisions.decide(lead, proposal.id, "goedgekeurd", None)
        assert queues.queue_token(worker) != before
        return
    heard: list[tuple[str, int]] = []
    debtors_heard: list[int] = []
    listener = changes.listen(worker.db.url, debtors_heard.append, on_change=lambda kind, i: heard.append((kind, i)))
    try:
        assert listener.connected.wait(10)
        decisions.decide(lead, proposal.id, "goedgekeurd", None)
        assert changes.wait_until(lambda: ("decision", proposal.id) in heard, 10), heard
        assert changes.wait_until(lambda: office["jansen"] in debtors_heard, 5)
        assert ("debtor", office["jansen"]) in heard
        assert heard.count(("debtor", office["jansen"])) == 1  # once per commit, however it was found
    finally:
        listener.stop()


def test_change_payloads() -> None:
    assert changes.parse("decision:17") == ("decision", 17)
    assert changes.parse("42") == ("debtor", 42)
    assert changes.parse("debtor:x") is None and changes.parse(":5") is None
