"""The database keeps the rules: group roles, ownership, privileges and triggers, installed from ``db/grants.py``.

On PostgreSQL every user is their own login; the application roles are **group roles** the logins are members of,
and the database refuses what a role may not do, whatever client sends the SQL.  :func:`apply` runs at the end of
every ``caseworker db upgrade`` (inside the migration transaction, see ``migrations/env.py``) and makes the database
match the map again -- idempotent, so it also repairs privileges somebody changed by hand:

* **Names.** Roles are cluster-wide, so their names carry a prefix, by default the database name plus ``_``
  (``caseworker_caseworker``, ``caseworker_teamlead``, ..., ``caseworker_owner`` for database ``caseworker``);
  ``db upgrade --role-prefix`` picks another one when a database is set up.  The names live in
  ``security_roles``.  A role of that name that Caseworker did not create (it carries no Caseworker comment, or
  can log in) is never adopted: setting up stops with a message instead.
* **Ownership.** The schema and every table, sequence and ``caseworker_*`` function belong to ``<prefix>owner``,
  a role nobody logs in as.  Nobody else can alter a table, create, replace or disable a trigger.  The
  ``SECURITY DEFINER`` functions run as that owner with a fixed ``search_path``.
* **Privileges.** Everything is revoked from ``PUBLIC`` and the group roles, then granted from
  :data:`~caseworker_app.db.grants.TABLE_ACCESS`.
* **Triggers.** Append-only tables refuse UPDATE, DELETE and TRUNCATE; actor columns get ``session_user``.
* **Memberships.** Only the ``caseworker_grant_role``/``caseworker_revoke_role`` functions change who is in
  a group role (the owner holds ADMIN OPTION; the admin group may call them).  A login that does not exist is
  refused: logins and their authentication (password, Kerberos, certificate) are the database administrator's.

SQLite has no logins or privileges: there :func:`apply` installs the append-only triggers of the map.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.types import Role, label

from caseworker_app.db import four_eyes
from caseworker_app.db.audit_chain import pg_payload
from caseworker_app.db.grants import AUDIT_IGNORED_COLUMNS, TABLE_ACCESS, TableAccess, roles_for

OWNER = "owner"
APP_ROLES: tuple[str, ...] = tuple(r.value for r in Role)
MAX_ROLE_NAME = 63  # NAMEDATALEN - 1
_COMMENT = "Caseworker {role} group role of database {database}"
_COMMENT_PREFIX = "Caseworker "

# --------------------------------------------------------------------------------------------- names


def default_prefix(database: str) -> str:
    return f"{database}_"


def role_names(conn: Connection) -> dict[str, str]:
    """``{"owner": ..., "caseworker": ..., ...}`` as stored in ``security_roles`` (empty before set-up)."""
    if not inspect(conn).has_table("security_roles"):
        return {}
    return {row[0]: row[1] for row in conn.execute(text("SELECT role, pg_role FROM security_roles"))}


def _quote(_conn: Connection | None, name: str) -> str:
    """An identifier, always double-quoted (exactly as stored; no round trip to the server)."""
    return '"' + name.replace('"', '""') + '"'


def _run(conn: Connection, statements: list[str]) -> None:
    """Many statements in one round trip (the driver reads %-placeholders even without parameters)."""
    if statements:
        conn.exec_driver_sql(";\n".join(statements).replace("%", "%%"))


def _validate_prefix(prefix: str) -> None:
    longest = max(len(r) for r in (OWNER, *APP_ROLES))
    if not prefix or len(prefix) + longest > MAX_ROLE_NAME or "\x00" in prefix:
        raise UserFacingError(
            "role_prefix_invalid", prefix=prefix, length=MAX_ROLE_NAME - longest
        )


def ensure_roles(conn: Connection, prefix: str | None = None) -> dict[str, str]:
    """Create the owner and group roles when missing; return their names.  Needs CREATEROLE (or superuser)."""
    names = role_names(conn)
    database = str(conn.execute(text("SELECT current_database()")).scalar_one())
    fresh = not names
    if fresh:
        chosen = default_prefix(database) if prefix is None else prefix
        _validate_prefix(chosen)
        names = {role: f"{chosen}{role}" for role in (OWNER, *APP_ROLES)}
    elif prefix is not None and names.get(OWNER) != f"{prefix}{OWNER}":
        raise UserFacingError("role_prefix_fixed", prefix=names[OWNER][: -len(OWNER)])
    else:
        stored_prefix = names[OWNER][: -len(OWNER)]
        for role in APP_ROLES:  # an application role added by a later version
            names.setdefault(role, f"{stored_prefix}{role}")
    for role, pg_role in names.items():
        row = conn.execute(
            text(
                "SELECT rolcanlogin, rolsuper, shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :n"
            ),
            {"n": pg_role},
        ).first()
        comment = _COMMENT.format(role=role, database=database)
        if row is None:
            if not _can_create_roles(conn):
                raise UserFacingError("role_setup_needs_createrole", role=pg_role)
            conn.execute(text(f"CREATE ROLE {_quote(None, pg_role)} NOLOGIN"))
            literal = conn.execute(text("SELECT quote_literal(:c)"), {"c": comment}).scalar_one()
            conn.execute(text(f"COMMENT ON ROLE {_quote(conn, pg_role)} IS {literal}"))
            continue
        can_login, is_super, existing_comment = row
        ours = (existing_comment or "").startswith(_COMMENT_PREFIX) and not can_login and not is_super
        if not ours:
            raise UserFacingError("role_not_ours", role=pg_role)
        if fresh and existing_comment != comment:
            # a Caseworker role of another database with the same prefix: never share group roles by accident
            raise UserFacingError("role_of_other_database", role=pg_role, comment=existing_comment)
    if fresh:
        for role, pg_role in names.items():
            conn.execute(
                text("INSERT INTO security_roles (role, pg_role) VALUES (:r, :p)"), {"r": role, "p": pg_role}
            )
    else:
        known = role_names(conn)
        for role, pg_role in names.items():
            if role not in known:
                conn.execute(
                    text("INSERT INTO security_roles (role, pg_role) VALUES (:r, :p)"), {"r": role, "p": pg_role}
                )
    # the owner may grant and revoke the group roles -- it is what the membership functions run as
    groups = ", ".join(_quote(None, names[role]) for role in APP_ROLES)
    conn.execute(text(f"GRANT {groups} TO {_quote(None, names[OWNER])} WITH ADMIN OPTION"))
    if fresh:
        # a database administrator with CREATEROLE but no superuser: hand the schema to the owner (which needs
        # membership) and run later upgrades as a member of it -- the one login that is, besides superusers
        dba, is_super = conn.execute(
            text("SELECT rolname, rolsuper FROM pg_roles WHERE rolname = session_user")
        ).one()
        if not is_super:
            conn.execute(text(f"GRANT {_quote(None, names[OWNER])} TO {_quote(None, str(dba))}"))
    return names


def _can_create_roles(conn: Connection) -> bool:
    return bool(
        conn.execute(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
    )


def may_administer(conn: Connection) -> bool:
    """Whether the connected login may upgrade and re-apply privileges: superuser, or member of the owner role."""
    names = role_names(conn)
    row = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")).first()
    if row and row[0]:
        return True
    if not names:
        return _can_create_roles(conn)
    return bool(
        conn.execute(
            text("SELECT pg_has_role(session_user, :owner, 'MEMBER')"), {"owner": names[OWNER]}
        ).scalar()
    )


# ----------------------------------------------------------------------------------------- functions

#: Functions every group role may call.
_PUBLIC_FUNCTIONS = (
    "caseworker_is_member(name,name)",
    "caseworker_has_role(text)",
    "caseworker_is_administrator()",
)
#: Functions only the admin group may call.
_ADMIN_FUNCTIONS = ("caseworker_grant_role(text,text)", "caseworker_revoke_role(text,text)")

_FUNCTIONS_SQL = r"""
CREATE OR REPLACE FUNCTION caseworker_is_member(p_login name, p_group name) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    WITH RECURSIVE m(oid) AS (
        SELECT oid FROM pg_roles WHERE rolname = p_login
        UNION
        SELECT a.roleid FROM pg_auth_members a JOIN m ON a.member = m.oid
    )
    SELECT EXISTS (SELECT 1 FROM m JOIN pg_roles r ON r.oid = m.oid WHERE r.rolname = p_group)
