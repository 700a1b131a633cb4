"""A schuldoverzicht that is written is audited in the same step, or it is not written at all."""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import event, select

from caseworker_app.errors import StorageError, ValidationError
from tests.factories import add_claim, add_debtor, open_context

from caseworker_app.db.models import AuditEntry

from caseworker_app.services import position
from caseworker_app.services.context import Context
from caseworker_app.services.position import report

AS_OF = dt.date(2026, 11, 26)
OLD = b"%PDF- an older letter that must survive"


@pytest.fixture
def case(migrated_db_url: str) -> tuple[Context, position.DebtPosition]:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id, amount="1200.00", dagtekening=dt.date(2025, 3, 1))
    return ctx, position.get_position(ctx, debtor_id, AS_OF)


def report_rows(ctx: Context) -> list[Any]:
    """The audit rows of written letters, as plain rows (entity, entity_id, operation, actor, after)."""
    with ctx.read() as session:
        stmt = (
            select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.operation, AuditEntry.actor, AuditEntry.after)
            .where(AuditEntry.action == "report.schuldoverzicht")
            .order_by(AuditEntry.id)
        )
        return list(session.execute(stmt).all())


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_letter_and_its_audit_row_come_together(case: tuple[Context, position.DebtPosition],
                                                    tmp_path: Path) -> None:
    ctx, pos = case
    target = tmp_path / "overzicht.pdf"
    written = position.write_schuldoverzicht(ctx, pos, target)
    assert written == target.resolve() and target.read_bytes().startswith(b"%PDF-")
    (row,) = report_rows(ctx)
    assert tuple(row[:4]) == (
        "debtors", str(pos.debtor.id), "report.schuldoverzicht", ctx.actor.login)
    assert row.after is not None and row.after["file"] == str(target.resolve())
    assert row.after["open"] == f"{pos.totals.open:.2f}"
    assert leftovers(tmp_path) == []


@pytest.fixture
def audit_refused(case: tuple[Context, position.DebtPosition]) -> Iterator[None]:
    """The database refuses the audit row (the disk under it is full)."""
    ctx, _pos = case

    def refuse(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_LOG"):
            raise OSError(errno.ENOSPC, "No space left on device")

    event.listen(ctx.db.engine, "before_cursor_execute", refuse)
    yield
    event.remove(ctx.db.engine, "before_cursor_execute", refuse)


def test_no_audit_row_means_no_file(case: tuple[Context, position.DebtPosition], audit_refused: None,
                                    tmp_path: Path) -> None:
    ctx, pos = case
    target = tmp_path / "overzicht.pdf"
    with pytest.raises(StorageError):
        position.write_schuldoverzicht(ctx, pos, target)
    assert not target.exists() and leftovers(tmp_path) == []


def test_a_file_that_cannot_be_placed_leaves_no_audit_row(
    case: tuple[Context, position.DebtPosition], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Somebody saves a file under the same name while the letter renders: theirs stays, nothing is audited."""
    ctx, pos = case
    target = tmp_path / "overzicht.pdf"
    from caseworker_app.reports.schuldoverzicht import render_schuldoverzicht as real_render


    def render_then_someone_saves(data: Any, fh: IO[bytes], **kw: Any) -> None:
        real_render(data, fh, **kw)
        target.write_bytes(OLD)

    monkeypatch.setattr(report, "render_schuldoverzicht", render_then_someone_saves)
    with pytest.raises(ValidationError) as info:
        position.write_schuldoverzicht(ctx, pos, target)
    assert info.value.code == "output_exists"
    assert target.read_bytes() == OLD and report_rows(ctx) == [] and leftovers(tmp_path) == []


@pytest.mark.parametrize("existing", [False, True], ids=["new file", "replacing with force"])
def test_a_commit_that_fails_after_the_file_was_placed_takes_it_back(
    case: tuple[Context, position.DebtPosition], tmp_path: Path, existing: bool
) -> None:
    ctx, pos = case
    target = tmp_path / "overzicht.pdf"
    if existing:
        target.write_bytes(OLD)

    def power_cut(_session: Any) -> None:
        raise RuntimeError("the connection went away during COMMIT")

    event.listen(ctx.db.session_factory, "before_commit", power_cut)
    try:
        with pytest.raises(RuntimeError):
            position.write_schuldoverzicht(ctx, pos, target, force=existing)
    finally:
        event.remove(ctx.db.session_factory, "before_commit", power_cut)
    assert (target.read_bytes() == OLD) if existing else not target.exists()
    assert report_rows(ctx) == [] and leftovers(tmp_path) == []
    # the officer tries again: now it works, with one audit row
    position.write_schuldoverzicht(ctx, pos, target, force=existing)
    assert target.read_bytes().startswith(b"%PDF-") and len(report_rows(ctx)) == 1
    assert leftovers(tmp_path) == []


def test_without_the_permission_nothing_is_rendered(case: tuple[Context, position.DebtPosition],
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from caseworker_app.errors import PermissionDeniedError

    ctx, pos = case
    nobody = dataclasses.replace(ctx, actor=dataclasses.replace(ctx.actor, roles=frozenset()))
    rendered: list[bool] = []
    monkeypatch.setattr(report, "render_schuldoverzicht", lambda *_a, **_k: rendered.append(True))
    folder = tmp_path / "brieven"
    folder.mkdir()
    with pytest.raises(PermissionDeniedError):
        position.write_schuldoverzicht(nobody, pos, folder / "x.pdf")
    assert rendered == [] and list(folder.iterdir()) == [] and report_rows(ctx) == []
