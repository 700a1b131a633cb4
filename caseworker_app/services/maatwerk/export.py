"""The hand-back to the automated process: every measure that started, changed or ended since a moment.

``caseworker export maatwerk --since TIMESTAMP --format jsonl|csv [-o FILE]`` (``docs/maatwerk-export.md``).
One line per measure, each self-describing (``type`` and ``versie`` on every line, every field named), in id
order, with the claims it covers spelled out (also for a measure on "every claim": then ``alle_vorderingen`` is
true and ``vorderingen`` lists the claims it covered on ``stand_op``) and the effects the automated process must
honour.  The same database, moment and day give the same bytes: no time of writing in the output, keys in a fixed
order, times in UTC.  The officer's free-text reason is left out (it may name someone's illness): the automated
process gets the reason code.

What counts as happening since ``since`` (``gebeurtenissen``): proposed, decided, an early end proposed or decided
(moments), and started (``van``) or ended (the day after ``werkt_tot``: when the automated process resumes) on a day
from ``since`` up to and including ``stand_op``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import IO, Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain.maatwerk import Status
from caseworker_app.domain.permissions import Permission

from caseworker_app.db.repositories import maatwerk as repo

from caseworker_app.services import audit, output
from caseworker_app.services.context import Context
from caseworker_app.services.maatwerk.capability import APPROVED
from caseworker_app.services.maatwerk.dto import MeasureDTO
from caseworker_app.services.maatwerk.records import to_dtos

TYPE = "caseworker.maatwerk"
VERSION = 1
FORMATS = ("jsonl", "csv")

#: The fields of a line, in this order (CSV columns, JSON keys).
FIELDS: tuple[str, ...] = (
    "type", "versie", "stand_op", "id", "bsn", "soort", "status", "van", "tot", "werkt_tot", "herzien_op",
    "onderdelen", "effecten", "bedrag", "alle_vorderingen", "vorderingen", "reden_code", "voorgesteld_door",
    "voorgesteld_op", "besloten_door", "besloten_op", "besluit", "vorige_id", "gebeurtenissen",
)


def parse_since(value: str) -> dt.datetime:
    """``--since``: a date (``2026-12-01``: from midnight UTC) or a moment (``2026-12-01T10:00``, with ``Z`` or an
    offset; without one it is UTC), as an aware UTC time."""
    text = (value or "").strip()
    try:
        if len(text) > 40:
            raise ValueError
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise ValidationError("invalid_field", field="--since",
                              reason=f"'{shown}' is geen tijdstip; gebruik bijvoorbeeld 2026-12-01 of "
                              "2026-12-01T08:30:00Z") from None
    if not 1900 <= moment.year <= 2199:
        raise ValidationError("invalid_field", field="--since", reason="kies een tijdstip tussen 1900 en 2199")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive times in UTC (``CURRENT_TIMESTAMP``); PostgreSQL aware ones."""
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else _utc(moment).isoformat().replace("+00:00", "Z")


def _events(m: MeasureDTO, since: dt.datetime, today: dt.date) -> list[dict[str, str]]:
    found: list[tuple[str, str]] = []
    def moment(kind: str, at: dt.datetime | None) -> None:
        if at is not None and _utc(at) >= since:
            found.append((_iso(at) or "", kind))

    def day(kind: str, on: dt.date) -> None:
        if since.date() <= on <= today:
            found.append((on.isoformat(), kind))

    moment("voorgesteld", m.voorgesteld_op)
    if m.decision is not None and m.decision.decided_at is not None:
        moment(f"besloten_{m.decision.status}", m.decision.decided_at)
    for end in m.ends:
        moment("einde_voorgesteld", end.proposed_at)
        if end.decision is not None and end.decision.decided_at is not None:
            moment(f"einde_besloten_{end.decision.status}", end.decision.decided_at)
    if m.status in APPROVED:
        day("ingegaan", m.van)
        if m.status in (Status.BEEINDIGD, Status.VERLOPEN) and m.werkt_tot is not None:
            day("geeindigd", m.werkt_tot + dt.timedelta(days=1))
    return [{"op": at, "soort": kind} for at, kind in sorted(found)]


