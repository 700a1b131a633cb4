"""Test harness: headless Qt, a private home folder, and databases on both backends.

Fixtures
--------
``sqlite_url``     a fresh SQLite file in ``tmp_path`` (not migrated).
``pg_admin_url``   (session) URL of an admin database on a real PostgreSQL server, see "Which server" below.
``pg_url``         a fresh, uniquely named, empty PostgreSQL database for one test; dropped afterwards.
``db_url``         parametrized ``sqlite`` / ``postgresql``: db and service tests take this and run on both.
``migrated_db_url`` like ``db_url`` but already at the head revision (also ``migrated_sqlite_url``/``migrated_pg_url``):
                   migrated once per session and copied per test (a file copy / ``CREATE DATABASE ... TEMPLATE``),
                   which saves the half second a PostgreSQL migration costs. Tests of migrations use ``db_url``.
``test_home``      (session) the folder ``CASEWORKER_HOME`` and the ``XDG_*`` variables point at.

Which server (``pg_admin_url``)
-------------------------------
1. ``CASEWORKER_TEST_DATABASE_URL`` when set (an admin URL; the tests create and drop databases through it);
2. else the server on 127.0.0.1:5432 when user ``postgres`` can log in without a password (CI and dev machines);
3. else a throwaway cluster: ``initdb -A trust --no-sync`` + ``pg_ctl start`` with ``fsync=off`` on a free port, in a
   temporary folder, stopped and removed at the end of the session (as root through ``runuser -u postgres``).
   ``CASEWORKER_TEST_PG=local`` skips step 2 and always uses a throwaway cluster.
When none of these works each PostgreSQL test ERRORs with one line, and the end of the run says once how to fix it
(``pytest_terminal_summary``); they are never skipped, so the run is red.
With pytest-xdist each worker resolves this on its own: on a shared server the database names are unique, and in
case 3 each worker starts its own small cluster (about a second each).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

# Before anything can import Qt: without a display Qt would abort the whole run (exit 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _private_home() -> Path:
    """Point every per-user location at a temporary folder, before any caseworker module resolves a path."""
    home = Path(tempfile.mkdtemp(prefix="caseworker-test-home-"))
    os.environ["CASEWORKER_HOME"] = str(home / "caseworker")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),  # Qt warns when it is unset; 0700 as Qt demands
    ):
        path = home / sub
        path.mkdir(mode=0o700)
        os.environ[var] = str(path)
    # Never let a developer's own database leak into a test.
    os.environ.pop("CASEWORKER_DATABASE_URL", None)
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


_HOME = _private_home()

import pytest  # noqa: E402  (after the environment is set up on purpose)
from hypothesis import settings as hypothesis_settings  # noqa: E402
from sqlalchemy import Connection, create_engine, text  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from tests.pgroles import drop_test_roles, new_db_name  # noqa: E402

# Hypothesis: no per-example deadline (timing on a shared 2-core machine says nothing about correctness); in CI
# (CI=true, as .ci/run sets) a fixed seed too, so one commit always gives the same result. HYPOTHESIS_PROFILE overrides.
hypothesis_settings.register_profile("caseworker", deadline=None, print_blob=True)
hypothesis_settings.register_profile("ci", parent=hypothesis_settings.get_profile("caseworker"), derandomize=True)
_default_profile = "ci" if os.environ.get("CI") else "caseworker"
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or _default_profile)

PG_ENV_URL = "CASEWORKER_TEST_DATABASE_URL"
PG_ENV_MODE = "CASEWORKER_TEST_PG"
DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TEST_DB_PREFIX = "cwtest_"
#: Test databases older than this on a shared server are leftovers of a killed run and are dropped at session start.
STALE_AFTER_S = 6 * 3600

HOW_TO_FIX = f"""\
No PostgreSQL server for the tests. Any one of these fixes it:
  - run `make test` (it installs the `postgresql` package when needed and the tests start a throwaway cluster);
  - start a server on 127.0.0.1:5432 where user postgres logs in without a password (trust);
  - set {PG_ENV_URL}=postgresql+psycopg://USER:PASSWORD@HOST:PORT/postgres (a login that may CREATE DATABASE).
