"""The command line offers every documented command, and never answers with a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from caseworker_app import __version__, cli


def test_every_command_module_is_present() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(cli.COMMAND_MODULES)  # type: ignore[arg-type]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_bad_database_url_is_one_dutch_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "caseworker_app", "db", "status", "--database", "mysql://x@y/z"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "niet ondersteund" in lines[0], result.stderr


def test_unreachable_database_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASEWORKER_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    assert cli.main(["db", "status"]) == cli.EXIT_STORAGE
    err = capsys.readouterr().err
    assert "niet bereikbaar" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["payment", "record", "123456782"], "verplicht maar niet opgegeven: --bedrag, --datum"),
        (["debtor", "show"], "verplicht maar niet opgegeven: BSN"),
        (["payment", "record", "123456782", "--bedrag"], "--bedrag: hier hoort een waarde bij"),
        (["debtor", "show", "123456782", "--frob"], "onbekende argumenten: --frob"),
        (["bestaatniet"], "onbekende keuze 'bestaatniet'"),
    ],
)
def test_a_command_typed_wrong_is_one_dutch_line_and_exit_2(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse's own refusal (a whole usage block and an English sentence) is one Dutch line, like every other."""
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and says in lines[0] and "--help" in lines[0], err
    assert "error" not in err and "usage" not in err


def test_help_speaks_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["debtor", "show", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: caseworker debtor show") and "opties:" in out and "usage" not in out
