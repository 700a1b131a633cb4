"""``caseworker payment record``: what an officer or a script sees, and what it refuses (one line, exit 2/3)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context
from tests.services.test_storage_errors import _caseworker

from caseworker_app.domain.types import EnforcementStep, Role

from caseworker_app.services import position, users
from caseworker_app.services.context import Context


@pytest.fixture
def setup(migrated_db_url: str) -> tuple[str, Context, int]:
    return seed(migrated_db_url)


def seed(url: str) -> tuple[str, Context, int]:
    migrated_db_url = url
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, amount="300.00", dagtekening=dt.date(2025, 3, 1), reference="IB2024",
              steps=((EnforcementStep.AANMANING, dt.date(2025, 5, 1), "19.00"),))
    add_claim(ctx, debtor_id, amount="500.00", dagtekening=dt.date(2025, 6, 1), reference="IB2025")
    return migrated_db_url, ctx, debtor_id


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = cli.main([*args, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_names_the_split_per_claim_and_the_open_balance(setup: tuple[str, Context, int],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    url, ctx, debtor_id = setup
    today = position.today().isoformat()
    code, out, err = run(capsys, url, "payment", "record", "111222333", "--bedrag", "123,45", "--datum", today,
                         "--kenmerk", "IB2025", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["amount"] == "123.45" and doc["date"] == today and doc["kenmerk"] == "IB2025"
    (part,) = doc["allocation"]
    assert part["reference"] == "IB2025" and set(part) >= {"kosten", "rente", "hoofdsom", "total", "open"}
    assert part["kosten"] == "0.00"
    assert part["total"] == "123.45" == f"{sum(map(float, (part['rente'], part['hoofdsom']))):.2f}"
    assert doc["unallocated"] == "0.00"
    assert doc["open"] == position.position_to_json(position.get_position(ctx, debtor_id))["totals"]["open"]


def test_text_says_what_went_where_and_a_tegoed_in_words(setup: tuple[str, Context, int],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx, _debtor_id = setup
    code, out, err = run(capsys, url, "payment", "record", "111222333", "--bedrag", "1.000.000,00", "--datum",
                         position.today().isoformat())
    assert code == 0, err
    assert "Betaling van € 1.000.000,00" in out and "IB2024" in out and "IB2025" in out
    assert "Tegoed (niet toegerekend)" in out and "blijft als tegoed" in out
    assert "Nog open op" in out and "€ 0,00" in out


@pytest.mark.parametrize(
    ("args", "wording"),
    [
        (("999993653", "--bedrag", "10", "--datum", "2026-06-01"), "bestaat niet"),
        (("111222333", "--bedrag", "0", "--datum", "2026-06-01"), "groter zijn dan nul"),
        (("111222333", "--bedrag", "12,50", "--datum", "2099-01-01"), "toekomst"),
        (("111222333", "--bedrag", "12,50", "--datum", "31-02-2026"), "geen geldige datum"),
        (("111222333", "--bedrag", "12,50", "--datum", "2026-06-01", "--kenmerk", "X" * 300), "40 tekens"),
        (("111222333", "--bedrag", "9" * 5000, "--datum", "2026-06-01"), "te lang"),
    ],
)
def test_wrong_input_is_one_dutch_line_and_exit_2(setup: tuple[str, Context, int], capsys: pytest.CaptureFixture[str],
                                                  args: tuple[str, ...], wording: str) -> None:
    url, _ctx, _debtor_id = setup
    code, out, err = run(capsys, url, "payment", "record", *args)
    assert code == cli.EXIT_USER and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and wording in lines[0], err


def test_an_auditor_is_refused_in_one_line(migrated_sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """On SQLite, where ``--user`` picks the acting user; on PostgreSQL the role follows from the login, which
    tests/services/test_payments.py and tests/security prove as a real auditor login."""
    url, ctx, _debtor_id = seed(migrated_sqlite_url)
    users.add_user(ctx, "controle", "Controle", (Role.AUDITOR,))
    code, out, err = run(capsys, url, "payment", "record", "111222333", "--bedrag", "10", "--datum",
                         position.today().isoformat(), "--user", "controle")
    assert code == cli.EXIT_USER and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "een betaling boeken" in lines[0] and "Traceback" not in err


def test_a_read_only_file_is_refused_in_one_line_and_left_as_it_was(migrated_sqlite_url: str, tmp_path: Path) -> None:
    ctx = open_context(migrated_sqlite_url)
    add_claim(ctx, add_debtor(ctx), amount="100.00", dagtekening=dt.date(2025, 3, 1))
    ctx.db.dispose()
    source = Path(migrated_sqlite_url.removeprefix("sqlite:///"))
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    target = tmp_path / "ro" / "caseworker.sqlite"
    target.parent.mkdir()
    shutil.copyfile(source, target)
    target.chmod(0o444)
    before = target.read_bytes()
    try:
        done = _caseworker("payment", "record", "111222333", "--bedrag", "10", "--datum",
                           position.today().isoformat(), "--database", str(target), home=tmp_path / "home")
    finally:
        target.chmod(0o600)
    assert done.returncode == cli.EXIT_STORAGE, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "alleen te lezen" in lines[0]
    assert target.read_bytes() == before


def test_verrekening_vermindering_and_a_step_from_the_command_line(setup: tuple[str, Context, int],
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    url, ctx, debtor_id = setup
    today = position.today().isoformat()
    code, out, err = run(capsys, url, "vermindering", "record", "IB2025", "--bedrag", "50,00", "--datum", today,
                         "--json")
    assert code == 0, err
    assert json.loads(out)["amount"] == "50.00" and json.loads(out)["reference"] == "IB2025"
    code, out, err = run(capsys, url, "verrekening", "record", "111222333", "--bedrag", "25", "--datum", today,
                         "--bron", "teruggaaf IB 2025", "--json")
    assert code == 0, err
    assert json.loads(out)["kind"] == "verrekening"
    claim = next(c for c in position.get_position(ctx, debtor_id).claims if c.reference == "IB2025")
    step = claim.next_step.step
    assert step is not None
    code, out, err = run(capsys, url, "enforcement", "record", "IB2025", "--stap", "executie", "--datum", today)
    assert code == cli.EXIT_USER and len(err.strip().splitlines()) == 1 and "volgende stap" in err
    code, out, err = run(capsys, url, "enforcement", "record", "IB2025", "--stap", step, "--datum", today)
    assert code == 0, err
    assert "vastgelegd voor vordering IB2025" in out
