"""services.output.write_file: the one writer for every file a user asks for (PDFs now, exports later)."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import IO

import pytest

from caseworker_app.errors import ValidationError

from caseworker_app.services import output


def _writes(data: bytes):  # type: ignore[no-untyped-def]
    def render(fh: IO[bytes]) -> None:
        fh.write(data)

    return render


def test_a_new_file_is_written_with_owner_only_permissions(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    assert output.write_file(target, _writes(b"%PDF-1.4 hello")) == target
    assert target.read_bytes() == b"%PDF-1.4 hello"
    assert target.stat().st_mode & 0o777 == 0o600  # it holds a BSN and debts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_a_failing_render_leaves_nothing_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")

    def half(fh: IO[bytes]) -> None:
        fh.write(b"%PDF half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        output.write_file(target, half, force=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_a_full_disk_says_so_in_dutch_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"

    def full(fh: IO[bytes]) -> None:
        fh.write(b"%PDF")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ValidationError) as info:
        output.write_file(target, full)
    assert info.value.code == "output_unwritable"
    assert "de schijf is vol" in info.value.message and "No space" not in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_appears_while_rendering_is_not_replaced(tmp_path: Path) -> None:
    """The check before rendering is not enough: publishing itself refuses a name that got taken."""
    target = tmp_path / "brief.pdf"

    def racing(fh: IO[bytes]) -> None:
        fh.write(b"%PDF mine")
        target.write_bytes(b"someone else's file")

    with pytest.raises(ValidationError) as info:
        output.write_file(target, racing)
    assert info.value.code == "output_exists"
    assert target.read_bytes() == b"someone else's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_a_file_replaced_by_a_database_while_rendering_is_not_overwritten_even_with_force(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")

    def swap(fh: IO[bytes]) -> None:
        fh.write(b"%PDF mine")
        target.write_bytes(output.SQLITE_HEADER + b"\x00" * 100)

    with pytest.raises(ValidationError) as info:
        output.write_file(target, swap, force=True)
    assert info.value.code == "output_protected"
    assert target.read_bytes().startswith(output.SQLITE_HEADER)


def test_protected_paths_are_refused_even_when_they_do_not_exist_yet(tmp_path: Path) -> None:
    db = tmp_path / "nieuw.sqlite"  # an open database that has not written its first page yet
    with pytest.raises(ValidationError) as info:
        output.write_file(db, _writes(b"%PDF"), force=True, protect=[db])
    assert "de database die Caseworker nu gebruikt" in info.value.message
    assert not db.exists()
