"""Maatwerk in the window (issue 10): proposing from the debtor's workspace and the team lead's decisions.

Kept in its own package so the shared workspace and main window only gain a button, a shortcut and a menu entry:
:func:`install_on_workspace` adds "Maatwerk…" (Ctrl+M) to a debtor workspace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QPushButton

if TYPE_CHECKING:
    from caseworker_app.gui.main_window import MainWindow
    from caseworker_app.gui.workspace.workspace import DebtorWorkspace


def install_on_workspace(ws: DebtorWorkspace) -> None:
    """A "Maatwerk…" button in the workspace header and Ctrl+M, opening :class:`.propose_dialog.ProposeDialog`."""
    button = QPushButton(QCoreApplication.translate("Maatwerk", "&Maatwerk…"), ws.header)
    button.setObjectName("maatwerkButton")
    button.setToolTip(QCoreApplication.translate(
        "Maatwerk", "Propose a measure outside the automated process, with its effect in euros (Ctrl+M)"))
    button.setEnabled(False)
    menu = QMenu(button)
    # the shortcut is the workspace's own Ctrl+M below; the menu only shows it
    propose = menu.addAction(QCoreApplication.translate("Maatwerk", "&Propose a measure…") + "\tCtrl+M")
    propose.triggered.connect(lambda: open_propose_dialog(ws))
    letter = menu.addAction(QCoreApplication.translate("Maatwerk", "Decision &letter (PDF)…"))
    letter.triggered.connect(lambda: _save_letter(ws))
    button.setMenu(menu)
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


def _save_letter(ws: DebtorWorkspace) -> None:
    from caseworker_app.gui.maatwerk.letters import save_letter

    save_letter(ws)


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


def install_on_main_window(window: MainWindow) -> None:
    """"Maatwerk besluiten…" (Ctrl+Shift+G) in the Debtor menu: the team lead's queue (``queue_dialog``)."""
    action = QAction(QCoreApplication.translate("Maatwerk", "Decide &maatwerk…"), window)
    action.setObjectName("maatwerkQueueAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+G"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(lambda: open_queue(window))
    window.ui.menuDebtor.addAction(action)
    window.maatwerk_queue_action = action  # type: ignore[attr-defined]


def open_queue(window: MainWindow) -> object | None:
    """Open the queue of maatwerk proposals for a team lead (nothing without the approve permission)."""
    from caseworker_app.domain.permissions import Permission

    from caseworker_app.gui.maatwerk.queue_dialog import QueueDialog

    ctx = window.ctx
    if ctx is None or not ctx.can(Permission.APPROVE):
        from caseworker_app.errors import PermissionDeniedError

        from caseworker_app.gui.errors import show_error

        show_error(window, PermissionDeniedError("permission_denied", login=ctx.actor.login if ctx else "-",
                                                 action="over maatwerk besluiten", roles="teamleider"))
        return None
    dialog = QueueDialog(ctx, window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    window.maatwerk_queue = dialog  # type: ignore[attr-defined]
    return dialog
