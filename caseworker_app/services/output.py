"""Writing a file the user names (PDFs, exports): never silently replacing anything, never half a file.

Every output the application writes on request -- the schuldoverzicht today, decision letters, visit
reports and ``export … -o FILE`` later -- goes through :func:`write_file`, so the rules are the same
everywhere:

* **Refused, also with ``force``** (one Dutch line, nothing touched): an empty name, a folder, a device,
  FIFO or socket, any SQLite file (recognised by its header, not by its name), a SQLite WAL, shared-memory
  or rollback-journal file (by header, or by name next to a SQLite file), the files of the database the
  application has open (:func:`database_files`, even while still empty), and a symbolic link to any of
  these -- links are followed before anything is checked.
* **An existing regular file** is replaced only with ``force=True`` (the command line's ``--force``; a
  GUI passes it after its own "replace?" question).  Through a symbolic link the link's target is
  replaced and the link stays.
* **Atomic**: the content is written to a temporary file in the target's folder (mode 0600: these files
  hold personal data), flushed to disk, and only then published.  Without ``force`` it is published with
  ``link()``, which fails if the name appeared in the meantime -- so even a race cannot replace a file.
  With ``force`` it is renamed over the target.  A failure halfway removes the temporary file, and the
  target is as it was.

What this cannot prevent: with ``force``, a file swapped for a database between the last check and the
rename (microseconds) would be replaced; and on a file system without hard links (some network or FAT
file systems) publishing without ``force`` falls back to check-then-rename.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from caseworker_app.errors import ValidationError

if TYPE_CHECKING:
    from caseworker_app.services.context import Database

#: the first 16 bytes of every SQLite database file
SQLITE_HEADER = b"SQLite format 3\x00"
#: the first 4 bytes of a SQLite write-ahead log (big-endian magic, two checksum variants)
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
#: the first 8 bytes of a SQLite rollback journal
JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
#: the wal-index (``-shm``) starts with its version number, 3007000, in native byte order
SHM_VERSION = (3007000).to_bytes(4, sys.byteorder)
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

_OS_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "uw schijfquotum is op",
    errno.EACCES: "u heeft geen schrijfrechten in die map",
    errno.EPERM: "dit is niet toegestaan",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "het is een map",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische koppelingen",
    errno.EIO: "de schijf gaf een leesfout of schrijffout",
}


def os_reason(exc: OSError) -> str:
    """A Dutch reason for a file-system error (``strerror`` is English)."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason:
        return reason
    name = errno.errorcode.get(exc.errno or 0)
    return f"systeemfout {name}" if name else "onbekende systeemfout"


def database_files(db: Database | None) -> tuple[Path, ...]:
    """The files of ``db`` when it is a SQLite file: the database, its WAL, shared memory and journal."""
    if db is None or db.backend != "sqlite":
        return ()
    name = db.engine.url.database
    if not name or name == ":memory:":
        return ()
    main = Path(name).expanduser().absolute()
    return (main, *(main.with_name(main.name + s) for s in COMPANION_SUFFIXES))


def _refuse(shown: str, reason: str) -> ValidationError:
    return ValidationError("output_protected", path=shown, reason=reason)


def _head(path: Path, size: int = 16) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def _sqlite_kind(path: Path) -> str | None:
    """Why ``path`` (a regular file) belongs to a SQLite database, or None."""
    head = _head(path)
    if head.startswith(SQLITE_HEADER):
        return "het is een database"
    if head[:4] in WAL_MAGICS or head[:8] == JOURNAL_MAGIC or (len(head) >= 4 and head[:4] == SHM_VERSION):
        return "het hoort bij een database"
    return _companion_of_database(path)


def _companion_of_database(path: Path) -> str | None:
    """``x.sqlite-wal`` next to a SQLite ``x.sqlite`` is that database's, whether it exists right now or not."""
    for suffix in COMPANION_SUFFIXES:
        if path.name.endswith(suffix) and _head(path.with_name(path.name[: -len(suffix)])).startswith(SQLITE_HEADER):
            return "het hoort bij een database"
    return None


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_target(
    target: str | os.PathLike[str], *, force: bool = False, protect: Iterable[Path] = ()
) -> Path:
    """Check that ``target`` may be written; return the real path to write (symbolic links followed).

    Raises :class:`ValidationError` (``output_protected``, ``output_exists`` or ``output_unwritable``)
    without touching anything.  :func:`write_file` calls this itself; a command may call it first to
    refuse before doing expensive work.
    """
    shown = os.fspath(target)
    if not shown.strip():
        raise ValidationError("output_unwritable", path="''", reason="er is geen bestandsnaam opgegeven")
    given = Path(shown).expanduser()
    real = Path(os.path.realpath(given))
    protected = list(protect)
    if any(_same_file(real, p) for p in protected):
        raise _refuse(shown, "het is de database die Caseworker nu gebruikt")
    try:
        info = real.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ValidationError("output_unwritable", path=shown, reason=os_reason(exc)) from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(shown, "het is een map")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(shown, "het is een apparaat of een ander speciaal bestand")
        kind = _sqlite_kind(real)
        if kind:
            raise _refuse(shown, kind)
        if not force:
            raise ValidationError("output_exists", path=shown)
    else:
        kind = _companion_of_database(real)
        if kind:
            raise _refuse(shown, kind)
        if os.path.lexists(given) and not force:  # a link to nothing: still a name that is taken
            raise ValidationError("output_exists", path=shown)
    folder = real.parent
    if not folder.is_dir():
        raise ValidationError("output_unwritable", path=shown, reason=f"de map {given.parent} bestaat niet")
    return real


