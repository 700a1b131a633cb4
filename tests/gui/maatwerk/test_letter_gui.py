"""The decision letter from the window: a decided measure's letter saved as PDF from the workspace's Maatwerk menu."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import login_as

from caseworker_app.domain.types import Role

from caseworker_app.services import maatwerk, position

from caseworker_app.gui.maatwerk import letters
from caseworker_app.gui.workspace import DebtorWorkspace

pytestmark = pytest.mark.gui


def test_the_letter_of_a_decided_measure_is_saved_from_the_workspace(qtbot, ctx, seeded, db_url, sync_ops, tmp_path,
                                                                      monkeypatch):
    today = position.today()
    bea = login_as(ctx, db_url, "bea", Role.CASEWORKER)
    m = maatwerk.propose(bea, "111222333", soort="geen_dwang", van=today, tot=today + dt.timedelta(days=30),
                         reden="Schuldhulp").measure
    maatwerk.decide(ctx, m.id, "goedgekeurd", None)
    ws = DebtorWorkspace(ctx, seeded.jansen, watch=False)
    qtbot.addWidget(ws)
    ws.load()
    target = tmp_path / "brief.pdf"
    monkeypatch.setattr(letters.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    letters.save_letter(ws)
    assert target.read_bytes().startswith(b"%PDF")
    bea.db.dispose()
