"""Cluster-wide PostgreSQL roles of test databases (no application imports: tests/conftest.py uses it)."""

from __future__ import annotations

import time
import uuid

from sqlalchemy import Connection, text

TEST_DB_PREFIX = "cwtest_"


def new_db_name(kind: str = "") -> str:
    """``cwtest_<unix time>_<random>``: unique across xdist workers and parallel runs, and dated for clean-up."""
    return f"{TEST_DB_PREFIX}{int(time.time())}_{kind}{uuid.uuid4().hex[:12]}"


def drop_test_roles(conn: Connection, database: str) -> None:
    """Drop the roles of a dropped test database: its group roles (named after it by ``caseworker db upgrade``) and
    the logins tests created with the same prefix (``tests.factories.make_login``).  Only names starting with a
    ``cwtest_`` database name and ``_`` are touched, so no role the tests did not create is ever dropped."""
    assert database.startswith(TEST_DB_PREFIX), database
    pattern = database.replace("_", "\\_") + "\\_%"
    names = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY 1"), {"p": pattern})
    for name in list(names.scalars()):
        conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
