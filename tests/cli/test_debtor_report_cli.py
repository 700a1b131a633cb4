"""``caseworker debtor search|show`` and ``caseworker report schuldoverzicht`` as a user or a script uses them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context
from tests.reports.pdftext import pdf_info, pdf_text, summary_amounts

from caseworker_app.domain.types import EnforcementStep, Middel

from caseworker_app.services import position
from caseworker_app.services.context import Context

AS_OF = "2026-11-26"


@pytest.fixture
def setup(migrated_db_url: str) -> tuple[str, Context, int]:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, voornamen="Zoë", achternaam="Müller")
    add_claim(ctx, debtor_id, amount="1200.00", dagtekening=dt.date(2025, 3, 1),
              payments=((dt.date(2025, 6, 1), "200.00"),),
              steps=((EnforcementStep.AANMANING, dt.date(2025, 5, 1), "19.00"),))
    add_claim(ctx, debtor_id, middel=Middel.HT, amount="640.00", dagtekening=dt.date(2025, 5, 1),
              verrekeningen=((dt.date(2025, 9, 1), "100.00"),))
    return migrated_db_url, ctx, debtor_id


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = cli.main([*args, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_show_json_is_the_position_document(setup: tuple[str, Context, int],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    url, ctx, debtor_id = setup
    code, out, err = run(capsys, url, "debtor", "show", "111222333", "--json", "--date", AS_OF)
    assert code == 0, err
    doc = json.loads(out)
    expected = position.position_to_json(position.get_position(ctx, debtor_id, dt.date.fromisoformat(AS_OF)))
    assert doc == json.loads(json.dumps(expected))
    assert doc["debtor"]["name"] == "Zoë Müller"
    assert doc["as_of"] == AS_OF and len(doc["claims"]) == 2
    assert all(isinstance(v, str) for k, v in doc["totals"].items() if k not in ("claim_count", "open_claim_count",
                                                                               "samenloop"))


def test_show_as_text_is_a_readable_dutch_table(setup: tuple[str, Context, int],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    url, ctx, debtor_id = setup
    code, out, _err = run(capsys, url, "debtor", "show", "1112.22.333", "--date", "26-11-2026")
    assert code == 0
    pos = position.get_position(ctx, debtor_id, dt.date(2026, 11, 26))
    assert "Zoë Müller" in out and "Stand per 26-11-2026" in out
    assert "Totaal open" in out and "Samenloop" in out
    from caseworker_app.domain.money import format_eur

    assert format_eur(pos.totals.open) in out
    for claim in pos.claims:
        assert claim.reference in out


def test_search_json_lists_matches(setup: tuple[str, Context, int], capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx, debtor_id = setup
    code, out, _err = run(capsys, url, "debtor", "search", "muller", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["count"] == 1
    (hit,) = doc["results"]
    assert (hit["id"], hit["bsn"], hit["name"], hit["matched_by"]) == (debtor_id, "111222333", "Zoë Müller", "name")
    assert "3511 AB" in hit["address"]


@pytest.mark.parametrize("text", ["", "'; DROP TABLE debtors; --", "😀" * 50, "%", "x" * 10_000])
def test_search_never_fails_on_odd_input(setup: tuple[str, Context, int], capsys: pytest.CaptureFixture[str],
                                         text: str) -> None:
    url, _ctx, _debtor_id = setup
    code, out, _err = run(capsys, url, "debtor", "search", text, "--json")
    assert code == 0
    assert json.loads(out)["results"] == []
    code, out, _err = run(capsys, url, "debtor", "search", text)
    assert code == 0 and "Geen schuldenaren gevonden" in out


def test_search_limit_must_be_sensible(setup: tuple[str, Context, int], capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx, _debtor_id = setup
    code, _out, err = run(capsys, url, "debtor", "search", "m", "--limit", "0")
    assert code == cli.EXIT_USER and "--limit" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("debtor", "show", "123456789"), "geen geldig BSN"),
        (("debtor", "show", "999993653"), "bestaat niet"),
        (("debtor", "show", "111222333", "--date", "31-02-2026"), "geen geldige datum"),
        (("report", "schuldoverzicht", "999993653", "-o", "x.pdf"), "bestaat niet"),
    ],
)
def test_user_errors_are_one_dutch_line(setup: tuple[str, Context, int], capsys: pytest.CaptureFixture[str],
                                        args: tuple[str, ...], message: str) -> None:
    url, _ctx, _debtor_id = setup
    code, _out, err = run(capsys, url, *args)
    assert code == cli.EXIT_USER
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in err


def test_report_writes_a_pdf_with_the_same_totals(setup: tuple[str, Context, int], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    url, ctx, debtor_id = setup
    target = tmp_path / "overzicht.pdf"
    code, out, err = run(capsys, url, "report", "schuldoverzicht", "111222333", "-o", str(target), "--date", AS_OF)
    assert code == 0, err
    assert str(target) in out
    assert "A4" in pdf_info(target)["Page size"]
    pos = position.get_position(ctx, debtor_id, dt.date.fromisoformat(AS_OF))
    printed = summary_amounts(target, pos.as_of)
    for key, value in printed.items():
        assert value == pos.totals.amounts()[key], key
    text = pdf_text(target)
    assert all(c.reference in text for c in pos.claims)
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_report_into_a_missing_folder_writes_nothing(setup: tuple[str, Context, int], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx, _debtor_id = setup
    target = tmp_path / "bestaat-niet" / "overzicht.pdf"
    code, _out, err = run(capsys, url, "report", "schuldoverzicht", "111222333", "-o", str(target))
    assert code == cli.EXIT_USER and "bestaat niet" in err
    assert not target.parent.exists()


def test_a_report_leaves_an_audit_line(setup: tuple[str, Context, int], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import select

    from caseworker_app.db.models import AuditEntry

    url, ctx, debtor_id = setup
    code, _out, _err = run(capsys, url, "report", "schuldoverzicht", "111222333", "-o", str(tmp_path / "a.pdf"))
    assert code == 0
    with ctx.db.session_factory() as session:
        rows: list[Any] = list(session.execute(
            select(AuditEntry).where(AuditEntry.action == "report.schuldoverzicht")).scalars())
    assert [(r.entity, r.entity_id) for r in rows] == [("debtors", str(debtor_id))]


def test_show_as_text_with_a_claim_the_rules_cannot_evaluate(migrated_db_url: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, bsn="123456782")
    add_claim(ctx, debtor_id, dagtekening=dt.date(1985, 3, 1))  # before the first rente row
    code, out, err = run(capsys, migrated_db_url, "debtor", "show", "123456782")
    assert code == 0, err
    assert "niet berekend" in out and "Berekening onvolledig" in out
