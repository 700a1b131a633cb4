#!/usr/bin/env python3
"""Screenshots of the debtor workspace for docs/img/, from a demo database (offscreen).

    caseworker demo --debtors 2000 --seed 1 --database sqlite:////tmp/demo.sqlite   # prints complex BSNs
    python scripts/dev/workspace_screenshots.py --database sqlite:////tmp/demo.sqlite --bsn 804987634

Writes docs/img/workspace-claims.png, -timeline.png, -chart.png, -explain.png and -capacity.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASEWORKER_HOME", tempfile.mkdtemp(prefix="caseworker-shots-"))
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def grab(widget: QWidget, app: QApplication, name: str, out: Path) -> None:
    settle(app)
    path = out / f"workspace-{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--bsn", required=True)
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    parser.add_argument("--size", default="1920x1050")
    parser.add_argument("--also", nargs="*", default=[], help="BSNs opened before (they show under Recent)")
    parser.add_argument("--extra-qm", help="an extra .qm to install (preview translations not yet in resources/)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    from caseworker_app.gui import app as gui_app
    from caseworker_app.gui import i18n, ops

    i18n.install(app, "nl")
    if args.extra_qm:
        from PySide6.QtCore import QTranslator

        extra = QTranslator(app)
        assert extra.load(args.extra_qm), args.extra_qm
        app.installTranslator(extra)
    gui_app.setup_resources(app)
    ops.set_default_pool(ops.SyncPool())

    from caseworker_app.services import position
    from caseworker_app.services.context import Database

    from caseworker_app.gui.workspace import DebtorWorkspace

    ctx = Database.open(args.database).login()
    debtor_id = position.find_debtor_id(ctx, args.bsn)
    width, height = (int(v) for v in args.size.split("x"))
    ws = DebtorWorkspace(ctx, debtor_id, watch=False)
    ws.resize(width, height)
    ws.show()
    ws.load()
    settle(app)
    grab(ws, app, "claims", out)
    ws.tabs.setCurrentIndex(1)
    ws.timeline.set_kind_visible("kosten", False)  # the kind filter in use: no kosten bookings
    grab(ws, app, "timeline", out)
    ws.timeline.set_kind_visible("kosten", True)
    ws.tabs.setCurrentIndex(2)
    grab(ws, app, "chart", out)
    ws.tabs.setCurrentIndex(0)
    assert ws.position is not None, ws.banner.text.text()
    claim = next(c for c in ws.position.claims if c.open > 0 and c.rente_accrued > 0)
    ws.explain_claim(claim.id)
    dialog = ws.explanation_dialog
    assert dialog is not None
    dialog.resize(1240, 600)
    grab(dialog, app, "explain", out)
    dialog.close()
    ws.explain_capacity("bvv")
    dialog = ws.explanation_dialog
    assert dialog is not None
    dialog.resize(1240, 600)
    grab(dialog, app, "explain-bvv", out)
    dialog.close()
    ws.open_capacity_dialog()
    assert ws.capacity_dialog is not None
    grab(ws.capacity_dialog, app, "capacity", out)
    ws.capacity_dialog.reject()
    ws.show_deleted()  # what another user's deletion looks like (the data stays readable)
    grab(ws, app, "deleted", out)
    print({k: round(v * 1000, 1) for k, v in ws.timings.items()})
    ws.close()

    # the workspace as a tab of the main window, with two recently opened debtors in the toolbar
    from caseworker_app.services import debtors

    from caseworker_app.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(width, height)
    window.show()
    window.set_context(ctx)
    for text in (*args.also, args.bsn):
        window.open_debtor(debtors.search_debtors(ctx, text, 5)[0])
    window.ui.searchEdit.setText(args.bsn)
    window.search()
    grab(window, app, "main-window", out)
    window.close()
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
