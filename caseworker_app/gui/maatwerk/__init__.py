"""Maatwerk in the window (issue 10): proposing from the debtor's workspace and the team lead's decisions.

Kept in its own package so the shared workspace and main window only gain a button, a shortcut and a menu entry:
:func:`install_on_workspace` adds "Maatwerk…" (Ctrl+M) to a debtor workspace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

if TYPE_CHECKING:
    from caseworker_app.gui.workspace.workspace import DebtorWorkspace


def install_on_workspace(ws: DebtorWorkspace) -> None:
    """A "Maatwerk…" button in the workspace header and Ctrl+M, opening :class:`.propose_dialog.ProposeDialog`."""
    button = QPushButton(QCoreApplication.translate("Maatwerk", "&Maatwerk…"), ws.header)
    button.setObjectName("maatwerkButton")
    button.setToolTip(QCoreApplication.translate(
        "Maatwerk", "Propose a measure outside the automated process, with its effect in euros (Ctrl+M)"))
    button.setEnabled(False)
    button.clicked.connect(lambda: open_propose_dialog(ws))
    ws.header.actions_layout.addWidget(button)
    shortcut = QShortcut(QKeySequence("Ctrl+M"), ws)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(lambda: open_propose_dialog(ws))
    ws.maatwerk_button = button  # type: ignore[attr-defined]

    def shown(_pos: object) -> None:
        from caseworker_app.domain.permissions import Permission

        may = ws.ctx is not None and ws.ctx.can(Permission.PROPOSE_MAATWERK)
        button.setEnabled(may and not ws.is_deleted)
        refused = QCoreApplication.translate("Maatwerk", "Your role may not propose maatwerk.")
        button.setToolTip(button.toolTip() if may else refused)

    ws.position_shown.connect(shown)


def open_propose_dialog(ws: DebtorWorkspace) -> object | None:
    """Open the propose dialog on the position on screen (nothing when none is shown yet or the role may not)."""
    from caseworker_app.domain.permissions import Permission

    from caseworker_app.gui.maatwerk.propose_dialog import ProposeDialog

    if ws.position is None or ws.ctx is None or not ws.ctx.can(Permission.PROPOSE_MAATWERK):
        return None
    dialog = ProposeDialog(ws.ctx, ws.position, ws)
    dialog.proposed.connect(lambda _p: ws.load(quiet=True))
    dialog.open()
    ws.maatwerk_dialog = dialog  # type: ignore[attr-defined]
    return dialog