def write_file(
    target: str | os.PathLike[str],
    render: Callable[[IO[bytes]], None],
    *,
    force: bool = False,
    protect: Iterable[Path] = (),
) -> Path:
    """Write what ``render(handle)`` produces to ``target`` under the rules above; returns the path written.

    ``protect`` names files that must never be replaced (pass :func:`database_files` of the open
    database).  File-system errors become ``ValidationError('output_unwritable')`` with a Dutch reason
    ("de schijf is vol", ...).  Any error from ``render`` leaves nothing behind and is re-raised.
    """
    with staged_file(target, render, force=force, protect=protect) as staged:
        return staged.publish()


@contextlib.contextmanager
def staged_file(
    target: str | os.PathLike[str],
    render: Callable[[IO[bytes]], None],
    *,
    force: bool = False,
    protect: Iterable[Path] = (),
) -> Iterator[StagedFile]:
    """Render to a temporary file next to ``target``; the caller publishes it when the rest of its work is done.

    For a file that must exist only together with something else -- a PDF and the audit row saying it was
    made -- the caller opens its transaction inside this block, writes its rows, calls
    :meth:`StagedFile.publish` just before the commit, and commits.  If anything in the block raises after
    the publication (the commit fails), the file is taken back: a new file is removed, a replaced file is put
    back.  Never published, nothing appears.  The rules and errors are those of :func:`write_file`.
    """
    protected = tuple(protect)
    shown = os.fspath(target)
    real = check_target(target, force=force, protect=protected)
    try:
        handle, tmp_name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as exc:
        raise ValidationError("output_unwritable", path=shown, reason=os_reason(exc)) from exc
    staged = StagedFile(Path(tmp_name), real, target, force=force, protect=protected)
    try:
        try:
            with os.fdopen(handle, "wb") as fh:
                render(fh)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise ValidationError("output_unwritable", path=shown, reason=os_reason(exc)) from exc
        yield staged
    except BaseException:
        staged.take_back()
        raise
    finally:
        staged.clean_up()
    if staged.published:
        _sync_folder(real.parent)


class StagedFile:
    """A rendered file waiting next to its target (see :func:`staged_file`)."""

    def __init__(
        self, tmp: Path, real: Path, target: str | os.PathLike[str], *, force: bool, protect: tuple[Path, ...]
    ) -> None:
        self.tmp = tmp
        #: where it goes: the target with symbolic links followed
        self.real = real
        self._target = target
        self._force = force
        self._protect = protect
        self._ours: tuple[int, int] | None = None  # (device, inode) of what we published
        self._replaced: Path | None = None  # a second name for the file we replaced, until the block ends
        self.published = False

    def publish(self) -> Path:
        """Put the file in place, under the same rules as :func:`write_file` (checked again right now)."""
        if self.published:
            raise RuntimeError("a staged file is published once")
        shown = os.fspath(self._target)
        # the world may have changed while we rendered (or committed): check again right before publishing
        check_target(self._target, force=self._force, protect=self._protect)
        info = self.tmp.stat()
        self._ours = (info.st_dev, info.st_ino)
        try:
            if self._force and os.path.lexists(self.real):
                self._replaced = self._second_name(self.real)
            try:
                _publish(self.tmp, self.real, shown, force=self._force)
            except BaseException:
                self._put_back()
                raise
        except OSError as exc:
            raise ValidationError("output_unwritable", path=shown, reason=os_reason(exc)) from exc
        self.published = True
        return self.real

    def _second_name(self, path: Path) -> Path:
        """A hard link to ``path`` under a new name in its folder, so a replaced file can be put back."""
        for _attempt in range(10):
            name = path.with_name(f".{path.name}.{secrets.token_hex(6)}.old")
            try:
                os.link(path, name)
                return name
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                os.replace(path, name)  # no hard links here: move it aside (the name is free for a moment)
                return name
        raise FileExistsError(errno.EEXIST, "no free name for the replaced file", str(path))

    def _put_back(self) -> None:
        if self._replaced is not None:
            os.replace(self._replaced, self.real)
            self._replaced = None

    def take_back(self) -> None:
        """Undo :meth:`publish` (best effort): our file goes, a file we replaced comes back."""
        if not self.published:
            return
        self.published = False
        with contextlib.suppress(OSError):
            info = self.real.stat()
            if (info.st_dev, info.st_ino) != self._ours:
                return  # somebody else's file is there now: leave it
            if self._replaced is not None:
                self._put_back()
            else:
                self.real.unlink()

    def clean_up(self) -> None:
        """Remove the temporary name and the second name of a replaced file (whatever happened)."""
        self.tmp.unlink(missing_ok=True)
        if self._replaced is not None:
            self._replaced.unlink(missing_ok=True)
            self._replaced = None


def _publish(tmp: Path, real: Path, shown: str, *, force: bool) -> None:
    if force:
        os.replace(tmp, real)
        return
    try:
        os.link(tmp, real)  # atomic "create only if absent"
    except FileExistsError:
        raise ValidationError("output_exists", path=shown) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(real):  # no hard links here: check, then rename
            raise ValidationError("output_exists", path=shown) from None
        os.replace(tmp, real)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable (best effort; not every platform can open a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
