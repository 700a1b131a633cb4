"""Every change through a service leaves an audit row in the same transaction; nothing else can change data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.factories import add_debtor, open_context

from caseworker_app.db.models import AuditEntry, Debtor

from caseworker_app.services import debtors, users
from caseworker_app.services.audit import UnauditedChangeError
from caseworker_app.services.context import Context


def audit_rows(ctx: Context) -> list[AuditEntry]:
    with ctx.db.session_factory() as session:
        return list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())


def test_edit_writes_who_what_before_and_after(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    before = len(audit_rows(ctx))
    base = debtors.get_debtor(ctx, debtor_id)
    debtors.update_debtor(ctx, base, {"telefoon": "06-12345678", "woonplaats": "Utrecht"})
    new = audit_rows(ctx)[before:]
    assert len(new) == 1
    row = new[0]
    assert (row.actor, row.action, row.entity, row.entity_id) == (ctx.actor.login, "update", "debtors", str(debtor_id))
    # only what changed, with its old and new value; unchanged woonplaats is not listed
    assert row.before == {"telefoon": None}
    assert row.after == {"telefoon": "06-12345678"}
    assert row.occurred_at is not None


def test_inserts_are_audited_with_their_new_key(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    inserts = [r for r in audit_rows(ctx) if r.entity == "debtors" and r.action == "insert"]
    assert [r.entity_id for r in inserts] == [str(debtor_id)]
    assert inserts[0].after is not None and inserts[0].after["bsn"] == "111222333"


def test_failed_use_case_leaves_neither_data_nor_audit(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    count = len(audit_rows(ctx))
    with pytest.raises(RuntimeError), ctx.unit_of_work() as session:
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        debtor.telefoon = "0612"
        session.flush()  # audit row written in this transaction...
        raise RuntimeError("power cut")  # ...and rolled back with it
    assert len(audit_rows(ctx)) == count
    assert debtors.get_debtor(ctx, debtor_id).telefoon is None


def test_changes_outside_a_unit_of_work_are_refused(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    with ctx.db.session_factory() as session, pytest.raises(UnauditedChangeError):
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        debtor.telefoon = "0612"
        session.flush()
    with ctx.read() as session, pytest.raises(UnauditedChangeError):
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        debtor.telefoon = "0612"
        session.flush()
    assert debtors.get_debtor(ctx, debtor_id).telefoon is None


def test_user_management_is_audited(db_url: str) -> None:
    ctx = open_context(db_url)
    users.add_user(ctx, "b.bakker", "Bea Bakker", users.parse_roles(["teamlead,caseworker"]))
    rows = [r for r in audit_rows(ctx) if r.entity in ("users", "user_roles") and r.action == "insert"]
    assert {r.after["login"] for r in rows if r.entity == "users" and r.after} >= {"b.bakker"}
    assert sorted(
        r.after["role"]
        for r in rows
        if r.entity == "user_roles" and r.after and r.after["user_id"] != ctx.actor.user_id
    ) == [
        "caseworker",
        "teamlead",
    ]
