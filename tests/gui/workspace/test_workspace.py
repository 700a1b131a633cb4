"""The debtor workspace as an officer uses it: what it shows, explaining figures, staying current, faults."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal

import pytest

from PySide6.QtCore import QModelIndex, QRunnable, Qt
from PySide6.QtWidgets import QLabel, QToolButton

from caseworker_app.errors import StorageError
from tests.factories import writing
from tests.gui.conftest import SQLITE_ONLY

from caseworker_app.domain.explain import Step
from caseworker_app.domain.money import format_eur

from caseworker_app.db.models import Booking, Debtor, FinancialSituation

from caseworker_app.services import position

from caseworker_app.gui import ops
from caseworker_app.gui.models import RowRole
from caseworker_app.gui.workspace import DebtorWorkspace
from caseworker_app.gui.workspace.claims_model import ClaimsTreeModel, NodeRole
from caseworker_app.gui.workspace.explain_dialog import StepsModel
from caseworker_app.gui.workspace.timeline import TimelineModel

pytestmark = pytest.mark.gui


def parse_eur(text: str) -> Decimal:
    """"€ 1.234,56" -> Decimal("1234.56") (what the screen shows, back to a number)."""
    return Decimal(text.replace("€", "").strip().replace(".", "").replace(",", "."))


@pytest.fixture
def workspace(qtbot, ctx, seeded, sync_ops):
    ws = DebtorWorkspace(ctx, seeded.jansen)
    qtbot.addWidget(ws)
    ws.resize(1400, 800)
    ws.show()
    ws.load()
    return ws


def rows_by_text(ws: DebtorWorkspace, parent: QModelIndex | None = None) -> dict[str, QModelIndex]:
    model = ws.claims_proxy
    parent = parent if parent is not None else QModelIndex()
    return {model.index(r, 0, parent).data(): model.index(r, 0, parent) for r in range(model.rowCount(parent))}


def cell(ws: DebtorWorkspace, index: QModelIndex, column: int) -> str:
    return ws.claims_proxy.index(index.row(), column, index.parent()).data()


def claim_index(ws: DebtorWorkspace, reference: str) -> QModelIndex:
    proxy = ws.claims_proxy

    def walk(parent: QModelIndex) -> QModelIndex | None:
        for r in range(proxy.rowCount(parent)):
            index = proxy.index(r, 0, parent)
            node = index.data(NodeRole)
            if node.claim is not None and node.claim.reference == reference:
                return index
            found = walk(index)
            if found is not None:
                return found
        return None

    found = walk(QModelIndex())
    assert found is not None, reference
    return found


def test_header_flags_claims_and_totals_of_a_debtor(workspace, seeded):
    ws = workspace
    assert ws.header.name_label.text() == "Jan Jansen"
    assert ws.header.bsn_value.text() == "111222333"
    assert "Dorpsstraat 12a" in ws.header.address_value.text()
    assert "Marieke Jansen-Smit" in ws.header.household_value.text()
    flags = ws.header.flag_texts()
    assert flags["bestaansminimum"] == "Bestaansminimum beschermd"
    assert flags["samenloop"].startswith("Samenloop")
    assert ws.header.chips["samenloop"].toolTip().startswith("Belastingdienst €")
    assert not ws.header.fraud_chip.isVisibleTo(ws)
    groups = rows_by_text(ws)
    assert set(groups) == {"Belastingdienst (1)", "Dienst Toeslagen (1)"}
    middel = rows_by_text(ws, groups["Belastingdienst (1)"])
    assert list(middel) == ["inkomstenbelasting (1)"]
    ib = claim_index(ws, "1234.56.789.H.46")
    pos = ws.position
    claim = next(c for c in pos.claims if c.reference == "1234.56.789.H.46")
    assert cell(ws, ib, ClaimsTreeModel.ORIGINAL) == "€ 1.234,56"
    assert cell(ws, ib, ClaimsTreeModel.PAID) == "€ 200,00"
    assert cell(ws, ib, ClaimsTreeModel.VERREKEND) == "€ 34,56"
    assert cell(ws, ib, ClaimsTreeModel.COSTS) == "€ 18,00"
    assert cell(ws, ib, ClaimsTreeModel.RENTE) == format_eur(claim.rente_booked + claim.rente_accrued)
    assert parse_eur(cell(ws, ib, ClaimsTreeModel.OPEN)) == claim.open
    assert cell(ws, ib, ClaimsTreeModel.DUE_DATE) == "13-07-2025"
    assert cell(ws, ib, ClaimsTreeModel.STAGE) == "aanmaning (20-08-2025)"
    assert cell(ws, ib, ClaimsTreeModel.STUIT) == "ja"
    assert cell(ws, ib, ClaimsTreeModel.VERJARING) == claim.verjaringsdatum.strftime("%d-%m-%Y")
    # the subtotal of a group is the sum of its claims
    assert parse_eur(cell(ws, groups["Belastingdienst (1)"], ClaimsTreeModel.OPEN)) == claim.open
    shown = {key: parse_eur(text) for key, text in ws.totals.shown_text().items()}
    for key, value in shown.items():
        assert value == pos.totals.amounts()[key], key
    assert shown["open"] == shown["open_belastingdienst"] + shown["open_toeslagen"]
    assert ws.totals.samenloop.isVisibleTo(ws)
    assert ws.banner.isHidden()


def test_claims_sort_within_their_group_and_filter_on_text_and_open_only(qtbot, ctx, sync_ops, qtmodeltester):
    from tests.factories import add_claim, add_debtor

    from caseworker_app.domain.types import Middel

    debtor = add_debtor(ctx, bsn="249566758")
    add_claim(ctx, debtor, amount="100.00", reference="IB-SMALL")
    add_claim(ctx, debtor, amount="900.00", reference="IB-LARGE")
    add_claim(ctx, debtor, amount="50.00", reference="IB-PAID", payments=((dt.date(2025, 3, 20), "50.00"),))
    add_claim(ctx, debtor, middel=Middel.ZT, amount="300.00", reference="ZT-ONE")
    ws = DebtorWorkspace(ctx, debtor, watch=False)
    qtbot.addWidget(ws)
    ws.load()
    qtmodeltester.check(ws.claims_model)
    qtmodeltester.check(ws.claims_proxy)
    ib_group = rows_by_text(ws, rows_by_text(ws)["Belastingdienst (3)"])["inkomstenbelasting (3)"]

    def refs() -> list[str]:
        return [ws.claims_proxy.index(r, 0, ib_group).data() for r in range(ws.claims_proxy.rowCount(ib_group))]

    ws.claims_view.sortByColumn(ClaimsTreeModel.OPEN, Qt.SortOrder.DescendingOrder)
    assert refs() == ["IB-LARGE", "IB-SMALL", "IB-PAID"]  # by amount, not by text ("€ 9" > "€ 1")
    assert list(rows_by_text(ws)) == ["Belastingdienst (3)", "Dienst Toeslagen (1)"]  # groups by their subtotal
    ws.claims_view.sortByColumn(ClaimsTreeModel.OPEN, Qt.SortOrder.AscendingOrder)
    assert list(rows_by_text(ws)) == ["Dienst Toeslagen (1)", "Belastingdienst (3)"]
    assert refs() == ["IB-PAID", "IB-SMALL", "IB-LARGE"]
    ws.open_only.setChecked(True)
    assert "IB-PAID" not in refs() and len(refs()) == 2
    qtbot.keyClicks(ws.claims_filter, "zorgtoeslag")  # the group's name matches: its claims show
    assert list(rows_by_text(ws)) == ["Dienst Toeslagen (1)"]
    assert claim_index(ws, "ZT-ONE").isValid()
    ws.claims_filter.setText("large")
    assert [c.reference for c in [claim_index(ws, "IB-LARGE").data(NodeRole).claim]] == ["IB-LARGE"]
    assert list(rows_by_text(ws)) == ["Belastingdienst (3)"]
    qtmodeltester.check(ws.claims_proxy)


def test_every_model_passes_the_model_tester(qtmodeltester, workspace):
    qtmodeltester.check(workspace.claims_model)
    qtmodeltester.check(workspace.timeline.model)
    qtmodeltester.check(workspace.timeline.proxy)
    steps = StepsModel([Step("Rente", "€ 1,00", parameter="p", valid_from=dt.date(2024, 1, 1), source="Stb.",
                             status="PLACEHOLDER"), Step("Totaal", "€ 1,00")])
    qtmodeltester.check(steps)


def test_timeline_filters_by_kind_and_keeps_the_filter_over_a_reload(workspace):
    tl = workspace.timeline
    total = tl.model.rowCount()
    kinds = {tl.model.index(r, TimelineModel.KIND).data() for r in range(total)}
    assert {"Betalingen", "Verrekeningen", "Invorderingsstappen"} <= kinds
    tl.set_kind_visible("betaling", False)
    shown = {tl.proxy.index(r, TimelineModel.KIND).data() for r in range(tl.proxy.rowCount())}
    assert "Betalingen" not in shown and tl.proxy.rowCount() < total
    workspace.load()  # a refresh must not undo the officer's choice
    assert not tl.kind_buttons["betaling"].isChecked()
    assert "Betalingen" not in {tl.proxy.index(r, TimelineModel.KIND).data() for r in range(tl.proxy.rowCount())}
    days = [tl.model.index(r, 0).data(RowRole).day for r in range(total)]
    assert days == sorted(days, reverse=True)  # newest first


def test_a_claims_figures_are_explained_in_place_with_unconfirmed_marked(qtbot, workspace):
    seen = []
    workspace.explain_requested.connect(lambda title, steps: seen.append((title, steps)))
    ib = claim_index(workspace, "1234.56.789.H.46")
    workspace.claims_view.setCurrentIndex(ib)
    workspace.claims_view.setFocus()
    qtbot.keyClick(workspace.claims_view, Qt.Key.Key_Return)  # keyboard: Enter explains the claim
    title, steps = seen[-1]
    assert "1234.56.789.H.46" in title
    assert steps == position.explain_claim(workspace.position, ib.data(NodeRole).claim.id)
    dialog = workspace.explanation_dialog
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    assert model.rowCount() == len(steps)
    statuses = [model.index(r, StepsModel.STATUS).data() for r in range(model.rowCount())]
    # the status column speaks words: the rente rates before 2024 are SECONDARY in the parameter data -> "voorlopig"
    assert statuses == [s.status_label or "" for s in steps]
    assert "voorlopig" in statuses
    unconfirmed = [s for s in steps if s.unconfirmed]
    assert dialog.warning.isVisibleTo(dialog) == bool(unconfirmed)
    # the mouse: double-click on another claim's interest cell
    zt = claim_index(workspace, "BT2025000123")
    workspace.set_column_shown(ClaimsTreeModel.RENTE, True)  # at this width it is one the header menu shows
    rente_cell = workspace.claims_proxy.index(zt.row(), ClaimsTreeModel.RENTE, zt.parent())
    workspace.claims_view.scrollTo(rente_cell)
    rect = workspace.claims_view.visualRect(rente_cell)
    qtbot.mouseClick(workspace.claims_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(workspace.claims_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "BT2025000123" in seen[-1][0] and workspace.explanation_dialog is not dialog


def test_totals_and_capacity_explain_themselves(workspace, ctx, seeded):
    seen = []
    workspace.explain_requested.connect(lambda title, steps: seen.append((title, steps)))
    workspace.totals.findChild(QToolButton, "explain_open").click()
    title, steps = seen[-1]
    assert steps[-1].description == "Totaal" and steps[-1].value == format_eur(workspace.position.totals.open)
    assert len(steps) == 3  # both open claims, then the total
    with writing(ctx) as s:
        s.add(FinancialSituation(debtor_id=seeded.jansen, peildatum=dt.date(2026, 9, 1),
                                 inkomen_maand=Decimal("2100.00"), woonlasten_maand=Decimal("800.00")))
    workspace.load()
    assert workspace.capacity.findChild(QLabel, "capacity_bvv").text().startswith("€")
    workspace.capacity.findChild(QToolButton, "explain_bvv").click()
    title, steps = seen[-1]
    assert "Beslagvrije voet" in title and steps == workspace.position.capacity.bvv_explanation


def test_a_change_elsewhere_refreshes_without_losing_what_was_typed(qtbot, workspace, ctx, seeded):
    ws = workspace
    qtbot.keyClicks(ws.claims_filter, "inkomsten")
    ws.open_capacity_dialog()
    dialog = ws.capacity_dialog
    dialog.amounts["inkomen_maand"].setText("1.999,99")
    before = ws.position.totals.open
    token = ws.watcher.token
    ws.watcher.check()
    assert ws.watcher.token == token  # nothing changed: nothing reloaded
    with writing(ctx) as s:  # another officer books a payment
        s.add(Booking(claim_id=seeded.jansen_claims[1], kind="betaling", amount=Decimal("-45.00"),
                      booking_date=dt.date(2025, 11, 3), created_by="collega"))
    with qtbot.waitSignal(ws.position_shown, timeout=2000):
        ws.watcher.check()
    now = position.get_position(ctx, seeded.jansen, ws.position.as_of).totals.open
    assert ws.position.totals.open == now and now <= before - Decimal("45.00")  # less rente on top of that
    assert parse_eur(ws.totals.values["open"].text()) == now
    assert ws.claims_filter.text() == "inkomsten"
    assert list(rows_by_text(ws)) == ["Belastingdienst (1)"]  # the filter still applies to the new data
    assert ws.capacity_dialog is dialog and dialog.isVisible()
    assert dialog.amounts["inkomen_maand"].text() == "1.999,99"
    assert ws.banner.state == "updated" and "elders gewijzigd" in ws.banner.text.text()  # said, not hidden


def test_a_poll_that_cannot_reach_the_database_says_so_and_recovers(qtbot, workspace, monkeypatch):
    from caseworker_app.services import changes

    def unreachable(*_args):
        raise StorageError("database_unreachable", detail="verbinding verbroken")

    monkeypatch.setattr(changes, "change_token", unreachable)
    workspace.watcher.check()
    assert workspace.banner.state == "unreachable" and "niet bereikbaar" in workspace.banner.text.text()
    assert workspace.position is not None  # the data stays on screen
    monkeypatch.undo()
    workspace.watcher.check()
    assert workspace.banner.isHidden()


@SQLITE_ONLY
def test_the_poll_runs_on_a_timer_and_on_the_database_worker(qtbot, ctx, seeded, monkeypatch):
    calls = []

    class RecordingPool:
        def start(self, runnable: QRunnable) -> None:
            calls.append(runnable)
            runnable.run()

    monkeypatch.setattr(ops, "_db_pool", RecordingPool())
    ws = DebtorWorkspace(ctx, seeded.jansen)
    qtbot.addWidget(ws)
    ws.load()
    assert len(calls) == 1 and ws.watcher.timer.isActive()
    assert 1000 <= ws.watcher.timer.interval() <= 10000
    ws.watcher.timer.timeout.emit()
    assert len(calls) == 2, "the token is read through the op runner, not on the GUI thread"


def test_a_debtor_deleted_elsewhere_says_so_and_the_tab_stays(qtbot, ctx, seeded, sync_ops):
    ws = DebtorWorkspace(ctx, seeded.bakker_bv)
    qtbot.addWidget(ws)
    ws.show()
    ws.load()
    assert ws.header.name_label.text() == "Bakkerij Müller B.V."
    with writing(ctx) as s:
        s.delete(s.get(Debtor, seeded.bakker_bv))
    with qtbot.waitSignal(ws.deleted, timeout=2000):
        ws.watcher.check()
    assert ws.banner.isVisibleTo(ws) and "verwijderd" in ws.banner.text.text()
    assert ws.header.name_label.text() == "Bakkerij Müller B.V."  # what was shown stays readable
    assert not ws.capacity.correct_button.isEnabled()
    assert not ws.watcher.timer.isActive()
    ws.load()  # "Opnieuw proberen" on a deleted debtor: still the same clear message, no crash
    assert "verwijderd" in ws.banner.text.text()


def test_a_database_that_drops_mid_load_leaves_a_retry(qtbot, workspace, monkeypatch):
    def broken(*_args, **_kwargs):
        raise StorageError("database_unreachable", detail="verbinding verbroken")

    monkeypatch.setattr(position, "get_position", broken)
    workspace.load()
    banner = workspace.banner
    assert banner.state == "error" and banner.retry_button.isVisibleTo(workspace)
    assert "niet bereikbaar" in banner.text.text()
    assert banner.retry_button.text() == "Opnieuw proberen"
    assert workspace.header.name_label.text() == "Jan Jansen"  # the last good data stays
    monkeypatch.undo()
    qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden() and workspace.position is not None


class DeferredPool:
    """Holds ops until the test lets them run (a slow load)."""

    def __init__(self) -> None:
        self.waiting: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.waiting.append(runnable)

    def run_all(self) -> None:
        while self.waiting:
            self.waiting.pop(0).run()


def test_a_slow_load_shows_progress_and_can_be_cancelled(qtbot, ctx, seeded):
    pool = DeferredPool()
    ops.set_default_pool(pool)
    try:
        ws = DebtorWorkspace(ctx, seeded.jansen, watch=False)
        qtbot.addWidget(ws)
        ws.show()
        ws.load()
        assert ws.banner.state == "loading" and ws.banner.progress.isVisibleTo(ws)
        qtbot.mouseClick(ws.banner.cancel_button, Qt.MouseButton.LeftButton)
        assert ws.banner.retry_button.isVisibleTo(ws)
        pool.run_all()
        qtbot.wait(10)  # the (ignored) answer is delivered through the event loop
        assert ws.position is None, "a cancelled load's answer is ignored"
        ws.banner.retry_button.click()
        pool.run_all()
        qtbot.waitUntil(lambda: ws.position is not None, timeout=2000)
        assert ws.banner.isHidden()
    finally:
        ops.set_default_pool(None)


def test_closing_the_tab_while_loading_is_harmless(qtbot, ctx, seeded, caplog):
    pool = DeferredPool()
    ops.set_default_pool(pool)
    try:
        ws = DebtorWorkspace(ctx, seeded.jansen)
        ws.load()
        ws.shutdown()
        pool.run_all()  # the load finishes after its tab closed
        qtbot.wait(10)
        assert ws.position is None, "a closed tab's late answer is ignored, not shown"
        ws.deleteLater()
        qtbot.wait(10)
        # nothing went wrong on the way: no error logged (a late answer delivered to a deleted widget would log
        # "Internal C++ object already deleted" through the ops error hook)
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    finally:
        ops.set_default_pool(None)


def test_capacity_correction_bad_input_keeps_what_was_typed_then_saves(qtbot, workspace, ctx, seeded):
    ws = workspace
    ws.capacity.correct_button.click()
    dialog = ws.capacity_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.amounts["inkomen_maand"].setText("-12")
    dialog.amounts["woonlasten_maand"].setText("750,00")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert "negatief" in dialog.error.text()
    assert dialog.amounts["inkomen_maand"].text() == "-12"
    assert dialog.amounts["woonlasten_maand"].text() == "750,00"
    dialog.amounts["inkomen_maand"].setText("1.850,00")
    with qtbot.waitSignal(ws.position_shown, timeout=2000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    cap = ws.position.capacity
    assert cap is not None and cap.inkomen_maand == Decimal("1850.00") and cap.woonlasten_maand == Decimal("750.00")
    assert ws.capacity.values["inkomen"].text().startswith("€ 1.850,00")


def test_the_chart_draws_both_creditors(qtbot, workspace):
    chart = workspace.chart
    series = chart.series()
    pos = workspace.position
    assert series["belastingdienst"][-1] == pos.monthly_balance[-1].belastingdienst
    assert series["toeslagen"][-1] == pos.monthly_balance[-1].toeslagen
    chart.resize(700, 300)
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 700, 2) for y in range(0, 300, 2)}
    assert "#154273" in colours and "#d45d00" in colours, "both lines are drawn"
    chart.set_data([])
    chart.grab()  # an empty history paints a message, no exception


def test_keyboard_only_filter_shortcut_and_tabs(qtbot, workspace):
    ws = workspace
    ws.activateWindow()
    ws.claims_view.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(ws.claims_view, Qt.Key.Key_F, ctrl_shift)
    assert ws.focusWidget() is ws.claims_filter
    qtbot.keyClicks(ws.claims_filter, "BT2025")
    assert list(rows_by_text(ws)) == ["Dienst Toeslagen (1)"]
    ws.tabs.setCurrentWidget(ws.timeline)
    ws.focus_filter()
    assert ws.focusWidget() is ws.timeline.filter_edit


def test_a_group_subtotal_explains_which_claims_it_adds_up(workspace):
    seen = []
    workspace.explain_requested.connect(lambda title, steps: seen.append((title, steps)))
    group = rows_by_text(workspace)["Belastingdienst (1)"]
    node = group.data(NodeRole)
    workspace.explain_subtotal(node, ClaimsTreeModel.COSTS)
    title, steps = seen[-1]
    assert "Kosten" in title and "Belastingdienst" in title
    assert [s.value for s in steps] == ["€ 18,00", "€ 18,00"] and steps[-1].description == "Subtotaal"


@SQLITE_ONLY
def test_a_database_file_that_goes_away_mid_session_leaves_a_retry(qtbot, workspace, ctx, db_url):
    """Not a simulated error: the SQLite file really disappears (a network share dropping), then comes back."""
    from pathlib import Path

    path = Path(db_url.removeprefix("sqlite:///"))
    ctx.db.engine.dispose()  # the pooled connection would keep the old file open
    path.rename(path.with_suffix(".away"))
    path.mkdir()  # something that is not a database where the file was
    try:
        workspace.load()
        assert workspace.banner.state == "error" and "niet bereikbaar" in workspace.banner.text.text()
        assert workspace.banner.retry_button.isVisibleTo(workspace)
        assert workspace.header.name_label.text() == "Jan Jansen"
    finally:
        path.rmdir()
        path.with_suffix(".away").rename(path)
    qtbot.mouseClick(workspace.banner.retry_button, Qt.MouseButton.LeftButton)
    assert workspace.banner.isHidden() and workspace.position is not None


def _next_step_cell(qtbot, claims) -> tuple[ClaimsTreeModel, dict[str, QModelIndex]]:
    model = ClaimsTreeModel()
    model.set_claims(claims)
    cells = {c.reference: model.index_of_claim(c.reference).siblingAtColumn(ClaimsTreeModel.NEXT_STEP) for c in claims}
    return model, cells


def test_a_blocked_next_step_looks_blocked_and_says_why_in_the_cell(workspace, qtbot):
    from dataclasses import replace

    from PySide6.QtGui import QIcon

    from caseworker_app.domain.rules.ladder import Guard

    from caseworker_app.services.position import NextStepInfo

    base = workspace.position.claims[0]
    blocked = replace(base, reference="BLOCKED1", next_step=NextStepInfo(
        step="vordering", label="vordering", allowed=False, earliest=None, costs=None,
        blocking=(Guard("bestaansminimum", False, (None, None)),)))
    paused = replace(base, reference="BLOCKED2", next_step=NextStepInfo(
        step="dwangbevel", label="dwangbevel", allowed=False, earliest=None, costs=None,
        blocking=(Guard("geen_pauze", False),)))
    free = replace(base, reference="FREE1", next_step=NextStepInfo(
        step="dwangbevel", label="dwangbevel", allowed=True, earliest=None, costs=None))
    _model, cells = _next_step_cell(qtbot, [blocked, paused, free])  # the model must outlive its indexes
    text = cells["BLOCKED1"].data()
    assert text.startswith("vordering") and "beslagvrije voet" in text  # the reason is in the cell itself
    assert "invorderingspauze" in cells["BLOCKED2"].data().lower()
    assert cells["FREE1"].data() == "dwangbevel"
    colour = lambda index: index.data(Qt.ItemDataRole.ForegroundRole)  # noqa: E731
    assert colour(cells["BLOCKED1"]) is not None and colour(cells["FREE1"]) is None
    icon = cells["BLOCKED1"].data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert cells["FREE1"].data(Qt.ItemDataRole.DecorationRole) is None
    assert "Stel eerst de beslagvrije voet vast" in cells["BLOCKED1"].data(Qt.ItemDataRole.ToolTipRole)


def test_a_verjaarde_or_paid_claim_shows_no_next_step(workspace, qtbot):
    from dataclasses import replace

    from caseworker_app.services.position import NextStepInfo

    base = workspace.position.claims[0]
    step = NextStepInfo(step="dwangbevel", label="dwangbevel", allowed=True, earliest=None, costs=None)
    verjaard = replace(base, reference="OLD1", verjaard=True, next_step=step)
    paid = replace(base, reference="PAID1", open=Decimal("0.00"), next_step=step)
    _model, cells = _next_step_cell(qtbot, [verjaard, paid])
    for reference, word in (("OLD1", "verjaard"), ("PAID1", "betaald")):
        text = cells[reference].data()
        assert "dwangbevel" not in text and word in text, text
