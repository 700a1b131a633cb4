"""`caseworker selftest` says whether an installation works, and says which part does not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caseworker_app import cli, paths

from caseworker_app.domain.params import reload_parameters


def test_selftest_passes_and_touches_no_user_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a home of its own: other tests in this worker may have created the shared test home's database
    monkeypatch.setenv("CASEWORKER_HOME", str(tmp_path / "home"))
    assert cli.main(["selftest", "--no-gui"]) == 0
    out = capsys.readouterr().out
    for check in ("database", "parameters", "pdf", "services"):
        assert f"ok    {check}:" in out
    assert "selftest geslaagd" in out
    assert not paths.default_database_file().exists()


def test_selftest_reports_a_broken_part_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASEWORKER_PARAMETERS_DIR", str(tmp_path))  # an empty folder: no yearly figures
    try:
        assert cli.main(["selftest", "--no-gui"]) == 1
    finally:
        monkeypatch.undo()
        reload_parameters()  # leave the packaged tables loaded for the tests that follow
    out = capsys.readouterr().out
    assert "FOUT  parameters:" in out
    assert "ok    database:" in out  # the other checks still ran
    assert "1 controle(s) mislukt" in out


def test_selftest_starts_qt_without_a_display() -> None:
    # A separate process: the frozen build runs it exactly like this, with no QApplication around.
    env = {"PATH": "/usr/bin:/bin", "CASEWORKER_HOME": str(paths.data_dir().parent)}
    result = subprocess.run(
        [sys.executable, "-m", "caseworker_app", "selftest"], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    qt: Qt-platform offscreen" in result.stdout
