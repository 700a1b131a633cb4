"""``caseworker db``, ``user`` and ``demo`` as a user meets them: exit codes, one Dutch line on error, nothing lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from caseworker_app import cli
from tests.factories import make_login

from caseworker_app.db.migrate import head_revision

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/x"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _scalar(url: str, sql: str) -> object:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def _admin(url: str) -> list[str]:
    """``--admin LOGIN`` for setting up a PostgreSQL test database (its connecting login); nothing on SQLite."""
    parsed = make_url(url)
    return ["--admin", str(parsed.username)] if parsed.get_backend_name() == "postgresql" else []


def _execute(url: str, sql: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


# ------------------------------------------------------------------------------------------------ db


def test_db_status_and_upgrade(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "db", "status", "--database", db_url)
    assert code == 1 and "leeg" in out and "caseworker db upgrade" in out

    if db_url.startswith("postgresql"):  # nobody becomes admin by connecting first: the set-up names one
        code, _out, err = _run(capsys, "db", "upgrade", "--database", db_url)
        assert code == cli.EXIT_USER and "--admin" in _one_line(err)
        assert _run(capsys, "db", "status", "--database", db_url)[0] == 1  # nothing was set up
    code, out, _err = _run(capsys, "db", "upgrade", "--database", db_url, *_admin(db_url))
    assert code == 0 and head_revision() in out and "ingericht" in out

    code, out, _err = _run(capsys, "db", "status", "--database", db_url)
    assert code == 0 and "actueel" in out and f"Schemaversie:     {head_revision()}" in out

    code, out, _err = _run(capsys, "db", "upgrade", "--database", db_url)
    assert code == 0 and "al actueel" in out


def test_a_database_from_a_newer_caseworker_is_refused(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "db", "upgrade", "--database", db_url, *_admin(db_url))[0] == 0
    _execute(db_url, "UPDATE alembic_version SET version_num = '9999_from_the_future'")

    code, out, _err = _run(capsys, "db", "status", "--database", db_url)
    assert code == 2 and "nieuwer" in out and "9999_from_the_future" in out

    code, _out, err = _run(capsys, "db", "upgrade", "--database", db_url)
    line = _one_line(err)
    assert code == cli.EXIT_STORAGE and "nieuwere Caseworker" in line
    assert _scalar(db_url, "SELECT version_num FROM alembic_version") == "9999_from_the_future"  # untouched

    code, _out, err = _run(capsys, "demo", "--debtors", "5", "--database", db_url)
    assert code == cli.EXIT_STORAGE and "nieuwere Caseworker" in _one_line(err)


def test_an_older_schema_is_reported(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "db", "upgrade", "--database", sqlite_url)[0] == 0
    _execute(sqlite_url, "UPDATE alembic_version SET version_num = '0001'")
    code, out, _err = _run(capsys, "db", "status", "--database", sqlite_url)
    assert code == 1 and "verouderd" in out


def test_db_status_on_an_unreachable_server(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "db", "status", "--database", UNREACHABLE)
    assert code == cli.EXIT_STORAGE and "niet bereikbaar" in _one_line(err)


# ---------------------------------------------------------------------------------------------- user


def test_user_add_and_list(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "db", "upgrade", "--database", db_url, *_admin(db_url))[0] == 0
    login = make_login(db_url, "b.devries")
    code, out, _err = _run(
        capsys, "user", "add", login, "--name", "Bas de Vries", "--role", "caseworker,bailiff", "--role",
        "stella", "--database", db_url,
    )  # fmt: skip
    assert code == 0 and login in out and "belastingdeurwaarder" in out
    code, out, _err = _run(capsys, "user", "list", "--database", db_url)
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith(login))
    assert "Bas de Vries" in line and "invorderaar" in line and "Stella-team" in line

    code, _out, err = _run(capsys, "user", "add", login, "--name", "Ander", "--role", "auditor", "--database", db_url)
    assert code == cli.EXIT_USER and "bestaat al" in _one_line(err)


def test_user_add_with_an_unknown_role_adds_nobody(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "db", "upgrade", "--database", db_url, *_admin(db_url))[0] == 0
    code, _out, err = _run(capsys, "user", "add", "x.y", "--name", "X", "--role", "baas", "--database", db_url)
    line = _one_line(err)
    assert code == cli.EXIT_USER and "'baas' is geen bekende rol" in line and "caseworker" in line
    assert _scalar(db_url, "SELECT COUNT(*) FROM users WHERE login = 'x.y'") == 0


def test_an_auditor_cannot_add_users(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "demo", "--debtors", "3", "--database", sqlite_url)[0] == 0  # creates auditor r.mulder
    code, _out, err = _run(
        capsys, "user", "add", "n.nieuw", "--name", "Nieuw", "--role", "caseworker", "--user", "r.mulder",
        "--database", sqlite_url,
    )  # fmt: skip
    line = _one_line(err)
    assert code == cli.EXIT_USER and "r.mulder" in line and "mag dit niet" in line and "beheerder" in line
    assert _scalar(sqlite_url, "SELECT COUNT(*) FROM users WHERE login = 'n.nieuw'") == 0


# ---------------------------------------------------------------------------------------------- demo


def test_demo_on_a_fresh_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    code, out, err = _run(capsys, "demo", "--debtors", "40", "--seed", "5", "--date", "2026-11-26", "--database", url)
    assert code == 0, err
    assert "40 schuldenaren" in out and "vorderingen" in out
    assert "Demogegevens: 40 van 40 schuldenaren (100%)" in err
    assert _scalar(url, "SELECT COUNT(*) FROM debtors") == 40
    assert _run(capsys, "db", "status", "--database", url)[0] == 0
    # the complex case it points at can be looked up straight away
    complex_line = next(line for line in out.splitlines() if "Zeer complexe zaken" in line)
    bsn = complex_line.rsplit(":", 1)[1].split(",")[0].strip()
    code, found, err = _run(capsys, "debtor", "search", bsn, "--database", url)
    assert code == 0, err
    assert bsn in found


@pytest.mark.parametrize(
    ("option", "value"),
    [("--debtors", "-5"), ("--debtors", "abc"), ("--debtors", "0"), ("--debtors", "1.5"), ("--seed", "-1"),
     ("--seed", "x")],
)  # fmt: skip
def test_demo_refuses_bad_numbers(option: str, value: str, sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "demo", option, value, "--database", sqlite_url)
    line = _one_line(err)
    assert code == cli.EXIT_USER and option in line and value in line and "geheel getal" in line
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()  # refused before anything was created


def test_demo_on_an_unreachable_server(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "demo", "--debtors", "5", "--database", UNREACHABLE)
    assert code == cli.EXIT_STORAGE and "niet bereikbaar" in _one_line(err)


def test_installed_entry_point(tmp_path: Path) -> None:
    """The ``caseworker`` script the package installs, as a user starts it."""
    script = Path(sys.executable).with_name("caseworker")
    assert script.exists(), f"{script} is missing: run 'pip install -e .'"
    url = f"sqlite:///{tmp_path / 'installed.sqlite'}"
    result = subprocess.run(
        [str(script), "demo", "--debtors", "25", "--seed", "2", "--database", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "25 schuldenaren" in result.stdout and "Traceback" not in result.stderr
    bad = subprocess.run(
        [str(script), "demo", "--debtors", "veel", "--database", url], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == cli.EXIT_USER and "'veel' is geen geheel getal" in _one_line(bad.stderr)
