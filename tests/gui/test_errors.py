"""Opening databases that cannot be used, and errors: a Dutch message, never a traceback, and the window stays."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from caseworker_app.errors import NotFoundError, StorageError
from tests.gui.conftest import SQLITE_ONLY

from caseworker_app.gui import errors as gui_errors
from caseworker_app.gui.errors import show_error


def _box(window) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1, boxes
    return boxes[0]


def _click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


@SQLITE_ONLY
def test_corrupt_file_offers_retry_other_file_or_quit(window, tmp_path, db_url, qtbot):
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    window.open_database(f"sqlite:///{bad}")
    box = _box(window)
    assert "beschadigd" in box.text()
    assert "Traceback" not in box.text() and not box.detailedText()
    assert {b.text() for b in box.buttons()} == {"Opnieuw proberen", "Ander bestand kiezen…", "Afsluiten"}
    # choosing another (good) file opens it
    window.opener.choose_file = lambda _parent: db_url.removeprefix("sqlite:///")
    _click(box, "Ander bestand kiezen…")
    assert window.ctx is not None and window.ctx.db.url == db_url
    assert bad.read_bytes().startswith(b"this is not a database"), "nothing was written to the broken file"


def test_unreachable_database_retry_then_quit(window, tmp_path, qtbot):
    window.open_database(f"sqlite:///{tmp_path / 'bestaat-niet' / 'x.sqlite'}")
    box = _box(window)
    assert "niet bereikbaar" in box.text()
    _click(box, "Opnieuw proberen")
    box = _box(window)  # still unreachable: asked again
    with qtbot.waitSignal(window.destroyed, timeout=2000, raising=False):
        _click(box, "Afsluiten")
    assert not window.isVisible()


def test_empty_database_is_set_up_after_asking(window, tmp_path):
    url = f"sqlite:///{tmp_path / 'nieuw.sqlite'}"
    window.open_database(url)
    box = _box(window)
    assert box.objectName() == "upgradeBox" and "leeg" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.ctx is not None
    assert window.ctx.db.info().schema_state == "current"


def test_declining_the_upgrade_leaves_the_window_without_database(window, tmp_path):
    window.open_database(f"sqlite:///{tmp_path / 'nieuw.sqlite'}")
    _box(window).button(QMessageBox.StandardButton.No).click()
    assert window.ctx is None
    assert "Geen database" in window.statusBar().currentMessage()
    assert window.isVisible()


@SQLITE_ONLY
def test_newer_schema_is_refused_with_the_message(window, db_url):
    import sqlite3

    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    window.open_database(db_url)
    box = _box(window)
    assert "nieuwere Caseworker" in box.text()
    assert box.icon() == QMessageBox.Icon.Critical
    assert window.ctx is None


def test_show_error_kinds(qtbot, window):
    box = show_error(window, NotFoundError("Schuldenaar", 42))
    assert box.icon() == QMessageBox.Icon.Warning and box.text() == "Schuldenaar 42 bestaat niet (meer)."
    box.close()
    box = show_error(window, StorageError("database_locked"))
    assert box.icon() == QMessageBox.Icon.Critical and "bezet" in box.text() and "Er is niets opgeslagen" in box.text()
    box.close()
    box = show_error(window, ZeroDivisionError("division by zero"))
    assert "niet verwachtte" in box.text() and "caseworker.log" in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    box.close()


def test_headless_mode_logs_instead_of_showing(window, caplog):
    gui_errors.set_headless(True)
    assert show_error(window, StorageError("database_locked")) is None
    assert not window.findChildren(QMessageBox)
    assert any("bezet" in r.getMessage() for r in caplog.records)


def test_crash_handler_logs_critical_with_traceback(caplog, monkeypatch):
    gui_errors.set_headless(True)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        gui_errors.excepthook(*sys.exc_info())
    record = next(r for r in caplog.records if r.levelname == "CRITICAL")
    assert record.exc_info and record.exc_info[0] is RuntimeError


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "CASEWORKER_DATABASE_URL")
    }
    env["CASEWORKER_HOME"] = str(tmp_path / "home")
    return env


@pytest.mark.parametrize("args", [["gui"], [], ["gui", "--no-err-windows"]])
def test_without_display_prints_how_to_run_it(tmp_path, args):
    """`caseworker gui` (and plain `caseworker`) on a machine without a display: a Dutch hint, no Qt abort."""
    result = subprocess.run(
        [sys.executable, "-m", "caseworker_app", *args],
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Er is geen scherm beschikbaar" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen caseworker gui" in result.stderr
    assert "xvfb-run caseworker gui" in result.stderr
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr
    assert result.stdout == ""


@SQLITE_ONLY
@pytest.mark.parametrize("variable", ["CASEWORKER_QUIT_WHEN_READY", "CASEWORKER_EXIT_AFTER_MS"])
def test_offscreen_start_opens_the_database_and_quits(tmp_path, db_url, variable):
    env = _clean_env(tmp_path)
    env.update({"QT_QPA_PLATFORM": "offscreen", variable: "1" if variable.endswith("READY") else "1500"})
    result = subprocess.run(
        [sys.executable, "-m", "caseworker_app", "gui", "--no-err-windows", "--database", db_url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "home" / "log" / "caseworker.log").read_text(encoding="utf-8")
    assert "window shown after" in log and "stopped with exit code 0" in log
    if variable.endswith("READY"):  # the timer variant may quit before a busy machine has opened the database
        assert "database ready after" in log
    assert "CRITICAL" not in log and "Traceback" not in log


def test_crash_dialog_says_what_happened_and_where_the_log_is(qtbot, window, monkeypatch) -> None:
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    empty: dict[str, int] = {}
    try:
        empty["missing"]
    except KeyError:
        gui_errors.excepthook(*sys.exc_info())
    assert len(shown) == 1
    box = shown[0]
    assert box.objectName() == "crashBox"
    assert "niet verwachtte" in box.text() and "caseworker.log" in box.text() and "KeyError" in box.text()
    assert "Traceback" in box.detailedText() and "missing" in box.detailedText()
    assert window.isVisible(), "the main window stays open after a bug"


@SQLITE_ONLY
def test_the_last_database_is_opened_again_next_time(tmp_path, db_url):
    env = _clean_env(tmp_path)
    env.update(QT_QPA_PLATFORM="offscreen", CASEWORKER_QUIT_WHEN_READY="1", CASEWORKER_HEADLESS="1")
    command = [sys.executable, "-m", "caseworker_app", "gui"]
    first = subprocess.run([*command, "--database", db_url], env=env, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 0, second.stderr
    log = (tmp_path / "home" / "log" / "caseworker.log").read_text(encoding="utf-8")
    opened = [line for line in log.splitlines() if "opened as" in line]
    assert len(opened) == 2 and all(db_url in line for line in opened)
    assert not (tmp_path / "home" / "data" / "caseworker.sqlite").exists(), "the default file was not used"


@SQLITE_ONLY
def test_a_read_only_database_opens_with_a_note_and_can_be_searched(window, ctx, qtbot, monkeypatch, tmp_path):
    """File-mode detection itself is tested as a user bound by modes (tests/services/test_storage_errors.py); here
    the window: it opens the database read-only, says so where it stays visible, and searching works."""
    from PySide6.QtCore import Qt

    from tests.gui.conftest import seed

    from caseworker_app.db import sqlite_file

    seed(ctx)
    ctx.db.dispose()
    path = Path(ctx.db.engine.url.database or "")
    path.chmod(0o444)
    monkeypatch.setattr(sqlite_file, "_read_only_reason", lambda _path: "het bestand is alleen-lezen")
    try:
        window.open_database(f"sqlite:///{path}")
        assert window.ctx is not None and window.ctx.db.read_only_reason == "het bestand is alleen-lezen"
        assert window.statusBar().currentMessage() == "Alleen lezen (het bestand is alleen-lezen): wijzigen kan niet."
        assert window.db_label.text().endswith(" · Alleen lezen")
        qtbot.keyClicks(window.ui.searchEdit, "1234 AB 12")
        qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
        assert window.results.rowCount() == 2
        if os.environ.get("CASEWORKER_SCREENSHOTS"):
            window.resize(1366, 768)
            window.grab().save(os.environ["CASEWORKER_SCREENSHOTS"])
        window.ctx.db.dispose()
    finally:
        path.chmod(0o600)
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]
