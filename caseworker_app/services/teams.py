"""Teams, their members and leads, and which team and behandelaar a debtor has (issue 9).

The administrator forms teams (``caseworker team add``/``team member``); a team's leads (``is_lead``, who also hold
the team lead role) decide its proposals in their queue (``services/queues.py``).  Assigning a debtor to a team and a
behandelaar is casework (``Permission.EDIT_DEBTOR``): a proposal made afterwards lands in that team's queue; one
already open stays with the team it was made in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker_app.errors import NotFoundError, UserFacingError, ValidationError

from caseworker_app.domain.decisions import DecisionStatus
from caseworker_app.domain.identifiers import validate_bsn
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.db.models import Debtor, Decision, Team, TeamMember, User, UserRole

from caseworker_app.services.context import Context

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,19}$")
MAX_NAME = 120


@dataclass(frozen=True)
class MemberInfo:
    login: str
    display_name: str
    is_lead: bool


@dataclass(frozen=True)
class TeamInfo:
    id: int
    code: str
    name: str
    members: tuple[MemberInfo, ...]
    debtors: int
    open_decisions: int

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "naam": self.name,
            "leden": [{"login": m.login, "naam": m.display_name, "teamleider": m.is_lead} for m in self.members],
            "schuldenaren": self.debtors,
            "open_voorstellen": self.open_decisions,
        }


@dataclass(frozen=True)
class Assignment:
    debtor_id: int
    bsn: str | None
    team_code: str
    behandelaar_login: str | None


def clean_code(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("missing_field", field="code")
    code = value.strip().upper()
    if not _CODE.match(code):
        raise ValidationError(
            "invalid_field",
            field="code",
            reason="gebruik 1 tot 20 letters, cijfers, streepjes of liggende streepjes, bijvoorbeeld INV-UTR",
        )
    return code


def _clean_name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("missing_field", field="naam")
    name = " ".join(value.split())
    if len(name) > MAX_NAME:
        raise ValidationError("invalid_field", field="naam", reason=f"hoogstens {MAX_NAME} tekens")
    if any(ord(c) < 32 for c in name):
        raise ValidationError("invalid_field", field="naam", reason="de naam bevat een onzichtbaar stuurteken")
    return name


def _team(session: Session, code: str) -> Team:
    team = session.execute(select(Team).where(Team.code == code)).scalar_one_or_none()
    if team is None:
        raise NotFoundError("Team", code)
    return team


def _user(session: Session, login: object) -> User:
    if not isinstance(login, str) or not login.strip():
        raise ValidationError("missing_field", field="login")
    user = session.execute(select(User).where(User.login == login.strip())).scalar_one_or_none()
    if user is None:
        raise NotFoundError("Gebruiker", login.strip()[:63])
    return user


def add_team(ctx: Context, code: str, name: str) -> TeamInfo:
    code, name = clean_code(code), _clean_name(name)
    with ctx.unit_of_work(Permission.MANAGE_USERS, operation="team.add", action="teams beheren") as session:
        if session.execute(select(Team.id).where(Team.code == code)).first():
            raise UserFacingError("duplicate", entity="Team", field="code", value=code)
        team = Team(code=code, name=name)
        session.add(team)
        session.flush()
        return _info(session, team)


def set_member(ctx: Context, login: str, code: str, *, lead: bool = False, remove: bool = False) -> TeamInfo:
    """Put ``login`` in team ``code`` (as a lead with ``lead``), or take them out with ``remove``."""
    code = clean_code(code)
    with ctx.unit_of_work(Permission.MANAGE_USERS, operation="team.member", action="teams beheren") as session:
        team = _team(session, code)
        user = _user(session, login)
        member = session.get(TeamMember, (team.id, user.id))
        if remove:
            if member is None:
                raise UserFacingError("team_not_member", login=user.login, team=code)
            session.delete(member)
        else:
            if lead and not _holds(session, user.id, Role.TEAMLEAD):
                raise UserFacingError("team_lead_needs_role", login=user.login)
            if member is None:
                session.add(TeamMember(team_id=team.id, user_id=user.id, is_lead=lead))
            else:
                member.is_lead = lead
        session.flush()
        return _info(session, team)


def _holds(session: Session, user_id: int, role: Role) -> bool:
    return session.get(UserRole, (user_id, role.value)) is not None


def list_teams(ctx: Context) -> list[TeamInfo]:
    with ctx.read() as session:
        teams = session.execute(select(Team).order_by(Team.code)).scalars().all()
        return [_info(session, t) for t in teams]


def teams_led_by(ctx: Context) -> list[TeamInfo]:
    """The teams the acting user leads (their queue)."""
    with ctx.read() as session:
        teams = session.execute(
            select(Team)
            .join(TeamMember, TeamMember.team_id == Team.id)
            .where(TeamMember.user_id == ctx.actor.user_id, TeamMember.is_lead)
            .order_by(Team.code)
        ).scalars()
        return [_info(session, t) for t in teams]


def _info(session: Session, team: Team) -> TeamInfo:
    members = session.execute(
        select(User.login, User.display_name, TeamMember.is_lead)
        .join(TeamMember, TeamMember.user_id == User.id)
        .where(TeamMember.team_id == team.id)
        .order_by(TeamMember.is_lead.desc(), User.display_name)
    ).all()
    debtors = session.execute(select(func.count()).where(Debtor.team_id == team.id)).scalar_one()
    pending = session.execute(
        select(func.count()).where(Decision.team_id == team.id, Decision.status == DecisionStatus.OPEN.value)
    ).scalar_one()
    return TeamInfo(
        id=team.id,
        code=team.code,
        name=team.name,
        members=tuple(MemberInfo(m.login, m.display_name, bool(m.is_lead)) for m in members),
        debtors=int(debtors),
        open_decisions=int(pending),
    )


def assign_debtor(ctx: Context, bsn: str, code: str, behandelaar: str | None = None) -> Assignment:
    """Give the debtor with ``bsn`` team ``code`` and (optionally) a behandelaar who is a member of that team.

    Without ``behandelaar`` the debtor keeps theirs if they are in the new team too, else has none.
    """
    number = validate_bsn(bsn if isinstance(bsn, str) else str(bsn))
    code = clean_code(code)
    with ctx.unit_of_work(
        Permission.EDIT_DEBTOR, operation="debtor.assign", action="een schuldenaar aan een team toewijzen"
    ) as session:
        debtor = session.execute(select(Debtor).where(Debtor.bsn == number)).scalar_one_or_none()
        if debtor is None:
            raise NotFoundError("Schuldenaar met BSN", number)
        team = _team(session, code)
        login = None
        if behandelaar is not None:
            user = _user(session, behandelaar)
            if session.get(TeamMember, (team.id, user.id)) is None:
                raise UserFacingError("behandelaar_not_in_team", login=user.login, team=code)
            if not user.active:
                raise UserFacingError("inactive_user", login=user.login)
            debtor.behandelaar_id = user.id
            login = user.login
        elif debtor.behandelaar_id is not None:
            if session.get(TeamMember, (team.id, debtor.behandelaar_id)) is None:
                debtor.behandelaar_id = None  # the old behandelaar is not in the new team
            else:
                login = session.execute(select(User.login).where(User.id == debtor.behandelaar_id)).scalar_one()
        debtor.team_id = team.id
        session.flush()
        return Assignment(debtor.id, debtor.bsn, team.code, login)
