"""Tamper evidence for the audit trail: writing the chain on SQLite, and ``caseworker audit verify``.

The chain and its payloads are described in ``db/audit_chain.py``.  :func:`verify` recomputes every hash in Python
from the rows themselves -- not with a database function a tamperer could replace -- and names the first broken
link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, sessionmaker

from caseworker_app.domain.permissions import Permission

from caseworker_app.db.audit_chain import chain_sqlite, link_hash, pg_payload, sqlite_payload
from caseworker_app.db.models import AuditEntry
from caseworker_app.db.models.audit_chain import GENESIS_HASH

if TYPE_CHECKING:
    from caseworker_app.services.context import Context


def _collect(session: Session, _ctx: Any) -> None:
    if session.get_bind().dialect.name != "sqlite":
        return
    new = [o for o in session.new if isinstance(o, AuditEntry)]
    if new:
        session.info.setdefault("_audit_unchained", []).extend(new)


def _before_commit(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        return
    for _ in range(10):  # audit rows of inserts go out with the next flush (services/audit.py)
        if not (session.new or session.dirty or session.deleted):
            break
        session.flush()
    pending: list[AuditEntry] = session.info.pop("_audit_unchained", [])
    if pending:
        chain_sqlite(session.connection(), [o.id for o in pending])


def _after_rollback(session: Session) -> None:
    session.info.pop("_audit_unchained", None)


def install(factory: sessionmaker[Session]) -> None:
    """SQLite: write the links of every audit row just before the transaction that wrote it commits."""
    event.listen(factory, "after_flush", _collect)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_soft_rollback", lambda session, _previous: _after_rollback(session))


# ----------------------------------------------------------------------------------------------- verify


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    rows: int  # audit rows checked
    last_seq: int
    last_hash: str
    broken_audit_id: int | None = None
    broken_seq: int | None = None
    #: what is wrong, in Dutch, for the one line ``audit verify`` prints
    reason: str | None = None

    @property
    def message(self) -> str:
        if self.intact:
            return (
                f"Auditketen intact: {self.rows} auditregels, laatste schakel {self.last_seq} "
                f"({self.last_hash[:16]})."
            )
        where = f"auditregel {self.broken_audit_id}" if self.broken_audit_id is not None else "het einde van de keten"
        link = f" (schakel {self.broken_seq})" if self.broken_seq is not None else ""
        return f"Auditketen verbroken bij {where}{link}: {self.reason}."


def verify(ctx: Context) -> ChainReport:
    """Walk the whole chain and recompute every hash; stop at the first broken link."""
    with ctx.read(Permission.VIEW_AUDIT) as session:
        shared = session.get_bind().dialect.name == "postgresql"
        if shared:
            # one snapshot for the links, the unchained rows and the head; hashes over UTC renderings
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            session.execute(text("SET LOCAL TimeZone = 'UTC'"))
        return _walk(session.connection(), shared)


def _walk(conn: Connection, shared: bool) -> ChainReport:
    expected_prev, expected_seq, checked = GENESIS_HASH, 1, 0

    def broken(audit_id: int | None, seq: int | None, reason: str) -> ChainReport:
        return ChainReport(False, checked, expected_seq - 1, expected_prev, audit_id, seq, reason)

    if shared:
        links = conn.execution_options(stream_results=True, yield_per=2000).execute(
            text(
                f"SELECT c.seq, c.audit_id, c.prev_hash, c.row_hash, a.id, {pg_payload('a')} "
                "FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id ORDER BY c.seq"
            )
        )
        rows: Any = ((s, aid, p, h, found, payload) for s, aid, p, h, found, payload in links)
    else:
        links = conn.execution_options(stream_results=True, yield_per=2000).exec_driver_sql(
            "SELECT c.seq, c.audit_id, c.prev_hash, c.row_hash, a.* FROM audit_chain c "
            "LEFT JOIN audit_log a ON a.id = c.audit_id ORDER BY c.seq"
        )
        names = list(links.keys())[4:]

        def sqlite_rows() -> Any:
            for row in links:
                record = dict(zip(names, row[4:], strict=True))
                found = record.get("id")
                yield row[0], row[1], row[2], row[3], found, sqlite_payload(record) if found is not None else None

        rows = sqlite_rows()
    for seq, audit_id, prev_hash, row_hash, found, payload in rows:
        if seq != expected_seq:
            return broken(audit_id, seq, f"schakel {expected_seq} ontbreekt: een auditregel is weggehaald")
        if found is None:
            return broken(audit_id, seq, "de auditregel is verwijderd")
        if prev_hash != expected_prev:
            return broken(audit_id, seq, "de verwijzing naar de vorige schakel klopt niet")
        if link_hash(payload or "", prev_hash) != row_hash:
            return broken(audit_id, seq, "de inhoud is gewijzigd nadat hij is vastgelegd")
        expected_prev, expected_seq, checked = row_hash, expected_seq + 1, checked + 1
    unchained = conn.execute(
        text("SELECT min(id) FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)")
    ).scalar()
    if unchained is not None:
        return broken(int(unchained), None, "de auditregel staat niet in de keten (buiten de database om toegevoegd)")
    head = conn.execute(text("SELECT seq, hash FROM audit_chain_head WHERE id = 1")).first()
    if head is None or int(head[0]) != expected_seq - 1 or head[1] != expected_prev:
        return broken(None, None if head is None else int(head[0]), "de laatste schakels ontbreken")
    return ChainReport(True, checked, expected_seq - 1, expected_prev)
