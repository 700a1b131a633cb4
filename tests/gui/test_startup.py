"""Start-up as a user meets it: a search typed the moment the window appears is answered once the database is open."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import add_debtor, open_context


def test_a_search_typed_at_start_is_answered(tmp_path: Path, migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    add_debtor(ctx, achternaam="Brinkman")
    ctx.db.dispose()
    report = tmp_path / "startup.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEWORKER_")}
    env.update(QT_QPA_PLATFORM="offscreen", CASEWORKER_HOME=str(tmp_path / "home"), CASEWORKER_HEADLESS="1",
               CASEWORKER_QUIT_WHEN_READY="1", CASEWORKER_STARTUP_SEARCH="brink",
               CASEWORKER_STARTUP_REPORT=str(report))
    result = subprocess.run([sys.executable, "-m", "caseworker_app", "gui", "--database", migrated_db_url],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    marks = json.loads(report.read_text(encoding="utf-8"))
    # quit when usable means: the typed search answered, after the window was shown and the database opened
    assert set(marks) == {"shown", "ready", "answered"}
    assert marks["answered"] >= marks["ready"]
    log = (tmp_path / "home" / "log" / "caseworker.log").read_text(encoding="utf-8")
    assert "first search answered after" in log and "stopped with exit code 0" in log
    assert "preload failed" not in log and "Traceback" not in log


def test_an_op_that_finishes_after_shutdown_is_dropped_quietly(qapp: object, caplog: pytest.LogCaptureFixture) -> None:
    """Closing the window while the worker still opens the database: its answer has nobody to go to, no crash."""
    import shiboken6

    from caseworker_app.gui import ops

    op = ops.ServiceOp(None, lambda: 42)
    runnable = ops._Runnable(op)
    shiboken6.delete(op)  # what the interpreter's teardown does to a pending op
    with caplog.at_level(logging.INFO, logger="caseworker.ui.ops"):
        runnable.run()  # on the worker; before the fix: RuntimeError into the crash handler
    assert "answer is dropped" in caplog.text
