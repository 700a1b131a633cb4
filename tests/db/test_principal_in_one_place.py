"""Revision 0010: a claim's principal lives in ``original_amount`` only; the duplicate aanslag booking goes, the
figures stay, the phantom "Correctie aanslag" leaves the timeline, and the removal is audited and chained."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from alembic import command
from sqlalchemy import select, text

from tests.factories import add_claim, add_debtor, open_context, writing

from caseworker_app.domain.permissions import Permission

from caseworker_app.db import migrate
from caseworker_app.db.models import AuditEntry, Booking
from caseworker_app.db.session import create_engine_for_url

from caseworker_app.services import audit_chain, position

DAY = dt.date(2026, 3, 2)


def test_the_duplicate_goes_the_figures_stay_and_the_phantom_correction_is_gone(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="1000.00", dagtekening=DAY, reference="GEWOON")
    shifted = add_claim(ctx, debtor, amount="500.00", dagtekening=DAY, reference="VERSCHOVEN")
    corrected = add_claim(ctx, debtor, amount="300.00", dagtekening=DAY, reference="GECORRIGEERD")
    with writing(ctx, Permission.BOOK_LEDGER) as session:
        # as older versions wrote them: the claim's own aanslag booking, here on another date than the dagtekening
        session.add(Booking(claim_id=shifted, kind="aanslag", amount=Decimal("500.00"),
                            booking_date=DAY + dt.timedelta(days=10), created_by="x"))
        session.add(Booking(claim_id=corrected, kind="aanslag", amount=Decimal("100.00"),  # a real correction
                            booking_date=DAY + dt.timedelta(days=5), description="Verhoging", created_by="x"))
    ctx.db.dispose()
    engine = create_engine_for_url(db_url)
    try:
        command.downgrade(migrate.alembic_config(engine), "0009")  # the old shape: every claim its own booking
        with engine.connect() as conn:
            own = conn.execute(text("SELECT count(*) FROM bookings WHERE kind = 'aanslag'")).scalar_one()
        assert own == 4  # GEWOON and GECORRIGEERD got theirs back on the dagtekening; VERSCHOVEN kept its own
        migrate.upgrade_to_head(engine)
    finally:
        engine.dispose()

    ctx = open_context(db_url)
    as_of = DAY + dt.timedelta(days=20)  # before the vervaldatum: no rente, every figure checkable by hand
    pos = position.get_position(ctx, debtor, as_of)
    assert {c.reference: c.open for c in pos.claims} == {
        "GEWOON": Decimal("1000.00"), "VERSCHOVEN": Decimal("500.00"), "GECORRIGEERD": Decimal("400.00")}
    corrections = [(e.claim_reference, e.amount) for e in pos.timeline if e.title == "Correctie aanslag"]
    assert corrections == [("GECORRIGEERD", Decimal("100.00"))]
    assert pos.monthly_balance[-1].total == Decimal("1900.00")
    with ctx.read(Permission.VIEW_AUDIT) as session:
        remaining = session.execute(select(Booking.claim_id, Booking.amount).where(Booking.kind == "aanslag")).all()
        (entry,) = session.execute(
            select(AuditEntry).where(AuditEntry.operation == "db.principal_in_one_place")).scalars()
        assert entry.before is not None and entry.before["removed"] == 3 and entry.before["sum"] == "1800.00"
    assert [(c, a) for c, a in remaining] == [(corrected, Decimal("100.00"))]
    report = audit_chain.verify(ctx)
    assert report.intact, report.message
