"""The command line: the FIXED rule table of issue 4, its JSON shape, and one Dutch line for bad input."""

import argparse
import io
import json
from pathlib import Path
from typing import Any

import pytest

from caseworker_app.commands import calc as calc_command
from caseworker_app.errors import UserFacingError, ValidationError

from caseworker_app.domain.calc import RULES, calculate, list_rules


def run_cli(argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None) -> Any:
    parser = argparse.ArgumentParser(prog="caseworker")
    sub = parser.add_subparsers(dest="command")
    calc_command.register(sub, argparse.ArgumentParser(add_help=False))
    args = parser.parse_args(argv)
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return args.func(args)


@pytest.mark.parametrize(
    ("rule", "data", "expected"),
    [
        ("bsn", {"nummer": "111222333"}, {"geldig": True}),
        ("bsn", {"nummer": "123456789"}, {"geldig": False}),
        (
            "betaaltermijn",
            {"soort": "aanslag", "dagtekening": "2026-03-01"},
            {"uiterste_betaaldatum": "2026-04-12", "rente_vanaf": "2026-04-13"},
        ),
        (
            "aanmaningskosten",
            # EUR 22 from the 2026 Kostenwet text (rules.md §0b; the EUR 19 of a stale web page was wrong)
            {"openstaand": "1121.00", "datum": "31-05-2026"},
            {"kosten": "22.00", "totaal": "1143.00", "uiterste_betaaldatum": "2026-06-14"},
        ),
        ("dwangbevelkosten", {"bedrag": "89.99", "datum": "2023-06-01"}, {"kosten": "46.00"}),
        (
            "invorderingsrente",
            {"bedrag": "1000", "uiterste_betaaldatum": "2026-10-31", "betaaldatum": "2026-12-31"},
            {
                "rente": "7.00",
                "periodes": [{"van": "2026-11-01", "tot": "2026-12-30", "dagen": 60, "percentage": "4.3"}],
            },
        ),
        (
            "beslagvrije_voet",
            {
                "peildatum": "2026-03-01",
                "leefsituatie": "alleenstaande",
                "inkomen_maand": "3000",
                "belastbaar_inkomen_jaar": "15000",
            },
            {"beslagvrije_voet": "1331.43", "afdracht": "1668.57"},
        ),
        (
            # no belastbaar inkomen: the highest compensation (the maximum), in the debtor's favour
            "beslagvrije_voet",
            {"peildatum": "2026-03-01", "leefsituatie": "alleenstaande", "inkomen_maand": "3000"},
            {"beslagvrije_voet": "2191.42", "afdracht": "808.58", "volledig": False},
        ),
        (
            "kwijtschelding",
            {
                "peildatum": "2026-03-01",
                "leefsituatie": "gehuwd_met_kinderen",
                "netto_besteedbaar_inkomen_maand": "1801.92",
                "vermogen": "0",
                "openstaand": "500",
            },
            {
                "kosten_van_bestaan": "1801.92",
                "betalingscapaciteit_maand": "0.00",
                "af_te_dragen": "0.00",
                "kwijtschelding": "500.00",
            },
        ),
        (
            "betalingsregeling",
            {
                "peildatum": "2026-03-01",
                "leefsituatie": "alleenstaande",
                "netto_besteedbaar_inkomen_maand": "1800",
                "schuld": "3000",
                "vermogen": "0",
            },
            {"termijnbedrag": "428.58", "maanden": 7, "besluit": "toegekend"},
        ),
        (
            "verjaring",
            {
                "uiterste_betaaldatum": "2020-04-30",
                "stuitingen": ["2021-06-15"],
                "uitstel": [{"van": "2022-01-01", "tot": "2022-01-10"}],
            },
            {"verjaringsdatum": "2026-06-25"},
        ),
    ],
)
def test_fixed_rule_table(rule: str, data: dict[str, Any], expected: dict[str, Any]) -> None:
    out = calculate(rule, data)
    for key, value in expected.items():
        assert out["result"][key] == value, key
    assert out["explanation"], "every rule explains itself"
    assert all({"description", "value", "source", "status"} <= set(step) for step in out["explanation"])
    json.dumps(out)  # serialisable as is


