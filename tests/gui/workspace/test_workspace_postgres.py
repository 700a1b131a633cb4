"""On PostgreSQL an open workspace hears about changes through LISTEN/NOTIFY instead of polling."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import open_context, writing
from tests.gui.conftest import seed

from caseworker_app.domain.money import format_eur

from caseworker_app.db.models import Booking

from caseworker_app.gui import ops
from caseworker_app.gui.workspace import DebtorWorkspace
from caseworker_app.gui.workspace.refresh import NotifyHub

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


def test_a_payment_booked_by_another_client_refreshes_the_open_workspace(qtbot, migrated_pg_url):
    ctx = open_context(migrated_pg_url)
    other = open_context(migrated_pg_url)  # another officer's Caseworker
    ids = seed(ctx)
    ops.set_default_pool(ops.SyncPool())
    try:
        ws = DebtorWorkspace(ctx, ids.jansen)
        qtbot.addWidget(ws)
        ws.load()
        hub = ws.watcher.hub
        assert hub is not None and not ws.watcher.timer.isActive(), "no polling on PostgreSQL"
        qtbot.waitUntil(lambda: hub.listener is not None and hub.listener.connected.is_set(), timeout=10000)
        ws.claims_filter.setText("zorg")
        paid = ws.position.totals.paid
        with writing(other) as s:
            s.add(Booking(claim_id=ids.jansen_claims[1], kind="betaling", amount=Decimal("-45.00"),
                          booking_date=dt.date(2025, 11, 3), created_by="collega"))
        qtbot.waitUntil(lambda: ws.position.totals.paid == paid + Decimal("45.00"), timeout=10000)
        assert ws.totals.values["paid"].text() == format_eur(paid + Decimal("45.00"))
        assert ws.claims_filter.text() == "zorg"
    finally:
        NotifyHub.stop_all()
        ops.set_default_pool(None)
        other.db.dispose()
        ctx.db.dispose()
