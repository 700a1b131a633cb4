"""The totals panel: what is verjaard has its own row, in words, and only when there is any."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from PySide6.QtWidgets import QLabel

from caseworker_app.domain.position_totals import PositionTotals

from caseworker_app.gui.workspace.totals import TotalsPanel

pytestmark = pytest.mark.gui

D = Decimal
BASE = PositionTotals(open=D("2500.00"), open_belastingdienst=D("2500.00"), open_toeslagen=D(0), costs=D(0),
                      rente_booked=D(0), rente_accrued=D("168.00"), paid=D(0), verrekend=D(0), under_regeling=D(0),
                      paused=D(0), claim_count=2, open_claim_count=1, verjaard=D("1071.00"))


def _caption(panel: TotalsPanel, key: str) -> str:
    """The caption an officer reads next to the value (its buddy label)."""
    value = panel.values[key]
    return next(label.text() for label in panel.findChildren(QLabel) if label.buddy() is value)


def test_the_verjaard_row_says_it_is_not_collected(qtbot) -> None:
    panel = TotalsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_totals(BASE)
    assert panel.values["verjaard"].isVisible() and panel.values["verjaard"].text() == "€ 1.071,00"
    assert _caption(panel, "verjaard") == "Verjaard, wordt niet ingevorderd"
    panel.show_totals(replace(BASE, verjaard=D(0)))
    assert not panel.values["verjaard"].isVisible()
    assert panel.values["open"].isVisible()
