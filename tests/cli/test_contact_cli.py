"""``caseworker contact``, ``task`` and ``visit`` as issue 11 fixes them: names, fields, exit codes, one Dutch line."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from caseworker_app import cli
from tests.factories import add_debtor, open_context

BSN = "111222333"
TODAY = dt.datetime.now().astimezone().date()
SOON = (TODAY + dt.timedelta(days=3)).isoformat()


@pytest.fixture
def url(db_url: str) -> str:
    ctx = open_context(db_url)
    add_debtor(ctx, bsn=BSN)
    ctx.db.dispose()
    return db_url


def _run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([*argv, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def _refused(capsys: pytest.CaptureFixture[str], url: str, *argv: str, code: int = 2) -> str:
    got, out, err = _run(capsys, url, *argv)
    lines = [line for line in err.splitlines() if line.strip()]
    assert (got, out, len(lines)) == (code, "", 1), err
    assert "Traceback" not in err
    return lines[0]


def test_contact_add_prints_the_fixed_fields(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(
        capsys, url, "contact", "add", BSN, "--kanaal", "telefoon_uit", "--samenvatting", "Gebeld 😊 שלום",
        "--met", "partner", "--uitkomst", "terugbellen", "--omstandigheid", "ziekte", "--omstandigheid",
        "werkloosheid", "--taak", "Terugbellen", "--taak-datum", SOON, "--json")
    assert code == 0
    doc = json.loads(out)
    assert {"id", "kanaal", "samenvatting", "omstandigheden", "taak"} <= set(doc)
    assert (doc["kanaal"], doc["samenvatting"], doc["omstandigheden"]) == (
        "telefoon_uit", "Gebeld 😊 שלום", ["ziekte", "werkloosheid"])
    assert {"id", "omschrijving", "datum", "voor", "status"} <= set(doc["taak"])
    assert (doc["taak"]["datum"], doc["taak"]["status"]) == (SOON, "open")
    code, out, _err = _run(capsys, url, "contact", "correct", str(doc["id"]), "--samenvatting", "Gebeld, correctie",
                           "--json")
    assert code == 0
    corrected = json.loads(out)
    assert (corrected["corrigeert"], corrected["samenvatting"]) == (doc["id"], "Gebeld, correctie")
    code, out, _err = _run(capsys, url, "debtor", "show", BSN, "--json", "--no-explanation")
    case = json.loads(out)
    assert [(c["id"], c["corrigeert"]) for c in case["contacts"]] == [(corrected["id"], doc["id"]), (doc["id"], None)]
    assert all({"id", "datum", "kanaal", "samenvatting", "door", "corrigeert"} <= set(c) for c in case["contacts"])
    assert [t["id"] for t in case["tasks"]] == [doc["taak"]["id"]]
    assert {"omstandigheid_bijzonder_persoonsgegeven", "omstandigheid_werkloosheid"} <= {
        f["code"] for f in case["flags"]}
    assert case["visits"] == []


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--kanaal", "telefoon_uit", "--samenvatting", ""], "leeg"),
        (["--kanaal", "telefoon_uit", "--samenvatting", "   "], "leeg"),
        (["--kanaal", "postduif", "--samenvatting", "x"], "geen bekende code"),
        (["--kanaal", "brief", "--samenvatting", "x", "--uitkomst", "wie weet"], "geen bekende code"),
        (["--kanaal", "brief", "--samenvatting", "x", "--omstandigheid", "pech"], "geen bekende code"),
        (["--kanaal", "brief", "--samenvatting", "x", "--taak", "y", "--taak-datum", "2020-01-01"], "verleden"),
        (["--kanaal", "brief", "--samenvatting", "x", "--taak", "y", "--taak-datum", "31-02-2027"], "geen geldige"),
        (["--kanaal", "brief", "--samenvatting", "x", "--taak", "y"], "ontbreekt"),
        (["--kanaal", "brief", "--samenvatting", "x", "--taak-datum", SOON], "ontbreekt"),
        (["--kanaal", "brief", "--samenvatting", "x", "--taak", "y", "--taak-datum", SOON, "--taak-voor", "niemand"],
         "niet bekend"),
        (["--kanaal", "brief", "--samenvatting", "x" * 20_001], "20.000"),
    ],
)
def test_bad_input_is_one_dutch_line_exit_2_and_nothing_saved(
    url: str, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    assert words in _refused(capsys, url, "contact", "add", BSN, *argv)
    _code, out, _err = _run(capsys, url, "contact", "list", BSN, "--json")
    assert json.loads(out) == []


def test_unknown_debtor_ids_and_huge_numbers(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "bestaat niet" in _refused(capsys, url, "contact", "add", "123456782", "--kanaal", "brief",
                                      "--samenvatting", "x")
    assert "geen geldig BSN" in _refused(capsys, url, "contact", "add", "12", "--kanaal", "brief",
                                         "--samenvatting", "x")
    assert "bestaat niet" in _refused(capsys, url, "contact", "correct", "4242", "--samenvatting", "x")
    for task_id in ("99999999999999999999", "-1", "abc", ""):
        assert "geen nummer" in _refused(capsys, url, "task", "done", task_id)
    assert "bestaat niet" in _refused(capsys, url, "task", "handover", "7", "--to", "iemand")


def test_task_list_done_and_handover(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, url, "contact", "add", BSN, "--kanaal", "balie", "--samenvatting", "Aan de balie",
                           "--taak", "Bankafschrift nakijken", "--taak-datum", SOON, "--json")
    task_id = json.loads(out)["taak"]["id"]
    for flags in ([], ["--mine"], ["--team"], ["--mine", "--team"]):
        code, out, _err = _run(capsys, url, "task", "list", *flags, "--json")
        assert code == 0
        listed = json.loads(out)
        assert [(t["id"], t["bsn"], t["omschrijving"], t["datum"], t["status"]) for t in listed] == [
            (task_id, BSN, "Bankafschrift nakijken", SOON, "open")], flags
        assert set(listed[0]) >= {"id", "bsn", "omschrijving", "datum", "voor", "status"}
    code, out, _err = _run(capsys, url, "task", "list", "--overdue", "--json")
    assert (code, json.loads(out)) == (0, [])
    assert "niet bekend" in _refused(capsys, url, "task", "handover", str(task_id), "--to", "niemand")
    code, out, _err = _run(capsys, url, "task", "done", str(task_id))
    assert (code, out.strip()) == (0, f"Taak {task_id} is afgerond.")
    assert "al afgerond" in _refused(capsys, url, "task", "done", str(task_id))
    code, out, _err = _run(capsys, url, "task", "list", "--json")
    assert json.loads(out) == []


def test_visit_report(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, url, "visit", "report", BSN, "--aangetroffen", "nee", "--advies", "maatwerk",
                           "--bevindingen", "Niemand thuis; buren zeggen dat hij in het ziekenhuis ligt.",
                           "--risico", "Dreigde met een hond", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["id"] and doc["aangetroffen"] is False and doc["advies"] == "maatwerk"
    assert doc["taak"]["plek"] == "maatwerk"
    assert "ja of nee" in _refused(capsys, url, "visit", "report", BSN, "--aangetroffen", "soms", "--advies", "stella")
    assert "geen bekende code" in _refused(capsys, url, "visit", "report", BSN, "--aangetroffen", "ja", "--advies",
                                           "afwachten")
    code, out, _err = _run(capsys, url, "debtor", "show", BSN, "--json", "--no-explanation")
    case = json.loads(out)
    assert [v["id"] for v in case["visits"]] == [doc["id"]]
    assert "risico_medewerkers" in {f["code"] for f in case["flags"]}
    assert case["contacts"][0]["kanaal"] == "huisbezoek"
