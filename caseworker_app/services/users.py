"""Users and their roles.  The application stores no passwords: on PostgreSQL a user is a database login.

On PostgreSQL a role is a membership of the login in the role's group role (``db/security.py``), granted and
revoked in the same transaction as the ``user_roles`` row that mirrors it, so the database enforces exactly what
``caseworker user list`` shows.  A login that does not exist on the server is refused: creating logins and their
authentication (password, Kerberos, certificate) is the database administrator's job, and the application's admin
role deliberately has no CREATEROLE (with it, it could make itself owner of the schema).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker_app.errors import NotFoundError, UserFacingError, ValidationError

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.db import security
from caseworker_app.db.models import User, UserRole

from caseworker_app.services.context import Context
from caseworker_app.services.dto import UserInfo

_LOGIN = re.compile(r"^[a-z_][a-z0-9_.@\-]{0,62}$")


def parse_roles(values: list[str] | tuple[str, ...]) -> tuple[Role, ...]:
    roles: list[Role] = []
    for raw in values:
        for part in raw.split(","):
            name = part.strip().lower()
            if not name:
                continue
            try:
                role = Role(name)
            except ValueError:
                raise ValidationError("invalid_role", value=name, choices=", ".join(r.value for r in Role)) from None
            if role not in roles:
                roles.append(role)
    if not roles:
        raise ValidationError("missing_field", field="role")
    return tuple(roles)


def _info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        login=user.login,
        display_name=user.display_name,
        roles=tuple(Role(r.role) for r in user.roles),
        active=user.active,
        version=user.version,
    )


def add_user(ctx: Context, login: str, display_name: str, roles: tuple[Role, ...]) -> UserInfo:
    login = login.strip()
    if not _LOGIN.match(login):
        raise ValidationError(
            "invalid_field",
            field="login",
            reason="gebruik kleine letters, cijfers, punt, apenstaartje, streepje of liggend streepje (hoogstens 63)",
        )
    if not display_name.strip():
        raise ValidationError("missing_field", field="naam")
    if len(display_name.strip()) > 120:
        raise ValidationError("invalid_field", field="naam", reason="hoogstens 120 tekens")
    if not roles:
        raise ValidationError("missing_field", field="role")
    with ctx.unit_of_work(Permission.MANAGE_USERS, operation="user.add", action="gebruikers beheren") as session:
        if session.execute(select(User.id).where(User.login == login)).first():
            raise UserFacingError("user_exists", login=login)
        if ctx.db.is_shared and not security.login_exists(session.connection(), login):
            raise UserFacingError("login_missing", login=login)
        user = User(login=login, display_name=display_name.strip(), roles=[UserRole(role=Role(r).value) for r in roles])
        session.add(user)
        session.flush()
        if ctx.db.is_shared:
            for role in roles:
                security.grant_role(session.connection(), login, Role(role))
        return _info(user)


def set_roles(ctx: Context, login: str, roles: tuple[Role, ...]) -> UserInfo:
    """Give ``login`` exactly ``roles``: what is added is granted, what is left out is revoked (audited)."""
    with ctx.unit_of_work(Permission.MANAGE_USERS, operation="user.set_roles", action="gebruikers beheren") as session:
        user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
        if user is None:
            raise NotFoundError("Gebruiker", login)
        current = [Role(r.role) for r in user.roles]
        wanted = [Role(r) for r in dict.fromkeys(roles)]
        if Role.ADMIN in current and Role.ADMIN not in wanted and not _another_admin(session, user.id):
            raise UserFacingError("last_admin", login=login)
        # keep the rows of the roles that stay: only what changes is deleted or inserted (and audited)
        kept = {r.role: r for r in user.roles}
        user.roles = [kept.get(r.value) or UserRole(role=r.value) for r in wanted]
        session.flush()
        if ctx.db.is_shared:
            conn = session.connection()
            for role in current:
                if role not in wanted:
                    security.revoke_role(conn, login, role)
            for role in wanted:
                if role not in current:
                    if not security.login_exists(conn, login):
                        raise UserFacingError("login_missing", login=login)
                    security.grant_role(conn, login, role)
        return _info(user)


def grant_roles(ctx: Context, login: str, roles: tuple[Role, ...]) -> UserInfo:
    current = _roles_of(ctx, login)
    return set_roles(ctx, login, tuple(dict.fromkeys((*current, *roles))))


def revoke_roles(ctx: Context, login: str, roles: tuple[Role, ...]) -> UserInfo:
    current = _roles_of(ctx, login)
    return set_roles(ctx, login, tuple(r for r in current if r not in roles))


def _roles_of(ctx: Context, login: str) -> tuple[Role, ...]:
    with ctx.read(Permission.MANAGE_USERS) as session:
        user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
        if user is None:
            raise NotFoundError("Gebruiker", login)
        return tuple(Role(r.role) for r in user.roles)


def _another_admin(session: Session, user_id: int) -> bool:
    return (
        session.execute(
            select(UserRole.user_id)
            .join(User, User.id == UserRole.user_id)
            .where(UserRole.role == Role.ADMIN.value, UserRole.user_id != user_id, User.active.is_(True))
            .limit(1)
        ).first()
        is not None
    )


def list_users(ctx: Context) -> list[UserInfo]:
    """Every user with their roles; on PostgreSQL the roles the database enforces (the login's group-role
    memberships, also those the database administrator granted outside Caseworker), not the ``user_roles`` mirror."""
    with ctx.read() as session:
        people = list(session.execute(select(User).order_by(User.login)).scalars())
        if not ctx.db.is_shared:
            return [_info(u) for u in people]
        held = security.memberships(session.connection())
        return [
            replace(_info(u), roles=tuple(r for r in Role if r in held.get(u.login, frozenset()))) for u in people
        ]
