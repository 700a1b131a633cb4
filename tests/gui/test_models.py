"""The table models: valid for Qt's model tester, sorted by value (not by text), formatted in Dutch."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from caseworker_app.services import debtors
from caseworker_app.services.dto import DebtorSummary

from caseworker_app.gui.models import DebtorResultsModel, RowRole, sorting_proxy


def _debtor(debtor_id: int, name: str, born: dt.date) -> DebtorSummary:
    return DebtorSummary(
        id=debtor_id,
        display_name=name,
        bsn=None,
        rsin=None,
        doelgroep="particulier",
        geboortedatum=born,
        address="Oudegracht 1, 3511 AB Utrecht",
        postcode="3511AB",
        huisnummer=1,
        matched_by="name",
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


def test_proxy_sorts_dates_by_value_not_by_text(qtmodeltester):
    model = DebtorResultsModel()
    # as text "01-01-1995" < "31-12-1980"; by date it is the other way round
    model.set_rows([_debtor(1, "Anna", dt.date(1995, 1, 1)), _debtor(2, "Bram", dt.date(1980, 12, 31))])
    proxy = sorting_proxy(model)
    qtmodeltester.check(proxy)
    proxy.sort(DebtorResultsModel.BIRTH_DATE, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, DebtorResultsModel.NAME).data() for r in range(2)] == ["Bram", "Anna"]
    assert proxy.index(0, DebtorResultsModel.BIRTH_DATE).data() == "31-12-1980"
    proxy.sort(DebtorResultsModel.NAME, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, DebtorResultsModel.NAME).data() == "Bram"


def test_replace_row_emits_data_changed_for_the_row(qtbot):
    model = DebtorResultsModel()
    model.set_rows([_debtor(1, "Anna", dt.date(1995, 1, 1)), _debtor(2, "Bram", dt.date(1980, 12, 31))])
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.replace_row(1, _debtor(2, "Bram de Vries", dt.date(1980, 12, 31)))
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), bottom_right.row()) == (1, 1)
    assert model.index(1, DebtorResultsModel.NAME).data() == "Bram de Vries"


def test_periods_read_as_short_as_they_stay_exact():
    from caseworker_app.gui import format as fmt

    assert fmt.period(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == "2024"
    assert fmt.period(dt.date(2025, 7, 1), dt.date(2025, 9, 30)) == "2025 K3"
    assert fmt.period(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == "02-2024"
    assert fmt.period(dt.date(2024, 12, 1), dt.date(2025, 2, 28)) == "01-12-2024 – 28-02-2025"
    assert fmt.period(dt.date(2025, 7, 2), dt.date(2025, 9, 30)) == "02-07-2025 – 30-09-2025"
    assert fmt.period(None, None) == ""
