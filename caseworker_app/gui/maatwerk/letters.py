"""The decision letter from the window: choose a decided measure of the debtor on screen, save it as PDF.

The PDF is made and saved by ``services.maatwerk.letter.write_besluit`` on the database worker (the file rules of
``services/output.py``: the save dialog asked about replacing, so ``force`` is passed; never a database).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from caseworker_app.gui.workspace.workspace import DebtorWorkspace

DECIDED = ("afgewezen", "gepland", "actief", "beeindigd", "verlopen")



def save_letter(ws: DebtorWorkspace) -> None:
    """Ask which decided measure (when there are several) and where, then write the letter."""
    pos, ctx = ws.position, ws.ctx
    if pos is None or ctx is None:
        return
    decided = [m for m in pos.sections.get("maatwerk", ()) if m.get("status") in DECIDED]
    if not decided:
        QMessageBox.information(ws, QCoreApplication.translate("MaatwerkLetters", "Decision letter"),
                                QCoreApplication.translate("MaatwerkLetters", "This debtor has no decided measure."))
        return
    labels = [f"{m['id']}: {m['soort'].replace('_', ' ')} ({m['status']}, {m['van']})" for m in decided]
    chosen = decided[0]
    if len(decided) > 1:
        text, ok = QInputDialog.getItem(ws, QCoreApplication.translate("MaatwerkLetters", "Decision letter"),
                                        QCoreApplication.translate("MaatwerkLetters", "About which measure?"),
                                        labels, len(labels) - 1, False)
        if not ok:
            return
        chosen = decided[labels.index(text)]
    target, _filter = QFileDialog.getSaveFileName(
        ws, QCoreApplication.translate("MaatwerkLetters", "Save decision letter"),
        f"besluit-maatwerk-{chosen['id']}.pdf", "PDF (*.pdf)")
    if not target:
        return
    measure_id = int(chosen["id"])

    def work() -> object:
        from caseworker_app.services.maatwerk import letter

        return letter.write_besluit(ctx, measure_id, target, force=True)

    def saved(path: object) -> None:
        note = QCoreApplication.translate("MaatwerkLetters", "Decision letter saved: {path}")
        ws.banner.show_state("saved", note.format(path=path))

    ServiceOp(ws, work).success(saved).run()


