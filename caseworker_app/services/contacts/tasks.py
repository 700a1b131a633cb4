"""Follow-up tasks: what, for whom, when -- "Mijn werk", the team's view, hand-over and done (issue 11).

A task's status and owner change (the row is versioned and audited); every change is also a row of the append-only
``task_events``, so the hand-over history stays readable.  Lists are one SELECT each, ordered by due date, paged
(``limit``), and filtered in the database:

* ``mine`` -- tasks for me;
* ``team`` -- tasks for the people I work with: the members of my teams (``team_members``); for someone in no
  team, everyone sharing one of my working roles;
* ``overdue`` -- open tasks past their due date (the team lead's view of what is getting lost).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker_app.errors import NotFoundError, UserFacingError, ValidationError

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import TaskEventKind, TaskStatus
from caseworker_app.domain.permissions import Permission, permissions_of
from caseworker_app.domain.types import Role

from caseworker_app.db.models import Debtor, Task, TaskEvent, User, UserRole
from caseworker_app.db.repositories import contacts as repo

from caseworker_app.services.concurrency import lock_for_update
from caseworker_app.services.contacts.dto import TaskEventInfo, TaskInfo
from caseworker_app.services.context import Context

if TYPE_CHECKING:
    from caseworker_app.services.contacts.records import TaskInput

#: The furthest a due date may lie ahead.
LAST_DUE_DATE = dt.date(2099, 12, 31)
#: Where opening a task may land on the debtor's screen.
PLACES = ("contacten", "huisbezoek", "maatwerk", "schuldoverzicht")


def today() -> dt.date:
    return dt.datetime.now().astimezone().date()


def info_of(row: Any, risico: bool = False) -> TaskInfo:
    """A task of :func:`repo.task_statement`'s row (unpacked by position: thousands per Mijn werk list)."""
    (task_id, debtor_id, bsn, voornamen, tussenvoegsel, achternaam, omschrijving, datum, voor, voor_naam, status,
     plek, contact_id, created_by, version, _voor_id) = row
    name = (f"{voornamen} {tussenvoegsel} {achternaam}" if tussenvoegsel else f"{voornamen} {achternaam}") \
        if voornamen else achternaam
    return TaskInfo(task_id, debtor_id, bsn, name, omschrijving, datum, voor, voor_naam, status, plek, contact_id,
                    created_by, version, risico)


def check_input(value: TaskInput) -> TaskInput:
    """The task as given, or a one-line refusal: empty text, a due date in the past or absurdly far."""
    from caseworker_app.services.contacts.records import TaskInput, text

    omschrijving = text(value.omschrijving, "--taak")
    assert omschrijving is not None
    if not isinstance(value.datum, dt.date):
        raise ValidationError("missing_field", field="--taak-datum")
    if value.datum < today():
        raise ValidationError("invalid_field", field="--taak-datum", reason="de datum ligt in het verleden")
    if value.datum > LAST_DUE_DATE:
        raise ValidationError("invalid_field", field="--taak-datum", reason="kies een datum vóór 2100")
    if value.plek not in PLACES:
        raise ValidationError("invalid_field", field="plek", reason=f"kies uit {', '.join(PLACES)}")
    return TaskInput(omschrijving, value.datum, value.voor, value.plek)


def _user(session: Session, login: str, field: str) -> User:
    user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
    if user is None:
        raise ValidationError("invalid_field", field=field, reason=f"gebruiker '{login[:63]}' is niet bekend")
    if not user.active:
        raise ValidationError("invalid_field", field=field, reason=f"gebruiker '{login}' is uitgeschakeld")
    roles = {Role(r.role) for r in user.roles}
    if Permission.RECORD_CONTACT not in permissions_of(roles):
        raise ValidationError("invalid_field", field=field,
                              reason=f"gebruiker '{login}' behandelt geen dossiers en kan geen taken krijgen")
    return user


def create(session: Session, ctx: Context, debtor_id: int, value: TaskInput, *, contact_id: int | None = None,
           voor_id: int | None = None) -> TaskInfo:
    """Insert a task (and its "aangemaakt" event) inside the caller's unit of work."""
    if voor_id is None:
        voor_id = _user(session, value.voor, "--taak-voor").id if value.voor else ctx.actor.user_id
    task = Task(debtor_id=debtor_id, contact_id=contact_id, omschrijving=value.omschrijving, voor_id=voor_id,
                datum=value.datum, status=TaskStatus.OPEN.value, plek=value.plek, created_by=ctx.actor.login)
    session.add(task)
    session.flush()
    session.add(TaskEvent(task_id=task.id, kind=TaskEventKind.AANGEMAAKT.value, naar_id=voor_id,
                          door=ctx.actor.login))
    session.flush()
    return _one(session, task.id)


def _one(session: Session, task_id: int) -> TaskInfo:
    stmt, _voor = repo.task_statement()
    row = session.execute(stmt.where(Task.id == task_id)).one_or_none()
    if row is None:
        raise NotFoundError("Taak", task_id)
    return info_of(row)


def add_task(ctx: Context, debtor_id: int, value: TaskInput) -> TaskInfo:
    checked = check_input(value)
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="task.add", action="taak maken") as session:
        if session.get(Debtor, debtor_id) is None:
            raise NotFoundError("Schuldenaar", debtor_id)
        return create(session, ctx, debtor_id, checked)


def get_task(ctx: Context, task_id: int) -> TaskInfo:
    with ctx.read() as session:
        return _one(session, task_id)


def _locked(session: Session, task_id: int) -> Task:
    return lock_for_update(session, Task, task_id, entity="Taak")


