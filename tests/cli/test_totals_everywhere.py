"""The totals are the same numbers on every surface: the JSON of ``debtor show``, the schuldoverzicht PDF and the
workspace screen.

Each surface is a reader ``(url, bsn, as_of, tmp_path) -> {totals key: Decimal}`` in :data:`SURFACES`; a surface
may show fewer totals than the JSON (the PDF leaves out zero "regeling"/"pauze" lines), but every total it shows
must equal the position's.  The screen reader reads the workspace's totals panel as displayed text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context, writing
from tests.reports.pdftext import summary_amounts

from caseworker_app.domain.types import BookingKind, EnforcementStep, Middel

from caseworker_app.services import position
from caseworker_app.services.context import Context

Reader = Callable[[str, str, dt.date, Path], dict[str, Decimal]]


def _json_totals(url: str, bsn: str, as_of: dt.date, _tmp: Path) -> dict[str, Decimal]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["debtor", "show", bsn, "--json", "--no-explanation", "--date", as_of.isoformat(),
                         "--database", url])
    assert code == 0
    totals = json.loads(out.getvalue())["totals"]
    return {k: Decimal(v) for k, v in totals.items() if isinstance(v, str)}


def _pdf_totals(url: str, bsn: str, as_of: dt.date, tmp: Path) -> dict[str, Decimal]:
    target = tmp / f"overzicht-{bsn}.pdf"
    assert cli.main(["report", "schuldoverzicht", bsn, "-o", str(target), "--date", as_of.isoformat(),
                     "--database", url]) == 0
    return summary_amounts(target, as_of)


def _screen_totals(url: str, bsn: str, as_of: dt.date, _tmp: Path) -> dict[str, Decimal]:
    """The workspace as an officer sees it: loaded through its own op, totals read off the labels as text."""
    from PySide6.QtWidgets import QApplication

    from caseworker_app.gui import ops
    from caseworker_app.gui.workspace import DebtorWorkspace

    app = QApplication.instance() or QApplication([])
    ctx = open_context(url)
    ops.set_default_pool(ops.SyncPool())
    try:
        workspace = DebtorWorkspace(ctx, position.find_debtor_id(ctx, bsn), as_of=as_of, watch=False)
        workspace.load()
        app.processEvents()
        assert workspace.position is not None and workspace.banner.isHidden()
        shown = workspace.totals.shown_text()
        workspace.deleteLater()
    finally:
        ops.set_default_pool(None)
        ctx.db.dispose()
    # "€ 1.234,56" / "€ -12,00" -> Decimal
    return {key: Decimal(text.replace("€", "").strip().replace(".", "").replace(",", "."))
            for key, text in shown.items()}


SURFACES: dict[str, Reader] = {"json": _json_totals, "pdf": _pdf_totals, "screen": _screen_totals}


def _case(ctx: Context) -> str:
    debtor_id = add_debtor(ctx, bsn="249566758", voornamen="Ayşe", achternaam="Öztürk")
    add_claim(ctx, debtor_id, amount="2345.67", dagtekening=dt.date(2024, 2, 1),
              payments=((dt.date(2024, 6, 3), "345.67"), (dt.date(2025, 1, 15), "100.00")),
              steps=((EnforcementStep.AANMANING, dt.date(2024, 4, 2), "19.00"),
                     (EnforcementStep.DWANGBEVEL, dt.date(2024, 5, 2), "102.00")))
    add_claim(ctx, debtor_id, middel=Middel.KOT, amount="4100.00", dagtekening=dt.date(2025, 2, 1),
              verrekeningen=((dt.date(2025, 7, 1), "250.00"),))
    add_claim(ctx, debtor_id, middel=Middel.ZT, amount="96.00", dagtekening=dt.date(2026, 10, 20))  # not yet due
    paid_claim = add_claim(ctx, debtor_id, middel=Middel.MRB, amount="123.00", dagtekening=dt.date(2024, 8, 1),
                           payments=((dt.date(2024, 11, 1), "123.00"),))
    from caseworker_app.db.models import Booking

    with writing(ctx) as session:  # the late payment got its rente booked (whole euros)
        session.add(Booking(claim_id=paid_claim, kind=BookingKind.RENTE, amount=Decimal("1.00"),
                            booking_date=dt.date(2024, 11, 1), created_by="test"))
    return "249566758"


@pytest.mark.parametrize("as_of", [dt.date(2026, 11, 26), dt.date(2025, 3, 31)])
def test_every_surface_shows_the_same_totals(migrated_db_url: str, tmp_path: Path, as_of: dt.date) -> None:
    ctx = open_context(migrated_db_url)
    bsn = _case(ctx)
    expected = position.get_position_by_bsn(ctx, bsn, as_of).totals.amounts()
    assert expected["open"] > 0 and expected["rente_total"] > 0 and expected["costs"] > 0
    for name, read in SURFACES.items():
        shown = read(migrated_db_url, bsn, as_of, tmp_path)
        assert {"open", "open_belastingdienst", "open_toeslagen", "costs", "rente_total", "paid",
                "verrekend"} <= set(shown), (name, shown)
        for key, value in shown.items():
            assert value == expected[key].quantize(Decimal("0.01")), (name, key, value, expected[key])


def test_demo_debtors_show_the_same_totals(migrated_sqlite_url: str, tmp_path: Path) -> None:
    """Realistic data from the demo generator: ladders, regelingen, kwijtschelding, rente bookings."""
    from caseworker_app.services import demo

    ctx = open_context(migrated_sqlite_url)
    summary = demo.generate(ctx, debtors=40, seed=5, reference_date=dt.date(2026, 11, 26))
    as_of = dt.date(2026, 11, 26)
    checked = 0
    for debtor_id in range(summary.first_debtor_id, summary.last_debtor_id + 1):
        pos = position.get_position(ctx, debtor_id, as_of)
        if pos.totals.claim_count < 3:
            continue
        bsn = pos.debtor.bsn or pos.debtor.rsin
        assert bsn
        expected = pos.totals.amounts()
        for name, read in SURFACES.items():
            for key, value in read(migrated_sqlite_url, bsn, as_of, tmp_path).items():
                assert value == expected[key].quantize(Decimal("0.01")), (name, bsn, key)
        checked += 1
        if checked == 4:
            break
    assert checked == 4


def test_what_is_verjaard_is_shown_apart_on_every_surface(migrated_db_url: str, tmp_path: Path) -> None:
    """A verjaarde claim: its amount is the ``verjaard`` row on the screen, in the JSON and in the PDF, and the
    rente it accrued up to its verjaringsdatum is not counted as rente still to be charged (it is never charged:
    Awb 4:104), so "lopende rente" and "invorderingsrente" hold only what the citizen may still be asked for."""
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, bsn="111222333", voornamen="Bram", achternaam="de Wit")
    add_claim(ctx, debtor_id, amount="900.00", dagtekening=dt.date(2019, 3, 1))  # verjaard since April 2024
    add_claim(ctx, debtor_id, amount="2500.00", dagtekening=dt.date(2025, 3, 1))
    as_of = dt.date(2026, 11, 26)
    pos = position.get_position_by_bsn(ctx, "111222333", as_of)
    old = next(c for c in pos.claims if c.verjaard)
    assert old.rente_accrued > 0  # rente up to the verjaringsdatum, part of what is verjaard
    expected = pos.totals.amounts()
    assert expected["verjaard"] == old.open
    assert expected["rente_accrued"] == sum(c.rente_accrued for c in pos.claims if not c.verjaard) > 0
    assert expected["rente_total"] == sum(c.rente_booked + c.rente_accrued for c in pos.claims if not c.verjaard)
    for name, read in SURFACES.items():
        shown = read(migrated_db_url, "111222333", as_of, tmp_path)
        assert "verjaard" in shown and "rente_total" in shown, (name, shown)
        for key, value in shown.items():
            assert value == expected[key].quantize(Decimal("0.01")), (name, key, value, expected[key])
