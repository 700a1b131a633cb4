#!/usr/bin/env python3
"""The screenshots and PDF page images in docs/img/ that docs/screenshots.md shows, at 1366x768 and 1920x1080.

    .venv/bin/python scripts/dev/screenshots.py            # builds a demo database (seed 1) in a temporary folder

Offscreen (no display needed).  A first start as an officer meets it: no remembered layout, the window as large
as the screen (maximized, less a task bar), Dutch.  Writes for each size: the main window with a debtor open, the
debtor workspace, the explanation of a claim and of the beslagvrije voet; and once the schuldoverzicht's pages
(``pdftoppm``, 110 dpi).  Look at every picture after a change to the screens or the letter.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="caseworker-shots-"))
OUT = ROOT / "docs" / "img"
#: screen size -> the window's size when maximized (a task bar of 30 pixels)
SIZES = {"1366": (1366, 738), "1920": (1920, 1050)}
AS_OF = dt.date(2026, 12, 1)


def spin(app: object, rounds: int = 8) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()


def save(app: object, widget: object, name: str) -> None:
    spin(app)
    path = OUT / name
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    from caseworker_app.services import admin, debtors, demo, position
    from caseworker_app.services.context import Database

    OUT.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{TMP / 'demo.sqlite'}"
    admin.upgrade(url)
    ctx = Database.open(url).login()
    summary = demo.generate(ctx, debtors=300, seed=1, reference_date=AS_OF)
    bsn = summary.complex_bsns[0]

    from caseworker_app.gui import app as gui_app
    from caseworker_app.gui import ops

    os.environ["CASEWORKER_HOME"] = str(TMP / "home")
    app = gui_app.create_application()
    ops.set_default_pool(ops.SyncPool())
    from caseworker_app.gui import settings as gui_settings
    from caseworker_app.gui.main_window import MainWindow

    for label, (width, height) in SIZES.items():
        os.environ["CASEWORKER_HOME"] = str(TMP / f"home-{label}")  # a first start: nothing remembered
        gui_settings.reset_for_tests(None)
        window = MainWindow()
        window.resize(width, height)  # what showMaximized gives on that screen
        window.show()
        window.set_context(ctx)
        window.ui.searchEdit.setText(bsn)
        window.search()
        tab = window.open_debtor(debtors.search_debtors(ctx, bsn, 5)[0])
        assert tab is not None and tab.workspace.position is not None
        save(app, window, f"main-window-{label}.png")
        ws = tab.workspace
        save(app, ws, f"workspace-{label}.png")
        pos = ws.position
        assert pos is not None
        claim = max((c for c in pos.claims if c.open > 0 and c.costs > 0 and c.rente_accrued > 0),
                    key=lambda c: c.open)
        ws.explain_claim(claim.id)
        dialog = ws.explanation_dialog
        assert dialog is not None
        dialog.resize(min(1100, width - 100), min(640, height - 60))
        save(app, dialog, f"explanation-claim-{label}.png")
        dialog.details.setChecked(True)
        save(app, dialog, f"explanation-claim-details-{label}.png")
        dialog.close()
        if pos.capacity is not None and pos.capacity.beslagvrije_voet is not None:
            ws.explain_capacity("bvv")
            dialog = ws.explanation_dialog
            assert dialog is not None
            dialog.resize(min(1100, width - 100), min(640, height - 60))
            save(app, dialog, f"explanation-bvv-{label}.png")
            dialog.close()
        window.close()
        spin(app)

    from caseworker_app.reports.schuldoverzicht import render_schuldoverzicht

    from caseworker_app.services.position.letter import schuldoverzicht_data

    pos = position.get_position_by_bsn(ctx, bsn, AS_OF)
    pdf = TMP / "schuldoverzicht.pdf"
    with pdf.open("wb") as fh:
        render_schuldoverzicht(schuldoverzicht_data(pos), fh, issued_on=AS_OF)
    for old in OUT.glob("schuldoverzicht-p-*.png"):
        old.unlink()
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise SystemExit("pdftoppm is missing: apt-get install poppler-utils")
    subprocess.run([tool, "-png", "-r", "110", str(pdf), str(OUT / "schuldoverzicht-p")], check=True)
    for page in sorted(OUT.glob("schuldoverzicht-p-*.png")):
        print(f"wrote {page.relative_to(ROOT)}")
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