def done(ctx: Context, task_id: int, toelichting: str | None = None) -> TaskInfo:
    """Mark the task done (who and when kept; a task already done is refused, not done twice)."""
    from caseworker_app.services.contacts.records import text

    note = text(toelichting, "toelichting", required=False)
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="task.done", action="taak afronden") as session:
        task = _locked(session, task_id)
        if task.status == TaskStatus.GEDAAN.value:
            raise UserFacingError("task_done", id=task_id)
        task.status = TaskStatus.GEDAAN.value
        task.done_by = ctx.actor.login
        task.done_at = dt.datetime.now(dt.UTC)
        session.add(TaskEvent(task_id=task_id, kind=TaskEventKind.GEDAAN.value, toelichting=note,
                              door=ctx.actor.login))
        session.flush()
        return _one(session, task_id)


def handover(ctx: Context, task_id: int, to_login: str, toelichting: str | None = None) -> TaskInfo:
    """Give the task to someone else (an audited change; the hand-over is a task event naming both)."""
    from caseworker_app.services.contacts.records import text

    note = text(toelichting, "toelichting", required=False)
    if not to_login or not to_login.strip():
        raise ValidationError("missing_field", field="--to")
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="task.handover", reason=note,
                          action="taak overdragen") as session:
        task = _locked(session, task_id)
        if task.status != TaskStatus.OPEN.value:
            raise UserFacingError("task_done", id=task_id)
        target = _user(session, to_login.strip(), "--to")
        if target.id == task.voor_id:
            raise UserFacingError("task_same_owner", id=task_id, login=target.login)
        previous = task.voor_id
        task.voor_id = target.id
        session.add(TaskEvent(task_id=task_id, kind=TaskEventKind.OVERGEDRAGEN.value, van_id=previous,
                              naar_id=target.id, toelichting=note, door=ctx.actor.login))
        session.flush()
        return _one(session, task_id)


def history(ctx: Context, task_id: int) -> list[TaskEventInfo]:
    from sqlalchemy.orm import aliased

    van, naar = aliased(User), aliased(User)
    with ctx.read() as session:
        rows = session.execute(
            select(TaskEvent.id, TaskEvent.task_id, TaskEvent.kind, van.login, naar.login, TaskEvent.toelichting,
                   TaskEvent.door, TaskEvent.occurred_at)
            .outerjoin(van, van.id == TaskEvent.van_id)
            .outerjoin(naar, naar.id == TaskEvent.naar_id)
            .where(TaskEvent.task_id == task_id)
            .order_by(TaskEvent.id)
        ).all()
    return [TaskEventInfo(*row) for row in rows]


def _team_user_ids(session: Session, ctx: Context) -> Any:
    """A subquery of the user ids of my team: the members of my teams (``team_members``); for someone in no team
    (a single-user SQLite profile, a new colleague not yet placed) everyone sharing one of my working roles."""
    from caseworker_app.db.models import TeamMember

    mine = select(TeamMember.team_id).where(TeamMember.user_id == ctx.actor.user_id)
    if session.execute(mine.limit(1)).first() is not None:
        return select(TeamMember.user_id).where(TeamMember.team_id.in_(mine))
    working = [r.value for r in ctx.actor.roles if Permission.RECORD_CONTACT in permissions_of({r})]
    return select(UserRole.user_id).where(UserRole.role.in_(working or ["-"]))


def list_tasks(
    ctx: Context,
    *,
    mine: bool = False,
    team: bool = False,
    overdue: bool = False,
    status: str | None = TaskStatus.OPEN.value,
    debtor_id: int | None = None,
    limit: int = 500,
    offset: int = 0,
    day: dt.date | None = None,
) -> list[TaskInfo]:
    """Tasks by due date (oldest first).  Without ``mine``/``team``: every task the filters leave."""
    if not 1 <= limit <= 10_000:
        raise ValidationError("invalid_field", field="--limit", reason="kies een getal van 1 tot en met 10.000")
    when = day or today()
    with ctx.read() as session:
        stmt, _voor = repo.task_statement()
        if status is not None:
            stmt = stmt.where(Task.status == status)
        if debtor_id is not None:
            stmt = stmt.where(Task.debtor_id == debtor_id)
        if mine and team:
            stmt = stmt.where(Task.voor_id.in_(_team_user_ids(session, ctx)) | (Task.voor_id == ctx.actor.user_id))
        elif mine:
            stmt = stmt.where(Task.voor_id == ctx.actor.user_id)
        elif team:
            stmt = stmt.where(Task.voor_id.in_(_team_user_ids(session, ctx)))
        if overdue:
            stmt = stmt.where(Task.status == TaskStatus.OPEN.value, Task.datum < when)
        rows = session.execute(stmt.order_by(Task.datum, Task.id).limit(limit).offset(offset)).all()
        risk = repo.risk_debtors(session, sorted({r.debtor_id for r in rows})) if rows else {}
    return [info_of(row, row.debtor_id in risk) for row in rows]


def group(tasks: Sequence[TaskInfo], day: dt.date | None = None) -> dict[str, list[TaskInfo]]:
    """Mijn werk's groups: ``te_laat``, ``vandaag``, ``later`` (and ``gedaan``), each by due date."""
    when = day or today()
    out: dict[str, list[TaskInfo]] = {"te_laat": [], "vandaag": [], "later": [], "gedaan": []}
    for task in tasks:
        out[task.bucket(when)].append(task)
    return out


def status_label(status: str) -> str:
    return vocab.label(TaskStatus(status))
