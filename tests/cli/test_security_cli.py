"""``db upgrade --admin``, ``user grant``/``user revoke`` and ``audit verify`` as an administrator meets them."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from caseworker_app import cli
from tests.factories import make_login, set_up


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def test_grant_and_revoke_a_role(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    set_up(db_url)
    login = make_login(db_url, "c.smit")
    added = _run(capsys, "user", "add", login, "--name", "Cor Smit", "--role", "caseworker", "--database", db_url)
    assert added[0] == 0
    code, out, _err = _run(capsys, "user", "grant", login, "--role", "teamlead,stella", "--database", db_url)
    assert code == 0 and login in out and "teamleider" in out and "Stella-team" in out and "invorderaar" in out
    code, out, _err = _run(capsys, "user", "revoke", login, "--role", "teamlead", "--database", db_url)
    assert code == 0 and "teamleider" not in out and "Stella-team" in out
    code, out, _err = _run(capsys, "user", "list", "--database", db_url)
    line = next(line for line in out.splitlines() if line.startswith(login))
    assert "teamleider" not in line and "Stella-team" in line


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("user", "grant", "niemand", "--role", "caseworker"), "bestaat niet"),
        (("user", "grant", "{login}", "--role", "baas"), "'baas' is geen bekende rol"),
        (("user", "revoke", "{admin}", "--role", "admin"), "laatste beheerder"),
    ],
)
def test_refusals_are_one_line_and_exit_2(
    db_url: str, argv: tuple[str, ...], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(db_url)
    login = make_login(db_url, "d.jong")
    _run(capsys, "user", "add", login, "--name", "Dirk de Jong", "--role", "caseworker", "--database", db_url)
    code, out, _err = _run(capsys, "user", "list", "--database", db_url)
    admin_login = next(line.split()[0] for line in out.splitlines()[1:] if "beheerder" in line)
    filled = [a.format(login=login, admin=admin_login) for a in argv]
    code, _out, err = _run(capsys, *filled, "--database", db_url)
    assert code == cli.EXIT_USER and words in _one_line(err)


def test_setting_up_postgresql_names_an_existing_admin(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "db", "upgrade", "--admin", "", "--database", pg_url)
    assert code == cli.EXIT_USER and "--admin" in _one_line(err)
    code, _out, err = _run(capsys, "db", "upgrade", "--admin", "bestaat.niet", "--database", pg_url)
    assert code == cli.EXIT_USER and "bestaat.niet" in _one_line(err) and "databasebeheerder" in err
    assert _run(capsys, "db", "status", "--database", pg_url)[0] == 1  # nothing set up
    first = make_login(pg_url, "eerste")
    code, out, _err = _run(capsys, "db", "upgrade", "--admin", first, "--database", pg_url)
    assert code == 0 and "ingericht" in out and f"Beheerder: {first}." in out
    code, out, _err = _run(capsys, "db", "upgrade", "--database", pg_url)  # again: privileges re-applied
    assert code == 0 and "rechten opnieuw toegepast" in out
    as_first = make_url(pg_url).set(username=first).render_as_string(hide_password=False)
    code, out, _err = _run(capsys, "audit", "verify", "--database", as_first)
    assert code == 0 and _one_line(out).startswith("Auditketen intact")


def test_a_login_without_a_role_is_told_so(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    set_up(pg_url)
    stranger = make_login(pg_url, "vreemde")
    as_stranger = make_url(pg_url).set(username=stranger).render_as_string(hide_password=False)
    code, _out, err = _run(capsys, "debtor", "search", "Jansen", "--database", as_stranger)
    assert code == cli.EXIT_USER and "geen rol in deze database" in _one_line(err)
    code, _out, err = _run(capsys, "audit", "verify", "--database", as_stranger)
    assert code == cli.EXIT_USER and stranger in _one_line(err)
