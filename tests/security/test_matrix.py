"""Roles x actions, as raw SQL from real logins: what each role may do, the database allows; the rest it refuses.

Every action below is tried by a login of every role (``test_role_action[<action>-<role>]``).  The table in
``docs/security.md`` is rendered from :data:`ACTIONS` (``test_the_matrix_in_the_docs_is_the_tested_one``), so the
documentation cannot claim a cell no test proves.  Allowed writes are rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.security.support import ROLES, Secured

from caseworker_app.domain.types import Role

R = Role
ALL = frozenset(Role)
WORKERS = frozenset({R.CASEWORKER, R.BAILIFF, R.TEAMLEAD, R.STELLA})
WRITERS = WORKERS | {R.ADMIN}
NOBODY: frozenset[Role] = frozenset()


@dataclass(frozen=True)
class Action:
    key: str
    what: str  # as the matrix in docs/security.md says it
    sql: str  # ``{me}``, ``{admin_group}``, ``{owner}``, ``{admin_login}`` are filled in; ``:debtor``/``:claim`` bound
    allowed: frozenset[Role]


ACTIONS: tuple[Action, ...] = (
    Action("read_debtor", "read a debtor", "SELECT bsn FROM debtors WHERE id = :debtor", ALL),
    Action(
        "edit_debtor", "change a debtor", "UPDATE debtors SET telefoon = '0612345678' WHERE id = :debtor", WORKERS
    ),
    Action("delete_debtor", "delete a debtor", "DELETE FROM debtors WHERE id = :debtor", NOBODY),
    Action(
        "book_payment",
        "book a payment",
        "INSERT INTO bookings (claim_id, kind, amount, booking_date, created_by) "
        "VALUES (:claim, 'betaling', -1, current_date, 'iemand.anders')",
        WORKERS,
    ),
    Action("update_booking", "change a booking", "UPDATE bookings SET amount = -1000 WHERE claim_id = :claim", NOBODY),
    Action("delete_booking", "delete a booking", "DELETE FROM bookings WHERE claim_id = :claim", NOBODY),
    Action("truncate_bookings", "empty the ledger (TRUNCATE)", "TRUNCATE bookings CASCADE", NOBODY),
    Action(
        "record_enforcement",
        "record an enforcement step",
        "INSERT INTO enforcement_actions (claim_id, step, action_date, stuit, costs, created_by) "
        "VALUES (:claim, 'dwangbevel', current_date, true, 0, 'iemand.anders')",
        frozenset({R.BAILIFF}),
    ),
    Action(
        "update_enforcement",
        "change an enforcement step",
        "UPDATE enforcement_actions SET action_date = '2020-01-01' WHERE claim_id = :claim",
        NOBODY,
    ),
    Action("read_audit", "read the audit trail", "SELECT actor, action, before, after FROM audit_log", frozenset(
        {R.TEAMLEAD, R.AUDITOR, R.ADMIN}
    )),
    Action("audit_marker", "see the newest audit id (change marker)", "SELECT max(id) FROM audit_log", ALL),
    Action(
        "write_audit",
        "append an audit row",
        "INSERT INTO audit_log (occurred_at, actor, action, entity) VALUES (now(), 'iemand.anders', 'x', 'debtors')",
        WRITERS,
    ),
    Action("update_audit", "change an audit row", "UPDATE audit_log SET actor = 'iemand.anders'", NOBODY),
    Action("delete_audit", "delete an audit row", "DELETE FROM audit_log", NOBODY),
    Action(
        "add_user",
        "add a user",
        "INSERT INTO users (login, display_name, active, version) VALUES ('nieuw', 'Nieuw', true, 1)",
        frozenset({R.ADMIN}),
    ),
    Action(
        "give_self_role_table",
        "give itself a role in user_roles",
        "INSERT INTO user_roles (user_id, role) SELECT id, 'teamlead' FROM users WHERE login = '{me}'",
        frozenset({R.ADMIN}),
    ),
    Action("give_self_role_grant", "GRANT itself the admin group role", 'GRANT "{admin_group}" TO "{me}"', NOBODY),
    Action(
        "give_self_role_function",
        "grant a role through caseworker_grant_role",
        "SELECT caseworker_grant_role('{me}', 'teamlead')",
        frozenset({R.ADMIN}),
    ),
    Action(
        "demote_admin",
        "revoke the admin's role",
        "SELECT caseworker_revoke_role('{admin_login}', 'admin')",
        frozenset({R.ADMIN}),
    ),
    Action(
        "create_trigger",
        "create a trigger",
        "CREATE TRIGGER evil BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION caseworker_set_actor('actor')",
        NOBODY,
    ),
    Action(
        "create_function",
        "create a function in the schema",
        "CREATE FUNCTION public.evil() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        NOBODY,
    ),
    Action("create_table", "create a table in the schema", "CREATE TABLE public.evil (id int)", NOBODY),
    Action("alter_table", "alter a table", "ALTER TABLE audit_log ADD COLUMN evil int", NOBODY),
    Action("disable_triggers", "disable triggers", "ALTER TABLE audit_log DISABLE TRIGGER ALL", NOBODY),
    Action(
        "replica_mode", "switch triggers off for the session", "SET session_replication_role = replica", NOBODY
    ),
    Action("become_owner", "become the schema owner (SET ROLE)", 'SET ROLE "{owner}"', NOBODY),
    Action("drop_table", "drop a table", "DROP TABLE bookings", NOBODY),
)


def _sql(secured: Secured, action: Action, role: Role) -> str:
    groups = _groups(secured)
    return action.sql.format(
        me=secured.logins[role],
        admin_group=groups["admin"],
        owner=groups["owner"],
        admin_login=secured.logins[Role.ADMIN],
    )


_GROUPS: dict[str, dict[str, str]] = {}


def _groups(secured: Secured) -> dict[str, str]:
    if secured.url not in _GROUPS:
        rows = secured.allowed(Role.AUDITOR, "SELECT role, pg_role FROM security_roles")
        _GROUPS[secured.url] = {str(r): str(p) for r, p in rows}
    return _GROUPS[secured.url]


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
@pytest.mark.parametrize("action", ACTIONS, ids=[a.key for a in ACTIONS])
def test_role_action(secured: Secured, action: Action, role: Role) -> None:
    sql = _sql(secured, action, role)
    params = {"debtor": secured.debtor_id, "claim": secured.claim_id}
    params = {k: v for k, v in params.items() if f":{k}" in sql}
    if role in action.allowed:
        secured.allowed(role, sql, params)
    else:
        assert secured.refused(role, sql, params) == "42501"  # insufficient_privilege: the database said no


# ------------------------------------------------------------------------------------------ the matrix


ROLE_COLUMNS = (R.CASEWORKER, R.BAILIFF, R.TEAMLEAD, R.STELLA, R.AUDITOR, R.ADMIN)
DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
BEGIN, END = "<!-- matrix:begin (rendered from tests/security/test_matrix.py) -->", "<!-- matrix:end -->"

#: Rows proved by other tests (name -> the test), each asserting every role's outcome.
OTHER_ROWS: tuple[tuple[str, dict[Role, bool], str], ...] = (
    (
        "name another officer as actor of a booking or an audit row",
        dict.fromkeys(ROLE_COLUMNS, False),
        "test_attacks.py::test_the_database_names_the_actor[*]",
    ),
    (
        "change a row unaudited (with psql)",
        dict.fromkeys(ROLE_COLUMNS, False),
        "test_audit_chain.py::test_a_change_made_with_psql_is_audited_by_the_database[*]`, auditor: "
        "`test_matrix.py::test_role_action[edit_debtor-auditor]",
    ),
    (
        "verify the audit chain",
        {r: r in (R.TEAMLEAD, R.AUDITOR, R.ADMIN) for r in ROLE_COLUMNS},
        "test_audit_chain.py::test_who_may_verify_the_chain[*]",
    ),
    (
        "read special personal data (with a committed inzage)",
        {r: r in (R.CASEWORKER, R.BAILIFF, R.TEAMLEAD, R.STELLA) for r in ROLE_COLUMNS},
        "test_sensitive.py::test_who_may_read_it[*]",
    ),
    (
        "become a user or admin by connecting first",
        dict.fromkeys(ROLE_COLUMNS, False),
        "test_attacks.py::test_five_logins_connecting_to_a_fresh_database_become_nobody",
    ),
)


def render_matrix() -> str:
    head = "| action | " + " | ".join(r.value for r in ROLE_COLUMNS) + " | proved by |"
    rule = "|---|" + "---|" * len(ROLE_COLUMNS) + "---|"
    lines = [BEGIN, head, rule]
    for action in ACTIONS:
        cells = " | ".join("yes" if r in action.allowed else "**no**" for r in ROLE_COLUMNS)
        lines.append(f"| {action.what} | {cells} | `test_matrix.py::test_role_action[{action.key}-*]` |")
    for what, outcome, test in OTHER_ROWS:
        cells = " | ".join("yes" if outcome[r] else "**no**" for r in ROLE_COLUMNS)
        lines.append(f"| {what} | {cells} | `{test}` |")
    lines.append(END)
    return "\n".join(lines)


def test_the_matrix_in_the_docs_is_the_tested_one() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, f"{DOC} lost its matrix markers"
    start, stop = text.index(BEGIN), text.index(END) + len(END)
    assert text[start:stop] == render_matrix(), (
        "docs/security.md's matrix differs from the tested one; paste the output of "
        "`python -c 'from tests.security.test_matrix import render_matrix; print(render_matrix())'`"
    )
