"""Contacts, omstandigheden, flags, tasks and home visits (issue 11), on SQLite and PostgreSQL.

The roles are real logins (``login_as``): on PostgreSQL what a role may do is what the database grants it.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from caseworker_app import cli
from caseworker_app.errors import PermissionDeniedError, StorageError, UserFacingError, ValidationError
from tests.factories import add_claim, add_debtor, login_as, open_context

from caseworker_app.domain.types import EnforcementStep, Role

from caseworker_app.db.models import AuditEntry, ContactEntry, OmstandigheidEntry, Task

from caseworker_app.services import contacts, position
from caseworker_app.services.contacts import tasks, visits
from caseworker_app.services.contacts.records import ReferralInput, TaskInput
from caseworker_app.services.context import Context

TODAY = dt.datetime.now().astimezone().date()


def _server(url: str):  # type: ignore[no-untyped-def]
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed.set(drivername="postgresql+psycopg"), poolclass=NullPool)
    return create_engine(url, poolclass=NullPool)


@pytest.fixture
def setup(db_url: str):  # type: ignore[no-untyped-def]
    builder = open_context(db_url)
    debtor_id = add_debtor(builder)
    worker = login_as(builder, db_url, "werker", Role.CASEWORKER)
    yield builder, worker, debtor_id
    worker.db.dispose()
    builder.db.dispose()


def test_a_contact_is_history_and_a_correction_is_a_new_entry(setup: tuple[Context, Context, int], db_url: str) -> None:
    _builder, worker, debtor_id = setup
    first = contacts.add_contact(worker, debtor_id, kanaal="telefoon_uit", samenvatting="Gebeld over de aanmaning.",
                                 uitkomst="betaling_toegezegd")
    second = contacts.correct_contact(worker, first.id, samenvatting="Gebeld over de aanmaning van IB 2024.")
    third = contacts.correct_contact(worker, second.id, samenvatting="Gebeld over de aanmaning van IB 2023.")
    assert (second.corrigeert, third.corrigeert) == (first.id, second.id)
    listed = {c.id: c for c in contacts.list_contacts(worker, debtor_id)}
    assert [listed[i].samenvatting for i in (first.id, second.id, third.id)] == [
        "Gebeld over de aanmaning.", "Gebeld over de aanmaning van IB 2024.", "Gebeld over de aanmaning van IB 2023."]
    assert [listed[i].gecorrigeerd_door for i in (first.id, second.id, third.id)] == [second.id, third.id, None]
    assert listed[third.id].uitkomst == "betaling_toegezegd"  # what was not corrected is carried over
    with pytest.raises(UserFacingError, match="al gecorrigeerd"):
        contacts.correct_contact(worker, first.id, samenvatting="Een vertakking van de geschiedenis")
    server = _server(db_url)
    try:
        for sql in ("UPDATE contacts SET samenvatting = 'weg'", "DELETE FROM contacts"):
            with pytest.raises(DBAPIError), server.begin() as conn:  # the database refuses, even its owner
                conn.execute(text(sql))
    finally:
        server.dispose()
    doc = position.position_to_json(position.get_position(worker, debtor_id), explain=False)
    assert [(c["id"], c["corrigeert"], c["actueel"]) for c in doc["contacts"]] == [
        (third.id, second.id, True), (second.id, first.id, False), (first.id, None, False)]


def test_text_is_stored_exactly_as_typed_up_to_20000_characters(setup: tuple[Context, Context, int]) -> None:
    _builder, worker, debtor_id = setup
    typed = "  Mevrouw belde 😊 over \u05e9\u05dc\u05d5\u05dd (عربى) en\r\nzei: «ik betaal»  "
    long = typed + "x" * (20_000 - len(typed))
    for value in (typed, long):
        saved = contacts.add_contact(worker, debtor_id, kanaal="telefoon_in", samenvatting=value)
        assert next(c for c in contacts.list_contacts(worker, debtor_id) if c.id == saved.id).samenvatting == value
    with pytest.raises(ValidationError, match=r"20\.000"):
        contacts.add_contact(worker, debtor_id, kanaal="telefoon_in", samenvatting=long + "y")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"samenvatting": "   "}, "leeg"),
        ({"kanaal": "duif"}, "geen bekende code"),
        ({"uitkomst": "misschien"}, "geen bekende code"),
        ({"omstandigheden": ["ziekte", "pech"]}, "geen bekende code"),
        ({"taak": TaskInput("Terugbellen", TODAY - dt.timedelta(days=1))}, "verleden"),
        ({"taak": TaskInput("", TODAY)}, "leeg"),
        ({"taak": TaskInput("Terugbellen", TODAY, voor="niemand")}, "niet bekend"),
        ({"datum": TODAY + dt.timedelta(days=1)}, "toekomst"),
        ({"samenvatting": "nul\x00teken"}, "NUL"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_nothing_is_saved(
    setup: tuple[Context, Context, int], changes: dict[str, object], message: str
) -> None:
    _builder, worker, debtor_id = setup
    values: dict[str, object] = {"kanaal": "telefoon_uit", "samenvatting": "Gebeld"} | changes
    with pytest.raises(ValidationError, match=message) as info:
        contacts.add_contact(worker, debtor_id, **values)  # type: ignore[arg-type]
    assert "\n" not in info.value.message
    assert contacts.list_contacts(worker, debtor_id) == []


def test_a_save_that_fails_halfway_lands_nothing(
    setup: tuple[Context, Context, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection drops after the contact and its omstandigheid are flushed, before the task: all or nothing."""
    _builder, worker, debtor_id = setup

    def dropped(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT INTO tasks", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(tasks, "create", dropped)
    with pytest.raises(StorageError):
        contacts.add_contact(worker, debtor_id, kanaal="telefoon_uit", samenvatting="Gebeld", omstandigheden=["ziekte"],
                             taak=TaskInput("Terugbellen", TODAY))
    monkeypatch.undo()
    with worker.db.session_factory() as session:
        assert session.execute(select(func.count()).select_from(ContactEntry)).scalar_one() == 0
        assert session.execute(select(func.count()).select_from(Task)).scalar_one() == 0
    assert contacts.flags_of(worker, debtor_id) == []
    saved = contacts.add_contact(worker, debtor_id, kanaal="telefoon_uit", samenvatting="Gebeld",
                                 omstandigheden=["ziekte"], taak=TaskInput("Terugbellen", TODAY))
    assert saved.taak is not None and saved.omstandigheden == ("ziekte",)  # the retry lands whole


def test_omstandigheden_raise_flags_until_ended_with_a_reason(setup: tuple[Context, Context, int]) -> None:
    _builder, worker, debtor_id = setup
    contacts.add_contact(worker, debtor_id, kanaal="balie", samenvatting="Aan de balie",
                         omstandigheden=[("psychisch", "In behandeling"), "schuldhulp"])
    doc = position.position_to_json(position.get_position(worker, debtor_id), explain=False)
    codes = {f["code"]: f for f in doc["flags"]}
    assert {"omstandigheid_bijzonder_persoonsgegeven", "omstandigheid_schuldhulp"} <= set(codes)
    assert "psychisch" not in json.dumps(doc["flags"])  # the flag everyone sees does not say which art. 9 item
    flag = next(f for f in contacts.flags_of(worker, debtor_id) if f.code == "omstandigheid_schuldhulp")
    with pytest.raises(ValidationError, match="leeg"):
        contacts.end_flag(worker, flag.id, " ")
    ended = contacts.end_flag(worker, flag.id, "Schuldhulptraject afgesloten")
    assert (ended.active, ended.reden, ended.ended_by) == (False, "Schuldhulptraject afgesloten", worker.actor.login)
    with pytest.raises(UserFacingError, match="al beëindigd"):
        contacts.end_flag(worker, flag.id, "Nog eens")
    doc = position.position_to_json(position.get_position(worker, debtor_id), explain=False)
    assert "omstandigheid_schuldhulp" not in {f["code"] for f in doc["flags"]}
    assert any(e["title"].startswith("Markering beëindigd") for e in doc["timeline"])
    contacts.add_contact(worker, debtor_id, kanaal="telefoon_in", samenvatting="Weer bij schuldhulp",
                         omstandigheden=["schuldhulp"])
    active = [f.code for f in contacts.flags_of(worker, debtor_id, active_only=True)]
    assert active.count("omstandigheid_schuldhulp") == 1  # raised again, as a new flag; the old one stays ended
    assert len(contacts.flags_of(worker, debtor_id)) == 3


def test_omstandigheden_are_seen_only_by_who_needs_them_and_every_view_is_logged(
    setup: tuple[Context, Context, int], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    builder, worker, debtor_id = setup
    auditor = login_as(builder, db_url, "controle", Role.AUDITOR)
    try:
        saved = contacts.add_contact(worker, debtor_id, kanaal="telefoon_in", samenvatting="Belde zelf",
                                     omstandigheden=[("ziekte", "Lange opname")])
        seen = contacts.omstandigheden_of(worker, debtor_id)
        assert [(o.contact_id, o.code, o.toelichting) for o in seen] == [(saved.id, "ziekte", "Lange opname")]
        with pytest.raises(PermissionDeniedError):
            contacts.omstandigheden_of(auditor, debtor_id)
        assert contacts.list_contacts(auditor, debtor_id)[0].samenvatting == "Belde zelf"  # the contact itself: yes
        with builder.db.session_factory() as session:
            logged = session.execute(
                select(AuditEntry.actor, AuditEntry.entity, AuditEntry.entity_id).where(AuditEntry.action == "inzage")
            ).all()
        assert [tuple(r) for r in logged] == [(worker.actor.login, "omstandigheden", str(debtor_id))]
        if db_url.startswith("postgresql"):  # the database itself: no SELECT for anyone, also not the recorder
            login = make_url(db_url).set(username=worker.actor.login)
            engine = create_engine(login.set(drivername="postgresql+psycopg"), poolclass=NullPool)
            try:
                with pytest.raises(DBAPIError, match="permission denied"), engine.connect() as conn:
                    conn.execute(select(OmstandigheidEntry.code)).all()
            finally:
                engine.dispose()
        # the case document: the roles that may see them get them (logged), the auditor gets null
        for ctx, expected in ((worker, ["ziekte"]), (auditor, None)):
            args = ["debtor", "show", "111222333", "--json", "--no-explanation", "--database",
                    make_url(db_url).set(username=ctx.actor.login).render_as_string(hide_password=False)
                    if db_url.startswith("postgresql") else db_url]
            if not db_url.startswith("postgresql"):
                args += ["--user", ctx.actor.login]
            capsys.readouterr()
            assert cli.main(args) == 0
            doc = json.loads(capsys.readouterr().out)
            assert doc["contacts"][0]["omstandigheden"] == expected
    finally:
        auditor.db.dispose()


def test_tasks_mine_team_handover_done_and_overdue(setup: tuple[Context, Context, int], db_url: str) -> None:
    builder, worker, debtor_id = setup
    colleague = login_as(builder, db_url, "collega", Role.CASEWORKER)
    auditor = login_as(builder, db_url, "kijker", Role.AUDITOR)
    try:
        saved = contacts.add_contact(worker, debtor_id, kanaal="telefoon_uit", samenvatting="Gebeld",
                                     taak=TaskInput("Loonstrook nakijken", TODAY + dt.timedelta(days=3)))
        assert saved.taak is not None
        task_id = saved.taak.id
        later = tasks.add_task(worker, debtor_id, TaskInput("Terugbellen", TODAY, voor=colleague.actor.login))
        assert [t.id for t in tasks.list_tasks(worker, mine=True)] == [task_id]
        assert {t.id for t in tasks.list_tasks(worker, team=True)} >= {task_id, later.id}
        handed = tasks.handover(worker, task_id, colleague.actor.login, "Ik ben volgende week weg")
        assert handed.voor == colleague.actor.login
        assert tasks.list_tasks(worker, mine=True) == []
        assert [t.id for t in tasks.list_tasks(colleague, mine=True)] == [later.id, task_id]  # by due date
        with pytest.raises(ValidationError, match="geen dossiers"):
            tasks.handover(colleague, task_id, auditor.actor.login)
        events = tasks.history(worker, task_id)
        assert [(e.kind, e.van, e.naar) for e in events] == [
            ("aangemaakt", None, worker.actor.login), ("overgedragen", worker.actor.login, colleague.actor.login)]
        assert events[1].toelichting == "Ik ben volgende week weg"
        # overdue: on a later day both are past their date; done ones drop out
        in_a_week = TODAY + dt.timedelta(days=7)
        assert [t.id for t in tasks.list_tasks(builder, overdue=True, day=in_a_week)] == [later.id, task_id]
        assert tasks.list_tasks(builder, overdue=True) == []
        done = tasks.done(colleague, later.id)
        assert done.status == "gedaan"
        with pytest.raises(UserFacingError, match="al afgerond"):
            tasks.done(colleague, later.id)
        assert [t.id for t in tasks.list_tasks(builder, overdue=True, day=in_a_week)] == [task_id]
        groups = tasks.group(tasks.list_tasks(colleague, mine=True, status=None))
        assert [t.id for t in groups["later"]] == [task_id] and [t.id for t in groups["gedaan"]] == [later.id]
        with pytest.raises(PermissionDeniedError):
            tasks.done(auditor, task_id)
        doc = position.position_to_json(position.get_position(auditor, debtor_id), explain=False)
        assert {(t["id"], t["status"], t["voor"]) for t in doc["tasks"]} == {
            (task_id, "open", colleague.actor.login), (later.id, "gedaan", colleague.actor.login)}
    finally:
        colleague.db.dispose()
        auditor.db.dispose()


def test_a_referral_records_consent_and_its_follow_up_becomes_a_task(setup: tuple[Context, Context, int]) -> None:
    _builder, worker, debtor_id = setup
    follow_up = TODAY + dt.timedelta(days=14)
    saved = contacts.add_contact(
        worker, debtor_id, kanaal="telefoon_uit", samenvatting="Doorverwezen naar het buurtteam",
        uitkomst="doorverwezen", verwijzing=ReferralInput("gemeente", True, follow_up, "Buurtteam Zuid"))
    assert saved.verwijzing is not None and saved.verwijzing.toestemming
    task = tasks.get_task(worker, saved.verwijzing.task_id or 0)
    assert task.datum == follow_up and "Buurtteam Zuid" in task.omschrijving and "met toestemming" in task.omschrijving


def _ladder_claim(builder: Context, debtor_id: int) -> int:
    return add_claim(builder, debtor_id, amount="2500.00", dagtekening=TODAY - dt.timedelta(days=200),
                     steps=((EnforcementStep.AANMANING, TODAY - dt.timedelta(days=100), "0"),
                            (EnforcementStep.DWANGBEVEL, TODAY - dt.timedelta(days=60), "0")))


def _contact_reasons(ctx: Context, debtor_id: int) -> list[str]:
    claim = position.get_position(ctx, debtor_id).claims[0]
    return [r for r in claim.next_step.blocked_by if "persoonlijk contact" in r]


def test_a_personal_contact_after_the_aanmaning_establishes_the_ladder_fact(
    setup: tuple[Context, Context, int],
) -> None:
    builder, worker, debtor_id = setup
    _ladder_claim(builder, debtor_id)
    assert _contact_reasons(worker, debtor_id)  # nothing recorded: the step waits
    contacts.add_contact(worker, debtor_id, kanaal="brief", samenvatting="Brief gestuurd")
    contacts.add_contact(worker, debtor_id, kanaal="telefoon_uit", met="gemeente", samenvatting="Gemeente gebeld")
    assert _contact_reasons(worker, debtor_id)  # a letter, or the gemeente, is no personal contact with the debtor
    contacts.add_contact(worker, debtor_id, kanaal="telefoon_uit", samenvatting="Gesproken", uitkomst="terugbellen")
    assert _contact_reasons(worker, debtor_id) == []


def test_a_visit_report_advising_maatwerk_gives_the_caseworker_a_task(
    setup: tuple[Context, Context, int], db_url: str
) -> None:
    builder, worker, debtor_id = setup
    bailiff = login_as(builder, db_url, "deurwaarder", Role.BAILIFF)
    try:
        planned = visits.plan_visit(worker, debtor_id, TODAY, bailiff=bailiff.actor.login, doel="Beslag beoordelen")
        assert [v.id for v in visits.planned_visits(bailiff)] == [planned.id]
        with pytest.raises(PermissionDeniedError):
            visits.report_visit(worker, debtor_id, aangetroffen=True, advies="maatwerk")
        report = visits.report_visit(
            bailiff, debtor_id, aangetroffen=True, advies="maatwerk", bevindingen="Drie kinderen, geen auto.",
            risico="Agressieve hond op het erf", kwetsbaarheid="Vader is ernstig ziek", visit_id=planned.id)
        assert report.taak is not None
        assert (report.taak.voor, report.taak.plek) == (worker.actor.login, "maatwerk")
        assert "maatwerk" in report.taak.omschrijving
        assert visits.planned_visits(bailiff) == []  # done: off the route list
        doc = position.position_to_json(position.get_position(worker, debtor_id), explain=False)
        assert doc["visits"][0]["id"] == report.id and doc["visits"][0]["advies"] == "maatwerk"
        assert doc["contacts"][0]["kanaal"] == "huisbezoek"
        risk = next(f for f in doc["flags"] if f["code"] == "risico_medewerkers")
        assert "Agressieve hond" in risk["detail"]
        with pytest.raises(UserFacingError, match="al gemarkeerd"):
            contacts.mark_risk(worker, debtor_id, "Nog een keer")
    finally:
        bailiff.db.dispose()


def test_an_open_workspace_notices_a_new_contact(setup: tuple[Context, Context, int]) -> None:
    from caseworker_app.services import changes

    _builder, worker, debtor_id = setup
    before = changes.change_token(worker, debtor_id)
    saved = contacts.add_contact(worker, debtor_id, kanaal="telefoon_in", samenvatting="Gebeld",
                                 taak=TaskInput("Terugbellen", TODAY))
    middle = changes.change_token(worker, debtor_id)
    assert middle != before
    assert saved.taak is not None
    tasks.done(worker, saved.taak.id)
    assert changes.change_token(worker, debtor_id) != middle


def test_the_team_view_is_my_teams_members_once_teams_are_recorded(
    setup: tuple[Context, Context, int], db_url: str
) -> None:
    from tests.factories import writing

    from caseworker_app.db.models import Team, TeamMember

    builder, worker, debtor_id = setup
    colleague = login_as(builder, db_url, "teamgenoot", Role.CASEWORKER)
    outsider = login_as(builder, db_url, "buitenstaander", Role.CASEWORKER)
    try:
        mine = tasks.add_task(worker, debtor_id, TaskInput("Eigen taak", TODAY))
        theirs = tasks.add_task(worker, debtor_id, TaskInput("Taak van de teamgenoot", TODAY,
                                                            voor=colleague.actor.login))
        other = tasks.add_task(worker, debtor_id, TaskInput("Taak buiten het team", TODAY, voor=outsider.actor.login))
        # no teams yet: who shares my working role
        assert {t.id for t in tasks.list_tasks(worker, team=True)} == {mine.id, theirs.id, other.id}
        with writing(builder) as session:
            team = Team(code="ZUID", name="Team Zuid")
            session.add(team)
            session.flush()
            session.add_all([TeamMember(team_id=team.id, user_id=u.actor.user_id) for u in (worker, colleague)])
        assert {t.id for t in tasks.list_tasks(worker, team=True)} == {mine.id, theirs.id}
        assert {t.id for t in tasks.list_tasks(colleague, team=True)} == {mine.id, theirs.id}
    finally:
        colleague.db.dispose()
        outsider.db.dispose()
