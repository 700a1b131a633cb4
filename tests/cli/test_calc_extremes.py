"""Extreme input to ``caseworker calc`` (issue 12, "Nothing lost"): one Dutch line naming the field, exit 2, never
exit 70, never a hang -- through the real command, as a user or a script would call it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HUGE = "9" * 5000
NESTED = "[" * 100_000 + "]" * 100_000
AANMANING = '{{"openstaand": {amount}, "datum": "{day}"}}'


def calc(rule: str, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseworker_app", "calc", rule, "--input", "-", *args],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
    )


CASES = [
    # (rule, input, the field the line must name, a word the line must contain)
    ("aanmaningskosten", AANMANING.format(amount="1e30", day="2026-03-01"), "openstaand", "te groot"),
    ("aanmaningskosten", AANMANING.format(amount='"1e30"', day="2026-03-01"), "openstaand", "geen geldig bedrag"),
    ("aanmaningskosten", AANMANING.format(amount=HUGE, day="2026-03-01"), "openstaand", "te groot"),
    ("aanmaningskosten", AANMANING.format(amount=f'"{HUGE}"', day="2026-03-01"), "openstaand", "geen geldig bedrag"),
    ("aanmaningskosten", AANMANING.format(amount="NaN", day="2026-03-01"), "openstaand", "NaN"),
    ("aanmaningskosten", AANMANING.format(amount="Infinity", day="2026-03-01"), "openstaand", "Infinity"),
    ("aanmaningskosten", AANMANING.format(amount="-Infinity", day="2026-03-01"), "openstaand", "Infinity"),
    ("aanmaningskosten", AANMANING.format(amount="true", day="2026-03-01"), "openstaand", "geen geldig bedrag"),
    ("aanmaningskosten", AANMANING.format(amount="[1, 2]", day="2026-03-01"), "openstaand", "geen geldig bedrag"),
    ("aanmaningskosten", AANMANING.format(amount='{"a": 1}', day="2026-03-01"), "openstaand", "geen geldig bedrag"),
    ("aanmaningskosten", AANMANING.format(amount="100", day="1900-01-01"), "datum", "ontbreekt het cijfer"),
    ("aanmaningskosten", AANMANING.format(amount="100", day="9999-12-31"), "datum", "1900 tot en met 2199"),
    ("aanmaningskosten", AANMANING.format(amount="100", day="0001-01-01"), "datum", "1900 tot en met 2199"),
    ("aanmaningskosten", '{"openstaand": 100, "datum": 20260301}', "datum", "geen geldige datum"),
    ("aanmaningskosten", '{"openstaand": 100, "datum": "' + "x" * 20000 + '"}', "datum", "geen geldige datum"),
    (
        "verwachte_rente",
        '{"uiterste_betaaldatum": "2026-01-01", "schuld": 1000, "maanden": 100000, "eerste_termijn": "2026-02-01"}',
        "maanden",
        "hoogstens 600",
    ),
    (
        "verwachte_rente",
        f'{{"uiterste_betaaldatum": "2026-01-01", "schuld": 1000, "maanden": {HUGE}, "eerste_termijn": "2026-02-01"}}',
        "maanden",
        "te groot",
    ),
    ("verwachte_rente", '{"uiterste_betaaldatum": "2026-01-01", "maanden": 1.5}', "maanden", "geen geheel getal"),
    ("bsn", '{"nummer": "' + "1" * 20000 + '"}', "nummer", "te lang"),
    ("bsn", '{"nummer": null, "x": 1}', "x", "onbekend veld"),
    ("bsn", '{"' + "k" * 20000 + '": 1}', "kkkk", "onbekend veld"),
    ("vroegsignalering", '{"peildatum": "2026-01-01", "vorderingen": 7}', "vorderingen", "verwacht een lijst"),
    (
        "betalingsregeling",
        '{"peildatum": "2026-03-01", "leefsituatie": "alleenstaande", '
        '"netto_besteedbaar_inkomen_maand": 2000, "schuld": 1000, "fraude": "misschien"}',
        "fraude",
        "ja/nee",
    ),
    (
        "betalingsregeling",
        '{"peildatum": "2026-03-01", "leefsituatie": "alleenstaande", '
        '"netto_besteedbaar_inkomen_maand": 2000, "schuld": 1e30}',
        "schuld",
        "te groot",
    ),
    ("aanmaningskosten", NESTED, "invoerbestand", "te diep genest"),
    ("aanmaningskosten", '{"openstaand": ' + "[" * 900 + "]" * 900 + ', "datum": "2026-03-01"}', "openstaand", "lijst"),
    ("aanmaningskosten", "[1, 2, 3]", "invoer", "JSON-object"),
    ("aanmaningskosten", "", "invoerbestand", "hier hoort een waarde"),
    (
        "aanmaningskosten",
        "\ufeff" + AANMANING.format(amount="100", day="2026-03-01") + "x",
        "invoerbestand",
        "nog tekst",
    ),
]


@pytest.mark.parametrize(("rule", "text", "field", "word"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_extreme_input_is_one_dutch_line_naming_the_field(rule: str, text: str, field: str, word: str) -> None:
    result = calc(rule, text)
    assert result.returncode == 2, (result.returncode, result.stderr[:500])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr[:500]
    line = lines[0]
    assert line.startswith("caseworker: ") and "Traceback" not in line
    assert field in line and word in line, line
    assert len(line) < 400, "the line quotes a short form of the value, never all of it"
    assert result.stdout == ""


def test_far_but_real_dates_compute_and_say_the_figures_are_due_for_review() -> None:
    result = calc("aanmaningskosten", AANMANING.format(amount="100", day="2199-12-31"))
    assert result.returncode == 0, result.stderr
    assert '"status_label": "te herzien"' in result.stdout


def test_a_bom_and_a_directory_and_a_binary_file(tmp_path: Path) -> None:
    with_bom = tmp_path / "in.json"
    with_bom.write_text("\ufeff" + AANMANING.format(amount="100", day="2026-03-01"), encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "caseworker_app", "calc", "aanmaningskosten", "--input", str(with_bom)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    for target, word in ((tmp_path, "map"), (tmp_path / "bin.json", "UTF-8")):
        if target.name == "bin.json":
            target.write_bytes(b"\xff\xfe\x00\x81" * 10)
        result = subprocess.run(
            [sys.executable, "-m", "caseworker_app", "calc", "aanmaningskosten", "--input", str(target)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2 and word in result.stderr and len(result.stderr.splitlines()) == 1
