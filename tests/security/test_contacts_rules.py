"""History tables as real logins on PostgreSQL (the contacts of issue 11, payments and bookings): the database names
who wrote a history row and when, and the real ``omstandigheden`` table is read only through a committed inzage that
names the reader."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.security.support import ROLES, Secured

from caseworker_app.domain.permissions import ROLE_PERMISSIONS, Permission
from caseworker_app.domain.types import Role

from caseworker_app.db import grants

FORGED_BY, FORGED_AT = "iemand.anders", "2001-01-01 00:00:00+00"

#: One forged row per history table a role in its ``insert`` may write: what the client claims, and the columns
#: that say who wrote it and when (``:debtor`` and ``:claim`` are bound).
FORGERIES: dict[str, str] = {
    "contacts": "INSERT INTO contacts (debtor_id, datum, kanaal, met, samenvatting, created_by, created_at) "
    "VALUES (:debtor, current_date, 'brief', 'schuldenaar', 'Brief', :by, :at)",
    "debtor_flags": "INSERT INTO debtor_flags (debtor_id, code, raised_on, raised_by, created_at) "
    "VALUES (:debtor, 'risico', current_date, :by, :at)",
    "referrals": "INSERT INTO referrals (debtor_id, naar, toestemming, opvolgdatum, created_by, created_at) "
    "VALUES (:debtor, 'gemeente', true, current_date, :by, :at)",
    "omstandigheden": "INSERT INTO omstandigheden (debtor_id, code, created_by, created_at) "
    "VALUES (:debtor, 'ziekte', :by, :at)",
    "payments": "INSERT INTO payments (debtor_id, kind, channel, amount, payment_date, created_by, created_at) "
    "VALUES (:debtor, 'betaling', 'bank', 10, current_date, :by, :at)",
    "bookings": "INSERT INTO bookings (claim_id, kind, amount, booking_date, created_by, created_at) "
    "VALUES (:claim, 'betaling', -1, current_date, :by, :at)",
}


def _who_and_when(secured: Secured, table: str, row_id: int) -> tuple[str, bool]:
    access = grants.TABLE_ACCESS[table]
    actor, when = access.actor_columns[0], access.now_columns[0]
    with secured.builder.db.engine.connect() as conn:  # the superuser that built the data reads everything
        by, recent = conn.execute(
            text(f"SELECT {actor}, {when} > now() - interval '1 hour' FROM {table} WHERE id = :i"), {"i": row_id}
        ).one()
    return str(by), bool(recent)


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_history_rows_carry_the_database_actor_and_time(secured: Secured, role: Role) -> None:
    """A contact, flag, referral, omstandigheid, payment or booking "written by a colleague, years ago" names the login
    that wrote it and the time it did."""
    for table, sql in FORGERIES.items():
        params = {"debtor": secured.debtor_id, "claim": secured.claim_id, "by": FORGED_BY, "at": FORGED_AT}
        used = {k: v for k, v in params.items() if f":{k}" in sql}
        if role not in grants.roles_for(grants.TABLE_ACCESS[table].insert):
            assert secured.refused(role, sql, used) == "42501", table
            continue
        with secured.engine(role).begin() as conn:
            row_id = int(conn.execute(text(sql + " RETURNING id"), used).scalar_one())
        assert _who_and_when(secured, table, row_id) == (secured.logins[role], True), table


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_omstandigheden_are_read_only_after_a_committed_inzage_naming_the_reader(
    secured: Secured, role: Role
) -> None:
    assert secured.refused(role, "SELECT code FROM omstandigheden") == "42501"  # no plain SELECT, for anyone
    with secured.builder.db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO omstandigheden (debtor_id, code, created_by) VALUES (:d, 'schuldhulp', 'x')"),
            {"d": secured.debtor_id},
        )
    engine = secured.engine(role)
    if Permission.RECORD_CONTACT not in ROLE_PERMISSIONS[role]:
        assert secured.refused(role, "SELECT caseworker_inzage_omstandigheden(:d)", {"d": secured.debtor_id}) == "42501"
        assert secured.refused(role, "SELECT * FROM caseworker_read_omstandigheden(1)") == "42501"
        return
    with engine.connect() as conn:  # logging and reading in one transaction: refused (a rollback would hide it)
        trans = conn.begin()
        inzage = conn.execute(text("SELECT caseworker_inzage_omstandigheden(:d)"), {"d": secured.debtor_id}).scalar()
        with pytest.raises(DBAPIError):
            conn.execute(text("SELECT * FROM caseworker_read_omstandigheden(:i)"), {"i": inzage}).all()
        trans.rollback()
    with engine.begin() as conn:
        inzage = conn.execute(text("SELECT caseworker_inzage_omstandigheden(:d)"), {"d": secured.debtor_id}).scalar()
    with engine.connect() as conn:
        codes = conn.execute(text("SELECT code FROM caseworker_read_omstandigheden(:i)"), {"i": inzage}).scalars()
        assert "schuldhulp" in set(codes)
    with secured.builder.db.engine.connect() as conn:
        actor, action, entity = conn.execute(
            text("SELECT actor, action, entity FROM audit_log WHERE id = :i"), {"i": inzage}
        ).one()
    assert (actor, action, entity) == (secured.logins[role], "inzage", "omstandigheden")
    other = next(r for r in ROLES if r is not role and Permission.RECORD_CONTACT in ROLE_PERMISSIONS[r])
    with pytest.raises(DBAPIError), secured.engine(other).connect() as conn:  # an inzage is its reader's only
        conn.execute(text("SELECT code FROM caseworker_read_omstandigheden(:i)"), {"i": inzage}).all()
