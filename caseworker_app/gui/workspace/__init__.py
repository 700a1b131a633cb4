"""The debtor workspace (issue 5): header with flags, claims, totals, timeline, chart and capacity, explained."""

from caseworker_app.gui.workspace.workspace import DebtorWorkspace

__all__ = ["DebtorWorkspace"]
