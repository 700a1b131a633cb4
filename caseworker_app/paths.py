"""Every filesystem location the application uses, resolved in one place.

``CASEWORKER_HOME`` (or ``--basedir`` through :func:`set_base_dir`) puts data, config, logs and
cache under one folder: tests and the demo use it so they never touch a user's real database.
Otherwise the platformdirs user folders are used.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs

from caseworker_app import APP_ID

_base_override: Path | None = None


def set_base_dir(path: str | os.PathLike[str] | None) -> None:
    global _base_override
    _base_override = Path(path) if path is not None else None


def _base() -> Path | None:
    if _base_override is not None:
        return _base_override
    env = os.environ.get("CASEWORKER_HOME")
    return Path(env) if env else None


#: Caseworker's own folders hold the database, the log and settings with personal data: owner only.
PRIVATE_DIR = 0o700


def _dir(kind: str, *, create: bool = True) -> Path:
    base = _base()
    if base is not None:
        path = base / kind
    else:
        finders: dict[str, Callable[..., str]] = {
            "data": platformdirs.user_data_dir,
            "config": platformdirs.user_config_dir,
            "log": platformdirs.user_log_dir,
            "cache": platformdirs.user_cache_dir,
        }
        path = Path(finders[kind](APP_ID, appauthor=False))
    if create:
        make_private_dir(path, base)
    return path


def make_private_dir(path: Path, base: Path | None = None) -> None:
    """Create ``path`` (and ``base``, the ``CASEWORKER_HOME`` folder, when missing) as 0700; tighten it if looser.

    Only Caseworker's own folders come here.  Folders above them (``~/.local/share``) are created as the
    system creates them; an existing ``CASEWORKER_HOME`` keeps its mode (it is the user's choice).
    """
    if base is not None and not base.exists():
        base.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if os.name != "posix":
        return
    try:
        info = path.stat()
        if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077)
    except OSError:  # a folder we cannot change still works; the files in it are 0600
        pass


def data_dir() -> Path:
    return _dir("data")


def config_dir() -> Path:
    return _dir("config")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")


def default_database_file(*, create: bool = True) -> Path:
    """The SQLite file in the user data folder; with ``create=False`` nothing is created on disk."""
    return _dir("data", create=create) / "caseworker.sqlite"


def default_database_url(*, create: bool = True) -> str:
    return f"sqlite:///{default_database_file(create=create)}"


def package_dir() -> Path:
    """The ``caseworker_app`` package folder (inside ``_MEIPASS`` when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS")) / "caseworker_app"
    return Path(__file__).resolve().parent


def resource(rel: str) -> Path:
    """A file under the top-level ``resources/`` folder (shipped next to the package when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS")) / "resources" / rel
    installed = package_dir() / "_resources" / rel
    if installed.exists():
        return installed
    return package_dir().parent / "resources" / rel
