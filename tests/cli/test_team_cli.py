"""``caseworker team add/member/list`` and ``debtor assign`` as an administrator and a team lead meet them."""

from __future__ import annotations

import json

import pytest

from caseworker_app import cli
from tests.factories import BSNS, add_debtor, make_login, open_context

from caseworker_app.domain.types import Role

from caseworker_app.services import users


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


@pytest.fixture
def office(migrated_db_url: str) -> dict[str, str]:
    builder = open_context(migrated_db_url)
    lead = make_login(migrated_db_url, "l.visser")
    worker = make_login(migrated_db_url, "a.bos")
    users.add_user(builder, lead, "Lotte Visser", (Role.TEAMLEAD,))
    users.add_user(builder, worker, "Anna Bos", (Role.CASEWORKER,))
    add_debtor(builder, bsn=BSNS[0])
    builder.db.dispose()
    return {"url": migrated_db_url, "lead": lead, "worker": worker, "admin": builder.actor.login}


def test_form_a_team_and_assign_a_debtor(office: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--database", office["url"])
    code, out, _ = _run(capsys, "team", "add", "inv-utr", "--naam", "Invordering Utrecht", *db)
    assert code == 0 and "Team INV-UTR (Invordering Utrecht) toegevoegd." in out
    code, out, _ = _run(capsys, "team", "member", office["lead"], "--team", "INV-UTR", "--lead", *db)
    assert code == 0 and "als teamleider" in out
    code, out, _ = _run(capsys, "team", "member", office["worker"], "--team", "inv-utr", *db)
    assert code == 0 and "als medewerker" in out
    assign = ("debtor", "assign", BSNS[0], "--team", "INV-UTR", "--behandelaar", office["worker"])
    code, out, _ = _run(capsys, *assign, *db)
    assert code == 0 and f"BSN {BSNS[0]}" in out and "INV-UTR" in out and office["worker"] in out
    code, out, _ = _run(capsys, "team", "list", "--json", *db)
    assert code == 0
    (team,) = json.loads(out)["teams"]
    assert team["code"] == "INV-UTR" and team["naam"] == "Invordering Utrecht"
    assert team["schuldenaren"] == 1 and team["open_voorstellen"] == 0
    assert {(m["login"], m["teamleider"]) for m in team["leden"]} == {(office["lead"], True), (office["worker"], False)}
    code, out, _ = _run(capsys, "team", "list", *db)
    assert code == 0 and "INV-UTR  Invordering Utrecht  (1 schuldenaar, 0 open voorstellen)" in out
    assert "teamleider: Lotte Visser" in out
    code, out, _ = _run(capsys, "team", "member", office["worker"], "--team", "INV-UTR", "--remove", *db)
    assert code == 0 and "niet meer" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("team", "add", "", "--naam", "Leeg"), "ontbreekt"),
        (("team", "add", "met spatie", "--naam", "X"), "letters, cijfers"),
        (("team", "add", "X" * 21, "--naam", "X"), "letters, cijfers"),
        (("team", "add", "NIEUW", "--naam", "n" * 500), "hoogstens 120"),
        (("team", "add", "DUBBEL", "--naam", "Twee keer"), "bestaat al"),
        (("team", "member", "niemand", "--team", "DUBBEL"), "bestaat niet"),
        (("team", "member", "{worker}", "--team", "GEEN"), "bestaat niet"),
        (("team", "member", "{worker}", "--team", "DUBBEL", "--lead"), "rol teamleider niet"),
        (("debtor", "assign", "123456789", "--team", "DUBBEL"), "geen geldig BSN"),
        (("debtor", "assign", BSNS[1], "--team", "DUBBEL"), "bestaat niet"),
        (("debtor", "assign", BSNS[0], "--team", "DUBBEL", "--behandelaar", "{lead}"), "zit niet in team"),
    ],
)
def test_refusals_are_one_dutch_line_and_exit_2(
    office: dict[str, str], argv: tuple[str, ...], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--database", office["url"])
    assert _run(capsys, "team", "add", "DUBBEL", "--naam", "Eerste", *db)[0] == 0
    filled = [a.format(worker=office["worker"], lead=office["lead"]) for a in argv]
    code, _out, err = _run(capsys, *filled, *db)
    assert code == cli.EXIT_USER and words in _one_line(err)