def test_list_names_every_rule_with_its_fields() -> None:
    listed = {r["rule"]: r for r in list_rules()}
    for name in (
        "bsn",
        "betaaltermijn",
        "aanmaningskosten",
        "dwangbevelkosten",
        "invorderingsrente",
        "beslagvrije_voet",
        "kwijtschelding",
        "betalingsregeling",
        "verjaring",
    ):
        assert name in listed
    fields = {f["name"] for f in listed["beslagvrije_voet"]["fields"]}
    assert {
        "peildatum",
        "leefsituatie",
        "inkomen_maand",
        "belastbaar_inkomen_jaar",
        "bijstand",
        "woonadres_in_nederland",
        "partner_inkomen_maand",
    } <= fields
    assert set(listed) == set(RULES)


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        ({"openstaand": "abc", "datum": "2026-01-01"}, "invalid_amount", "openstaand"),
        ({"openstaand": "-5", "datum": "2026-01-01"}, "invalid_field", "openstaand"),
        ({"openstaand": "100", "datum": "31-02-2026"}, "invalid_date", "datum"),
        ({"openstaand": "100"}, "missing_field", "datum"),
        ({"openstaand": "100", "datum": "2026-01-01", "extra": 1}, "invalid_field", "extra"),
        (["not", "an", "object"], "invalid_field", "invoer"),
    ],
)
def test_bad_input_names_the_field(data: Any, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        calculate("aanmaningskosten", data)
    assert info.value.code == code
    assert info.value.params["field"] == field
    assert "\n" not in info.value.message


def test_nested_bad_input_names_the_position() -> None:
    with pytest.raises(ValidationError) as info:
        calculate("verjaring", {"uiterste_betaaldatum": "2020-04-30", "uitstel": [{"van": "2022-01-01"}]})
    assert info.value.params["field"] == "uitstel[0].tot"


def test_a_year_without_figures_is_refused() -> None:
    with pytest.raises(UserFacingError) as info:
        calculate("aanmaningskosten", {"openstaand": "100", "datum": "2010-01-01"})
    assert "ontbreekt het cijfer" in str(info.value)
    # the line names the input field and the figure in words, and where the table starts
    assert info.value.params["field"] == "datum"
    assert "aanmaning_drempel" not in str(info.value) and "01-01-2019" in str(info.value)


def test_cli_reads_stdin_and_prints_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = '{"bedrag": 90.00, "datum": "2023-06-01"}'
    assert run_cli(["calc", "dwangbevelkosten", "--input", "-"], stdin, monkeypatch) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["result"] == {"kosten": "50.00"}


def test_cli_reads_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.json"
    path.write_text('{"nummer": "NL000099998B57"}', encoding="utf-8")
    assert run_cli(["calc", "btw_id", "--input", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["result"]["geldig"] is True


def test_cli_bad_json_missing_file_and_unknown_rule(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="geen geldige JSON"):
        run_cli(["calc", "bsn", "--input", "-"], '{"nummer": ', monkeypatch)
    with pytest.raises(ValidationError, match="bestaat niet"):
        run_cli(["calc", "bsn", "--input", str(tmp_path / "nope.json")])
    with pytest.raises(ValidationError, match="Onbekende rekenregel"):
        run_cli(["calc", "rentee", "--input", "-"], "{}", monkeypatch)


def test_cli_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["calc", "--list"]) == 0
    text = capsys.readouterr().out
    assert "invorderingsrente" in text and "laatste_betaling" in text
    assert run_cli(["calc", "--list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(RULES)


def test_cli_main_prints_one_dutch_line_and_exits_non_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the real entry point, as a user runs it."""
    from caseworker_app import cli

    monkeypatch.setattr("sys.stdin", io.StringIO('{"openstaand": "x", "datum": "2026-01-01"}'))
    code = cli.main(["calc", "aanmaningskosten", "--input", "-"])
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert err.count("\n") == 0 and "openstaand" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("rule", "data", "key", "value"),
    [
        ("rsin", {"nummer": "111.222.333"}, "geldig", True),
        ("kvk", {"nummer": "1234567"}, "geldig", False),
        ("vervolgingskosten", {"stap": "beslag", "datum": "2023-06-01"}, "kosten", "65.00"),
        (
            "verwachte_rente",
            {"uiterste_betaaldatum": "2026-01-31", "schuld": "1200", "maanden": 12, "eerste_termijn": "2026-03-01"},
            "drempel_toegepast",
            True,
        ),
        (
            "verwachte_rente",
            {"uiterste_betaaldatum": "2026-01-31", "termijnen": [{"datum": "2027-01-31", "bedrag": "5000"}]},
            "rente",
            "215.00",
        ),
        (
            "betalingscapaciteit",
            {
                "peildatum": "2026-03-01",
                "leefsituatie": "alleenstaande",
                "netto_besteedbaar_inkomen_maand": "1800",
                "methode": "bvv",
            },
            "methode",
            "bvv",
        ),
        (
            "verrekening_toeslag",
            {"peildatum": "2026-03-01", "schuld": "600", "toeslag_maand": "150"},
            "verrekend_per_maand",
            "25.00",
        ),
        (
            "vroegsignalering",
            {"peildatum": "2026-03-01", "vorderingen": [{"middel": "ib", "open": "700", "aanmaning_verstuurd": True}]},
            "afgegaan",
            ["bellen_na_aanmaning", "signaal_gemeente"],
        ),
        (
            "positie",
            {
                "peildatum": "2026-11-26",
                "soort": "aanslag",
                "middel": "ib",
                "dagtekening": "2026-03-01",
                "bedrag": "1200",
                "stappen": [{"stap": "aanmaning", "datum": "2026-05-20"}],
            },
            "volgende_stap",
            "dwangbevel",
        ),
        (
            "verjaring",
            {"uiterste_betaaldatum": "2021-04-30", "peildatum": "2026-02-01", "schuldeiser": "toeslagen"},
            "stuiten",
            False,
        ),
    ],
)
def test_more_rules(rule: str, data: dict[str, Any], key: str, value: Any) -> None:
    assert calculate(rule, data)["result"][key] == value
