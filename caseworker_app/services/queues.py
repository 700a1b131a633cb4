"""Queues: the lists of decisions people work through (issue 9, "Teams, ownership and queues").

* :func:`team_pending` -- a team lead's queue: the open proposals of the teams they lead (and those of debtors in no
  team), oldest first, never their own proposals (those a second person decides);
* :func:`my_proposals` -- what I proposed, newest first, with what became of it;
* :func:`overdue` -- open proposals waiting longer than their policy's ``decide_within_days``.

Each is one paged query (``limit``/``offset``) plus one count, filterable by kind, soort and a text (a BSN, or part
of the debtor's name), over the indexes ``ix_decisions_queue`` and ``ix_decisions_proposer``.  A queue refreshes
when someone else acts: on PostgreSQL the change channel notifies ``decision:<id>`` (``services/changes.py``), on
SQLite :func:`queue_token` is the cheap check to poll.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from caseworker_app.errors import ValidationError

from caseworker_app.domain.decisions import (
    DEFAULT_DECIDE_WITHIN_DAYS,
    STATUS_LABELS,
    DecisionPolicy,
    DecisionStatus,
    kind_label,
)
from caseworker_app.domain.identifiers import is_valid_bsn
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.search import fold

from caseworker_app.db.models import Debtor, Decision, Team, TeamMember, User

from caseworker_app.services import validation
from caseworker_app.services.context import Context
from caseworker_app.services.decisions import policies

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_FILTER_TEXT = 100


@dataclass(frozen=True)
class QueueItem:
    """One line of a queue: enough to choose what to open, without loading the debtor."""

    decision_id: int
    kind: str
    kind_label: str
    soort: str | None
    status: str
    status_label: str
    debtor_id: int
    debtor_name: str
    bsn: str | None
    team_id: int | None
    team_code: str | None
    proposed_by_login: str
    proposed_by_name: str
    proposed_at: dt.datetime
    age_days: int
    amount: Decimal | None
    days: int | None
    reason: str
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in self.__dataclass_fields__:
            value = getattr(self, key)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, dt.datetime):
                value = value.isoformat()
            out[key] = value
        return out


@dataclass(frozen=True)
class QueuePage:
    items: tuple[QueueItem, ...]
    total: int
    limit: int
    offset: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


# ----------------------------------------------------------------------------------------------- queues


def team_pending(
    ctx: Context,
    team_id: int | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    kind: str | None = None,
    soort: str | None = None,
    text: str | None = None,
) -> QueuePage:
    """The open proposals a team lead decides, oldest first.

    ``team_id`` None: the teams the lead leads, plus debtors in no team; a lead of no team sees every open proposal
    (a small office without teams).  Their own proposals are left out: a second person decides those.
    """
    ctx.require(Permission.APPROVE, "de wachtrij van het team bekijken")
    limit, offset = _paging(limit, offset)
    with ctx.read(Permission.APPROVE) as session:
        conditions: list[ColumnElement[bool]] = [
            Decision.status == DecisionStatus.OPEN.value,
            Decision.proposed_by != ctx.actor.user_id,
        ]
        if team_id is not None:
            conditions.append(Decision.team_id == team_id)
        else:
            led = list(
                session.execute(
                    select(TeamMember.team_id).where(TeamMember.user_id == ctx.actor.user_id, TeamMember.is_lead)
                ).scalars()
            )
            if led:
                conditions.append(or_(Decision.team_id.in_(led), Decision.team_id.is_(None)))
        return _page(session, conditions, _filters(kind, soort, text), limit, offset, oldest_first=True)


def my_proposals(
    ctx: Context,
    *,
    status: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    kind: str | None = None,
    soort: str | None = None,
    text: str | None = None,
) -> QueuePage:
    """What the acting user proposed, newest first (``status``: only those in that state, e.g. ``teruggestuurd``)."""
    limit, offset = _paging(limit, offset)
    conditions: list[ColumnElement[bool]] = [Decision.proposed_by == ctx.actor.user_id]
    if status is not None:
        try:
            conditions.append(Decision.status == DecisionStatus(status).value)
        except ValueError:
            choices = ", ".join(s.value for s in DecisionStatus)
            raise ValidationError("invalid_field", field="status", reason=f"kies uit {choices}") from None
    with ctx.read() as session:
        return _page(session, conditions, _filters(kind, soort, text), limit, offset, oldest_first=False)


def overdue(
    ctx: Context,
    team_id: int | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    kind: str | None = None,
    soort: str | None = None,
    text: str | None = None,
) -> QueuePage:
    """Open proposals waiting longer than their policy allows (``decide_within_days``), oldest first."""
    ctx.require(Permission.APPROVE, "de wachtrij van het team bekijken")
    limit, offset = _paging(limit, offset)
    with ctx.read(Permission.APPROVE) as session:
        now = dt.datetime.now(dt.UTC)
        conditions: list[ColumnElement[bool]] = [
            Decision.status == DecisionStatus.OPEN.value,
            Decision.proposed_at < _due_expression(policies(session), now),
        ]
        if team_id is not None:
            conditions.append(Decision.team_id == team_id)
        return _page(session, conditions, _filters(kind, soort, text), limit, offset, oldest_first=True)


def queue_token(ctx: Context) -> str:
    """A cheap string that changes whenever any decision is proposed, decided or withdrawn (SQLite polling)."""
    with ctx.read() as session:
        row = session.execute(
            select(func.count(), func.coalesce(func.max(Decision.id), 0), func.coalesce(func.sum(Decision.version), 0))
        ).one()
    return ".".join(str(v) for v in row)


# ---------------------------------------------------------------------------------------------- building


def _paging(limit: object, offset: object) -> tuple[int, int]:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("invalid_field", field="limit", reason=f"kies 1 tot en met {MAX_LIMIT}")
    if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= validation.INTEGER_MAX:
        raise ValidationError("invalid_field", field="offset", reason="kies 0 of meer")
    return limit, offset


def _filters(kind: str | None, soort: str | None, text: str | None) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if kind:
        out.append(Decision.kind == kind.strip())
    if soort:
        out.append(Decision.soort == soort.strip())
    if text is not None and text.strip():
        wanted = text.strip()
        if len(wanted) > MAX_FILTER_TEXT:
            raise ValidationError("invalid_field", field="zoektekst", reason=f"hoogstens {MAX_FILTER_TEXT} tekens")
        digits = wanted.replace(" ", "").replace(".", "")
        if digits.isdigit() and len(digits) == 9 and is_valid_bsn(digits):
            out.append(Debtor.bsn == digits)
        else:
            key = fold(wanted).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            out.append(Debtor.search_name.like(f"%{key}%", escape="\\"))
    return out


def _due_expression(known: list[DecisionPolicy], now: dt.datetime) -> ColumnElement[Any]:
    """Per decision, the moment before which it was proposed if it is overdue now (its policy's days, the soort's
    policy before the kind's, else the default)."""

    def cutoff(days: int) -> ColumnElement[Any]:
        return literal(now - dt.timedelta(days=days), Decision.proposed_at.type)

    whens: list[tuple[ColumnElement[bool], ColumnElement[Any]]] = []
    for p in sorted(known, key=lambda p: p.soort is None):
        condition = Decision.kind == p.kind
        if p.soort is not None:
            condition = and_(condition, Decision.soort == p.soort)
        whens.append((condition, cutoff(p.decide_within_days)))
    if not whens:
        return cutoff(DEFAULT_DECIDE_WITHIN_DAYS)
    return case(*whens, else_=cutoff(DEFAULT_DECIDE_WITHIN_DAYS))


_Proposer = aliased(User, name="queue_proposer")


def _page(
    session: Session,
    conditions: list[ColumnElement[bool]],
    filters: list[ColumnElement[bool]],
    limit: int,
    offset: int,
    *,
    oldest_first: bool,
) -> QueuePage:
    needs_debtor = bool(filters)
    count: Select[Any] = select(func.count()).select_from(Decision)
    if needs_debtor:
        count = count.join(Debtor, Debtor.id == Decision.debtor_id)
    total = int(session.execute(count.where(*conditions, *filters)).scalar_one())
    order = (Decision.proposed_at, Decision.id) if oldest_first else (Decision.proposed_at.desc(), Decision.id.desc())
    # the page of ids first (index order, no joins), then the rows of that page only
    ids_stmt = select(Decision.id).where(*conditions, *filters).order_by(*order).limit(limit).offset(offset)
    if needs_debtor:
        ids_stmt = ids_stmt.join(Debtor, Debtor.id == Decision.debtor_id)
    page_ids = list(session.execute(ids_stmt).scalars())
    if not page_ids:
        return QueuePage((), total, limit, offset)
    rows = session.execute(
        select(
            Decision,
            Debtor.voornamen,
            Debtor.tussenvoegsel,
            Debtor.achternaam,
            Debtor.bsn,
            Team.code,
            _Proposer.login,
            _Proposer.display_name,
        )
        .join(Debtor, Debtor.id == Decision.debtor_id)
        .join(_Proposer, _Proposer.id == Decision.proposed_by)
        .outerjoin(Team, Team.id == Decision.team_id)
        .where(Decision.id.in_(page_ids))
    ).all()
    by_id = {row[0].id: row for row in rows}
    now = dt.datetime.now(dt.UTC)
    due = {(p.kind, p.soort): p.decide_within_days for p in policies(session)}
    items = tuple(_item(by_id[i], now, due) for i in page_ids if i in by_id)
    return QueuePage(items, total, limit, offset)


def _item(row: Any, now: dt.datetime, due: dict[tuple[str, str | None], int]) -> QueueItem:
    d, voornamen, tussenvoegsel, achternaam, bsn, team_code, login, display = row
    proposed_at = d.proposed_at if d.proposed_at.tzinfo is not None else d.proposed_at.replace(tzinfo=dt.UTC)
    middle = f" {tussenvoegsel}" if tussenvoegsel else ""
    name = f"{voornamen}{middle} {achternaam}" if voornamen else achternaam
    within = due.get((d.kind, d.soort), due.get((d.kind, None), DEFAULT_DECIDE_WITHIN_DAYS))
    status = DecisionStatus(d.status)
    return QueueItem(
        decision_id=d.id,
        kind=d.kind,
        kind_label=kind_label(d.kind),
        soort=d.soort,
        status=d.status,
        status_label=STATUS_LABELS[status],
        debtor_id=d.debtor_id,
        debtor_name=name,
        bsn=bsn,
        team_id=d.team_id,
        team_code=team_code,
        proposed_by_login=login,
        proposed_by_name=display,
        proposed_at=proposed_at,
        age_days=max(0, (now - proposed_at).days),
        amount=d.amount,
        days=d.days,
        reason=d.reason,
        overdue=status is DecisionStatus.OPEN and now - proposed_at > dt.timedelta(days=within),
    )
