"""The harness itself: each fixture gives what the other tests rely on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]


def test_home_is_private_and_used_by_paths(test_home: Path) -> None:
    from caseworker_app import paths

    assert Path(os.environ["CASEWORKER_HOME"]).is_relative_to(test_home)
    assert paths.default_database_file().is_relative_to(test_home)
    assert Path(os.environ["XDG_CONFIG_HOME"]).is_relative_to(test_home)
    assert "CASEWORKER_DATABASE_URL" not in os.environ


def test_qt_runs_offscreen() -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen" or os.environ.get("DISPLAY")


def test_sqlite_url_is_a_fresh_file(sqlite_url: str, tmp_path: Path) -> None:
    path = Path(make_url(sqlite_url).database or "")
    assert path.parent == tmp_path
    assert not path.exists()
    engine = create_engine(sqlite_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    engine.dispose()
    assert path.exists()


def test_pg_url_reaches_a_real_empty_postgresql(pg_url: str, pg_admin_url: str) -> None:
    assert make_url(pg_url).drivername == "postgresql+psycopg"
    assert make_url(pg_url).database != make_url(pg_admin_url).database
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.connect() as conn:
        assert "PostgreSQL" in conn.execute(text("SELECT version()")).scalar_one()
        tables = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one()
    engine.dispose()
    assert tables == 0


def test_pg_url_is_dropped_afterwards(pg_admin_url: str, request: pytest.FixtureRequest) -> None:
    # Request pg_url by hand, after registering our check: finalizers run last-in first-out, so the check runs
    # after the fixture's own teardown. The database must be gone even with a connection still open.
    seen: dict[str, Any] = {}

    def after_teardown() -> None:
        _assert_dropped(pg_admin_url, seen["name"])
        seen["conn"].invalidate()  # the server ended it; do not hand a dead connection back to the pool
        seen["engine"].dispose()

    request.addfinalizer(after_teardown)
    url = request.getfixturevalue("pg_url")
    seen["name"] = make_url(url).database or ""
    seen["engine"] = create_engine(url)
    seen["conn"] = seen["engine"].connect()
    assert seen["conn"].execute(text("SELECT current_database()")).scalar_one() == seen["name"]


def _assert_dropped(admin_url: str, name: str) -> None:
    admin = create_engine(admin_url, poolclass=NullPool)
    with admin.connect() as conn:
        left = conn.execute(text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name}).scalar_one()
    admin.dispose()
    assert left == 0, f"database {name} was not dropped"


def test_db_url_covers_both_backends(db_url: str) -> None:
    backend = make_url(db_url).get_backend_name()
    assert backend in ("sqlite", "postgresql")
    engine = create_engine(db_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE probe (x INTEGER)"))
        conn.execute(text("INSERT INTO probe VALUES (1), (2)"))
        assert conn.execute(text("SELECT sum(x) FROM probe")).scalar_one() == 3
    engine.dispose()


def test_unknown_marker_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "test_x.py").write_text("import pytest\n@pytest.mark.nosuchmarker\ndef test_a():\n    pass\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(ROOT / "pytest.ini"),
         "--rootdir", str(tmp_path), str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode != 0
    assert "nosuchmarker" in result.stdout + result.stderr


def test_migrated_db_url_is_at_head_and_a_private_copy(migrated_db_url: str, request: pytest.FixtureRequest) -> None:
    from sqlalchemy import inspect

    from caseworker_app.db.migrate import current_revision, head_revision
    from caseworker_app.db.session import create_engine_for_url

    engine = create_engine_for_url(migrated_db_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE only_in_this_test (x INTEGER)"))
    finally:
        engine.dispose()
    # The session's migrated original, which the next test copies, must not have the change.
    if make_url(migrated_db_url).get_backend_name() == "sqlite":
        original = f"sqlite:///{request.getfixturevalue('_migrated_sqlite_file')}"
    else:
        template = request.getfixturevalue("_migrated_pg_template")
        original = make_url(request.getfixturevalue("pg_admin_url")).set(database=template).render_as_string(False)
    check = create_engine(original, poolclass=NullPool)
    try:
        with check.connect() as conn:
            tables = inspect(conn).get_table_names()
    finally:
        check.dispose()
    assert "only_in_this_test" not in tables
    assert tables  # the original is migrated, not empty


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_without_a_display_explains_instead_of_crashing() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(["make", "-s", "display-check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "QT_QPA_PLATFORM=offscreen make run" in result.stderr
    assert "xvfb-run" in result.stderr
    with_platform = subprocess.run(
        ["make", "-s", "display-check"], cwd=ROOT, env={**env, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True
    )
    assert with_platform.returncode == 0


def test_a_run_that_collects_no_tests_is_red() -> None:
    # pytest exits 5 when nothing was collected; the CI entry point must fail on it, not report green.
    env = {**os.environ, "PYTEST_WORKERS": "0", "PYTEST_ARGS": "tests/test_harness.py -k no_test_has_this_name"}
    result = subprocess.run(
        [str(ROOT / "scripts" / "check.sh"), "pytest"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert "FAIL" in result.stdout
    assert "(exit 5)" in result.stdout
    assert "collected no tests" in result.stderr


@pytest.mark.parametrize("workers", ["0", "2"])
def test_without_postgresql_the_run_is_red_and_says_how_to_fix_it_once(workers: str) -> None:
    """No server and no cluster allowed: every PostgreSQL test errors in one line, the fix is told once, at the end."""
    env = {**os.environ, "CASEWORKER_TEST_PG": "server",
           "CASEWORKER_TEST_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/postgres"}  # port 1: nothing listens
    selection = "pg_url_reaches or pg_url_is_dropped or db_url_covers"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", workers, "-p", "no:cacheprovider", "-k", selection,
         "tests/test_harness.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    out = result.stdout
    assert result.returncode == 1, out  # red: tests failed (not 0, not "no tests", not an internal error)
    assert out.count("Any one of these fixes it") == 1, out
    assert "3 PostgreSQL tests could not run" in out, out
    assert "127.0.0.1:1" in out  # which server was tried
    assert "1 passed" in out and "3 error" in out, out  # SQLite still ran; nothing was skipped
    assert "skipped" not in out
