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

    def set_up_here(login: str) -> None:  # the window's "inrichten", answered by all five at once
        try:
            admin.set_up_here(_as(pg_url, login))
        except BaseException as exc:
            errors.append(exc)

    errors.clear()
    threads = [threading.Thread(target=set_up_here, args=(login,)) for login in logins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(errors) == 5 and {getattr(e, "code", "") for e in errors} == {"not_db_admin_new"}
    assert admin.status(pg_url).schema_state == "empty"

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


def _superuser(url: str, *statements: str) -> None:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_revoking_a_role_takes_it_away_in_the_database_and_is_audited(pg_url: str) -> None:
    """``user revoke`` as a real admin login: the database refuses what the role allowed, and the audit says who."""
    chief = make_login(pg_url, "chef")
    admin.upgrade(pg_url, admin_login=chief)
    worker = make_login(pg_url, "wouter")
    ctx = Database.open(_as(pg_url, chief)).login()
    read_audit = "SELECT count(actor) FROM audit_log"
    try:
        users.add_user(ctx, worker, "Wouter de Wit", (Role.CASEWORKER, Role.TEAMLEAD))
        assert isinstance(_scalar(_as(pg_url, worker), read_audit), int)  # a teamlead reads the audit trail
        users.revoke_roles(ctx, worker, (Role.TEAMLEAD,))
    finally:
        ctx.db.dispose()
    with pytest.raises(Exception, match="permission denied"):
        _scalar(_as(pg_url, worker), read_audit)
    back = Database.open(_as(pg_url, worker)).login()
    try:
        assert back.actor.roles == frozenset({Role.CASEWORKER})
    finally:
        back.db.dispose()
    row = _scalar(
        pg_url,
        "SELECT actor || ' ' || operation || ' ' || (before ->> 'role') FROM audit_log "
        "WHERE entity = 'user_roles' AND action = 'delete'",
    )
    assert row == f"{chief} user.set_roles teamlead"


def test_a_role_the_login_keeps_through_another_grant_is_not_reported_revoked(pg_url: str) -> None:
    """The database administrator gave a site role the teamlead group role; revoking the login's own membership
    would leave it a teamlead, so the revocation is refused with the reason and nothing changes."""
    chief = make_login(pg_url, "chef")
    admin.upgrade(pg_url, admin_login=chief)
    worker = make_login(pg_url, "wouter")
    site_role = f"{make_url(pg_url).database}_u_team_noord"
    ctx = Database.open(_as(pg_url, chief)).login()
    try:
        users.add_user(ctx, worker, "Wouter de Wit", (Role.CASEWORKER, Role.TEAMLEAD))
        group = str(_scalar(pg_url, "SELECT pg_role FROM security_roles WHERE role = 'teamlead'"))
        _superuser(pg_url, f'CREATE ROLE "{site_role}" NOLOGIN', f'GRANT "{group}" TO "{site_role}"',
                   f'GRANT "{site_role}" TO "{worker}"')  # fmt: skip
        with pytest.raises(UserFacingError) as info:
            users.revoke_roles(ctx, worker, (Role.TEAMLEAD,))
        assert info.value.code == "role_held_elsewhere"
        assert site_role in info.value.message and "teamleider" in info.value.message
        listed = {u.login: u.roles for u in users.list_users(ctx)}
        assert Role.TEAMLEAD in listed[worker]  # what the database enforces, not what was asked
        # straight to the function with psql: refused too, not "true"
        with pytest.raises(Exception, match="still holds"):
            _scalar(_as(pg_url, chief), f"SELECT caseworker_revoke_role('{worker}', 'teamlead')")
        _superuser(pg_url, f'REVOKE "{site_role}" FROM "{worker}"')
        assert Role.TEAMLEAD not in users.revoke_roles(ctx, worker, (Role.TEAMLEAD,)).roles
    finally:
        ctx.db.dispose()
    assert _scalar(pg_url, f"SELECT caseworker_is_member('{worker}', '{group}')") is False


#: The reviewers' session as a caseworker login with psql, statement by statement (``{...}`` filled in), and what
#: the database answers: a SQLSTATE it refuses with, or None where the statement is the caseworker's work and goes
#: through -- with the database's own actor and time.
REVIEWERS_SCRIPT: tuple[tuple[str, str | None], ...] = (
    # give itself the admin role
    ('GRANT "{admin_group}" TO "{me}"', "42501"),
    ("SELECT caseworker_grant_role('{me}', 'admin')", "42501"),
    ("INSERT INTO user_roles (user_id, role) SELECT id, 'admin' FROM users WHERE login = '{me}'", "42501"),
    ("UPDATE user_roles SET role = 'admin' WHERE user_id = (SELECT id FROM users WHERE login = '{me}')", "42501"),
    ('SET ROLE "{owner}"', "42501"),
    # demote the real admin
    ('REVOKE "{admin_group}" FROM "{admin_login}"', "42501"),
    ("SELECT caseworker_revoke_role('{admin_login}', 'admin')", "42501"),
    ("DELETE FROM user_roles WHERE role = 'admin'", "42501"),
    ("UPDATE users SET active = false WHERE login = '{admin_login}'", "42501"),
    # book a payment that wipes a claim, in another officer's name, then hide it
    (
        "INSERT INTO bookings (claim_id, kind, amount, booking_date, created_by) "
        "VALUES ({claim}, 'betaling', -99999, current_date, '{other}')",
        None,
    ),
    ("UPDATE claims SET original_amount = 0.01 WHERE id = {claim}", "42501"),
    ("UPDATE bookings SET created_by = '{other}' WHERE claim_id = {claim}", "42501"),
    ("DELETE FROM bookings WHERE claim_id = {claim}", "42501"),
    # forge an audit row, then rewrite or remove the real ones
    (
        "INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id) "
        "VALUES ('2020-01-01', '{other}', 'aanval', 'claims', '{claim}')",
        None,
    ),
    (
        "SET caseworker.bulk_load = 'on'; INSERT INTO audit_log (occurred_at, actor, action, entity) "
        "VALUES ('2020-01-01', '{other}', 'aanval-bulk', 'claims')",
        None,
    ),
    ("UPDATE audit_log SET actor = '{other}'", "42501"),
    ("DELETE FROM audit_log", "42501"),
    ("TRUNCATE audit_log", "42501"),
    ("UPDATE audit_chain_head SET seq = 0", "42501"),
    ("DELETE FROM audit_chain", "42501"),
    # install a trigger that rewrites the actor of every later audit row
    (
        "CREATE FUNCTION pg_temp.evil() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.actor := '{other}'; RETURN NEW; END $$; "
        "CREATE TRIGGER evil BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION pg_temp.evil()",
        "42501",
    ),
    (
        "CREATE OR REPLACE FUNCTION caseworker_set_actor() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RETURN NEW; END $$",
        "42501",
    ),
    ("ALTER TABLE audit_log DISABLE TRIGGER ALL", "42501"),
    ("SET session_replication_role = replica", "42501"),
    ("CREATE SCHEMA evil", "42501"),
    ("CREATE EVENT TRIGGER evil ON ddl_command_start EXECUTE FUNCTION caseworker_append_only()", "42501"),
)


FUNCTION_SOURCES = "SELECT md5(string_agg(prosrc, '' ORDER BY oid)) FROM pg_proc WHERE proname LIKE 'caseworker%'"


def test_the_reviewers_attacks_as_a_caseworker_leave_every_rule_in_place(secured: Secured) -> None:
    """Issue 12's first paragraph replayed on a current database: each step refused or named right, and afterwards
    the admin is still the admin, the caseworker still only a caseworker, the triggers the same, the chain intact."""
    from sqlalchemy.exc import DBAPIError

    from caseworker_app.services import audit_chain

    me, other = secured.logins[Role.CASEWORKER], secured.logins[Role.BAILIFF]
    groups = {str(r): str(p) for r, p in secured.allowed(Role.AUDITOR, "SELECT role, pg_role FROM security_roles")}
    fill = {
        "me": me, "other": other, "admin_login": secured.logins[Role.ADMIN], "claim": secured.claim_id,
        "admin_group": groups["admin"], "owner": groups["owner"],
    }  # fmt: skip
    functions_before = _scalar(secured.url, FUNCTION_SOURCES)
    answers: list[str | None] = []
    engine = secured.engine(Role.CASEWORKER)
    for statement, _expected in REVIEWERS_SCRIPT:
        try:
            with engine.begin() as conn:  # psql's autocommit: what goes through stays
                conn.exec_driver_sql(statement.format(**fill))
            answers.append(None)
        except DBAPIError as exc:
            answers.append(str(getattr(exc.orig, "sqlstate", "")))
    assert answers == [expected for _s, expected in REVIEWERS_SCRIPT]

    admin_ctx = secured.context(Role.ADMIN)
    worker_ctx = secured.context(Role.CASEWORKER)
    try:
        assert admin_ctx.actor.roles == frozenset({Role.ADMIN})
        assert worker_ctx.actor.roles == frozenset({Role.CASEWORKER})
    finally:
        worker_ctx.db.dispose()
    # the payment and the forged audit rows name the caseworker and carry the database's time
    assert _scalar(secured.url, "SELECT string_agg(DISTINCT created_by, ',') FROM bookings WHERE amount = -99999") == me
    forged = _scalar(
        secured.url,
        "SELECT string_agg(DISTINCT actor || '@' || (occurred_at > now() - interval '1 hour')::text, ',') "
        "FROM audit_log WHERE action IN ('aanval', 'aanval-bulk')",
    )
    assert forged == f"{me}@true"
    # the claim's amount is what it was; the wiping payment is on the record as the caseworker's booking
    assert _scalar(secured.url, "SELECT original_amount > 1 FROM claims WHERE id = :c", c=secured.claim_id) is True
    assert _scalar(secured.url, "SELECT count(*) FROM pg_trigger WHERE tgname = 'evil'") == 0
    assert _scalar(secured.url, "SELECT count(*) FROM pg_trigger WHERE tgenabled = 'D'") == 0
    assert _scalar(secured.url, FUNCTION_SOURCES) == functions_before
    with secured.engine(Role.TEAMLEAD).begin() as conn:  # a later audit row still names its writer
        audit_id = conn.execute(
            text(
                "INSERT INTO audit_log (occurred_at, actor, action, entity) "
                "VALUES (now(), 'x', 'later', 'debtors') RETURNING id"
            )
        ).scalar_one()
    later_actor = _scalar(secured.url, "SELECT actor FROM audit_log WHERE id = :i", i=audit_id)
    assert later_actor == secured.logins[Role.TEAMLEAD]
    try:
        report = audit_chain.verify(admin_ctx)
        assert report.intact, report.message
    finally:
        admin_ctx.db.dispose()
