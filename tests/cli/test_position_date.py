"""``debtor show --date`` and ``report --date`` at the edges: one Dutch line and exit 2, never exit 70."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context


@pytest.fixture
def url(migrated_db_url: str) -> str:
    ctx = open_context(migrated_db_url)
    add_claim(ctx, add_debtor(ctx))
    return migrated_db_url


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("9999-12-31", "'--date' is ongeldig"),  # was exit 70 (date overflow); the rules' own range refuses it now
        ("1900-01-01", "kies een datum van 01-01-1990"),  # was a message naming a parameter key
        ("0001-01-01", "'--date' is ongeldig"),
        ("2100-01-01", "tot en met 31-12-2099"),
        ("garbage", "geen geldige datum"),
        ("", "geen geldige datum"),  # empty is not "today"
        ("31-02-2026", "geen geldige datum"),
        ("9" * 20_000, "geen geldige datum"),
    ],
)
def test_extreme_dates_get_one_dutch_line(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str,
                                          fragment: str) -> None:
    for command in (["debtor", "show", "111222333", "--json"],
                    ["report", "schuldoverzicht", "111222333", "-o", str(tmp_path / "o.pdf")]):
        code = cli.main([*command, "--date", value, "--database", url])
        out, err = capsys.readouterr()
        assert code == cli.EXIT_USER, (command, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and fragment in lines[0] and len(lines[0]) < 200
        assert out == "" and not (tmp_path / "o.pdf").exists()


@pytest.mark.parametrize("value", ["2021-01-01", "31-12-2099"])
def test_dates_inside_the_range_work(url: str, capsys: pytest.CaptureFixture[str], value: str) -> None:
    code = cli.main(["debtor", "show", "111222333", "--date", value, "--database", url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Totaal open" in out
