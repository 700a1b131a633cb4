"""Bad URLs, unreachable servers, locked and corrupt files: one clear Dutch message, nothing half-written."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from caseworker_app import cli, log, paths
from caseworker_app.errors import StorageError, ValidationError
from tests.factories import add_debtor, open_context

from caseworker_app.db import session as db_session

from caseworker_app.services import admin, debtors
from caseworker_app.services.context import Database


@pytest.mark.parametrize(
    ("url", "fragment"),
    [("", "leeg"), ("mysql://x@y/z", "mysql"), ("postgresql://:::", "onbekende vorm"), ("sqlite+foo:///x", "SQLite")],
)
def test_bad_urls_are_explained(url: str, fragment: str) -> None:
    with pytest.raises((ValidationError, StorageError)) as info:
        Database.open(url)
    assert fragment in info.value.message


def test_unreachable_server_is_a_storage_error() -> None:
    with pytest.raises(StorageError) as info:
        Database.open("postgresql://nobody@127.0.0.1:1/none")
    assert info.value.code == "database_unreachable"
    assert "niet bereikbaar" in info.value.message


def test_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        Database.open(f"sqlite:///{tmp_path}/nope/db.sqlite")
    assert "bestaat niet" in info.value.message


def test_corrupt_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(StorageError) as info:
        admin.upgrade(f"sqlite:///{path}")
    assert info.value.code == "database_corrupt"
    assert path.read_bytes().startswith(b"this is not a database")  # untouched


def test_locked_sqlite_file_gives_a_retry_message_and_loses_nothing(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_session, "SQLITE_BUSY_TIMEOUT_MS", 150)
    ctx = open_context(sqlite_url)
    debtor_id = add_debtor(ctx)
    base = debtors.get_debtor(ctx, debtor_id)
    ctx = Database.open(sqlite_url).login()  # new engine with the short timeout
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        with pytest.raises(StorageError) as info:
            debtors.update_debtor(ctx, base, {"telefoon": "0612345678"})
        assert info.value.code == "database_locked"
        assert "Probeer het zo opnieuw" in info.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    # after the lock is gone the same save simply works
    assert debtors.update_debtor(ctx, base, {"telefoon": "0612345678"}).debtor.telefoon == "0612345678"


def test_invalid_edits_are_refused_before_anything_is_written(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    base = debtors.get_debtor(ctx, debtor_id)
    for changes, fragment in (
        ({"postcode": "12AB"}, "postcode"),
        ({"huisnummer": "x"}, "huisnummer"),
        ({"achternaam": "  "}, "achternaam"),
        ({"bsn": "123456782"}, "kan niet worden gewijzigd"),
        ({"land": "Nederland"}, "landcode"),
    ):
        with pytest.raises(ValidationError) as info:
            debtors.update_debtor(ctx, base, {"telefoon": "0600000000", **changes})
        assert fragment in info.value.message
    assert debtors.get_debtor(ctx, debtor_id) == base


# ------------------------------------------------------------------------------------ read-only, missing, full disk

DROP_DAC = "-dac_override,-dac_read_search,-fowner"


def _caseworker(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the real command line as a user whom file modes bind.

    As root, file modes mean nothing (CAP_DAC_OVERRIDE): the command then runs through ``setpriv`` without the
    capabilities that bypass them, so a 0444 file or a 0555 folder is as read-only as for any user.
    """
    command = [sys.executable, "-m", "caseworker_app", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.fail("running as root without setpriv (util-linux): file modes cannot be tested")
        command = [setpriv, f"--inh-caps={DROP_DAC}", f"--bounding-set={DROP_DAC}", "--", *command]
    env = {**os.environ, "CASEWORKER_HOME": str(home)}
    env.pop("CASEWORKER_DATABASE_URL", None)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def one_debtor_file(migrated_sqlite_url: str, tmp_path: Path) -> Path:
    ctx = open_context(migrated_sqlite_url)
    add_debtor(ctx)
    ctx.db.dispose()
    path = Path(migrated_sqlite_url.removeprefix("sqlite:///"))
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    target = folder / "caseworker.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(path, target)
    return target


@pytest.mark.parametrize("how", ["file 0444", "folder 0555"])
def test_a_read_only_database_opens_read_only_with_a_note(one_debtor_file: Path, tmp_path: Path, how: str) -> None:
    folder = one_debtor_file.parent
    if how == "file 0444":
        one_debtor_file.chmod(0o444)
    else:
        folder.chmod(0o555)
    before = one_debtor_file.read_bytes()
    try:
        shown = _caseworker("debtor", "show", "111222333", "--json", "--database", str(one_debtor_file),
                            home=tmp_path / "home")
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["debtor"]["name"] == "Jan Jansen"
        assert "alleen te lezen" in shown.stderr and "Traceback" not in shown.stderr  # the note
        write = _caseworker("user", "add", "nieuw", "--name", "Nieuw", "--role", "caseworker",
                            "--database", str(one_debtor_file), home=tmp_path / "home")
        assert write.returncode == cli.EXIT_STORAGE
        lines = write.stderr.strip().splitlines()
        assert len(lines) == 1 and "alleen te lezen" in lines[0] and "niets wijzigen" in lines[0], write.stderr
        report = _caseworker("report", "schuldoverzicht", "111222333", "-o", str(tmp_path / "o.pdf"),
                             "--database", str(one_debtor_file), home=tmp_path / "home")
        assert report.returncode == cli.EXIT_STORAGE and not (tmp_path / "o.pdf").exists()
    finally:
        folder.chmod(0o755)
        one_debtor_file.chmod(0o600)
    assert one_debtor_file.read_bytes() == before
    # reading left nothing behind that would stand in a later writer's way (a read-only -shm)
    assert sorted(p.name for p in folder.iterdir()) == ["caseworker.sqlite"]
    again = _caseworker("user", "add", "nieuw", "--name", "Nieuw", "--role", "caseworker",
                        "--database", str(one_debtor_file), home=tmp_path / "home")
    assert again.returncode == 0, again.stderr


def test_a_read_only_database_works_for_the_gui_services(one_debtor_file: Path, tmp_path: Path) -> None:
    """What the GUI does through gui/backend.py, in a process file modes bind: open, show, and a save that says why."""
    script = (
        "import sys\n"
        "from caseworker_app.gui import backend\n"
        "from caseworker_app.errors import StorageError\n"
        "from caseworker_app.services import debtors\n"
        "ctx = backend.open_context(sys.argv[1])\n"
        "print('readonly:', ctx.db.read_only_reason)\n"
        "hit, = backend.search(ctx, 'jansen', 10)\n"
        "print('found:', debtors.get_debtor(ctx, hit.id).display_name)\n"
        "try:\n"
        "    backend.attempt_save(ctx, hit.id, {'telefoon': '0612345678'})\n"
        "except StorageError as exc:\n"
        "    print('save:', exc.message)\n"
    )
    one_debtor_file.chmod(0o444)
    try:
        command = [sys.executable, "-c", script, f"sqlite:///{one_debtor_file}"]
        if os.geteuid() == 0:
            command = [shutil.which("setpriv") or "setpriv", f"--inh-caps={DROP_DAC}", f"--bounding-set={DROP_DAC}",
                       "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "CASEWORKER_HOME": str(tmp_path / "home")})
    finally:
        one_debtor_file.chmod(0o600)
    assert done.returncode == 0, done.stderr
    assert "readonly: het bestand is alleen-lezen" in done.stdout
    assert "found: Jan Jansen" in done.stdout
    assert "save: Deze database is alleen te lezen" in done.stdout


def test_db_status_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nog-niet.sqlite"
    code = cli.main(["db", "status", "--database", str(missing)])
    out, err = capsys.readouterr()
    assert code == 1 and "leeg" in out and not err
    assert list(tmp_path.iterdir()) == []  # no file, no -wal, no -shm
    code = cli.main(["db", "status", "--database", str(tmp_path / "map" / "x.sqlite")])
    assert code == cli.EXIT_STORAGE and "bestaat niet" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no folder either
    # the default database of a user who never started Caseworker: its data folder is not made by asking
    monkeypatch.setenv("CASEWORKER_HOME", str(tmp_path / "home"))
    code = cli.main(["db", "status"])
    assert code == 1 and "leeg" in capsys.readouterr().out
    assert not (tmp_path / "home" / "data").exists()


def test_other_commands_do_not_create_a_missing_database_either(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "typo.sqlite"
    code = cli.main(["debtor", "show", "111222333", "--database", str(missing)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_STORAGE and "bestaat niet" in err and "db upgrade" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["db", "status"], ["debtor", "show", "111222333"], ["gui"], ["demo"]])
def test_an_empty_database_name_is_an_error_not_the_default(command: list[str],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main([*command, "--database", ""])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USER
    assert err.count("\n") == 1 and "leeg" in err
    assert not paths.default_database_file(create=False).exists()


def test_a_log_on_a_full_disk_does_not_spray_tracebacks(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """The log file on a disk with no space (/dev/full answers every write with ENOSPC)."""
    link = tmp_path / "caseworker.log"
    link.symlink_to("/dev/full")
    handler = log.PrivateFileHandler(link)
    logger = logging.getLogger("caseworker.test.fulldisk")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for n in range(5):
            try:
                raise OSError(28, "No space left on device")
            except OSError:
                logger.warning("storage error %d", n, exc_info=True)
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        handler.close()
    _out, err = capfd.readouterr()
    assert err == ""  # not Python's "--- Logging error ---" with a traceback per record
    assert handler.lost == 5
    assert any("schijf is vol" in line for line in log.ram_handler.records)
    assert Path("/dev/full").is_char_device() and stat.S_IMODE(Path("/dev/full").stat().st_mode) & 0o066


def test_a_full_disk_says_schijf_vol_and_nothing_else(one_debtor_file: Path, tmp_path: Path) -> None:
    """A real full disk: a small tmpfs holding the database and the log, filled up, then a command that writes."""
    mount = tmp_path / "klein"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (not root?): {mounted.stderr.decode().strip()}; "
                    "test_a_log_on_a_full_disk_does_not_spray_tracebacks covers the log handler")
    try:
        db = mount / "caseworker.sqlite"
        shutil.copyfile(one_debtor_file, db)
        filler = mount / "vol"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 65536)
        except OSError:  # ENOSPC: the disk is full now
            pass
        finally:
            os.close(fd)
        done = subprocess.run(
            [sys.executable, "-m", "caseworker_app", "user", "add", "nieuw", "--name", "N", "--role", "caseworker",
             "--database", str(db)],
            capture_output=True, text=True, timeout=120, env={**os.environ, "CASEWORKER_HOME": str(mount / "home")},
        )
        assert done.returncode == cli.EXIT_STORAGE
        assert done.stderr.strip().splitlines() == ["caseworker: De schijf is vol; er is niets opgeslagen."]
        filler.unlink()
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT count(*) FROM users WHERE login = 'nieuw'").fetchone() == (0,)
        conn.close()
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
