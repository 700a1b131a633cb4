"""The hash chain over the audit trail, as an algorithm both the migrations and the services use.

A link's hash is ``sha256(payload + "|" + prev_hash)``.  The payload is the audit row as the database stores it,
column by column in name order, ``name=<length>:<value>``, joined by ``|``, NULL columns left out (so a column
added later, NULL in older rows, leaves their hashes valid):

* PostgreSQL renders the row with ``to_jsonb`` in UTC (:func:`pg_payload`); the database writes the links itself at
  commit (``caseworker_audit_chain()`` in ``db/security.py``, the same expression), so no client can leave them out;
* SQLite renders the stored values as text (:func:`sqlite_payload`); the application writes the links just before
  each commit (``services/audit_chain.py``), inside the write transaction (``BEGIN IMMEDIATE``: one writer).
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, insert, text, update

from caseworker_app.db.models.audit_chain import AuditChainHead, AuditChainLink


def pg_payload(row: str) -> str:
    """The SQL expression of the payload of the audit row (or ``NEW``) called ``row``; run it with TimeZone UTC."""
    return (
        "(SELECT string_agg(e.key || '=' || length(e.value) || ':' || e.value, '|' ORDER BY e.key COLLATE \"C\") "
        f"FROM jsonb_each_text(to_jsonb({row})) e WHERE e.value IS NOT NULL)"
    )


def link_hash(payload: str, prev_hash: str) -> str:
    return hashlib.sha256(f"{payload}|{prev_hash}".encode()).hexdigest()


def sqlite_payload(row: dict[str, Any]) -> str:
    parts = []
    for key in sorted(row):
        value = row[key]
        if value is None:
            continue
        rendered = value if isinstance(value, str) else str(value)
        parts.append(f"{key}={len(rendered)}:{rendered}")
    return "|".join(parts)


def _raw_rows(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    marks = ", ".join("?" for _ in ids)
    result = conn.exec_driver_sql(f"SELECT * FROM audit_log WHERE id IN ({marks})", tuple(ids))
    columns = list(result.keys())
    rows = [dict(zip(columns, row, strict=True)) for row in result.all()]
    return {int(row["id"]): row for row in rows}


def chain_sqlite(conn: Connection, ids: list[int]) -> None:
    """Append links for the audit rows ``ids`` (in id order) to the chain; SQLite only."""
    if not ids:
        return
    head = conn.execute(text("SELECT seq, hash FROM audit_chain_head WHERE id = 1")).one()
    seq, prev = int(head[0]), str(head[1])
    rows = _raw_rows(conn, sorted(ids))
    links = []
    for audit_id in sorted(rows):
        seq += 1
        row_hash = link_hash(sqlite_payload(rows[audit_id]), prev)
        links.append({"seq": seq, "audit_id": audit_id, "prev_hash": prev, "row_hash": row_hash})
        prev = row_hash
    conn.execute(insert(AuditChainLink), links)
    conn.execute(update(AuditChainHead).where(AuditChainHead.id == 1).values(seq=seq, hash=prev))
