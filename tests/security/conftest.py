"""A PostgreSQL database set up the production way, with one real login per application role.

``secured`` (module scope): a database copied from the migrated template, its first administrator named by
``db upgrade --admin`` (the test server's superuser, which builds the test data), and a login for each role,
added with ``user add`` -- so the group-role memberships are the real ones.  Tests connect *as those logins* and
run raw SQL, which is what an officer with ``psql`` could do.  What a test must not leave behind it does inside a
transaction it rolls back (:meth:`Secured.attempt`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.factories import add_claim, add_debtor, make_login, open_context
from tests.pgroles import drop_test_roles, new_db_name
from tests.security.support import ROLES, Secured

from caseworker_app.domain.types import EnforcementStep

from caseworker_app.services import users


@pytest.fixture(scope="module")
def secured(pg_admin_url: str, _migrated_pg_template: str) -> Iterator[Secured]:
    admin = make_url(pg_admin_url)
    name = new_db_name("sec_")
    server = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_migrated_pg_template}"'))
    url = admin.set(database=name).render_as_string(hide_password=False)
    state: Secured | None = None
    try:
        builder = open_context(url)
        logins = {}
        for role in ROLES:
            login = make_login(url, role.value)
            users.add_user(builder, login, f"Test {role.value}", (role,))
            logins[role] = login
        debtor_id = add_debtor(builder)
        claim_id = add_claim(
            builder,
            debtor_id,
            payments=((dt.date(2025, 5, 1), "100.00"),),
            steps=((EnforcementStep.AANMANING, dt.date(2025, 5, 20), "15.00"),),
        )
        state = Secured(url=url, builder=builder, logins=logins, debtor_id=debtor_id, claim_id=claim_id)
        yield state
    finally:
        if state is not None:
            state.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            drop_test_roles(conn, name)
        server.dispose()
