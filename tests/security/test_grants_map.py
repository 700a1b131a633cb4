"""The privilege map covers every table, and what it grants follows the roles' permissions."""

from __future__ import annotations

import pytest

from caseworker_app.domain.permissions import ROLE_PERMISSIONS, Permission
from caseworker_app.domain.types import Role

from caseworker_app.db import grants
from caseworker_app.db.models import APPEND_ONLY_TABLES, Base


def test_every_table_of_the_schema_has_a_privilege_entry() -> None:
    """A helper who adds a table without deciding its privileges turns this red (see db/grants.py)."""
    tables = set(Base.metadata.tables)
    missing = sorted(tables - set(grants.TABLE_ACCESS))
    assert not missing, f"add these tables to caseworker_app/db/grants.py TABLE_ACCESS: {missing}"
    unknown = sorted(set(grants.TABLE_ACCESS) - tables)
    assert not unknown, f"TABLE_ACCESS names tables the models do not declare: {unknown}"


def test_history_tables_are_append_only_in_the_map() -> None:
    assert set(APPEND_ONLY_TABLES) <= set(grants.append_only_tables())
    for table in grants.append_only_tables():
        privileges = grants.privileges_of(table)
        assert privileges["UPDATE"] == () and privileges["DELETE"] == ()


def test_an_auditor_reads_and_never_writes() -> None:
    for table in grants.TABLE_ACCESS:
        privileges = grants.privileges_of(table)
        for kind in ("INSERT", "UPDATE", "DELETE"):
            assert Role.AUDITOR not in privileges[kind], (table, kind)


def test_a_bailiff_takes_no_maatwerk_decisions_and_manages_no_users() -> None:
    assert Permission.APPROVE not in ROLE_PERMISSIONS[Role.BAILIFF]
    for table in ("users", "user_roles"):
        privileges = grants.privileges_of(table)
        assert Role.BAILIFF not in privileges["INSERT"] + privileges["UPDATE"] + privileges["DELETE"]


def test_every_role_that_writes_may_append_to_the_audit_log() -> None:
    """Otherwise its writes would fail on the audit row the database writes for them."""
    audit_writers = set(grants.privileges_of("audit_log")["INSERT"])
    for table in grants.TABLE_ACCESS:
        privileges = grants.privileges_of(table)
        writers = set(privileges["INSERT"] + privileges["UPDATE"] + privileges["DELETE"])
        assert writers <= audit_writers, (table, writers - audit_writers)


def test_a_sensitive_table_must_say_whose_data_it_is() -> None:
    with pytest.raises(ValueError, match="debtor_column"):
        grants.TableAccess(sensitive=True)
    with pytest.raises(ValueError, match="append-only"):
        grants.TableAccess(append_only=True, update=(Permission.EDIT_DEBTOR,))
