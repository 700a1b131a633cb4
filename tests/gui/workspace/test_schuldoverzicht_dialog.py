"""The schuldoverzicht from the debtor workspace: preview, save, print; made off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.reports.pdftext import pdf_info, pdf_text, summary_amounts

from caseworker_app.db.models import AuditEntry

from caseworker_app.gui import ops
from caseworker_app.gui.workspace import DebtorWorkspace
from caseworker_app.gui.workspace import schuldoverzicht as letter

pytestmark = pytest.mark.gui


@pytest.fixture
def sync_render():
    ops.set_cpu_pool(ops.SyncPool())
    yield
    ops.set_cpu_pool(None)


@pytest.fixture
def workspace(qtbot, ctx, seeded, sync_ops, sync_render):
    ws = DebtorWorkspace(ctx, seeded.jansen, watch=False)
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    ws.load()
    return ws


def _open(ws: DebtorWorkspace, qtbot):
    button = ws.findChild(QPushButton, "schuldoverzichtButton")
    assert button is not None and button.isVisible() and button.isEnabled()
    button.click()
    dialog = ws.letter_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(dialog.pages) and dialog.pages[0].has_image, timeout=5000)
    return dialog


def _audit(ctx) -> list[AuditEntry]:
    with ctx.db.session_factory() as s:
        return list(s.execute(select(AuditEntry).where(AuditEntry.action == "report.schuldoverzicht")).scalars())


def test_the_workspace_previews_the_letter(workspace, qtbot):
    dialog = _open(workspace, qtbot)
    assert len(dialog.pages) >= 1
    assert "pagina" in dialog.summary.text() and "€" in dialog.summary.text()
    image = dialog.pages[0].pixmap().toImage()
    dark = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 200  # text, not an empty page


def test_save_writes_the_letter_and_records_it(workspace, ctx, qtbot, tmp_path: Path):
    dialog = _open(workspace, qtbot)
    target = tmp_path / "brief.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_to(str(target))
    text = pdf_text(target)
    assert "Overzicht van uw schulden" in text and "Jan Jansen" in text
    pos = workspace.position
    assert summary_amounts(target, pos.as_of)["open"] == pos.totals.open  # the screen's totals, to the cent
    (entry,) = _audit(ctx)
    assert entry.after is not None and entry.after["via"] == "bestand"
    # a name that is the database (SQLite; a PostgreSQL database has no file: a folder then) is refused in Dutch,
    # and nothing is recorded
    sqlite = ctx.db.backend == "sqlite"
    dialog.save_to(ctx.db.engine.url.database if sqlite else str(tmp_path))
    assert dialog.error.isVisibleTo(dialog) and ("database" if sqlite else "map") in dialog.error.text()
    assert len(_audit(ctx)) == 1


def test_print_sends_every_page_to_the_printer(workspace, ctx, qtbot, tmp_path: Path):
    from PySide6.QtPrintSupport import QPrinter

    dialog = _open(workspace, qtbot)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "afdruk.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        dialog.print_to(printer)
    assert int(pdf_info(out)["Pages"]) == len(dialog.pages)
    assert [(e.after or {}).get("via") for e in _audit(ctx)] == ["afdruk"]


def test_the_menu_of_the_main_window_makes_it_too(window, ctx, seeded, qtbot, sync_render):
    window.set_context(ctx)
    qtbot.keyClicks(window.ui.searchEdit, "111222333")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.keyClick(window.ui.resultsView, Qt.Key.Key_Return)
    tab = window.current_tab()
    assert window.ui.actionSchuldoverzicht.isEnabled()
    tab.workspace.claims_view.setFocus()
    qtbot.keyClick(tab.workspace.claims_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.workspace.letter_dialog
    assert dialog is not None and dialog.isVisible()


def test_making_the_letter_never_runs_on_the_gui_thread(qtbot, ctx, seeded, monkeypatch, tmp_path: Path):
    ops.set_default_pool(None)
    ops.set_cpu_pool(None)
    seen: list[tuple[str, int]] = []
    for name in ("render_pdf", "rasterise", "save_pdf"):
        real = getattr(letter, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            seen.append((_name, threading.get_ident()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(letter, name, spy)
    try:
        ws = DebtorWorkspace(ctx, seeded.jansen, watch=False)
        qtbot.addWidget(ws)
        ws.show()
        with qtbot.waitSignal(ws.position_shown, timeout=10000):
            ws.load()
        ws.open_schuldoverzicht()
        dialog = ws.letter_dialog
        assert dialog is not None
        assert dialog.pdf is None  # not made in the click: the window stays responsive
        qtbot.waitUntil(lambda: bool(dialog.pages) and dialog.pages[0].has_image, timeout=10000)
        with qtbot.waitSignal(dialog.saved, timeout=10000):
            dialog.save_to(str(tmp_path / "x.pdf"))
        gui = threading.get_ident()
        assert {name for name, _ in seen} == {"render_pdf", "rasterise", "save_pdf"}
        assert all(thread != gui for _name, thread in seen)
        QApplication.processEvents()
    finally:
        assert ops.wait_for_done(5000)
        ops.wait_for_render(5000)
