"""``report schuldoverzicht -o FILE`` never silently replaces a file, nor writes over a database, folder or device.

Each refusal is one Dutch line, exit 2, and leaves every file as it was (the folder is compared byte for byte).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context

BSN = "111222333"


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every name in ``folder`` with its content (or its link target): what "nothing changed" compares."""
    out: dict[str, bytes | str] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            out[entry.name] = f"-> {os.readlink(entry)}"
        elif entry.is_file():
            out[entry.name] = entry.read_bytes()
        elif entry.is_dir():
            out[entry.name] = "<dir>"
    return out


@pytest.fixture
def live_sqlite(migrated_sqlite_url: str) -> tuple[str, Path]:
    ctx = open_context(migrated_sqlite_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, amount="300.00", dagtekening=dt.date(2025, 3, 1))
    ctx.db.dispose()
    path = Path(migrated_sqlite_url.removeprefix("sqlite:///"))
    conn = sqlite3.connect(path)  # one file is the whole database, so byte comparison is meaningful
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return migrated_sqlite_url, path


def _report(capsys: pytest.CaptureFixture[str], url: str, target: str | Path, *extra: str) -> tuple[int, str]:
    code = cli.main(["report", "schuldoverzicht", BSN, "-o", str(target), "--database", url, *extra])
    _out, err = capsys.readouterr()
    return code, err


def _one_dutch_line(err: str, fragment: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert fragment in lines[0] and "Traceback" not in err


def test_an_existing_file_is_refused_without_force(live_sqlite: tuple[str, Path], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    url, _db = live_sqlite
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "overzicht.pdf"
    target.write_bytes(b"the letter I wrote yesterday")
    before = _snapshot(out_dir)
    code, err = _report(capsys, url, target)
    assert code == cli.EXIT_USER
    _one_dutch_line(err, "bestaat al")
    assert "--force" in err
    assert _snapshot(out_dir) == before


def test_force_replaces_an_existing_file_atomically(live_sqlite: tuple[str, Path], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    url, _db = live_sqlite
    target = tmp_path / "overzicht.pdf"
    target.write_bytes(b"old")
    code, err = _report(capsys, url, target, "--force")
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("force", [False, True])
def test_the_live_database_is_never_overwritten(live_sqlite: tuple[str, Path], capsys: pytest.CaptureFixture[str],
                                                force: bool) -> None:
    url, db = live_sqlite
    before = _snapshot(db.parent)
    code, err = _report(capsys, url, db, *(["--force"] if force else []))
    assert code == cli.EXIT_USER
    _one_dutch_line(err, "wordt niet overschreven")
    assert "database" in err
    assert _snapshot(db.parent) == before
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM debtors").fetchone() == (1,)
    conn.close()


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_live_databases_companion_files_are_never_written(live_sqlite: tuple[str, Path], suffix: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Also when the -wal/-shm does not exist at this moment: it is the database's name, not a free one."""
    url, db = live_sqlite
    before = _snapshot(db.parent)
    code, err = _report(capsys, url, f"{db}{suffix}", "--force")
    assert code == cli.EXIT_USER
    _one_dutch_line(err, "wordt niet overschreven")
    assert _snapshot(db.parent) == before


def test_another_sqlite_file_is_recognised_by_its_header(live_sqlite: tuple[str, Path], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    url, db = live_sqlite
    other_dir = tmp_path / "elders"
    other_dir.mkdir()
    other = other_dir / "archief.pdf"  # a database with an innocent name
    shutil.copyfile(db, other)
    wal = other_dir / "los-bestand"
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)  # a WAL header without its database
    before = _snapshot(other_dir)
    for target in (other, wal):
        code, err = _report(capsys, url, target, "--force")
        assert code == cli.EXIT_USER
        _one_dutch_line(err, "wordt niet overschreven")
    assert _snapshot(other_dir) == before


def test_a_folder_and_a_device_are_refused_even_with_force(live_sqlite: tuple[str, Path], tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    url, _db = live_sqlite
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "brief.pdf").write_bytes(b"keep me")
    code, err = _report(capsys, url, folder, "--force")
    assert code == cli.EXIT_USER
    _one_dutch_line(err, "het is een map")
    assert (folder / "brief.pdf").read_bytes() == b"keep me"
    code, err = _report(capsys, url, "/dev/null", "--force")
    assert code == cli.EXIT_USER
    _one_dutch_line(err, "apparaat")
    assert Path("/dev/null").is_char_device()


def test_symbolic_links_are_followed_before_checking(live_sqlite: tuple[str, Path], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    url, db = live_sqlite
    links = tmp_path / "links"
    links.mkdir()
    (links / "naar-db.pdf").symlink_to(db)
    (links / "naar-map.pdf").symlink_to(tmp_path)
    (links / "naar-null.pdf").symlink_to("/dev/null")
    before_db = db.read_bytes()
    for name in ("naar-db.pdf", "naar-map.pdf", "naar-null.pdf"):
        code, err = _report(capsys, url, links / name, "--force")
        assert code == cli.EXIT_USER, name
        _one_dutch_line(err, "wordt niet overschreven")
    assert db.read_bytes() == before_db
    assert all((links / n).is_symlink() for n in ("naar-db.pdf", "naar-map.pdf", "naar-null.pdf"))
    # a link to an ordinary file: refused without --force; with it the file is replaced and the link stays
    real = tmp_path / "echt.pdf"
    real.write_bytes(b"old")
    (links / "naar-echt.pdf").symlink_to(real)
    code, err = _report(capsys, url, links / "naar-echt.pdf")
    assert code == cli.EXIT_USER and "bestaat al" in err
    code, err = _report(capsys, url, links / "naar-echt.pdf", "--force")
    assert code == 0, err
    assert (links / "naar-echt.pdf").is_symlink() and real.read_bytes().startswith(b"%PDF")


def test_an_empty_output_name_is_refused(live_sqlite: tuple[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    url, _db = live_sqlite
    code, err = _report(capsys, url, "")
    assert code == cli.EXIT_USER
    _one_dutch_line(err, "geen bestandsnaam")