$$;

CREATE OR REPLACE FUNCTION caseworker_has_role(p_role text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
    SELECT COALESCE((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user), false)
        OR EXISTS (SELECT 1 FROM security_roles s
                   WHERE s.role = p_role AND s.role <> 'owner' AND caseworker_is_member(session_user, s.pg_role))
$$;

CREATE OR REPLACE FUNCTION caseworker_grant_role(p_login text, p_role text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_group text;
    v_super boolean;
BEGIN
    IF NOT caseworker_has_role('admin') THEN
        RAISE EXCEPTION 'only an admin may grant roles' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT pg_role INTO v_group FROM security_roles WHERE role = p_role AND role <> 'owner';
    IF v_group IS NULL THEN
        RAISE EXCEPTION 'unknown application role %', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT rolsuper INTO v_super FROM pg_catalog.pg_roles WHERE rolname = p_login AND rolcanlogin;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'login % does not exist', p_login USING ERRCODE = 'undefined_object';
    END IF;
    IF v_super THEN
        RETURN false;  -- the database restricts a superuser in nothing; a membership would only pretend it does
    END IF;
    EXECUTE format('GRANT %I TO %I', v_group, p_login);
    RETURN true;
END $$;

CREATE OR REPLACE FUNCTION caseworker_revoke_role(p_login text, p_role text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_group text;
    v_via text;
BEGIN
    IF NOT caseworker_has_role('admin') THEN
        RAISE EXCEPTION 'only an admin may revoke roles' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT pg_role INTO v_group FROM security_roles WHERE role = p_role AND role <> 'owner';
    IF v_group IS NULL THEN
        RAISE EXCEPTION 'unknown application role %', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_login) THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members a
               WHERE a.roleid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = v_group)
                 AND a.member = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = p_login)) THEN
        EXECUTE format('REVOKE %I FROM %I', v_group, p_login);
    END IF;
    -- a revocation that leaves the role in place is refused, never reported as done: the login may still hold the
    -- group role through another role, or (PostgreSQL 16+) through a grant somebody else made
    IF caseworker_is_member(p_login::name, v_group::name) THEN
        SELECT string_agg(via, ',' ORDER BY via) INTO v_via FROM (
            SELECT DISTINCT r.rolname::text AS via
            FROM pg_catalog.pg_auth_members a JOIN pg_catalog.pg_roles r ON r.oid = a.roleid
            WHERE a.member = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = p_login)
              AND (r.rolname = v_group OR caseworker_is_member(r.rolname, v_group::name))
        ) AS t;
        RAISE EXCEPTION 'login % still holds % after the revocation', p_login, v_group
            USING ERRCODE = 'dependent_objects_still_exist', HINT = COALESCE(v_via, '');
    END IF;
    RETURN true;
