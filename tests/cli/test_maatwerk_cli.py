"""``caseworker maatwerk propose|decide|end|list`` and ``export maatwerk`` as a script uses them (issue 10's table)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context

from caseworker_app.domain.types import EnforcementStep

from caseworker_app.services.context import Context

BSN = "111222333"
TODAY = dt.datetime.now().astimezone().date()  # the officer's local today, as the command uses


@pytest.fixture
def setup(migrated_db_url: str) -> tuple[str, Context]:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, bsn=BSN)
    add_claim(ctx, debtor_id, amount="5000.00", dagtekening=TODAY - dt.timedelta(days=400), reference="IB-2024-001",
              steps=((EnforcementStep.AANMANING, TODAY - dt.timedelta(days=300), "22.00"),))
    add_claim(ctx, debtor_id, amount="700.00", dagtekening=TODAY - dt.timedelta(days=200), reference="OB-2024-002")
    return migrated_db_url, ctx


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = cli.main([*args, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def _propose(capsys: pytest.CaptureFixture[str], url: str, *extra: str) -> tuple[int, str, str]:
    van, tot = (TODAY - dt.timedelta(days=3)).isoformat(), (TODAY + dt.timedelta(days=90)).isoformat()
    return run(capsys, url, "maatwerk", "propose", BSN, "--soort", "invorderingspauze", "--van", van, "--tot", tot,
               "--reden", "Schuldenaar is ernstig ziek", *extra)


def test_propose_json_has_the_fixed_fields_and_the_effect(setup: tuple[str, Context],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx = setup
    code, out, err = _propose(capsys, url, "--onderdelen", "dwang,rente", "--vorderingen", "IB-2024-001", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert {"id", "status", "soort", "van", "tot", "vorderingen", "effect"} <= set(doc)
    assert (doc["status"], doc["soort"], doc["vorderingen"]) == ("voorgesteld", "invorderingspauze", ["IB-2024-001"])
    assert doc["tot"] == (TODAY + dt.timedelta(days=90)).isoformat()
    assert doc["effect"]["stappen_opgeschort"] == ["IB-2024-001: dwangbevel"]
    assert float(doc["effect"]["rente_vermeden"]) > 0
    code, out, err = run(capsys, url, "maatwerk", "list", "--status", "voorgesteld", "--bsn", BSN, "--json")
    assert code == 0, err
    (listed,) = json.loads(out)
    assert listed["id"] == doc["id"] and listed["status"] == "voorgesteld"
    code, out, _err = run(capsys, url, "debtor", "show", BSN, "--json", "--no-explanation")
    entry = json.loads(out)["maatwerk"][0]
    fixed = {"id", "soort", "status", "van", "tot", "vorderingen", "reden", "voorgesteld_door", "besloten_door"}
    assert fixed <= set(entry)
    assert entry["reden"] == "Schuldenaar is ernstig ziek"


def test_propose_as_text_shows_the_effect_in_euros(setup: tuple[str, Context],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx = setup
    code, out, err = _propose(capsys, url)
    assert code == 0, err
    assert "voorgesteld" in out and "Invorderingsrente die niet wordt berekend: €" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--soort", "vakantie"), "geen soort maatwerk"),
        (("--tot", "2000-01-01"), "einddatum ligt voor de begindatum"),
        (("--van", "31-02-2026"), "geen geldige datum"),
        (("--van", "2150-01-01"), "meer dan een jaar vooruit"),
        (("--van", "9999-12-31"), "buiten de datums waarmee de regels rekenen"),
        (("--reden", "x" * 20_000), "ten hoogste 4000"),
        (("--vorderingen", "BESTAAT-NIET"), "'BESTAAT-NIET' hoort niet bij deze schuldenaar"),
        (("--bedrag", "veel"), "geen geldig bedrag"),
    ],
)
def test_wrong_input_is_one_dutch_line_exit_2_and_nothing_is_stored(
    setup: tuple[str, Context], capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str
) -> None:
    url, _ctx = setup
    base = {"--soort": "invorderingspauze", "--van": TODAY.isoformat(),
            "--tot": (TODAY + dt.timedelta(days=30)).isoformat(), "--reden": "Ziek"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    code, out, err = run(capsys, url, "maatwerk", "propose", BSN, *[x for kv in base.items() for x in kv])
    assert code == 2 and out == ""
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    code, out, _err = run(capsys, url, "maatwerk", "list", "--json")
    assert json.loads(out) == []


def test_unknown_bsn_status_and_id_are_refused(setup: tuple[str, Context], capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx = setup
    code, _out, err = run(capsys, url, "maatwerk", "list", "--status", "zomaar", "--json")
    assert code == 2 and "geen status" in err
    code, _out, err = run(capsys, url, "maatwerk", "list", "--bsn", "123456789", "--json")
    assert code == 2 and err.count("\n") == 1


def test_export_writes_jsonl_to_a_file_and_never_over_one(setup: tuple[str, Context], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    url, _ctx = setup
    assert _propose(capsys, url)[0] == 0
    target = tmp_path / "uit.jsonl"
    code, _out, err = run(capsys, url, "export", "maatwerk", "--since", "2000-01-01", "--format", "jsonl",
                          "-o", str(target))
    assert code == 0, err
    (line,) = target.read_text().splitlines()
    assert json.loads(line)["type"] == "caseworker.maatwerk"
    code, _out, err = run(capsys, url, "export", "maatwerk", "--since", "2000-01-01", "--format", "jsonl",
                          "-o", str(target))
    assert code == 2 and "bestaat al" in err
    code, out, err = run(capsys, url, "export", "maatwerk", "--since", "2000-01-01", "--format", "csv")
    assert code == 0 and out.startswith("type,versie,stand_op,id,")
    code, _out, err = run(capsys, url, "export", "maatwerk", "--since", "2000-01-01", "--format", "xml")
    assert code == 2 and "jsonl of csv" in err


def run_as(capsys: pytest.CaptureFixture[str], who: Context, *args: str) -> tuple[int, str, str]:
    """As the login ``who`` works with: on PostgreSQL its own connection, on SQLite the local profile ``--user``."""
    extra = [] if who.db.is_shared else ["--user", who.actor.login]
    code = cli.main([*args, "--database", who.db.url, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_decide_and_end_by_the_fixed_commands_with_four_eyes(setup: tuple[str, Context],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from tests.factories import login_as

    from caseworker_app.domain.types import Role

    url, ctx = setup
    bea = login_as(ctx, url, "bea", Role.CASEWORKER)
    tom = login_as(ctx, url, "tom", Role.TEAMLEAD)
    van, tot = TODAY.isoformat(), (TODAY + dt.timedelta(days=60)).isoformat()
    code, out, err = run_as(capsys, bea, "maatwerk", "propose", BSN, "--soort", "geen_dwang", "--van", van,
                            "--tot", tot, "--reden", "Schuldhulp gestart", "--json")
    assert code == 0, err
    measure_id = str(json.loads(out)["id"])
    code, out, err = run_as(capsys, bea, "maatwerk", "decide", measure_id, "--besluit", "goedgekeurd")
    assert code == 2 and err.count("\n") == 1 and "teamleider" in err  # not the proposer, not without the role
    code, out, err = run_as(capsys, tom, "maatwerk", "decide", measure_id, "--besluit", "zomaar")
    assert code == 2 and "besluit" in err
    code, out, err = run_as(capsys, tom, "maatwerk", "decide", measure_id, "--besluit", "goedgekeurd",
                            "--toelichting", "Akkoord", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["id"], doc["status"], doc["besloten_door"]) == (int(measure_id), "actief", tom.actor.login)
    code, out, err = run_as(capsys, tom, "maatwerk", "decide", measure_id, "--besluit", "afgewezen",
                            "--toelichting", "toch niet")
    assert code == 2 and "al besloten door" in err  # decide twice
    code, out, err = run_as(capsys, bea, "maatwerk", "end", measure_id, "--reden", "Schuldhulp gestopt")
    assert code == 0 and "ter beslissing" in out, err
    code, out, err = run_as(capsys, tom, "maatwerk", "decide", measure_id, "--besluit", "goedgekeurd", "--json")
    assert code == 0, err
    assert json.loads(out)["werkt_tot"] == TODAY.isoformat()
    code, out, err = run_as(capsys, tom, "maatwerk", "decide", "999999", "--besluit", "goedgekeurd")
    assert code == 2 and "bestaat niet" in err
    code, out, err = run_as(capsys, tom, "maatwerk", "decide", "abc", "--besluit", "goedgekeurd")
    assert code == 2 and "geen nummer" in err
    code, out, err = run_as(capsys, tom, "maatwerk", "list", "--status", "actief", "--json")
    assert [m["id"] for m in json.loads(out)] == [int(measure_id)]
    for c in (bea, tom):
        c.db.dispose()
