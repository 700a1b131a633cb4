"""What Caseworker keeps on disk is private: the SQLite file, its WAL and the log are 0600, its folders 0700,
and the log never holds SQL parameters (BSNs, amounts, household notes), not even in a driver's error text."""

from __future__ import annotations

import logging
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from caseworker_app import cli, log, paths
from tests.factories import add_debtor, open_context, writing

from caseworker_app.db import migrate
from caseworker_app.db.models import Household

from caseworker_app.services import admin
from caseworker_app.services.context import Database

SECRET_NOTE = "schuldhulp via de wijkcoach, niet bellen na 17 uur"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CASEWORKER_HOME", str(home))
    return home


# ------------------------------------------------------------------------------------------ file and folder modes


def test_db_upgrade_creates_a_private_database_in_a_private_folder(fresh_home: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["db", "upgrade"]) == 0, capsys.readouterr().err
    db = paths.default_database_file(create=False)
    assert _mode(db) == 0o600
    assert _mode(db.parent) == 0o700 and _mode(fresh_home) == 0o700
    # while a client works on it, SQLite's WAL and shared memory are private too
    ctx = Database.open().login()
    try:
        add_debtor(ctx)
        for companion in ("-wal", "-shm"):
            assert _mode(db.with_name(db.name + companion)) == 0o600, companion
    finally:
        ctx.db.dispose()


def test_demo_and_the_guis_set_up_create_private_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from caseworker_app.gui import backend  # what the GUI calls after "set up this database?"

    demo_db = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--debtors", "3", "--database", str(demo_db)]) == 0, capsys.readouterr().err
    assert _mode(demo_db) == 0o600
    gui_db = tmp_path / "gui.sqlite"
    backend.upgrade(f"sqlite:///{gui_db}")
    assert _mode(gui_db) == 0o600


def test_an_existing_database_readable_by_others_is_tightened_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Decision: tighten (and warn in the log), because a single-user file with BSNs must not be world-readable."""
    path = tmp_path / "oud.sqlite"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"")
    wal.chmod(0o664)
    with caplog.at_level(logging.WARNING, logger="caseworker.db"):
        admin.upgrade(f"sqlite:///{path}")
    assert _mode(path) == 0o600
    assert any("tightened" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)


def test_the_backup_made_before_a_migration_is_private(tmp_path: Path) -> None:
    from alembic import command

    from caseworker_app.db.session import create_engine_for_url

    path = tmp_path / "older.sqlite"
    engine = create_engine_for_url(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(engine), migrate.REVISIONS[0])
    engine.dispose()
    if len(migrate.REVISIONS) < 2:  # pragma: no cover - there is always more than one revision by now
        pytest.fail("the test needs an older revision to upgrade from")
    admin.upgrade(f"sqlite:///{path}")
    backups = list(tmp_path.glob("older.before-*.sqlite"))
    assert len(backups) == 1 and _mode(backups[0]) == 0o600


def test_caseworkers_own_folders_are_private_even_if_they_were_not(fresh_home: Path) -> None:
    loose = fresh_home / "log"
    loose.mkdir(parents=True, mode=0o755)
    loose.chmod(0o755)
    assert paths.log_dir() == loose
    assert _mode(loose) == 0o700
    assert _mode(paths.config_dir()) == 0o700 and _mode(paths.cache_dir()) == 0o700


def test_the_log_file_is_private_also_when_it_existed_before(tmp_path: Path) -> None:
    new, old = tmp_path / "new.log", tmp_path / "old.log"
    old.write_text("an older line\n")
    old.chmod(0o644)
    for path in (new, old):
        handler = log.PrivateFileHandler(path)
        handler.emit(logging.makeLogRecord({"name": "caseworker.test", "msg": "hello", "levelno": logging.INFO,
                                            "levelname": "INFO"}))
        handler.close()
        assert _mode(path) == 0o600, path
        assert "hello" in path.read_text()
    assert old.read_text().startswith("an older line")  # tightened, not replaced


# ------------------------------------------------------------------------------------------- no SQL data in the log


def _logged_errors(ctx: object, tmp_path: Path) -> str:
    """Provoke driver errors that carry a BSN and a household note, log them as the CLI does, return the file."""
    from caseworker_app.services.context import Context

    assert isinstance(ctx, Context)
    path = tmp_path / "caseworker.log"
    handler = log.PrivateFileHandler(path)
    logger = logging.getLogger("caseworker.test.private")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        for attempt in ("duplicate BSN", "bad household"):
            try:
                if attempt == "duplicate BSN":
                    add_debtor(ctx, bsn="111222333")
                else:
                    with writing(ctx) as session:
                        session.add(Household(leefsituatie="geen-bestaande", notes=SECRET_NOTE, aantal_kinderen=7))
                        session.flush()
            except Exception as exc:  # the point: whatever it is, its logged form holds no data
                logger.warning("storage error: %s", exc, exc_info=True)
            else:  # pragma: no cover
                pytest.fail(f"{attempt} was accepted")
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path.read_text()


def test_the_log_never_holds_sql_parameters_or_echoed_values(migrated_db_url: str, tmp_path: Path) -> None:
    ctx = open_context(migrated_db_url)
    add_debtor(ctx, bsn="111222333")
    logged = _logged_errors(ctx, tmp_path)
    assert "Traceback" in logged  # the details are there for whoever debugs ...
    assert "111222333" not in logged  # ... but not the BSN (PostgreSQL: DETAIL Key (bsn)=(...))
    assert SECRET_NOTE not in logged and "wijkcoach" not in logged  # nor the note (Failing row contains (...))
    assert "geen-bestaande" not in logged


def test_engines_hide_parameters_from_error_texts(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    with pytest.raises(Exception) as info, ctx.db.engine.connect() as conn:  # fails for a reason of its own
        conn.execute(text("SELECT * FROM no_such_table WHERE note = :secret"), {"secret": SECRET_NOTE})
    assert "no_such_table" in str(info.value)
    assert SECRET_NOTE not in str(info.value)


def test_redaction_covers_what_drivers_echo() -> None:
    raw = (
        'DETAIL:  Key (bsn)=(111222333) already exists.\n'
        'DETAIL:  Failing row contains (4, geen-bestaande, 7, 0, f, schuldhulp, 2026-12-01).\n'
        "CONTEXT:  unnamed portal parameter $1 = '999993653'\n"
        '[parameters: (\'111222333\', Decimal(\'1234.56\'))]\n'
        'invalid input syntax for type integer: "12a"\n'
        'zoeken op 1112.22.333 gaf niets'
    )
    redacted = log.redact(raw)
    for secret in ("111222333", "geen-bestaande", "999993653", "1234.56", "12a", "1112.22.333"):
        assert secret not in redacted, secret
    assert "Key (bsn)=" in redacted  # the column stays: useful, and not personal