END $$;

CREATE OR REPLACE FUNCTION caseworker_is_administrator() RETURNS boolean
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
    SELECT COALESCE((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user), false)
        OR COALESCE(caseworker_is_member(session_user, (SELECT pg_role FROM security_roles WHERE role = 'owner')),
                    false)
$$;

CREATE OR REPLACE FUNCTION caseworker_set_actor() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_arg text;
    v_new jsonb := to_jsonb(NEW);
    v_old jsonb;
    v_patch jsonb := '{{}}';
BEGIN
    -- arguments: a column to set to session_user, or 'now:<column>' for one to set to now() on INSERT
    IF current_setting('caseworker.bulk_load', true) = 'on' THEN
        IF caseworker_is_administrator() THEN
            RETURN NEW;  -- a database administrator's bulk load (demo data) keeps the actors it names
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        v_old := to_jsonb(OLD);
    END IF;
    FOREACH v_arg IN ARRAY TG_ARGV LOOP
        IF v_arg LIKE 'now:%' THEN
            IF TG_OP = 'INSERT' THEN
                v_patch := v_patch || jsonb_build_object(substr(v_arg, 5), now());
            END IF;
        ELSIF v_new ->> v_arg IS NOT NULL
              AND (TG_OP = 'INSERT' OR (v_new -> v_arg) IS DISTINCT FROM (v_old -> v_arg)) THEN
            v_patch := v_patch || jsonb_build_object(v_arg, session_user::text);
        END IF;
    END LOOP;
    IF v_patch <> '{{}}' THEN
        NEW := jsonb_populate_record(NEW, v_patch);
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION caseworker_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
"""


#: The audit written by the database: a row per changed row, and the hash chain (``db/audit_chain.py``).
_AUDIT_SQL = r"""CREATE OR REPLACE FUNCTION caseworker_audit_json(p jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    -- numeric values as text, as the application writes a Decimal ("1000.00"); whole numbers stay numbers
    SELECT COALESCE(jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'number' AND value::text ~ '[.eE]'
                                               THEN to_jsonb(value #>> '{{}}') ELSE value END), '{{}}'::jsonb)
    FROM jsonb_each(p)
$$;

CREATE OR REPLACE FUNCTION caseworker_audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_ignored text[] := string_to_array(COALESCE(TG_ARGV[1], ''), ',');
    v_row jsonb;
    v_new jsonb;
    v_old jsonb;
    v_before jsonb;
    v_after jsonb;
    v_pk text;
BEGIN
    IF current_setting('caseworker.bulk_load', true) = 'on' AND caseworker_is_administrator() THEN
        RETURN NULL;  -- a database administrator's bulk load (demo data) writes one summary row itself
    END IF;
    IF TG_OP <> 'DELETE' THEN
        v_row := to_jsonb(NEW);
        v_new := caseworker_audit_json(v_row - v_ignored);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        v_old := caseworker_audit_json(to_jsonb(OLD) - v_ignored);
        v_row := COALESCE(v_row, to_jsonb(OLD));
    END IF;
    SELECT string_agg(v_row ->> k, ',' ORDER BY n) INTO v_pk
    FROM unnest(string_to_array(TG_ARGV[0], ',')) WITH ORDINALITY AS t(k, n);
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(c.key, COALESCE(v_old -> c.key, 'null'::jsonb)), jsonb_object_agg(c.key, c.value)
        INTO v_before, v_after
        FROM jsonb_each(v_new) c WHERE (v_old -> c.key) IS DISTINCT FROM c.value;
        IF v_after IS NULL THEN
            RETURN NULL;  -- only ignored columns (the version) changed
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        v_after := v_new;
    ELSE
        v_before := v_old;
    END IF;
    INSERT INTO audit_log (occurred_at, actor, operation_id, operation, reason, action, entity, entity_id,
                           before, after)
    VALUES (now(), session_user,
            NULLIF(current_setting('caseworker.operation_id', true), ''),
            NULLIF(current_setting('caseworker.operation', true), ''),
            NULLIF(current_setting('caseworker.reason', true), ''),
            lower(TG_OP), TG_TABLE_NAME, v_pk, v_before::json, v_after::json);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION caseworker_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_seq bigint;
    v_prev text;
    v_payload text;
    v_hash text;
BEGIN
    -- the head row is the one lock every committing writer takes: links follow the commit order, never fork
    SELECT seq, hash INTO v_seq, v_prev FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    SELECT {payload} INTO v_payload;
    v_hash := encode(sha256(convert_to(COALESCE(v_payload, '') || '|' || v_prev, 'UTF8')), 'hex');
    INSERT INTO audit_chain (seq, audit_id, prev_hash, row_hash) VALUES (v_seq + 1, NEW.id, v_prev, v_hash);
    UPDATE audit_chain_head SET seq = v_seq + 1, hash = v_hash WHERE id = 1;
    RETURN NULL;
END $$;
"""


def install_functions(conn: Connection) -> None:
    schema = _quote(conn, str(conn.execute(text("SELECT current_schema()")).scalar_one()))
    sql = _FUNCTIONS_SQL.format(schema=schema)
    if inspect(conn).has_table("audit_chain"):
        sql += _AUDIT_SQL.format(schema=schema, payload=pg_payload("NEW"))
    # the driver reads %-placeholders even without parameters: double the % of format() and RAISE
    conn.exec_driver_sql(sql.replace("%", "%%"))


# ------------------------------------------------------------------------------------------ sensitive data

#: How long a committed inzage row lets its login read the debtor's rows of that table.
INZAGE_VALID = "2 minutes"


def inzage_function(table: str) -> str:
    return f"caseworker_inzage_{table}"


def read_function(table: str) -> str:
    return f"caseworker_read_{table}"


_INZAGE_SQL = r"""
CREATE OR REPLACE FUNCTION {inzage}(p_debtor_id bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_id bigint;
BEGIN
    IF NOT ({may_read}) THEN
        RAISE EXCEPTION 'no role that may read {table}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_log (occurred_at, actor, operation_id, operation, reason, action, entity, entity_id,
                           before, after)
    VALUES (now(), session_user,
            NULLIF(current_setting('caseworker.operation_id', true), ''),
            NULLIF(current_setting('caseworker.operation', true), ''),
            NULLIF(current_setting('caseworker.reason', true), ''),
            'inzage', '{table}', p_debtor_id::text, NULL,
            json_build_object('xact', pg_current_xact_id()::text))
    RETURNING id INTO v_id;
    RETURN v_id;
END $$;

CREATE OR REPLACE FUNCTION {read}(p_inzage bigint) RETURNS SETOF {q_table}
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_log audit_log%ROWTYPE;
BEGIN
    IF NOT ({may_read}) THEN
        RAISE EXCEPTION 'no role that may read {table}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO v_log FROM audit_log WHERE id = p_inzage;
    IF NOT FOUND OR v_log.action <> 'inzage' OR v_log.entity <> '{table}' OR v_log.actor <> session_user::text
       OR v_log.occurred_at < now() - interval '{valid}' THEN
        RAISE EXCEPTION 'no fresh inzage % of % for this login', p_inzage, '{table}'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF pg_xact_status((v_log.after ->> 'xact')::xid8) IS DISTINCT FROM 'committed' THEN
        RAISE EXCEPTION 'inzage % is not committed: commit it before reading', p_inzage
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT * FROM {q_table} WHERE {q_debtor} = v_log.entity_id::bigint;
END $$;
"""


def _install_inzage_functions(conn: Connection, table_access: Mapping[str, TableAccess]) -> None:
    """Per sensitive table: ``caseworker_inzage_<t>(debtor)`` writes and returns a committed-to-be inzage row,
    ``caseworker_read_<t>(inzage)`` returns the debtor's rows once that row is committed (docs/security.md)."""
    existing = set(inspect(conn).get_table_names())
    schema = _quote(conn, _schema(conn))
    for table, access in table_access.items():
        if not access.sensitive or table not in existing or access.debtor_column is None:
            continue
        checks = " OR ".join(f"caseworker_has_role('{r.value}')" for r in roles_for(access.select)) or "false"
        sql = _INZAGE_SQL.format(
            inzage=inzage_function(table),
            read=read_function(table),
            table=table.replace("'", "''"),
            q_table=_quote(conn, table),
            q_debtor=_quote(conn, access.debtor_column),
            schema=schema,
            may_read=checks,
            valid=INZAGE_VALID,
        )
        conn.exec_driver_sql(sql.replace("%", "%%"))


def _install_four_eyes(conn: Connection) -> None:
    """The functions and trigger that keep the four-eyes rule of ``decisions`` (``db/four_eyes.py``)."""
    approvers = roles_for(four_eyes.FUNCTION_GRANTS[four_eyes.DECIDE_FUNCTION])
    may_approve = " OR ".join(f"caseworker_has_role('{r.value}')" for r in approvers) or "false"
    four_eyes.install_postgresql(conn, _quote(conn, _schema(conn)), may_approve)


# ----------------------------------------------------------------------------------------------- apply


def apply(
    conn: Connection, *, role_prefix: str | None = None, table_access: Mapping[str, TableAccess] = TABLE_ACCESS
) -> None:
    """Make the database match the map (see the module docstring).  Runs inside the caller's transaction."""
    if conn.dialect.name == "sqlite":
        _sqlite_triggers(conn, table_access)
        four_eyes.install_sqlite(conn)
        return
    if not inspect(conn).has_table("security_roles"):
        return  # a revision before the security migration (downgrades run through here too)
    names = ensure_roles(conn, role_prefix)
    install_functions(conn)
    _install_inzage_functions(conn, table_access)
    _install_four_eyes(conn)
    relations = _relations(conn)
    _take_ownership(conn, names[OWNER], relations)
    _grant(conn, names, relations, table_access)
    _triggers(conn, relations, table_access)


def _relations(conn: Connection) -> dict[str, Any]:
    """Tables, sequences and caseworker functions of the current schema (extension objects left out)."""
    not_extension = (
        "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '{catalog}'::regclass AND d.objid = {oid} "
        "AND d.deptype = 'e')"
    )
    tables = [
        row[0]
        for row in conn.execute(
            text(
                "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
                "AND c.relkind IN ('r', 'p', 'v', 'm') AND "
                + not_extension.format(catalog="pg_class", oid="c.oid")
                + " ORDER BY 1"
            )
        )
    ]
    sequences = [
        (row[0], row[1])
        for row in conn.execute(
            text(
                "SELECT s.relname, t.relname FROM pg_class s "
                "LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid "
                "  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
                "LEFT JOIN pg_class t ON t.oid = d.refobjid "
                "WHERE s.relkind = 'S' AND s.relnamespace = current_schema()::regnamespace AND "
                + not_extension.format(catalog="pg_class", oid="s.oid")
                + " ORDER BY 1"
            )
        )
    ]
    functions = [
        row[0]
        for row in conn.execute(
            text(
                "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
                "AND p.proname LIKE 'caseworker\\_%' AND "
                + not_extension.format(catalog="pg_proc", oid="p.oid")
                + " ORDER BY 1"
            )
        )
    ]
    return {"tables": tables, "sequences": sequences, "functions": functions}


def _take_ownership(conn: Connection, owner: str, relations: Mapping[str, Any]) -> None:
    q_owner = _quote(None, owner)
    out = []
    schema_owner = conn.execute(
        text("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = current_schema()")
    ).scalar()
    if schema_owner != owner:
        out.append(f"ALTER SCHEMA {_quote(None, _schema(conn))} OWNER TO {q_owner}")
    owners: dict[str, str] = dict(
        conn.execute(
            text(
                "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c "
                "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
                "UNION ALL SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner) FROM pg_proc p "
                "WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'caseworker\\_%'"
            )
        ).all()
    )
    for table in relations["tables"]:
        if owners.get(table) != owner:
            out.append(f"ALTER TABLE {_quote(None, table)} OWNER TO {q_owner}")
    for sequence, owning_table in relations["sequences"]:
        if owning_table is None and owners.get(sequence) != owner:
            out.append(f"ALTER SEQUENCE {_quote(None, sequence)} OWNER TO {q_owner}")
    for function in relations["functions"]:
        if owners.get(function) != owner:
            out.append(f"ALTER FUNCTION {function} OWNER TO {q_owner}")
    _run(conn, out)


def _schema(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_schema()")).scalar_one())


def _grant(
    conn: Connection, names: Mapping[str, str], relations: Mapping[str, Any], table_access: Mapping[str, TableAccess]
) -> None:
    everyone = ", ".join(_quote(None, names[role]) for role in APP_ROLES)
    schema = _quote(None, _schema(conn))
    out = [f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC, {everyone}", f"GRANT USAGE ON SCHEMA {schema} TO {everyone}"]

    def group_list(roles: tuple[Role, ...]) -> str:
        return ", ".join(_quote(None, names[r.value]) for r in roles)

    if relations["tables"]:
        tables = ", ".join(_quote(None, t) for t in relations["tables"])
        out.append(f"REVOKE ALL ON TABLE {tables} FROM PUBLIC, {everyone}")
    if relations["sequences"]:
        sequences = ", ".join(_quote(None, seq) for seq, _t in relations["sequences"])
        out.append(f"REVOKE ALL ON SEQUENCE {sequences} FROM PUBLIC, {everyone}")
    if relations["functions"]:
        out.append(f"REVOKE ALL ON FUNCTION {', '.join(relations['functions'])} FROM PUBLIC, {everyone}")

    existing = set(relations["tables"])
    if "alembic_version" in existing:  # every client checks the schema revision when it opens the database
        out.append(f"GRANT SELECT ON TABLE alembic_version TO {everyone}")
    sequences_of: dict[str, list[str]] = {}
    for sequence, table in relations["sequences"]:
        if table:
            sequences_of.setdefault(table, []).append(sequence)
    for table, access in table_access.items():
        if table not in existing:
            continue
        q_table = _quote(None, table)
        whole_row = {
            "SELECT": () if access.sensitive else roles_for(access.select),
            "INSERT": roles_for(access.insert),
            "UPDATE": () if access.append_only or access.update_columns else roles_for(access.update),
            "DELETE": () if access.append_only else roles_for(access.delete),
        }
        for privilege, roles in whole_row.items():
            if roles:
                out.append(f"GRANT {privilege} ON TABLE {q_table} TO {group_list(roles)}")
        updaters = () if access.append_only else roles_for(access.update)
        if access.update_columns and updaters:
            columns = ", ".join(_quote(None, c) for c in access.update_columns)
            out.append(f"GRANT UPDATE ({columns}) ON TABLE {q_table} TO {group_list(updaters)}")
        column_grants = dict(access.select_columns)
        if access.sensitive and access.insert:
            # INSERT ... RETURNING id needs SELECT on the key; nothing else of the row is readable
            for column in _primary_keys(conn).get(table, "").split(","):
                if column:
                    column_grants.setdefault(column, access.insert)
        for column, permissions in column_grants.items():
            roles = roles_for(permissions)
            if roles:
                out.append(f"GRANT SELECT ({_quote(None, column)}) ON TABLE {q_table} TO {group_list(roles)}")
        inserters = roles_for(access.insert)
        if inserters:
            for sequence in sequences_of.get(table, []):
                out.append(f"GRANT USAGE ON SEQUENCE {_quote(None, sequence)} TO {group_list(inserters)}")
    present = set(relations["functions"])
    for function in _PUBLIC_FUNCTIONS:
        if function in present:
            out.append(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}")
    for function in _ADMIN_FUNCTIONS:
        if function in present:
            out.append(f"GRANT EXECUTE ON FUNCTION {function} TO {_quote(None, names[Role.ADMIN.value])}")
    for function, permissions in four_eyes.FUNCTION_GRANTS.items():
        roles = roles_for(permissions)
        if function in present and roles:
            out.append(f"GRANT EXECUTE ON FUNCTION {function} TO {group_list(roles)}")
    for table, access in table_access.items():
        readers = roles_for(access.select)
        if not (access.sensitive and table in existing and readers):
            continue
        for function in (f"{inzage_function(table)}(bigint)", f"{read_function(table)}(bigint)"):
            out.append(f"GRANT EXECUTE ON FUNCTION {function} TO {group_list(readers)}")
    _run(conn, out)


def _triggers(conn: Connection, relations: Mapping[str, Any], table_access: Mapping[str, TableAccess]) -> None:
    existing = set(relations["tables"])
    present = {
        (table, name)
        for table, name in conn.execute(
            text(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
            )
        )
    }
    keys = _primary_keys(conn)
    chained = "audit_chain" in existing  # the audit written by the database came with the chain (revision 0005)
    version = conn.dialect.server_version_info or (0,)
    replace = "CREATE OR REPLACE TRIGGER" if version >= (14,) else None
    out: list[str] = []

    def create(table: str, name: str, definition: str) -> None:
        q_table, q_name = _quote(None, table), _quote(None, name)
        if replace:
            out.append(f"{replace} {q_name} {definition.format(t=q_table)}")
        else:  # PostgreSQL 13
            out.append(f"DROP TRIGGER IF EXISTS {q_name} ON {q_table}")
            out.append(f"CREATE TRIGGER {q_name} {definition.format(t=q_table)}")

    for table, access in table_access.items():
        if table not in existing:
            continue
        if access.append_only:
            create(
                table,
                f"trg_{table}_append_only",
                "BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW EXECUTE FUNCTION caseworker_append_only()",
            )
            create(
                table,
                f"trg_{table}_no_truncate",
                "BEFORE TRUNCATE ON {t} FOR EACH STATEMENT EXECUTE FUNCTION caseworker_append_only()",
            )
        actor = f"trg_{table}_actor"
        arguments = [*access.actor_columns, *(f"now:{c}" for c in access.now_columns)]
        if arguments:
            columns = ", ".join(_literal(a) for a in arguments)
            create(
                table,
                actor,
                f"BEFORE INSERT OR UPDATE ON {{t}} FOR EACH ROW EXECUTE FUNCTION caseworker_set_actor({columns})",
            )
        elif (table, actor) in present:
            out.append(f"DROP TRIGGER {_quote(None, actor)} ON {_quote(None, table)}")
        audit = f"trg_{table}_audit"
        if access.audited and chained and keys.get(table):
            create(
                table,
                audit,
                "AFTER INSERT OR UPDATE OR DELETE ON {t} FOR EACH ROW EXECUTE FUNCTION "
                f"caseworker_audit_row({_literal(keys[table])}, {_literal(','.join(AUDIT_IGNORED_COLUMNS))})",
            )
        elif (table, audit) in present:
            out.append(f"DROP TRIGGER {_quote(None, audit)} ON {_quote(None, table)}")
    if chained and ("audit_log", "trg_audit_log_chain") not in present:
        # deferred to the commit: the links follow the order in which transactions commit (a constraint trigger,
        # so it has no CREATE OR REPLACE: made once)
        out.append(
            "CREATE CONSTRAINT TRIGGER trg_audit_log_chain AFTER INSERT ON audit_log "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caseworker_audit_chain()"
        )
    _run(conn, out)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _primary_keys(conn: Connection) -> dict[str, str]:
    """``{table: "col1,col2"}``: every table's primary key columns, in key order (one query)."""
    rows = conn.execute(
        text(
            "SELECT c.relname, string_agg(a.attname, ',' ORDER BY array_position(i.indkey::int2[], a.attnum)) "
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey::int2[]) "
            "WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace GROUP BY c.relname"
        )
    )
    return {str(table): str(columns) for table, columns in rows}


def _sqlite_triggers(conn: Connection, table_access: Mapping[str, TableAccess]) -> None:
    existing = set(inspect(conn).get_table_names())
    for table, access in table_access.items():
        if not access.append_only or table not in existing:
            continue
        for event in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f'CREATE TRIGGER IF NOT EXISTS "trg_{table}_no_{event.lower()}" BEFORE {event} ON "{table}" '
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {event} refused'); END"
            )


# ------------------------------------------------------------------------------------------- logins


def login_exists(conn: Connection, login: str) -> bool:
    return bool(
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n AND rolcanlogin"), {"n": login}).first()
    )


def is_superuser(conn: Connection, login: str) -> bool:
    return bool(conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar())


def member_roles(conn: Connection, login: str) -> frozenset[Role]:
    """The application roles ``login`` holds through its group-role memberships (what the database enforces)."""
    rows = conn.execute(
        text("SELECT role FROM security_roles WHERE role <> 'owner' AND caseworker_is_member(:login, pg_role)"),
        {"login": login},
    ).scalars()
    return frozenset(Role(r) for r in rows if r in APP_ROLES)


def memberships(conn: Connection) -> dict[str, frozenset[Role]]:
    """``{login: roles}`` for every user of the ``users`` table, from the group-role memberships (one query); a
    superuser, whom the database restricts in nothing, holds the roles its ``user_roles`` rows name (as at log-in)."""
    held: dict[str, set[Role]] = {}
    for login, role in conn.execute(
        text(
            "SELECT u.login, s.role FROM users u CROSS JOIN security_roles s "
            "LEFT JOIN pg_roles p ON p.rolname = u.login "
            "WHERE s.role <> 'owner' AND CASE WHEN p.rolsuper "
            "THEN EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = s.role) "
            "ELSE caseworker_is_member(u.login, s.pg_role) END"
        )
    ):
        if role in APP_ROLES:
            held.setdefault(login, set()).add(Role(role))
    return {login: frozenset(roles) for login, roles in held.items()}


def grant_role(conn: Connection, login: str, role: Role) -> bool:
    """Make ``login`` a member of the group role of ``role`` (through the owner's function; audited by the caller)."""
    return bool(
        conn.execute(text("SELECT caseworker_grant_role(:login, :role)"), {"login": login, "role": role.value}).scalar()
    )


def revoke_role(conn: Connection, login: str, role: Role) -> bool:
    """Take ``login`` out of the group role of ``role``.  Refused (nothing revoked) when the login would keep the
    role anyway: through another role it is a member of, or a grant the database administrator made."""
    try:
        return bool(
            conn.execute(
                text("SELECT caseworker_revoke_role(:login, :role)"), {"login": login, "role": role.value}
            ).scalar()
        )
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "2BP01":  # dependent_objects_still_exist
            raise
        diag = getattr(exc.orig, "diag", None)
        via = ", ".join(v for v in str(getattr(diag, "message_hint", "") or "").split(",") if v) or "-"
        raise UserFacingError("role_held_elsewhere", login=login, role=label(role), via=via) from None


def sync_memberships_from_user_roles(conn: Connection) -> list[str]:
    """One-time, when a database from before issue 12 is upgraded: grant the group roles its ``user_roles`` list.

    Returns the logins that could not be linked (no such login on this server); they keep their rows but cannot
    connect until the database administrator creates their login and an admin grants their roles again.
    """
    missing: list[str] = []
    rows = conn.execute(
        text("SELECT u.login, r.role FROM users u JOIN user_roles r ON r.user_id = u.id ORDER BY u.login, r.role")
    ).all()
    for login, role in rows:
        if not login_exists(conn, login):
            if login not in missing:
                missing.append(login)
            continue
        conn.execute(text("SELECT caseworker_grant_role(:login, :role)"), {"login": login, "role": role})
    return missing
