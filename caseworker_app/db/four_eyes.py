"""The database keeps the four-eyes rule of ``decisions`` (issue 9 and 12), on both backends.

What it refuses, whatever client sends the SQL:

* a decision decided by its own proposer (the CHECK ``decider_not_proposer`` of the model, both backends);
* a decided (or withdrawn) row that changes again, a row that is deleted, a proposal whose kind, subject, debtor,
  proposer, reason, effect, amount or days change after it was made (triggers, both backends);
* a proposal inserted as already approved when the policy (``decision_policies``) needs a second person
  (triggers, both backends: the same rule as :func:`caseworker_app.domain.decisions.needs_second`).

On PostgreSQL, additionally:

* the proposer, the time and ``four_eyes`` of a new row are set by the database (``session_user``'s user id,
  ``now()``, the policy's answer), whatever the client sent;
* no role has UPDATE or DELETE on ``decisions`` (``db/grants.py``): deciding goes only through
  ``caseworker_decide(id, status, toelichting, voorwaarde, voorwaarde_tot)`` and withdrawing through
  ``caseworker_withdraw(id, reason)``, both ``SECURITY DEFINER``.  ``caseworker_decide`` checks that the caller holds
  a role that may approve, is an active user and not the proposer, and locks the row (``FOR UPDATE``): of two
  team leads deciding at once, the second waits for the first and then finds the row decided (SQLSTATE
  :data:`ALREADY_DECIDED`).  ``caseworker_withdraw`` checks the caller is the proposer.

A database administrator's bulk load (demo data, ``caseworker.bulk_load``) keeps the proposers and times it names;
the CHECK constraints still hold for it.  :func:`install_postgresql` runs from ``db.security.apply`` on every
``db upgrade`` (idempotent), :func:`install_sqlite` likewise.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

from caseworker_app.domain.decisions import DECIDING, DecisionStatus
from caseworker_app.domain.permissions import Permission

#: SQLSTATE of "this proposal is already decided" (object_not_in_prerequisite_state)
ALREADY_DECIDED = "55000"
#: SQLSTATE of "you may not decide this" (insufficient_privilege): own proposal, no approving role
NOT_ALLOWED = "42501"

#: The columns a proposal is made of: fixed once it is inserted.
FIXED_COLUMNS: tuple[str, ...] = (
    "kind",
    "soort",
    "subject_id",
    "debtor_id",
    "proposed_by",
    "proposed_at",
    "reason",
    "effect",
    "amount",
    "days",
    "four_eyes",
    "previous_id",
)

DECIDE_FUNCTION = "caseworker_decide(bigint,text,text,text,date)"
WITHDRAW_FUNCTION = "caseworker_withdraw(bigint,text)"

#: EXECUTE on the four-eyes functions, by the permissions that need it (``db/security.py`` grants it).
FUNCTION_GRANTS: dict[str, tuple[Permission, ...]] = {
    DECIDE_FUNCTION: (Permission.APPROVE,),
    WITHDRAW_FUNCTION: (Permission.PROPOSE_MAATWERK,),
}

_DECIDING_SQL = ", ".join(f"'{s.value}'" for s in sorted(DECIDING))
_OPEN = DecisionStatus.OPEN.value


def _needs_second_sql(new: str, true: str = "true", false: str = "false") -> str:
    """The policy rule as one SQL expression over the row ``new`` (the exact soort's policy first, else the kind's;
    no policy: a second person)."""
    return (
        f"COALESCE((SELECT CASE WHEN p.needs_second THEN {true} "
        f"WHEN p.max_amount IS NOT NULL AND {new}.amount IS NOT NULL AND {new}.amount > p.max_amount THEN {true} "
        f"WHEN p.max_days IS NOT NULL AND {new}.days IS NOT NULL AND {new}.days > p.max_days THEN {true} "
        f"ELSE {false} END "
        f"FROM decision_policies p WHERE p.kind = {new}.kind AND (p.soort = {new}.soort OR p.soort IS NULL) "
        f"ORDER BY (p.soort IS NULL) LIMIT 1), {true})"
    )


def _fixed_changed(distinct: str = "IS DISTINCT FROM") -> str:
    """True when a fixed column changes (SQLite spells the null-safe comparison ``IS NOT``)."""
    return " OR ".join(f"NEW.{c} {distinct} OLD.{c}" for c in FIXED_COLUMNS)


_PG_SQL = r"""
CREATE OR REPLACE FUNCTION caseworker_decisions_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_user bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'decisions are never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF OLD.status <> '{open}' THEN
            RAISE EXCEPTION 'decision % is already %', OLD.id, OLD.status USING ERRCODE = '{already}';
        END IF;
        IF {fixed_changed} THEN
            RAISE EXCEPTION 'a proposal does not change once made (decision %)', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF current_setting('caseworker.bulk_load', true) = 'on' AND caseworker_is_administrator() THEN
        RETURN NEW;  -- a database administrator's bulk load (demo data) keeps the proposers and times it names
    END IF;
    SELECT id INTO v_user FROM users WHERE login = session_user AND active;
    IF v_user IS NULL THEN
        RAISE EXCEPTION 'login % is not an active user', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.proposed_by := v_user;
    NEW.proposed_at := now();
    NEW.four_eyes := {needs_second};
    IF NEW.status = '{open}' THEN
        NEW.decided_by := NULL;
        NEW.decided_at := NULL;
    ELSIF NEW.status = 'goedgekeurd' AND NOT NEW.four_eyes THEN
        NEW.decided_by := v_user;  -- one person may decide this alone: the proposer, now
        NEW.decided_at := now();
    ELSE
        RAISE EXCEPTION 'a proposal of kind % needs a second person: it is inserted open', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION caseworker_decide(p_id bigint, p_status text, p_toelichting text, p_voorwaarde text,
                                             p_voorwaarde_tot date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_user bigint;
    v_row decisions%ROWTYPE;
BEGIN
    IF NOT ({may_approve}) THEN
        RAISE EXCEPTION 'only a role that may approve decides a proposal' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT id INTO v_user FROM users WHERE login = session_user AND active;
    IF v_user IS NULL THEN
        RAISE EXCEPTION 'login % is not an active user', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_status IS NULL OR p_status NOT IN ({deciding}) THEN
        RAISE EXCEPTION 'not a decision: %', p_status USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO v_row FROM decisions WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'decision % does not exist', p_id USING ERRCODE = 'no_data_found';
    END IF;
    IF v_row.status <> '{open}' THEN
        RAISE EXCEPTION 'decision % is already %', p_id, v_row.status USING ERRCODE = '{already}';
    END IF;
    IF v_row.proposed_by = v_user THEN
        RAISE EXCEPTION 'the proposer does not decide their own proposal (decision %)', p_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE decisions SET status = p_status, decided_by = v_user, decided_at = now(), toelichting = p_toelichting,
                         voorwaarde = p_voorwaarde, voorwaarde_tot = p_voorwaarde_tot, version = version + 1
    WHERE id = p_id;
END $$;

CREATE OR REPLACE FUNCTION caseworker_withdraw(p_id bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_user bigint;
    v_row decisions%ROWTYPE;
BEGIN
    SELECT id INTO v_user FROM users WHERE login = session_user AND active;
    SELECT * INTO v_row FROM decisions WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'decision % does not exist', p_id USING ERRCODE = 'no_data_found';
    END IF;
    IF v_user IS NULL OR v_row.proposed_by <> v_user THEN
        RAISE EXCEPTION 'only the proposer withdraws a proposal (decision %)', p_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_row.status <> '{open}' THEN
        RAISE EXCEPTION 'decision % is already %', p_id, v_row.status USING ERRCODE = '{already}';
    END IF;
    UPDATE decisions SET status = 'ingetrokken', decided_at = now(), toelichting = p_reason, version = version + 1
    WHERE id = p_id;
END $$;
"""


def install_postgresql(conn: Connection, schema: str, may_approve: str) -> None:
    """Create or replace the functions and the guard trigger (``schema`` quoted; ``may_approve`` an SQL condition)."""
    if not inspect(conn).has_table("decisions"):
        return
    sql = _PG_SQL.format(
        schema=schema,
        open=_OPEN,
        already=ALREADY_DECIDED,
        fixed_changed=_fixed_changed(),
        needs_second=_needs_second_sql("NEW"),
        may_approve=may_approve,
        deciding=_DECIDING_SQL,
    )
    version = conn.dialect.server_version_info or (0,)
    definition = (
        "trg_decisions_guard BEFORE INSERT OR UPDATE OR DELETE ON decisions FOR EACH ROW "
        "EXECUTE FUNCTION caseworker_decisions_guard()"
    )
    if version >= (14,):
        sql += f";\nCREATE OR REPLACE TRIGGER {definition}"
    else:
        sql += f";\nDROP TRIGGER IF EXISTS trg_decisions_guard ON decisions;\nCREATE TRIGGER {definition}"
    conn.exec_driver_sql(sql.replace("%", "%%"))


def install_sqlite(conn: Connection) -> None:
    """The same refusals as triggers on SQLite (a single-user file, but the rule is the rule)."""
    if not inspect(conn).has_table("decisions"):
        return
    statements = (
        "CREATE TRIGGER IF NOT EXISTS trg_decisions_no_delete BEFORE DELETE ON decisions "
        "BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END",
        "CREATE TRIGGER IF NOT EXISTS trg_decisions_decided BEFORE UPDATE ON decisions "
        f"WHEN OLD.status <> '{_OPEN}' BEGIN SELECT RAISE(ABORT, 'decision is already decided'); END",
        "CREATE TRIGGER IF NOT EXISTS trg_decisions_fixed BEFORE UPDATE ON decisions "
        f"WHEN {_fixed_changed('IS NOT')} BEGIN SELECT RAISE(ABORT, 'a proposal does not change once made'); END",
        "CREATE TRIGGER IF NOT EXISTS trg_decisions_policy BEFORE INSERT ON decisions "
        f"WHEN (NEW.status NOT IN ('{_OPEN}', 'goedgekeurd')) "
        f"OR ((NEW.status <> '{_OPEN}' OR NOT NEW.four_eyes) AND {_needs_second_sql('NEW', '1', '0')}) "
        "BEGIN SELECT RAISE(ABORT, 'a proposal that needs a second person is inserted open'); END",
    )
    for statement in statements:
        conn.exec_driver_sql(statement)
