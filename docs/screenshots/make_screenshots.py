"""Regenerate the interface screenshots in docs/img/ from a demo database (offscreen, no display needed).

    .venv/bin/python docs/screenshots/make_screenshots.py

Builds a temporary demo database (services.demo, seed 1), opens the real main window at 1920x1000 (a full-HD
office screen), and grabs: the main window with search results, a debtor tab with claims, the contact edit dialog
with a validation message, the conflict dialog (a second user saves the same debtor meanwhile), and Help > About.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="caseworker-shots-"))
os.environ["CASEWORKER_HOME"] = str(TMP / "home")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from caseworker_app.domain.types import Role  # noqa: E402

from caseworker_app.services import admin, debtors, demo, users  # noqa: E402
from caseworker_app.services.context import Database  # noqa: E402

from caseworker_app.gui import app as gui_app  # noqa: E402
from caseworker_app.gui import ops  # noqa: E402

OUT = ROOT / "docs" / "img"


def spin(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    spin()
    widget.grab().save(str(OUT / name))
    print(f"wrote docs/img/{name}")  # noqa: T201


def main() -> int:
    url = f"sqlite:///{TMP / 'demo.sqlite'}"
    admin.upgrade(url)
    db = Database.open(url)
    ctx = db.login()
    demo.generate(ctx, debtors=300, seed=1, reference_date=dt.date(2026, 11, 1))
    users.add_user(ctx, "collega", "Een Collega", (Role.CASEWORKER,))
    ops.set_default_pool(ops.SyncPool())
    gui_app.create_application()
    from caseworker_app.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1920, 1000)  # a full-HD office screen
    window.ui.splitter.setSizes([560, 1360])
    window.show()
    window.set_context(ctx)
    # a debtor with several claims: the one with the most, among the first names of the alphabet
    candidates = debtors.search_debtors(ctx, "b", limit=200)
    best = max(candidates, key=lambda d: len(debtors.list_claims(ctx, d.id)))
    surname = best.display_name.split()[-1]
    window.ui.searchEdit.setText(surname)
    window.search()
    save(window, "main-window-search.png")

    row = window.results.row_of_debtor(best.id) or 0
    window.open_index(window.ui.resultsView.model().mapFromSource(window.results.index(row, 0)))
    save(window, "debtor-tab-claims.png")

    tab = window.current_tab()
    tab.edit()
    dialog = tab.edit_dialog
    dialog.ui.postcodeEdit.setText("12AB")
    dialog.save()
    save(dialog, "debtor-edit-invalid.png")

    other_db = Database.open(url)
    other = other_db.login("collega")
    debtors.update_debtor(
        other, debtors.get_debtor(other, best.id), {"telefoon": "06-12345678", "email": "nieuw@example.nl"}
    )
    other_db.dispose()
    dialog.ui.postcodeEdit.setText(dialog.base.postcode or "1234AB")
    dialog.ui.telefoonEdit.setText("030-7654321")
    dialog.ui.emailEdit.setText("ander@example.nl")
    dialog.save()
    conflict = dialog.conflict_dialog
    assert conflict is not None, "expected a conflict"
    conflict.resize(640, 420)
    save(conflict, "conflict-dialog.png")
    conflict.reject()

    window.show_about()
    save(window.about_dialog, "about.png")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