Deselect PostgreSQL tests explicitly with `-m "not postgres"` (never done by default)."""
#: How each PostgreSQL test fails without a server: one line; HOW_TO_FIX follows once, at the end of the run.
NO_SERVER = "PostgreSQL tests cannot run"


def _no_server(reason: str) -> NoReturn:
    pytest.fail(f"{NO_SERVER}: {reason} (how to fix it: see 'PostgreSQL' at the end of the run)", pytrace=False)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say once how to get a server when PostgreSQL tests errored for the lack of one (also under xdist)."""
    errored = [r for r in terminalreporter.stats.get("error", []) if NO_SERVER in str(getattr(r, "longrepr", ""))]
    if not errored:
        return
    terminalreporter.section("PostgreSQL", sep="=", red=True, bold=True)
    terminalreporter.line(f"{len(errored)} PostgreSQL tests could not run: no server was found or could be started.")
    reasons = sorted({str(r.longrepr).split(f"{NO_SERVER}: ", 1)[1].rsplit(" (how to fix", 1)[0] for r in errored})
    for reason in reasons:
        terminalreporter.line(f"  {reason}")
    terminalreporter.line("")
    for line in HOW_TO_FIX.splitlines():
        terminalreporter.line(line)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark Qt tests as `gui` (folder tests/gui or using a pytest-qt fixture) so `-m "not gui"` works."""
    qt_fixtures = {"qtbot", "qapp", "qtmodeltester", "qtlog"}
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "tests/gui/" in item.nodeid or fixtures & qt_fixtures:
            item.add_marker(pytest.mark.gui)
        if fixtures & {"pg_url", "pg_admin_url", "migrated_pg_url"}:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def test_home() -> Path:
    return _HOME


# ---------------------------------------------------------------------------------------------------------- SQLite


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'caseworker-test.sqlite'}"


# ------------------------------------------------------------------------------------------------------ PostgreSQL


def _as_psycopg(url: str) -> URL:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"{PG_ENV_URL} must be a postgresql:// URL, not {parsed.drivername}")
    return parsed.set(drivername="postgresql+psycopg")


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _render_safe(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _new_db_name(kind: str = "") -> str:
    return new_db_name(kind)


def _drop_stale_test_databases(admin: URL) -> None:
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            names = conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE 'cwtest\\_%'")).scalars()
            for name in list(names):
                stamp = name[len(TEST_DB_PREFIX) :].split("_", 1)[0]
                if stamp.isdigit() and time.time() - int(stamp) > STALE_AFTER_S:
                    _drop_database(conn, name)
            # roles of stale test databases that are already gone (a killed run between the two drops)
            roles = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'cwtest\\_%'")).scalars()
            databases = set(conn.execute(text("SELECT datname FROM pg_database")).scalars())
            for role in list(roles):
                parts = role[len(TEST_DB_PREFIX) :].split("_")
                if not (parts[0].isdigit() and time.time() - int(parts[0]) > STALE_AFTER_S):
                    continue
                if not any(role.startswith(db + "_") for db in databases):
                    with contextlib.suppress(Exception):
                        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    finally:
        engine.dispose()


def _drop_database(conn: Connection, name: str) -> None:
    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    drop_test_roles(conn, name)


def _can_login(url: URL) -> str | None:
    """None when a connection works, else the reason."""
    engine = create_engine(url, connect_args={"connect_timeout": 3}, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except Exception as exc:  # any driver/auth/network failure means "not usable"
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    finally:
        engine.dispose()


def _pg_bindir() -> Path | None:
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)  # newest version first
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ThrowawayCluster:
    """A PostgreSQL cluster in a temporary folder, for one test session."""

    def __init__(self) -> None:
        bindir = _pg_bindir()
        if bindir is None:
            raise RuntimeError("initdb/pg_ctl not found (no pg_config, nothing in /usr/lib/postgresql/*/bin)")
        self.bindir = bindir
        self.as_postgres: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")
            if runuser is None:
                raise RuntimeError("running as root and runuser is missing, so initdb cannot run as user postgres")
            self.as_postgres = [runuser, "-u", "postgres", "--"]
            if not os.stat("/").st_mode & 0o001:
                raise RuntimeError(
                    "'/' is not searchable by other users (mode %o; a chroot made with mktemp -d?), so user postgres "
                    "cannot reach initdb: chmod 755 /" % (os.stat("/").st_mode & 0o777)
                )
        # /tmp: short enough for the unix socket path and reachable for user postgres.
        self.dir = Path(tempfile.mkdtemp(prefix="cwpg-", dir="/tmp" if Path("/tmp").is_dir() else None))
        self.data = self.dir / "data"
        self.port = 0
        if self.as_postgres:
            shutil.chown(self.dir, user="postgres")
        self._started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.as_postgres, *args], capture_output=True, text=True, timeout=120)

    def start(self) -> URL:
        initdb = [str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync"]
        init = self._run(*initdb, "-E", "UTF8", "--locale=C.UTF-8")
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        errors = []
        for _attempt in range(3):  # another worker may grab the free port between probe and start
            self.port = _free_port()
            options = (
                f"-c fsync=off -c full_page_writes=off -c synchronous_commit=off -c listen_addresses=127.0.0.1"
                f" -p {self.port} -k {self.dir}"
            )
            pg_ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "server.log")]
            started = self._run(*pg_ctl, "-w", "-t", "60", "-o", options, "start")
            if started.returncode == 0:
                self._started = True
                return make_url(f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres")
            errors.append(started.stderr.strip() or started.stdout.strip())
        log = self.dir / "server.log"
        tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
        raise RuntimeError("pg_ctl start failed: " + " | ".join(errors) + (f"\nserver log:\n{tail}" if tail else ""))

    def stop(self) -> None:
        if self._started:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self._started = False
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """An admin database URL on a real PostgreSQL server (see the module docstring for how it is chosen)."""
    mode = os.environ.get(PG_ENV_MODE, "auto")
    if mode not in ("auto", "local", "server"):
        pytest.fail(f"{PG_ENV_MODE}={mode!r}: use auto, local (throwaway cluster) or server (127.0.0.1:5432)", False)
    explicit = os.environ.get(PG_ENV_URL)
    if explicit:
        url = _as_psycopg(explicit)
        problem = _can_login(url)
        if problem:
            _no_server(f"{PG_ENV_URL} is set ({_render_safe(url)}) but the server does not answer: {problem}")
        _drop_stale_test_databases(url)
        yield _render(url)
        return
    attempts = []
    if mode != "local":
        url = make_url(DEFAULT_SERVER)
        problem = _can_login(url)
        if problem is None:
            _drop_stale_test_databases(url)
            yield _render(url)
            return
        attempts.append(f"127.0.0.1:5432: {problem}")
    if mode != "server":
        try:
            cluster = ThrowawayCluster()
        except (RuntimeError, OSError, LookupError) as exc:
            attempts.append(f"throwaway cluster: {exc}")
        else:
            atexit.register(cluster.stop)  # also when the session dies halfway
            try:
                url = cluster.start()
            except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
                cluster.stop()
                attempts.append(f"throwaway cluster: {exc}")
            else:
                try:
                    yield _render(url)
                finally:
                    cluster.stop()
                return
    _no_server("tried " + "; ".join(attempts))


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty database for this test only; dropped (connections and all) afterwards."""
    admin = make_url(pg_admin_url)
    name = _new_db_name()
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield _render(admin.set(database=name))
        finally:
            with engine.connect() as conn:
                _drop_database(conn, name)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """An empty database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))


# ------------------------------------------------------------------------------------------- migrated databases


def _migrate(url: str) -> None:
    from caseworker_app.db.migrate import upgrade_to_head
    from caseworker_app.db.session import create_engine_for_url

    engine = create_engine_for_url(url)
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def _migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite"
    _migrate(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:  # fold the WAL into the main file so one file is the whole database
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def migrated_sqlite_url(_migrated_sqlite_file: Path, tmp_path: Path) -> str:
    target = tmp_path / "caseworker-test.sqlite"
    shutil.copyfile(_migrated_sqlite_file, target)
    return f"sqlite:///{target}"


@pytest.fixture(scope="session")
def _migrated_pg_template(pg_admin_url: str) -> Iterator[str]:
    admin = make_url(pg_admin_url)
    name = _new_db_name("tpl_")
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            _migrate(_render(admin.set(database=name)))
            yield name
        finally:
            with engine.connect() as conn:
                _drop_database(conn, name)
    finally:
        engine.dispose()


@pytest.fixture
def migrated_pg_url(pg_admin_url: str, _migrated_pg_template: str) -> Iterator[str]:
    admin = make_url(pg_admin_url)
    name = _new_db_name()
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_migrated_pg_template}"'))
        try:
            yield _render(admin.set(database=name))
        finally:
            with engine.connect() as conn:
                _drop_database(conn, name)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def migrated_db_url(request: pytest.FixtureRequest) -> str:
    """A database URL already at the head revision, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_url"))
    return str(request.getfixturevalue("migrated_pg_url"))
