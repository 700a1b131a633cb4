"""``caseworker … | head -1``: when the reader of stdout goes away, the command ends quietly.

Through a real pipe and a real process (the interpreter's own final flush is part of what is tested): no
traceback, no message on stderr, and exit 141 (128 + SIGPIPE, what the shell shows for ``yes | head -1``), not
the 70 of an unexpected error.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context

BSN = "111222333"


@pytest.fixture(scope="module")
def big_debtor(_migrated_sqlite_file: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A debtor whose ``show --json`` is far larger than a pipe's buffer (64 KiB), so the writer must block."""
    target = tmp_path_factory.mktemp("pipe") / "caseworker.sqlite"
    shutil.copyfile(_migrated_sqlite_file, target)
    url = f"sqlite:///{target}"
    ctx = open_context(url)
    debtor_id = add_debtor(ctx, bsn=BSN)
    for month in range(1, 61):
        add_claim(ctx, debtor_id, amount=f"{month}00.00", dagtekening=dt.date(2020 + month // 12, month % 12 + 1, 1),
                  payments=((dt.date(2026, 1, 1), "10.00"),))
    ctx.db.dispose()
    return url


def _caseworker(*args: str, stdout: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "caseworker_app", *args], stdout=stdout, stderr=subprocess.PIPE)


def _reader_leaves_after_one_line(*args: str) -> tuple[int, bytes, str]:
    """As ``| head -1``: read the first line, then close the pipe while the command is still writing."""
    proc = _caseworker(*args, stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    return proc.wait(timeout=60), first, err


def _reader_already_gone(*args: str) -> tuple[int, str]:
    """A pipe whose reading end is closed before the command writes a byte (``| true``)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = _caseworker(*args, stdout=write_end)
    finally:
        os.close(write_end)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    return proc.wait(timeout=60), err


def test_debtor_show_json_into_head(big_debtor: str) -> None:
    code, first, err = _reader_leaves_after_one_line("debtor", "show", BSN, "--json", "--database", big_debtor)
    assert first == b"{\n"  # the command really ran and wrote
    assert err == ""
    assert code == cli.EXIT_PIPE


@pytest.mark.parametrize(
    "args",
    [("calc", "--list"), ("debtor", "search", "jansen")],
    ids=["calc-list", "debtor-search"],
)
def test_short_output_into_a_pipe_nobody_reads(args: tuple[str, ...], big_debtor: str) -> None:
    code, err = _reader_already_gone(*args, "--database", big_debtor)
    assert err == ""
    assert code == cli.EXIT_PIPE


def test_a_real_error_still_speaks_when_stdout_is_gone(big_debtor: str) -> None:
    """The quiet exit is only for the pipe: an unknown BSN still says so on stderr, with its own exit code."""
    code, err = _reader_already_gone("debtor", "show", "123456782", "--database", big_debtor)
    assert code == cli.EXIT_USER
    assert err.startswith("caseworker: ") and err.count("\n") == 1
