"""Reading special personal data (AVG art. 9, such as bijzondere omstandigheden): every read is logged first.

:func:`read_sensitive` is what a service calls for a table ``db/grants.py`` marks ``sensitive``:

* **PostgreSQL**: one short unit of work calls ``caseworker_inzage_<table>(debtor)``, which writes the inzage row in
  the audit log, and commits; then a read calls ``caseworker_read_<table>(inzage)``, which the database answers only
  for a committed, fresh inzage of the same login (``db/security.py``).  No SELECT on the table exists for any role,
  so there is no other way in.
* **SQLite** (one person's own file): the rows are read and an ``inzage`` audit row is written in one unit of work.

The rows come back as plain dicts of the table's columns, in id order.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import column, select, table, text

from caseworker_app.domain.permissions import Permission

from caseworker_app.db.grants import TABLE_ACCESS
from caseworker_app.db.security import inzage_function, read_function

from caseworker_app.services import audit
from caseworker_app.services.context import Context


def read_sensitive(
    ctx: Context, table_name: str, debtor_id: int, permission: Permission, *, debtor_column: str | None = None
) -> list[dict[str, Any]]:
    """The rows of ``table_name`` about ``debtor_id``, after an inzage row naming the reader is on the record."""
    access = TABLE_ACCESS.get(table_name)
    column_name = debtor_column or (access.debtor_column if access else None)
    if column_name is None:
        raise ValueError(f"{table_name} is not a sensitive table of db/grants.py")
    operation = f"inzage.{table_name}"
    if ctx.db.is_shared:
        with ctx.unit_of_work(permission, operation=operation, action="bijzondere gegevens inzien") as session:
            inzage_id = session.execute(
                text(f"SELECT {inzage_function(table_name)}(:debtor)"), {"debtor": debtor_id}
            ).scalar_one()
        with ctx.read(permission) as session:
            rows = session.execute(
                text(f"SELECT * FROM {read_function(table_name)}(:inzage) ORDER BY 1"), {"inzage": inzage_id}
            ).mappings()
            return [dict(row) for row in rows]
    with ctx.unit_of_work(permission, operation=operation, action="bijzondere gegevens inzien") as session:
        target = table(table_name, column(column_name))
        statement = select(text("*")).select_from(target).where(target.c[column_name] == debtor_id).order_by(
            text("1")
        )
        found = [dict(row) for row in session.execute(statement).mappings()]
        audit.record(session, "inzage", table_name, debtor_id, None, {"rijen": len(found)})
        return found
