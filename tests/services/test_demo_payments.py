"""The demo's bulk path writes payments as ``services/payments.py`` records them: replayed through the service, a
demo payment that pays a claim off gives the same rows (the split kosten / rente / hoofdsom, the rente booked)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from tests.factories import BSNS, add_debtor, open_context, writing

from caseworker_app.domain.permissions import Permission

from caseworker_app.db.models import Booking, Claim, EnforcementAction, Payment, PaymentAllocation

from caseworker_app.services import demo, payments
from caseworker_app.services.context import Context

REFERENCE = dt.date(2026, 11, 26)
CASES = 12


def _first_payoffs(ctx: Context) -> list[tuple[Payment, PaymentAllocation, Claim]]:
    """Demo payments that pay a claim off as its first credit: the service must then give exactly the same split."""
    found = []
    with ctx.read() as session:
        rows = session.execute(
            select(Payment, PaymentAllocation, Claim)
            .join(PaymentAllocation, PaymentAllocation.payment_id == Payment.id)
            .join(Claim, Claim.id == PaymentAllocation.claim_id)
            .where(Payment.kind == "betaling")
            .order_by(Payment.id)
        ).all()
        for payment, allocation, claim in rows:
            before = session.execute(
                select(Booking.kind, Booking.amount).where(Booking.claim_id == claim.id,
                                                           Booking.booking_date <= payment.payment_date,
                                                           Booking.id < allocation.booking_id)
            ).all()
            if any(kind not in ("kosten", "rente") for kind, _a in before):
                continue  # an earlier credit: the demo then leaves the rente of partial payments to the engine
            owed = claim.original_amount + sum((a for _k, a in before), Decimal(0))
            if owed != payment.amount:
                continue
            session.expunge_all()
            found.append((payment, allocation, claim))
            if len(found) == CASES:
                break
    return found


def test_replayed_through_the_service_a_demo_payoff_books_the_same(migrated_db_url: str, tmp_path: object) -> None:
    source = open_context(migrated_db_url)
    demo.generate(source, debtors=150, seed=11, reference_date=REFERENCE)
    cases = _first_payoffs(source)
    assert len(cases) == CASES
    # not only the easy ones: payments that pay kosten, and late ones that bring invorderingsrente due
    assert any(a.kosten > 0 for _p, a, _c in cases) and any(a.rente > 0 for _p, a, _c in cases)
    replay = open_context(f"sqlite:///{tmp_path}/replay.sqlite")
    bsns = iter([*BSNS, "100000022", "100000034", "100000046", "100000058", "100000071", "100000083",
                 "100000095", "100000113", "100000125"])
    for payment, allocation, claim in cases:
        with source.read() as session:
            kosten = session.execute(select(Booking).where(
                Booking.claim_id == claim.id, Booking.kind == "kosten",
                Booking.booking_date <= payment.payment_date)).scalars().all()
            steps = session.execute(select(EnforcementAction).where(
                EnforcementAction.claim_id == claim.id,
                EnforcementAction.action_date <= payment.payment_date)).scalars().all()
            rente = session.execute(select(Booking.amount).where(Booking.id == allocation.rente_booking_id)
                                    ).scalar_one_or_none() if allocation.rente_booking_id else None
            session.expunge_all()  # keep what was read when the read-only unit rolls back
        bsn = next(bsns)
        debtor = add_debtor(replay, bsn=bsn, achternaam=f"Replay {claim.reference}")
        with writing(replay, Permission.MANAGE_DATABASE) as session:
            copy = Claim(debtor_id=debtor, creditor=claim.creditor, middel=claim.middel, soort=claim.soort,
                         reference=claim.reference, tijdvak_van=claim.tijdvak_van, tijdvak_tot=claim.tijdvak_tot,
                         dagtekening=claim.dagtekening, vervaldatum=claim.vervaldatum, ambtshalve=claim.ambtshalve,
                         original_amount=claim.original_amount)
            session.add(copy)
            session.flush()
            session.add_all([Booking(claim_id=copy.id, kind="kosten", amount=k.amount, booking_date=k.booking_date,
                                     source=k.source, created_by="demo") for k in kosten])
            session.add_all([EnforcementAction(claim_id=copy.id, step=s.step, action_date=s.action_date,
                                               stuit=s.stuit, costs=s.costs, created_by="demo") for s in steps])
        result = payments.record_payment(replay, bsn, payment.amount, payment.payment_date,
                                         kenmerk=claim.reference, today=REFERENCE)
        expected = (claim.reference, allocation.kosten, allocation.rente, allocation.hoofdsom)
        assert [(p.reference, p.kosten, p.rente, p.hoofdsom) for p in result.parts] == [expected], claim.reference
        assert result.unallocated == 0 and result.open_after == 0
        with replay.read() as session:
            booked = session.execute(select(Booking.amount).where(Booking.kind == "rente",
                                                                  Booking.booking_date == payment.payment_date,
                                                                  Booking.claim_id == copy.id)).scalar_one_or_none()
        assert booked == rente, claim.reference
