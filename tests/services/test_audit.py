"""Every change through a service leaves an audit row in the same transaction; nothing else can change data."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from tests.factories import add_debtor, make_login, open_context, writing

from caseworker_app.domain.permissions import Permission

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
    with pytest.raises(RuntimeError), writing(ctx) as session:
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
    login = make_login(db_url, "b.bakker")
    users.add_user(ctx, login, "Bea Bakker", users.parse_roles(["teamlead,caseworker"]))
    rows = [r for r in audit_rows(ctx) if r.entity in ("users", "user_roles") and r.action == "insert"]
    assert {r.after["login"] for r in rows if r.entity == "users" and r.after} >= {login}
    assert sorted(
        r.after["role"]
        for r in rows
        if r.entity == "user_roles" and r.after and r.after["user_id"] != ctx.actor.user_id
    ) == [
        "caseworker",
        "teamlead",
    ]


def test_every_row_of_a_unit_names_its_operation_and_reason(db_url: str) -> None:
    """One unit of work, several rows: the same operation id, the use case's name and the person's reason."""
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    before = len(audit_rows(ctx))
    reason = "Burger belde: nieuw nummer en adres 🏠 " + "ש" * 20 + " " + "x" * 20_000  # emoji, RTL, very long
    with ctx.unit_of_work(Permission.EDIT_DEBTOR, operation="debtor.update", reason=f"  {reason}  ") as session:
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        debtor.telefoon = "0612345678"
        session.flush()
        debtor.woonplaats = "Zeist"
    rows = audit_rows(ctx)[before:]
    assert len(rows) == 2
    assert {r.operation for r in rows} == {"debtor.update"}
    assert {r.reason for r in rows} == {reason}  # stripped, otherwise exactly as given
    (operation_id,) = {r.operation_id for r in rows}
    assert operation_id is not None and str(uuid.UUID(operation_id)) == operation_id
    # the next unit is another operation; a service's own name and no reason when none was given
    debtors.update_debtor(ctx, debtors.get_debtor(ctx, debtor_id), {"email": "jan@example.nl"})
    (row,) = audit_rows(ctx)[before + 2 :]
    assert (row.operation, row.reason) == ("debtor.update", None) and row.operation_id != operation_id


def test_a_unit_of_work_needs_a_permission_and_an_operation_name(db_url: str) -> None:
    ctx = open_context(db_url)
    with pytest.raises(TypeError):
        ctx.unit_of_work().__enter__()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ctx.unit_of_work(Permission.EDIT_DEBTOR).__enter__()  # type: ignore[call-arg]
    for bad in ("", "update", "Debtor.Update", "debtor update", "debtor." + "x" * 60):
        with pytest.raises(ValueError):
            ctx.unit_of_work(Permission.EDIT_DEBTOR, operation=bad).__enter__()


def test_removing_a_role_leaves_an_audit_row(db_url: str) -> None:
    ctx = open_context(db_url)
    login = make_login(db_url, "b.bakker")
    user = users.add_user(ctx, login, "Bea Bakker", users.parse_roles(["teamlead,caseworker"]))
    before = len(audit_rows(ctx))
    users.set_roles(ctx, login, users.parse_roles(["caseworker"]))
    rows = audit_rows(ctx)[before:]
    deleted = [r for r in rows if r.action == "delete"]
    assert [(r.entity, r.entity_id) for r in deleted] == [("user_roles", f"{user.id},teamlead")]
    assert deleted[0].before == {"user_id": user.id, "role": "teamlead"} and deleted[0].after is None
    assert {r.operation for r in rows} == {"user.set_roles"}
    # the role that stayed is neither deleted nor inserted again
    assert not [r for r in rows if r.entity == "user_roles" and r.action == "insert"]


def test_an_explicit_delete_is_audited_with_what_was_there(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    before = len(audit_rows(ctx))
    with writing(ctx, operation="test.remove_debtor") as session:
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        session.delete(debtor)
    (row,) = audit_rows(ctx)[before:]
    assert (row.action, row.entity, row.entity_id, row.operation) == (
        "delete", "debtors", str(debtor_id), "test.remove_debtor")
    assert row.before is not None and row.before["bsn"] == "111222333" and row.after is None
