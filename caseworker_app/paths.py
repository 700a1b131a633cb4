"""Every filesystem location the application uses, resolved in one place.

``CASEWORKER_HOME`` (or ``--basedir`` through :func:`set_base_dir`) puts data, config, logs and
cache under one folder: tests and the demo use it so they never touch a user's real database.
Otherwise the platformdirs user folders are used.
"""

from __future__ import annotations

import os
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


def _dir(kind: str) -> Path:
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
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _dir("data")


def config_dir() -> Path:
    return _dir("config")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")


def default_database_file() -> Path:
    return data_dir() / "caseworker.sqlite"


def default_database_url() -> str:
    return f"sqlite:///{default_database_file()}"


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
