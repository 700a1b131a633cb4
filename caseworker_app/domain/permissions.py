"""Which role may do what.  Pure data, so the services and the database grants share it.

The services check these permissions (for clear messages); on PostgreSQL the database enforces them too, through
the per-table map in ``caseworker_app/db/grants.py``, which names for each table the permissions that need each
privilege.  A new table needs an entry there (a test fails without one).
"""

from __future__ import annotations

from enum import StrEnum

from caseworker_app.domain.types import Role


class Permission(StrEnum):
    VIEW_CASES = "view_cases"
    EDIT_DEBTOR = "edit_debtor"
    BOOK_LEDGER = "book_ledger"  # payments, verrekeningen, costs
    RECORD_ENFORCEMENT = "record_enforcement"
    RECORD_CONTACT = "record_contact"
    PROPOSE_MAATWERK = "propose_maatwerk"
    APPROVE = "approve"  # four-eyes approvals and escalation queues
    HANDLE_STELLA = "handle_stella"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_DATABASE = "manage_database"  # schema upgrades, demo data


_CASEWORK = {
    Permission.VIEW_CASES,
    Permission.EDIT_DEBTOR,
    Permission.BOOK_LEDGER,
    Permission.RECORD_CONTACT,
    Permission.PROPOSE_MAATWERK,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASEWORKER: frozenset(_CASEWORK),
    Role.BAILIFF: frozenset(_CASEWORK | {Permission.RECORD_ENFORCEMENT}),
    Role.TEAMLEAD: frozenset(_CASEWORK | {Permission.APPROVE, Permission.VIEW_AUDIT}),
    Role.STELLA: frozenset(_CASEWORK | {Permission.HANDLE_STELLA}),
    Role.AUDITOR: frozenset({Permission.VIEW_CASES, Permission.VIEW_AUDIT}),
    Role.ADMIN: frozenset(
        {Permission.VIEW_CASES, Permission.VIEW_AUDIT, Permission.MANAGE_USERS, Permission.MANAGE_DATABASE}
    ),
}


def permissions_of(roles: frozenset[Role] | set[Role]) -> frozenset[Permission]:
    out: set[Permission] = set()
    for role in roles:
        out |= ROLE_PERMISSIONS[role]
    return frozenset(out)


def roles_granting(permission: Permission) -> list[Role]:
    return [role for role, perms in ROLE_PERMISSIONS.items() if permission in perms]
