"""Roles x actions, as raw SQL from real logins: what each role may do, the database allows; the rest it refuses.

Every action below is tried by a login of every role (``test_role_action[<action>-<role>]``).  The table in
``docs/security.md`` is rendered from :data:`ACTIONS` (``test_the_matrix_in_the_docs_is_the_tested_one``), so the
documentation cannot claim a cell no test proves.  Allowed writes are rolled back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from tests.security.support import ROLES, Secured

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.db.grants import append_only_tables, roles_for
from caseworker_app.db.models import Base

R = Role
ALL = frozenset(Role)
WORKERS = frozenset({R.CASEWORKER, R.BAILIFF, R.TEAMLEAD, R.STELLA})
WRITERS = WORKERS | {R.ADMIN}
NOBODY: frozenset[Role] = frozenset()
CONTACT_ROLES = frozenset(roles_for((Permission.RECORD_CONTACT,)))


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
    Action(
        "record_payment",
        "record a payment at debtor level",
        "INSERT INTO payments (debtor_id, kind, channel, amount, payment_date, created_by) "
        "VALUES (:debtor, 'betaling', 'bank', 1, current_date, 'iemand.anders')",
        WORKERS,
    ),
    Action(
        "record_enforcement",
        "record an enforcement step",
        "INSERT INTO enforcement_actions (claim_id, step, action_date, stuit, costs, created_by) "
        "VALUES (:claim, 'dwangbevel', current_date, true, 0, 'iemand.anders')",
        frozenset({R.BAILIFF}),
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
    Action(
        "claim_amount",
        "change a claim's amount",
        "UPDATE claims SET original_amount = 0.01 WHERE id = :claim",
        NOBODY,
    ),
    Action(
        "claim_debtor",
        "move a claim to another debtor",
        "UPDATE claims SET debtor_id = debtor_id WHERE id = :claim",
        NOBODY,
    ),
    Action(
        "record_payment",
        "record a payment received for a debtor",
        "INSERT INTO payments (debtor_id, kind, channel, amount, payment_date, created_by) "
        "VALUES (:debtor, 'betaling', 'bank', 10, current_date, 'iemand.anders')",
        frozenset(roles_for((Permission.BOOK_LEDGER,))),
    ),
    Action(
        "record_contact",
        "record a contact",
        "INSERT INTO contacts (debtor_id, datum, kanaal, met, samenvatting, created_by) "
        "VALUES (:debtor, current_date, 'telefoon_in', 'schuldenaar', 'Belde over de aanmaning', 'iemand.anders')",
        CONTACT_ROLES,
    ),
    Action(
        "record_omstandigheid",
        "record a bijzondere omstandigheid",
        "INSERT INTO omstandigheden (debtor_id, code, created_by) VALUES (:debtor, 'ziekte', 'iemand.anders')",
        CONTACT_ROLES,
    ),
    Action(
        "select_omstandigheden",
        "read bijzondere omstandigheden with a plain SELECT",
        "SELECT code, toelichting FROM omstandigheden",
        NOBODY,
    ),
    Action(
        "record_visit_report",
        "report a home visit",
        "WITH c AS (INSERT INTO contacts (debtor_id, datum, kanaal, met, samenvatting, created_by) "
        "VALUES (:debtor, current_date, 'huisbezoek', 'schuldenaar', 'Bezoek', 'x') RETURNING id) "
        "INSERT INTO visit_reports (debtor_id, contact_id, bezocht_op, aangetroffen, advies, created_by) "
        "SELECT :debtor, id, current_date, true, 'maatwerk', 'iemand.anders' FROM c",
        frozenset({R.BAILIFF}),
    ),
    Action(
        "task_handover",
        "hand a task over or mark it done",
        "UPDATE tasks SET voor_id = voor_id, status = status, done_by = done_by, done_at = done_at",
        CONTACT_ROLES,
    ),
    Action(
        "task_rewrite",
        "change what a task is about or whose case it is",
        "UPDATE tasks SET omschrijving = 'iets anders', debtor_id = debtor_id",
        NOBODY,
    ),
    Action("visit_status", "mark a planned home visit made", "UPDATE visits SET status = status", CONTACT_ROLES),
    Action(
        "visit_rewrite",
        "change whose or when a planned home visit is",
        "UPDATE visits SET bailiff_id = bailiff_id, gepland_op = gepland_op",
        NOBODY,
    ),
    Action(
        "claim_version",
        "mark a claim changed (its version)",
        "UPDATE claims SET version = version + 1 WHERE id = :claim",
        frozenset(roles_for((Permission.BOOK_LEDGER,))),
    ),
)


def _history_actions() -> tuple[Action, ...]:
    """Every table the map marks append-only, also those added later: no role changes, deletes or empties it."""
    out: list[Action] = []
    for table in append_only_tables():
        column = next(iter(Base.metadata.tables[table].primary_key.columns)).name
        out += [
            Action(f"update_{table}", f"change a row of `{table}`", f"UPDATE {table} SET {column} = {column}", NOBODY),
            Action(f"delete_{table}", f"delete a row of `{table}`", f"DELETE FROM {table}", NOBODY),
            Action(f"truncate_{table}", f"empty `{table}` (TRUNCATE)", f"TRUNCATE {table} CASCADE", NOBODY),
        ]
    return tuple(out)


ACTIONS += _history_actions()


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


#: What no role may do to any table of the schema (tried table by table, also on tables added later).
SCHEMA_CHANGES = (
    "TRUNCATE {t} CASCADE",
    "ALTER TABLE {t} ADD COLUMN evil int",
    "ALTER TABLE {t} DISABLE TRIGGER ALL",
    "ALTER TABLE {t} OWNER TO CURRENT_USER",
    "CREATE TRIGGER evil BEFORE INSERT OR UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION caseworker_append_only()",
    "CREATE RULE evil AS ON INSERT TO {t} DO INSTEAD NOTHING",
    "CREATE POLICY evil ON {t} USING (false)",
    "CREATE INDEX evil ON {t} ((1))",
    "DROP TABLE {t} CASCADE",
)


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_no_role_empties_alters_or_adds_triggers_to_any_table(secured: Secured, role: Role) -> None:
    tables = [
        str(t)
        for (t,) in secured.allowed(
            role, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
            "AND c.relkind = 'r' ORDER BY 1"
        )
    ]  # fmt: skip
    assert set(Base.metadata.tables) <= set(tables)
    refused: dict[str, str] = {}
    with secured.attempt(role) as conn:
        for table in tables:
            for statement in SCHEMA_CHANGES:
                sql = statement.format(t=f'"{table}"')
                savepoint = conn.begin_nested()
                try:
                    conn.exec_driver_sql(sql)
                except DBAPIError as exc:
                    refused[sql] = str(getattr(exc.orig, "sqlstate", ""))
                savepoint.rollback()
    wanted = {statement.format(t=f'"{table}"'): "42501" for table in tables for statement in SCHEMA_CHANGES}
    assert refused == wanted


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
        "empty, alter, drop, or add triggers, rules or policies to any table",
        dict.fromkeys(ROLE_COLUMNS, False),
        "test_matrix.py::test_no_role_empties_alters_or_adds_triggers_to_any_table[*]",
    ),
    (
        "propose a four-eyes decision (as themselves, whatever proposer or time it names)",
        {r: r in (R.CASEWORKER, R.BAILIFF, R.TEAMLEAD, R.STELLA) for r in ROLE_COLUMNS},
        "test_four_eyes.py::test_who_may_propose[*]`, "
        "`test_four_eyes_logins.py::test_a_proposal_names_its_real_proposer_and_waits_for_a_second_person[*]",
    ),
    (
        "decide another officer's proposal (caseworker_decide)",
        {r: r is R.TEAMLEAD for r in ROLE_COLUMNS},
        "test_four_eyes.py::test_who_may_decide[*]`, `test_four_eyes_logins.py::test_who_decides_anothers_proposal[*]",
    ),
    (
        "decide their own proposal",
        dict.fromkeys(ROLE_COLUMNS, False),
        "test_four_eyes.py::test_a_team_lead_cannot_decide_their_own_proposal`, "
        "`test_four_eyes_logins.py::test_nobody_decides_their_own_proposal[*]",
    ),
    (
        "change or delete a decided decision",
        dict.fromkeys(ROLE_COLUMNS, False),
        "test_four_eyes.py::test_nobody_changes_or_deletes_a_decided_row[*]",
    ),
    (
        "change or delete an open proposal directly (UPDATE/DELETE decisions)",
        dict.fromkeys(ROLE_COLUMNS, False),
        "test_four_eyes_logins.py::test_who_decides_anothers_proposal[*]",
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


_REFERENCE = re.compile(r"`(?P<file>[\w/]+\.py)::(?P<func>\w+)(?:\[(?P<param>[^\]]+)\])?`")


def _role_parameters(func: object) -> tuple[set[str], set[str]]:
    """The role ids and the other ids a test is parametrized with (from its ``parametrize`` marks)."""
    roles: set[str] = set()
    others: set[str] = set()
    for mark in getattr(func, "pytestmark", []):
        if mark.name != "parametrize":
            continue
        names, values = mark.args[0], mark.args[1]
        ids = mark.kwargs.get("ids") or [getattr(v, "key", getattr(v, "value", v)) for v in values]
        (roles if names == "role" else others).update(str(i) for i in ids)
    return roles, others


def test_every_cell_names_a_test_that_exists_and_covers_every_role() -> None:
    """A "proved by" that names a renamed or removed test, or one that leaves a role out, turns this red."""
    import importlib

    rows = [line for line in render_matrix().splitlines() if line.startswith("| ") and "proved by" not in line]
    assert len(rows) == len(ACTIONS) + len(OTHER_ROWS)
    every_role = {r.value for r in ROLES}
    for row in rows:
        references = list(_REFERENCE.finditer(row.rsplit("|", 2)[-2]))
        assert references, f"no test named in: {row}"
        covered: set[str] = set()
        for ref in references:
            path = Path(__file__).resolve().parent / ref["file"]
            assert path.is_file(), f"{ref['file']} does not exist ({row})"
            module = importlib.import_module(f"tests.security.{path.stem}")
            func = getattr(module, ref["func"], None)
            assert callable(func), f"{ref['file']}::{ref['func']} does not exist ({row})"
            roles, others = _role_parameters(func)
            param = ref["param"]
            if param is None:  # one test for all roles at once
                assert not roles, f"{ref['func']} runs per role: name it with [*] ({row})"
                covered |= every_role
                continue
            *other, role = param.rsplit("-", 1) if "-" in param else [param]
            if role == "*":
                assert roles, f"{ref['func']} is not parametrized by role ({row})"
                covered |= roles
            else:
                assert role in roles, f"{ref['func']} has no case for {role} ({row})"
                covered.add(role)
            for value in other:
                assert value in others, f"{ref['func']} has no case {value} ({row})"
        assert covered == every_role, f"no test for {sorted(every_role - covered)} in: {row}"
