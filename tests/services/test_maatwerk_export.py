"""The maatwerk export (issue 10): self-describing lines, the same bytes for the same input, the file rules."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from caseworker_app.errors import ValidationError
from tests.factories import add_claim, add_debtor, open_context

from caseworker_app.services import maatwerk
from caseworker_app.services.context import Context
from caseworker_app.services.maatwerk import export

TODAY = dt.date(2026, 11, 26)
BSN = "111222333"


def _two_measures(url: str) -> Context:
    ctx = open_context(url)
    debtor_id = add_debtor(ctx, bsn=BSN)
    add_claim(ctx, debtor_id, amount="5000.00", reference="IB-2024-001")
    add_claim(ctx, debtor_id, amount="700.00", reference="OB-2024-002")
    maatwerk.propose(ctx, BSN, soort="invorderingspauze", van=dt.date(2026, 11, 1), tot=dt.date(2027, 1, 31),
                     onderdelen=("rente", "dwang"), reden="Opgenomen in het ziekenhuis (medisch geheim)",
                     reden_code="ziekte_of_overlijden", today=TODAY)
    maatwerk.propose(ctx, BSN, soort="geen_verrekening", van=TODAY, tot=dt.date(2027, 5, 31),
                     vorderingen=("OB-2024-002",), bedrag=None, reden="Bestaansminimum", today=TODAY)
    return ctx


SINCE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def test_jsonl_lines_are_self_describing_cover_their_claims_and_leave_the_free_text_out(migrated_db_url: str) -> None:
    ctx = _two_measures(migrated_db_url)
    data = export.render(export.export_rows(ctx, SINCE, TODAY), "jsonl").decode()
    lines = [json.loads(line) for line in data.splitlines()]
    assert [(x["type"], x["versie"], x["soort"]) for x in lines] == [
        ("caseworker.maatwerk", 1, "invorderingspauze"), ("caseworker.maatwerk", 1, "geen_verrekening")]
    pause, verrekening = lines
    assert list(pause) == list(export.FIELDS)  # every line names every field, in the documented order
    assert pause["alle_vorderingen"] is True and pause["vorderingen"] == ["IB-2024-001", "OB-2024-002"]
    assert pause["effecten"] == ["geen_dwang", "geen_rente"] and pause["onderdelen"] == ["dwang", "rente"]
    assert verrekening["alle_vorderingen"] is False and verrekening["vorderingen"] == ["OB-2024-002"]
    assert pause["status"] == "voorgesteld" and pause["gebeurtenissen"][0]["soort"] == "voorgesteld"
    assert pause["voorgesteld_op"].endswith("Z")
    assert "ziekenhuis" not in data and pause["reden_code"] == "ziekte_of_overlijden"


def test_the_same_input_gives_the_same_bytes_and_since_filters(migrated_db_url: str) -> None:
    ctx = _two_measures(migrated_db_url)
    first = export.render(export.export_rows(ctx, SINCE, TODAY), "csv")
    assert first == export.render(export.export_rows(ctx, SINCE, TODAY), "csv")
    rows = list(csv.reader(io.StringIO(first.decode())))
    assert tuple(rows[0]) == export.FIELDS and len(rows) == 3
    assert rows[1][0] == "caseworker.maatwerk"
    assert rows[1][export.FIELDS.index("vorderingen")] == "IB-2024-001;OB-2024-002"
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    assert export.export_rows(ctx, later, TODAY) == []  # nothing happened after that moment


def test_the_file_is_never_replaced_without_force_and_the_export_is_audited(
    migrated_sqlite_url: str, tmp_path: Path
) -> None:
    ctx = _two_measures(migrated_sqlite_url)
    target = tmp_path / "maatwerk.jsonl"
    count, path = export.export(ctx, SINCE, "jsonl", today=TODAY, target=target)
    assert count == 2 and path == target and len(target.read_text().splitlines()) == 2
    target.write_text("van iemand anders\n")
    with pytest.raises(ValidationError, match="bestaat al"):
        export.export(ctx, SINCE, "jsonl", today=TODAY, target=target)
    assert target.read_text() == "van iemand anders\n"
    export.export(ctx, SINCE, "csv", today=TODAY, target=target, force=True)
    assert target.read_text().startswith("type,versie,")
    from sqlalchemy import select

    from caseworker_app.db.models import AuditEntry

    from caseworker_app.services import audit as audit_service  # noqa: F401  (the audit rows are the log's)

    with ctx.read() as session:
        actions = session.execute(select(AuditEntry.action).where(AuditEntry.action == "export.maatwerk")).all()
    assert len(actions) == 2  # the refused one wrote nothing


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-01", dt.datetime(2026, 12, 1, tzinfo=dt.UTC)),
        ("2026-12-01T08:30:00Z", dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)),
        ("2026-12-01T09:30+01:00", dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)),
    ],
)
def test_since_takes_a_date_or_a_moment_in_utc(value: str, expected: dt.datetime) -> None:
    assert export.parse_since(value) == expected


@pytest.mark.parametrize("value", ["gisteren", "", "2026-13-01", "0001-01-01", "x" * 20_000])
def test_a_wrong_since_is_one_dutch_line(value: str) -> None:
    with pytest.raises(ValidationError, match="--since") as caught:
        export.parse_since(value)
    assert len(caught.value.message) < 200
