"""Who may touch which table in the database: the one map the PostgreSQL privileges are derived from.

Read this before you add a table.  ``tests/security/test_grants_map.py`` fails when a table of
``Base.metadata`` has no entry here, so every new table needs a decision about its privileges.

How it works
------------
Each entry names, per SQL privilege, the **permissions** (``domain/permissions.py``) that need it.  The
roles follow from ``ROLE_PERMISSIONS``: ``insert=(Permission.RECORD_CONTACT,)`` means "every role that may
record contacts gets INSERT".  ``caseworker db upgrade`` (:func:`caseworker_app.db.security.apply`) then,
on PostgreSQL, in one transaction:

* revokes every privilege on every table and sequence of the schema from ``PUBLIC`` and from the group
  roles, and grants exactly what this map says (so removing a permission here removes the grant);
* grants ``USAGE`` on a table's id sequence to the roles that may insert into it;
* for ``update_columns``: grants UPDATE on those columns only (``claims``: only its version moves);
* for ``append_only`` tables: never grants UPDATE or DELETE, and installs the triggers that refuse both
  (also on SQLite, which has no privileges);
* for ``actor_columns``: installs a trigger that sets those columns to ``session_user`` -- who the
  database says is logged in -- whatever the client sent (a column the client leaves NULL stays NULL;
  on UPDATE a column that changes is set to ``session_user`` too, for ``decided_by``-like columns);
  ``now_columns`` likewise get the transaction's time on INSERT;
* for ``audited`` tables (the default): installs the trigger that writes the audit row of every
  inserted, updated or deleted row itself, so a login with ``psql`` cannot change data unaudited;
* for ``sensitive`` tables (special personal data, AVG art. 9, such as bijzondere omstandigheden): grants
  no SELECT at all (only ``SELECT`` on the primary key to the inserters, which ``INSERT ... RETURNING id``
  needs).  Reading goes through the inzage functions only: ``caseworker_inzage(table, debtor_id)``
  records a committed inzage row in the audit log and returns its id, and
  ``caseworker_read_<table>(inzage_id)`` returns the debtor's rows to a role in ``select`` while that row
  is fresh (see ``docs/security.md``, "Sensitive data").  ``debtor_column`` names the column that says
  whose data a row is.

Nobody gets TRUNCATE, REFERENCES or TRIGGER, and no application role owns anything: the tables belong to
a role nobody logs in as, so no application role can alter a table, create or disable a trigger.

Adding a table (checklist)
--------------------------
1. Add the model and its migration as usual.
2. Add an entry below.  Ask for each privilege: which *permission* is this part of the work of?  Use the
   narrowest one; ``EVERYONE`` only for what every logged-in user must read (users, roles).
3. History (contacts, visit reports, decisions once taken, bookings): ``append_only=True`` -- a correction
   is a new row pointing at the old one.  Columns naming who did it (``created_by``, ``proposed_by``,
   ``decided_by``): list them in ``actor_columns``.
4. Special personal data: put it in its own table with ``sensitive=True`` and a ``debtor_column``, and read it
   through ``caseworker_read_<table>`` (never a plain SELECT; the service gets no SELECT privilege).
5. Run ``tests/security``: the matrix tests connect as real logins of every role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from caseworker_app.domain.permissions import ROLE_PERMISSIONS, Permission
from caseworker_app.domain.types import Role

#: Every application role (for what each logged-in user must be able to read to log in at all).
EVERYONE: tuple[Permission, ...] = tuple(Permission)

P = Permission

#: Columns the audit leaves out of its before/after (they change on every write and say nothing of their own);
#: the application's hook (SQLite) and the database's trigger (PostgreSQL) both use this list.
AUDIT_IGNORED_COLUMNS: tuple[str, ...] = ("version", "updated_at", "created_at", "search_name")

#: Permissions that change something: the roles holding one of these write audit rows.
WRITING: tuple[Permission, ...] = (
    P.EDIT_DEBTOR,
    P.BOOK_LEDGER,
    P.RECORD_ENFORCEMENT,
    P.RECORD_CONTACT,
    P.PROPOSE_MAATWERK,
    P.APPROVE,
    P.HANDLE_STELLA,
    P.MANAGE_USERS,
)


@dataclass(frozen=True)
class TableAccess:
    """The privileges of one table, as the permissions that need them (see the module docstring)."""

    select: tuple[Permission, ...] = ()
    insert: tuple[Permission, ...] = ()
    update: tuple[Permission, ...] = ()
    delete: tuple[Permission, ...] = ()
    #: inserted, never updated or deleted by any application role (privileges and triggers)
    append_only: bool = False
    #: special personal data: no SELECT, read only through the inzage functions
    sensitive: bool = False
    #: for sensitive tables: the column holding the debtor id the inzage is logged against
    debtor_column: str | None = None
    #: columns the database sets to ``session_user``
    actor_columns: tuple[str, ...] = ()
    #: columns the database sets to the transaction's time on INSERT, whatever the client sent
    now_columns: tuple[str, ...] = ()
    #: the database writes an audit row for every changed row (off only for the audit tables themselves)
    audited: bool = True
    #: column-level SELECT for permissions that may not read the whole row, e.g. ``{"id": (...)}``
    select_columns: dict[str, tuple[Permission, ...]] = field(default_factory=dict)
    #: when set, ``update`` is granted on these columns only (the rest of the row is fixed once inserted)
    update_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.append_only and (self.update or self.delete):
            raise ValueError("an append-only table grants no UPDATE or DELETE")
        if self.update_columns and not self.update:
            raise ValueError("update_columns limits an update grant: name the permissions in update")
        if self.sensitive and not self.debtor_column:
            raise ValueError("a sensitive table names its debtor_column")


VIEW = (P.VIEW_CASES,)
#: when a history row was written is the database's time, not what a client sends (``now_columns``)
HISTORY_TIME = ("created_at",)
CONTACT = (P.RECORD_CONTACT,)

TABLE_ACCESS: dict[str, TableAccess] = {
    # who works here: every login reads users and roles to log in; only an admin changes them
    "users": TableAccess(select=EVERYONE, insert=(P.MANAGE_USERS,), update=(P.MANAGE_USERS,)),
    "user_roles": TableAccess(select=EVERYONE, insert=(P.MANAGE_USERS,), delete=(P.MANAGE_USERS,)),
    # the application role -> PostgreSQL group role names; written by the database administrator only
    "security_roles": TableAccess(select=EVERYONE, audited=False),
    # debtors and what is recorded about their situation
    "debtors": TableAccess(select=VIEW, insert=(P.EDIT_DEBTOR,), update=(P.EDIT_DEBTOR,)),
    "households": TableAccess(select=VIEW, insert=(P.EDIT_DEBTOR,), update=(P.EDIT_DEBTOR,)),
    "financial_situations": TableAccess(select=VIEW, insert=(P.EDIT_DEBTOR,), update=(P.EDIT_DEBTOR,)),
    # the ledger: a claim's amount and dates are fixed once recorded (a vermindering is a booking); writers of the
    # ledger only bump its version (the change marker of services/changes.py).  Bookings and enforcement steps
    # are history.
    "claims": TableAccess(select=VIEW, insert=(P.BOOK_LEDGER,), update=(P.BOOK_LEDGER,), update_columns=("version",)),
    "bookings": TableAccess(
        select=VIEW, insert=(P.BOOK_LEDGER,), append_only=True, actor_columns=("created_by",), now_columns=HISTORY_TIME
    ),
    "enforcement_actions": TableAccess(
        select=VIEW,
        insert=(P.RECORD_ENFORCEMENT,),
        append_only=True,
        actor_columns=("created_by",),
        now_columns=HISTORY_TIME,
    ),
    # money received for a debtor, recorded once, and its toerekening over the claims (services/payments.py):
    # who books the ledger records them (caseworkers; bailiffs for what they collected); history, never changed
    "payments": TableAccess(
        select=VIEW, insert=(P.BOOK_LEDGER,), append_only=True, actor_columns=("created_by",), now_columns=HISTORY_TIME
    ),
    "payment_allocations": TableAccess(
        select=VIEW, insert=(P.BOOK_LEDGER,), append_only=True, now_columns=HISTORY_TIME
    ),
    # contacts and what follows from them (issue 11): history is appended, never changed; a correction is a new row
    "contacts": TableAccess(
        select=VIEW, insert=CONTACT, append_only=True, actor_columns=("created_by",), now_columns=HISTORY_TIME
    ),
    # bijzondere omstandigheden are special personal data (AVG art. 9): who records contacts reads them, through the
    # inzage functions only (every view logged); the auditor and the administrator do not
    "omstandigheden": TableAccess(
        select=CONTACT,
        insert=CONTACT,
        append_only=True,
        sensitive=True,
        debtor_column="debtor_id",
        actor_columns=("created_by",),
        now_columns=HISTORY_TIME,
    ),
    "debtor_flags": TableAccess(
        select=VIEW, insert=CONTACT, append_only=True, actor_columns=("raised_by",), now_columns=HISTORY_TIME
    ),
    "flag_endings": TableAccess(
        select=VIEW, insert=CONTACT, append_only=True, actor_columns=("ended_by",), now_columns=HISTORY_TIME
    ),
    "referrals": TableAccess(
        select=VIEW, insert=CONTACT, append_only=True, actor_columns=("created_by",), now_columns=HISTORY_TIME
    ),
    # tasks change status and owner (audited); what happened to them is history
    "tasks": TableAccess(
        select=VIEW,
        insert=CONTACT,
        update=CONTACT,
        update_columns=("status", "voor_id", "done_by", "done_at", "version"),  # done, handed over; not what it is
        actor_columns=("created_by", "done_by"),
        now_columns=("created_at",),
    ),
    "task_events": TableAccess(
        select=VIEW, insert=CONTACT, append_only=True, actor_columns=("door",), now_columns=("occurred_at",)
    ),
    # home visits: a caseworker plans one, the bailiff reports (only bailiffs write visit reports)
    "visits": TableAccess(
        select=VIEW,
        insert=CONTACT,
        update=CONTACT,
        update_columns=("status", "version"),  # reported on; whose visit and when it was planned stay
        actor_columns=("created_by",),
        now_columns=("created_at",),
    ),
    "visit_reports": TableAccess(
        select=VIEW,
        insert=(P.RECORD_ENFORCEMENT,),
        append_only=True,
        actor_columns=("created_by",),
        now_columns=HISTORY_TIME,
    ),
    # maatwerk (issue 10): proposals are history; what happens to them is a decision (``decisions``)
    "measures": TableAccess(
        select=VIEW,
        insert=(P.PROPOSE_MAATWERK,),
        append_only=True,
        actor_columns=("proposed_by",),
        now_columns=("proposed_at",),
    ),
    "measure_claims": TableAccess(select=VIEW, insert=(P.PROPOSE_MAATWERK,), append_only=True),
    "measure_ends": TableAccess(
        select=VIEW,
        insert=(P.PROPOSE_MAATWERK,),
        append_only=True,
        actor_columns=("proposed_by",),
        now_columns=("proposed_at",),
    ),
    # teams: everyone working a case sees who is in which team; the administrator forms them (caseworker team ...)
    "teams": TableAccess(select=EVERYONE, insert=(P.MANAGE_USERS,), update=(P.MANAGE_USERS,)),
    "team_members": TableAccess(
        select=EVERYONE, insert=(P.MANAGE_USERS,), update=(P.MANAGE_USERS,), delete=(P.MANAGE_USERS,)
    ),
    # four-eyes decisions: whoever may propose inserts an open row (the database sets proposer, time and whether a
    # second person is needed); nobody may UPDATE or DELETE -- deciding and withdrawing go only through the
    # SECURITY DEFINER functions caseworker_decide / caseworker_withdraw (db/four_eyes.py), which check the role,
    # that the decider is not the proposer and that the row is still open; a decided row never changes again
    "decisions": TableAccess(select=VIEW, insert=(P.PROPOSE_MAATWERK,)),
    # which decisions need a second person, up to which amount or duration: configuration, set by the administrator
    "decision_policies": TableAccess(
        select=EVERYONE, insert=(P.MANAGE_DATABASE,), update=(P.MANAGE_DATABASE,), delete=(P.MANAGE_DATABASE,)
    ),
    # the audit trail: every writer appends (the database sets actor and time), only auditing roles read it;
    # every reader may see the highest id (the cheap "something changed" marker of services/changes.py)
    "audit_log": TableAccess(
        select=(P.VIEW_AUDIT,),
        insert=WRITING,
        append_only=True,
        actor_columns=("actor",),
        now_columns=("occurred_at",),
        audited=False,
        select_columns={"id": VIEW},
    ),
    # the hash chain over the audit trail: written only by the database (PostgreSQL) or the application's commit
    # hook (SQLite); read by who reads the audit trail (caseworker audit verify)
    "audit_chain": TableAccess(select=(P.VIEW_AUDIT,), append_only=True, audited=False),
    "audit_chain_head": TableAccess(select=(P.VIEW_AUDIT,), audited=False),
}


def roles_for(permissions: tuple[Permission, ...]) -> tuple[Role, ...]:
    """The roles holding at least one of ``permissions``, in the order of :class:`Role`."""
    wanted = set(permissions)
    return tuple(role for role in Role if ROLE_PERMISSIONS[role] & wanted)


def privileges_of(table: str) -> dict[str, tuple[Role, ...]]:
    """``{"SELECT": roles, "INSERT": roles, ...}`` for a table of the map (whole-row privileges only)."""
    access = TABLE_ACCESS[table]
    return {
        "SELECT": () if access.sensitive else roles_for(access.select),
        "INSERT": roles_for(access.insert),
        "UPDATE": () if access.append_only or access.update_columns else roles_for(access.update),
        "DELETE": () if access.append_only else roles_for(access.delete),
    }


def column_updates_of(table: str) -> dict[str, tuple[Role, ...]]:
    """``{column: roles}`` of the column-level UPDATE grants of a table (``update_columns``)."""
    access = TABLE_ACCESS[table]
    return {column: roles_for(access.update) for column in access.update_columns}


def append_only_tables() -> tuple[str, ...]:
    return tuple(name for name, access in TABLE_ACCESS.items() if access.append_only)
