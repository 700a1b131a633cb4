"""The table models: valid for Qt's model tester, sorted by value (not by text), formatted in Dutch."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from caseworker_app.services import debtors
from caseworker_app.services.dto import ClaimSummary, DebtorSummary

from caseworker_app.gui.models import ClaimsModel, DebtorResultsModel, RowRole, SortRole, sorting_proxy


def _claim(ref: str, balance: str, due: dt.date) -> ClaimSummary:
    return ClaimSummary(
        id=hash(ref) % 1000,
        reference=ref,
        creditor="belastingdienst",
        middel="ib",
        soort="aanslag",
        tijdvak_van=dt.date(2024, 1, 1),
        tijdvak_tot=dt.date(2024, 12, 31),
        dagtekening=due,
        vervaldatum=due,
        ambtshalve=False,
        original_amount=Decimal(balance),
        paid=Decimal("0"),
        verrekend=Decimal("0"),
        reduced=Decimal("0"),
        costs=Decimal("0"),
        rente=Decimal("0"),
        balance=Decimal(balance),
        last_step="aanmaning",
        last_step_date=due,
    )


def test_results_model_passes_model_tester_and_returns_dtos(qtmodeltester, ctx, seeded):
    model = DebtorResultsModel()
    model.set_rows(debtors.search_debtors(ctx, "jansen"))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    row = model.index(0, DebtorResultsModel.NAME).data(RowRole)
    assert isinstance(row, DebtorSummary)
    assert model.index(0, DebtorResultsModel.NAME).data() == row.display_name
    assert model.headerData(DebtorResultsModel.BIRTH_DATE, Qt.Orientation.Horizontal) == "Geboortedatum"


def test_claims_model_passes_model_tester_and_formats_amounts(qtmodeltester):
    model = ClaimsModel()
    model.set_rows([_claim("A1", "1234.5", dt.date(2025, 3, 1)), _claim("B2", "99.99", dt.date(2024, 12, 24))])
    qtmodeltester.check(model)
    assert model.index(0, ClaimsModel.BALANCE).data() == "€ 1.234,50"
    assert model.index(1, ClaimsModel.DUE_DATE).data() == "24-12-2024"
    assert model.index(0, ClaimsModel.PERIOD).data() == "2024"
    assert model.index(0, ClaimsModel.LAST_STEP).data() == "aanmaning (01-03-2025)"
    assert model.total_balance() == Decimal("1334.49")


def test_proxy_sorts_amounts_by_value_not_by_text(qtmodeltester):
    model = ClaimsModel()
    # as text "€ 99,99" > "€ 1.234,50"; by value it is the other way round
    model.set_rows([_claim("A1", "1234.5", dt.date(2025, 3, 1)), _claim("B2", "99.99", dt.date(2024, 12, 24))])
    proxy = sorting_proxy(model)
    qtmodeltester.check(proxy)
    proxy.sort(ClaimsModel.BALANCE, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, ClaimsModel.REFERENCE).data() for r in range(2)] == ["B2", "A1"]
    proxy.sort(ClaimsModel.DUE_DATE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(SortRole) == "A1"


def test_replace_row_emits_data_changed_for_the_row(qtbot):
    model = ClaimsModel()
    model.set_rows([_claim("A1", "10", dt.date(2025, 1, 1)), _claim("B2", "20", dt.date(2025, 1, 2))])
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.replace_row(1, _claim("B3", "30", dt.date(2025, 1, 2)))
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), bottom_right.row()) == (1, 1)
    assert model.index(1, ClaimsModel.REFERENCE).data() == "B3"


def test_periods_read_as_short_as_they_stay_exact():
    from caseworker_app.gui import format as fmt

    assert fmt.period(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == "2024"
    assert fmt.period(dt.date(2025, 7, 1), dt.date(2025, 9, 30)) == "2025 K3"
    assert fmt.period(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == "02-2024"
    assert fmt.period(dt.date(2024, 12, 1), dt.date(2025, 2, 28)) == "01-12-2024 – 28-02-2025"
    assert fmt.period(dt.date(2025, 7, 2), dt.date(2025, 9, 30)) == "02-07-2025 – 30-09-2025"
    assert fmt.period(None, None) == ""
