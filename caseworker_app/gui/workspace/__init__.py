"""The debtor workspace (issue 5): header with flags, claims, totals, timeline, chart and capacity, explained.

``DebtorWorkspace`` is imported on first use (about 40 ms of Qt class set-up), so importing a light module of this
package such as :mod:`.recent` at start-up does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caseworker_app.gui.workspace.workspace import DebtorWorkspace

__all__ = ["DebtorWorkspace"]


def __getattr__(name: str) -> Any:
    if name == "DebtorWorkspace":
        from caseworker_app.gui.workspace.workspace import DebtorWorkspace

        return DebtorWorkspace
    raise AttributeError(name)
