"""The SQLite database file on disk: created private, opened read-only when it cannot be written, never by accident.

* **Created only on purpose.**  Only ``create=True`` (``db upgrade``, ``demo``, the GUI's "set up this database")
  creates a missing file; everything else (``db status``, ``debtor show``, a reconnect after the file went away)
  opens with SQLite's ``mode=rw`` and so can never leave an empty file, ``-wal`` or ``-shm`` behind.
* **Private.**  A new file is created with mode 0600 before SQLite sees it; SQLite gives its ``-wal``, ``-shm``
  and ``-journal`` the mode of the database file, so they are 0600 too.  An existing database (or companion)
  of ours that others can read is **tightened** to owner-only, with a warning in the log: a file holding BSNs
  and debts must not be world-readable, and SQLite mode is single-user by design (share through PostgreSQL).
  A file owned by someone else is left alone and only warned about.  The folder of a database the user placed
  is the user's and keeps its mode; Caseworker's own folders are 0700 (:mod:`caseworker_app.paths`).
* **Read-only when it must be.**  A file that is not writable (mode 0444, a read-only mount) or in a folder
  where SQLite cannot create its ``-wal``/``-shm`` is opened ``mode=ro``: through the existing ``-shm`` when
  there is one (a writer may be active), else ``immutable=1`` -- SQLite would otherwise create a ``-shm``
  with the file's read-only mode that later blocks every writer, or fail in a read-only folder.  A WAL with
  changes but no ``-shm`` (an unclean shutdown) cannot be read this way and is refused with that reason.
  Reading works; every unit of work that writes is refused up front with the reason (see
  :func:`caseworker_app.db.session.begin_writing`).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from caseworker_app.errors import SchemaVersionError, StorageError

log = logging.getLogger("caseworker.db")

COMPANIONS = ("-wal", "-shm", "-journal")
PRIVATE_FILE = 0o600


@dataclass(frozen=True)
class SqliteFile:
    """How to open one SQLite file."""

    path: Path
    uri: str  # what sqlite3.connect(..., uri=True) gets
    read_only_reason: str | None  # Dutch: why nothing can be written, or None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None


def create_private(path: Path) -> None:
    """Create ``path`` as an empty owner-only file if it does not exist (an empty file is an empty database)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    except OSError as exc:
        raise StorageError("database_unreachable", detail=_reason(exc, path)) from exc
    os.close(fd)


def prepare(database: str, *, create: bool) -> SqliteFile:
    """Check the file behind ``database`` (a path from the URL) and decide how to open it."""
    path = Path(database).expanduser().absolute()
    folder = path.parent
    if not folder.is_dir():
        raise StorageError("database_unreachable", detail=f"de map {folder} bestaat niet")
    if not path.exists():
        if not create:
            raise SchemaVersionError("database_missing", path=str(path))
        create_private(path)
    elif path.is_dir():
        raise StorageError("database_unreachable", detail=f"{path} is een map, geen databasebestand")
    tighten(path)
    reason = _read_only_reason(path)
    if reason is None:
        _restore_companions(path)
        return SqliteFile(path, f"file:{quote(str(path))}?mode=rw", None)
    shm, wal = (path.with_name(path.name + s) for s in ("-shm", "-wal"))
    if shm.exists():
        # a writer may be active (or was): read through its shared memory, as SQLite coordinates readers
        uri = f"file:{quote(str(path))}?mode=ro"
    elif _has_content(wal):
        # the newest changes are in a WAL that SQLite cannot read without creating a -shm
        raise StorageError("database_readonly", detail=f"{reason}, en de laatste wijzigingen staan nog in {wal.name}")
    else:
        # no writer and nothing in a WAL: read the file as it is.  Without immutable SQLite would create a
        # -shm with the database's read-only mode, which would then stand in the way of every later writer.
        uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
    log.warning("opening %s read-only: %s", path, reason)
    return SqliteFile(path, uri, reason)


def connect(target: SqliteFile, timeout_s: float) -> sqlite3.Connection:
    return sqlite3.connect(target.uri, uri=True, timeout=timeout_s, check_same_thread=False)


def tighten(path: Path) -> None:
    """Make the database file and its companions owner-only where they are ours and others can read them."""
    if os.name != "posix":
        return
    for candidate in (path, *(path.with_name(path.name + s) for s in COMPANIONS)):
        try:
            info = candidate.stat()
        except OSError:
            continue
        loose = stat.S_IMODE(info.st_mode) & 0o077
        if not loose or not stat.S_ISREG(info.st_mode):
            continue
        old = stat.S_IMODE(info.st_mode)
        if info.st_uid != os.geteuid():
            log.warning("%s is readable by others (mode %04o) and not ours to change", candidate, old)
            continue
        try:
            os.chmod(candidate, old & ~0o077)
        except OSError as exc:
            log.warning("%s is readable by others (mode %04o); tightening failed: %s", candidate, old, exc.strerror)
        else:
            log.warning("%s was readable by others: mode %04o tightened to %04o", candidate, old, old & ~0o077)


def _restore_companions(path: Path) -> None:
    """A ``-wal``/``-shm`` of ours that we cannot write (left by an older read-only session) gets owner write back."""
    if os.name != "posix":
        return
    for candidate in (path.with_name(path.name + s) for s in COMPANIONS):
        try:
            info = candidate.stat()
            if info.st_uid == os.geteuid() and stat.S_ISREG(info.st_mode) and not info.st_mode & stat.S_IWUSR:
                os.chmod(candidate, PRIVATE_FILE)
                log.warning("%s was not writable by its owner: mode set to %04o", candidate, PRIVATE_FILE)
        except OSError:
            continue


def _read_only_reason(path: Path) -> str | None:
    if _on_read_only_mount(path):
        return "de schijf is alleen-lezen"
    if not os.access(path, os.W_OK):
        return "het bestand is alleen-lezen"
    if not _folder_writable(path.parent):
        return f"in de map {path.parent} mag niet worden geschreven"
    return None


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _on_read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _reason(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"geen toestemming om {path} aan te maken"
    if exc.errno == errno.EROFS:
        return f"de schijf van {path} is alleen-lezen"
    if exc.errno == errno.ENOSPC:
        return "de schijf is vol"
    return f"{path} kan niet worden aangemaakt"
