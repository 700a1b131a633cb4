"""The attacks the reviewers ran against the shared database (issue 12), each as a test that the database stops it."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from caseworker_app.errors import CaseworkerError, NotFoundError, PermissionDeniedError, UserFacingError
from tests.factories import add_debtor, make_login, open_context
from tests.security.support import ROLES, Secured

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.services import admin, debtors, users
from caseworker_app.services.context import Database

WRITERS = [r for r in ROLES if r is not Role.AUDITOR]


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def _scalar(url: str, sql: str, **params: object) -> object:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_the_database_names_the_actor(secured: Secured, role: Role) -> None:
    """A booking or an audit row "in another officer's name" carries the login that wrote it, whatever it says."""
    me = secured.logins[role]
    if role is Role.AUDITOR:
        assert secured.refused(role, "INSERT INTO audit_log (occurred_at, actor, action, entity) "
                               "VALUES (now(), 'iemand.anders', 'x', 'debtors')") == "42501"  # fmt: skip
        return
    with secured.engine(role).begin() as conn:
        audit_id = conn.execute(
            text(
                "INSERT INTO audit_log (occurred_at, actor, action, entity) "
                "VALUES (now(), 'iemand.anders', 'vervalst', 'debtors') RETURNING id"
            )
        ).scalar_one()
    actor = _scalar(secured.url, "SELECT actor FROM audit_log WHERE id = :id", id=audit_id)
    assert actor == me
    if role in (Role.CASEWORKER, Role.BAILIFF, Role.TEAMLEAD, Role.STELLA):
        with secured.attempt(role) as conn:
            created_by = conn.execute(
                text(
                    "INSERT INTO bookings (claim_id, kind, amount, booking_date, created_by) "
                    "VALUES (:claim, 'betaling', -99999, current_date, 'iemand.anders') RETURNING created_by"
                ),
                {"claim": secured.claim_id},
            ).scalar_one()
        assert created_by == me


def test_five_logins_connecting_to_a_fresh_database_become_nobody(pg_url: str) -> None:
    """Reviewers: five logins connecting at once to a fresh database all became admin.  Now nobody becomes
    anything by connecting: before set-up the schema is missing, after it only the named administrator is one."""
    logins = [make_login(pg_url, f"eerste{i}") for i in range(5)]
    chosen = make_login(pg_url, "beheer")
    errors: list[BaseException] = []

    def connect(login: str) -> None:
        try:
            Database.open(_as(pg_url, login)).login()
        except BaseException as exc:
            errors.append(exc)

    def all_at_once() -> None:
        threads = [threading.Thread(target=connect, args=(login,)) for login in logins]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)

    all_at_once()  # an empty database
    assert len(errors) == 5 and all(isinstance(e, CaseworkerError) for e in errors)
    assert {getattr(e, "code", "") for e in errors} == {"schema_missing"}

    admin.upgrade(pg_url, admin_login=chosen)
    errors.clear()
    all_at_once()  # set up, with an administrator; the five have no role
    assert len(errors) == 5 and {getattr(e, "code", "") for e in errors} == {"no_database_roles"}
    assert _scalar(pg_url, "SELECT string_agg(login, ',' ORDER BY login) FROM users") == chosen
    ctx = Database.open(_as(pg_url, chosen)).login()
    try:
        assert ctx.actor.roles == frozenset({Role.ADMIN})
    finally:
        ctx.db.dispose()


def test_setting_up_names_a_login_that_exists(pg_url: str) -> None:
    with pytest.raises(UserFacingError) as info:
        admin.upgrade(pg_url, admin_login="bestaat.niet")
    assert info.value.code == "login_missing" and "bestaat.niet" in info.value.message
    assert admin.status(pg_url).schema_state == "empty"  # nothing was set up


def test_a_caseworker_cannot_promote_itself_or_demote_the_admin(secured: Secured) -> None:
    worker = secured.context(Role.CASEWORKER)
    try:
        with pytest.raises(PermissionDeniedError):
            users.set_roles(worker, worker.actor.login, (Role.CASEWORKER, Role.ADMIN))
        with pytest.raises(PermissionDeniedError):
            users.revoke_roles(worker, secured.logins[Role.ADMIN], (Role.ADMIN,))
    finally:
        worker.db.dispose()
    roles = _scalar(
        secured.url,
        "SELECT string_agg(r.role, ',') FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.login = :l",
        l=secured.logins[Role.ADMIN],
    )
    assert roles == "admin"


def test_user_add_grant_and_revoke_change_what_the_database_allows(pg_url: str) -> None:
    builder = open_context(pg_url)
    try:
        debtor_id = add_debtor(builder)
        login = make_login(pg_url, "anouk")
        with pytest.raises(UserFacingError) as info:
            users.add_user(builder, "geen.login", "Geen Login", (Role.CASEWORKER,))
        assert info.value.code == "login_missing"
        users.add_user(builder, login, "Anouk Jansen", (Role.AUDITOR,))
        as_anouk = _as(pg_url, login)
        engine = create_engine(make_url(as_anouk).set(drivername="postgresql+psycopg"), poolclass=NullPool)
        update = text("UPDATE debtors SET telefoon = '0611' WHERE id = :id")
        try:
            with pytest.raises(Exception, match="permission denied"), engine.begin() as conn:
                conn.execute(update, {"id": debtor_id})
            users.grant_roles(builder, login, (Role.CASEWORKER,))
            with engine.begin() as conn:  # now the database allows it
                conn.execute(update, {"id": debtor_id})
            ctx = Database.open(as_anouk).login()
            assert ctx.actor.roles == frozenset({Role.AUDITOR, Role.CASEWORKER})
            ctx.db.dispose()
            users.revoke_roles(builder, login, (Role.CASEWORKER,))
            with pytest.raises(Exception, match="permission denied"), engine.begin() as conn:
                conn.execute(update, {"id": debtor_id})
        finally:
            engine.dispose()
        with pytest.raises(NotFoundError):
            users.grant_roles(builder, "niemand", (Role.CASEWORKER,))
    finally:
        builder.db.dispose()


def test_the_last_admin_cannot_be_removed(pg_url: str) -> None:
    only = make_login(pg_url, "enige")
    admin.upgrade(pg_url, admin_login=only)
    ctx = Database.open(_as(pg_url, only)).login()
    try:
        with pytest.raises(UserFacingError) as info:
            users.revoke_roles(ctx, only, (Role.ADMIN,))
        assert info.value.code == "last_admin"
    finally:
        ctx.db.dispose()


def test_the_service_refusal_and_the_database_refusal_agree(secured: Secured) -> None:
    """An auditor's edit is refused by the service with a clear message; the raw UPDATE by the database."""
    auditor = secured.context(Role.AUDITOR)
    try:
        detail = debtors.get_debtor(auditor, secured.debtor_id)
        with pytest.raises(PermissionDeniedError) as info:
            debtors.update_debtor(auditor, detail, {"telefoon": "0699"})
        assert "invorderaar" in info.value.message
    finally:
        auditor.db.dispose()
    assert secured.refused(Role.AUDITOR, "UPDATE debtors SET telefoon = '0699'") == "42501"


def test_a_payment_booked_by_a_caseworker_through_the_service_path_names_them(secured: Secured) -> None:
    """Bookings written through the ORM as a real login carry that login (the database overrides created_by)."""
    from caseworker_app.db.models import Booking

    worker = secured.context(Role.CASEWORKER)
    try:
        with worker.unit_of_work(Permission.BOOK_LEDGER, operation="test.book_payment") as session:
            booking = Booking(
                claim_id=secured.claim_id, kind="betaling", amount=-1, booking_date=date(2025, 6, 1),
                created_by="iemand.anders",
            )  # fmt: skip
            session.add(booking)
            session.flush()
            booking_id = booking.id
    finally:
        worker.db.dispose()
    assert _scalar(secured.url, "SELECT created_by FROM bookings WHERE id = :id", id=booking_id) == secured.logins[
        Role.CASEWORKER
    ]