def export_rows(ctx: Context, since: dt.datetime, today: dt.date) -> list[dict[str, Any]]:
    """The lines of the export as dicts (keys in :data:`FIELDS` order)."""
    with ctx.read() as session:
        measures = to_dtos(session, repo.measures(session), today)
        claims_by_debtor: dict[int, list[str]] = {}
        rows = []
        for m in measures:
            events = _events(m, since, today)
            if not events:
                continue
            if m.vorderingen:
                covered = list(m.vorderingen)
            else:
                if m.debtor_id not in claims_by_debtor:
                    claims_by_debtor[m.debtor_id] = sorted(repo.debtor_claims(session, m.debtor_id))
                covered = claims_by_debtor[m.debtor_id]
            d = m.decision
            rows.append({
                "type": TYPE, "versie": VERSION, "stand_op": today.isoformat(), "id": m.id, "bsn": m.bsn,
                "soort": m.soort, "status": m.status.value, "van": m.van.isoformat(),
                "tot": m.tot.isoformat() if m.tot else None,
                "werkt_tot": m.werkt_tot.isoformat() if m.werkt_tot else None,
                "herzien_op": m.herzien_op.isoformat() if m.herzien_op else None,
                "onderdelen": list(m.onderdelen) if m.onderdelen is not None else None,
                "effecten": sorted({e.effect.value for e in m.draft().effects()}),
                "bedrag": f"{m.bedrag:.2f}" if m.bedrag is not None else None,
                "alle_vorderingen": not m.vorderingen, "vorderingen": covered, "reden_code": m.reden_code,
                "voorgesteld_door": m.voorgesteld_door, "voorgesteld_op": _iso(m.voorgesteld_op),
                "besloten_door": m.besloten_door, "besloten_op": _iso(d.decided_at) if d is not None else None,
                "besluit": d.status if d is not None else None, "vorige_id": m.previous_id,
                "gebeurtenissen": events,
            })
    return rows


def render(rows: list[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for r in rows:
        writer.writerow([_cell(r[f]) for f in FIELDS])
    return buffer.getvalue().encode()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return ";".join(f"{e['op']} {e['soort']}" for e in value)
        return ";".join(str(v) for v in value)
    return str(value)


def check_format(fmt: str) -> str:
    chosen = (fmt or "").strip().lower()
    if chosen not in FORMATS:
        raise ValidationError("invalid_field", field="--format", reason=f"kies {' of '.join(FORMATS)}")
    return chosen


def export(
    ctx: Context, since: dt.datetime, fmt: str, *, today: dt.date, target: str | os.PathLike[str] | None = None,
    force: bool = False, stream: IO[bytes] | None = None,
) -> tuple[int, Path | None]:
    """Write the export to ``target`` (the file rules of ``services/output.py``) or ``stream``, audited in the same
    step (which measures left the application, when, for whom); returns the number of lines and the path."""
    fmt = check_format(fmt)
    ctx.require(Permission.VIEW_CASES)
    rows = export_rows(ctx, since, today)
    data = render(rows, fmt)
    facts = {"since": _iso(since), "format": fmt, "lines": len(rows), "measures": [r["id"] for r in rows][:1000]}
    if target is None:
        with ctx.unit_of_work(Permission.VIEW_CASES, operation="export.maatwerk") as session:
            audit.record(session, "export.maatwerk", "measures", None, None, {**facts, "file": None})
        if stream is not None:
            stream.write(data)
        return len(rows), None
    def write(fh: IO[bytes]) -> None:
        fh.write(data)

    with output.staged_file(target, write, force=force,
                            protect=output.database_files(ctx.db)) as staged, \
            ctx.unit_of_work(Permission.VIEW_CASES, operation="export.maatwerk") as session:
        audit.record(session, "export.maatwerk", "measures", None, None, {**facts, "file": str(staged.real)})
        session.flush()
        path = staged.publish()
    return len(rows), path
