"""Users and their roles.  The application stores no passwords: on PostgreSQL a user is a database login."""

from __future__ import annotations

import re

from sqlalchemy import select

from caseworker_app.errors import NotFoundError, UserFacingError, ValidationError

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.db.models import User, UserRole

from caseworker_app.services.context import Context
from caseworker_app.services.dto import UserInfo

_LOGIN = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")


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
            "invalid_field", field="login", reason="gebruik kleine letters, cijfers, punt, streepje of liggend streepje"
        )
    if not display_name.strip():
        raise ValidationError("missing_field", field="naam")
    if not roles:
        raise ValidationError("missing_field", field="role")
    with ctx.unit_of_work(Permission.MANAGE_USERS, operation="user.add", action="gebruikers beheren") as session:
        if session.execute(select(User.id).where(User.login == login)).first():
            raise UserFacingError("user_exists", login=login)
        user = User(login=login, display_name=display_name.strip(), roles=[UserRole(role=Role(r).value) for r in roles])
        session.add(user)
        session.flush()
        return _info(user)


def set_roles(ctx: Context, login: str, roles: tuple[Role, ...]) -> UserInfo:
    with ctx.unit_of_work(Permission.MANAGE_USERS, operation="user.set_roles", action="gebruikers beheren") as session:
        user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
        if user is None:
            raise NotFoundError("Gebruiker", login)
        # keep the rows of the roles that stay: only what changes is deleted or inserted (and audited)
        current = {r.role: r for r in user.roles}
        wanted = dict.fromkeys(Role(r).value for r in roles)
        user.roles = [current.get(value) or UserRole(role=value) for value in wanted]
        session.flush()
        return _info(user)


def list_users(ctx: Context) -> list[UserInfo]:
    with ctx.read() as session:
        return [_info(u) for u in session.execute(select(User).order_by(User.login)).scalars()]
