"""Recording a payment once at debtor level: a toerekening an officer can check by hand, on both backends."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from caseworker_app.errors import NotFoundError, PermissionDeniedError, ValidationError
from tests.factories import add_claim, add_debtor, login_as, open_context

from caseworker_app.domain.types import EnforcementStep, Middel, Role

from caseworker_app.db.models import AuditEntry, Booking, Payment, PaymentAllocation

from caseworker_app.services import changes, payments, position
from caseworker_app.services.context import Context

D = Decimal
TODAY = dt.date(2026, 11, 30)


def pay(ctx: Context, amount: str, day: dt.date, **kw: object) -> payments.PaymentResult:
    return payments.record_payment(ctx, "111222333", amount, day, today=TODAY, **kw)  # type: ignore[arg-type]


def count(ctx: Context, model: type) -> int:
    with ctx.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


@pytest.fixture
def ctx(migrated_db_url: str) -> Context:
    return open_context(migrated_db_url)


def test_before_the_due_date_kosten_first_then_the_oldest_claim_then_the_next(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    # two claims, not yet due on the payment date: no rente, so every cent is checkable by hand
    old = add_claim(ctx, debtor, amount="300.00", dagtekening=dt.date(2026, 9, 1), reference="OUD",
                    steps=((EnforcementStep.AANMANING, dt.date(2026, 9, 20), "19.00"),))
    add_claim(ctx, debtor, middel=Middel.ZT, amount="500.00", dagtekening=dt.date(2026, 10, 1), reference="JONG")
    result = pay(ctx, "400,00", dt.date(2026, 10, 5))
    assert [(p.reference, p.kosten, p.rente, p.hoofdsom) for p in result.parts] == [
        ("OUD", D("19.00"), D("0.00"), D("300.00")),
        ("JONG", D("0.00"), D("0.00"), D("81.00")),
    ]
    assert result.unallocated == D("0.00") and result.allocated == D("400.00")
    assert result.parts[0].open_after == D("0.00") and result.parts[1].open_after == D("419.00")
    pos = position.get_position(ctx, debtor, dt.date(2026, 10, 5))
    assert result.open_after == pos.totals.open == D("419.00")
    assert {c.reference: c.paid for c in pos.claims} == {"OUD": D("319.00"), "JONG": D("81.00")}
    with ctx.read() as session:
        rows = session.execute(select(PaymentAllocation.claim_id, PaymentAllocation.kosten,
                                      PaymentAllocation.hoofdsom).order_by(PaymentAllocation.id)).all()
    assert next((r[0], r[1], r[2]) for r in rows) == (old, D("19.00"), D("300.00"))


def test_after_the_due_date_the_rente_it_brings_due_is_booked_and_paid_before_the_principal(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="10000.00", dagtekening=dt.date(2024, 1, 10), reference="LAAT")
    day = dt.date(2026, 1, 12)
    result = pay(ctx, "1000.00", day)
    (part,) = result.parts
    assert part.rente > 0 and part.kosten == 0
    assert part.rente == part.rente.to_integral_value()  # invorderingsrente is charged in whole euros (URIW art. 32)
    assert part.rente + part.hoofdsom == D("1000.00")
    pos = position.get_position(ctx, debtor, day)
    (claim,) = pos.claims
    assert claim.rente_booked == part.rente  # booked with the payment (URIW art. 29) ...
    assert claim.open_principal == D("10000.00") - part.hoofdsom  # ... and paid before the principal
    assert result.open_after == pos.totals.open


def test_the_named_claim_goes_first_and_an_order_function_before_it(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="300.00", dagtekening=dt.date(2026, 9, 1), reference="OUD")
    add_claim(ctx, debtor, amount="300.00", dagtekening=dt.date(2026, 9, 2), reference="MIDDEN")
    add_claim(ctx, debtor, amount="300.00", dagtekening=dt.date(2026, 9, 3), reference="JONG")
    day = dt.date(2026, 9, 10)
    named = pay(ctx, "100.00", day, kenmerk=" jong ")  # as typed: case and spaces do not matter
    assert [p.reference for p in named.parts] == ["JONG"] and named.kenmerk == "jong"

    def regeling_first(_session: object, _debtor: int, _day: dt.date, balances: object) -> list[str]:
        return ["MIDDEN"]

    ordered = pay(ctx, "350.00", day, kenmerk="JONG", order=regeling_first)
    assert [(p.reference, p.hoofdsom) for p in ordered.parts] == [("MIDDEN", D("300.00")), ("JONG", D("50.00"))]


def test_more_than_is_open_stays_as_a_tegoed_and_the_position_says_so(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="100.00", dagtekening=dt.date(2026, 9, 1))
    day = dt.date(2026, 9, 10)
    result = pay(ctx, "250.00", day)
    assert result.allocated == D("100.00") and result.unallocated == D("150.00")
    assert any("tegoed" in n for n in result.notes)
    pos = position.get_position(ctx, debtor, day)
    assert pos.totals.open == D("0.00")
    assert [f.label for f in pos.flags if f.code == "tegoed"] == ["Tegoed € 150,00"]
    doc = position.position_to_json(pos)
    assert doc["payments"] == [{"id": result.payment_id, "date": "2026-09-10", "kind": "betaling", "channel": "bank",
                                "amount": "250.00", "kenmerk": None, "allocated": "100.00", "unallocated": "150.00"}]
    # a second payment when nothing is open at all: recorded whole, as tegoed, and the workspace still refreshes
    token = changes.change_token(ctx, debtor)
    again = pay(ctx, "5.00", day)
    assert again.parts == () and again.unallocated == D("5.00")
    assert changes.change_token(ctx, debtor) != token
    assert "Tegoed € 155,00" in [f.label for f in position.get_position(ctx, debtor, day).flags]


@pytest.mark.parametrize(
    ("amount", "reason"),
    [("0", "groter zijn dan nul"), ("-5,00", "groter zijn dan nul"), ("12,505", "niet eenduidig"),
     ("1.234", "niet eenduidig"),
     ("0,001", "niet eenduidig"), ("12,5x", "geen geldig bedrag"), ("1000000000000", "te groot"),
     ("0.001", "twee cijfers"), ("", "geen geldig")],
)
def test_amounts_a_person_can_get_wrong_are_refused_with_a_reason_and_nothing_is_written(
    ctx: Context, amount: str, reason: str
) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor)
    with pytest.raises(ValidationError, match=reason):
        pay(ctx, amount, dt.date(2026, 6, 1))
    assert count(ctx, Payment) == 0


def test_dutch_and_plain_amounts_mean_the_same() -> None:
    assert payments.parse_amount("12,50") == payments.parse_amount("12.50") == payments.parse_amount("€ 12,50")
    assert payments.parse_amount("1.234,56") == D("1234.56")


def test_wrong_dates_kenmerken_and_debtors_are_refused_and_nothing_is_written(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    other = add_debtor(ctx, bsn="123456782", achternaam="Bakker")
    add_claim(ctx, debtor, dagtekening=dt.date(2025, 3, 1), payments=((dt.date(2025, 8, 1), "10.00"),))
    add_claim(ctx, other, reference="VANBAKKER")
    add_claim(ctx, debtor, dagtekening=dt.date(2026, 5, 1), reference="LATER")
    cases = [
        ({"amount": "10", "day": dt.date(2026, 12, 1)}, "toekomst"),
        ({"amount": "10", "day": dt.date(2025, 7, 1)}, "al een betaling"),  # before a payment already booked
        ({"amount": "10", "day": dt.date(2026, 6, 1), "kenmerk": "VANBAKKER"}, "andere schuldenaar"),
        ({"amount": "10", "day": dt.date(2026, 6, 1), "kenmerk": "BESTAATNIET"}, "geen vordering"),
        ({"amount": "10", "day": dt.date(2026, 1, 1), "kenmerk": "LATER"}, "vóór de dagtekening"),
    ]
    for kw, reason in cases:
        with pytest.raises(ValidationError, match=reason):
            pay(ctx, str(kw.pop("amount")), kw.pop("day"), **kw)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        payments.record_payment(ctx, "249566758", "10", dt.date(2026, 6, 1), today=TODAY)
    with pytest.raises(ValidationError):
        payments.record_payment(ctx, "123", "10", dt.date(2026, 6, 1), today=TODAY)
    assert count(ctx, Payment) == 0


def test_every_row_is_audited_under_the_operation_with_the_reason(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="100.00", dagtekening=dt.date(2026, 9, 1))
    result = pay(ctx, "40.00", dt.date(2026, 9, 10), reason="afschrift ING 10-09")
    with ctx.read() as session:
        rows = session.execute(select(AuditEntry.entity, AuditEntry.operation, AuditEntry.reason)
                               .where(AuditEntry.operation == "payment.record")).all()
    assert {r[0] for r in rows} == {"payments", "bookings", "payment_allocations"}
    assert {r[2] for r in rows} == {"afschrift ING 10-09"}
    assert result.payment_id > 0


def test_an_auditor_may_not_book_and_the_database_refuses_a_changed_payment(ctx: Context, migrated_db_url: str) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="100.00", dagtekening=dt.date(2026, 9, 1))
    auditor = login_as(ctx, migrated_db_url, "controle", Role.AUDITOR)
    with pytest.raises(PermissionDeniedError, match="een betaling boeken"):
        payments.record_payment(auditor, "111222333", "10", dt.date(2026, 9, 10), today=TODAY)
    bailiff = login_as(ctx, migrated_db_url, "deurwaarder", Role.BAILIFF)  # the database lets a bailiff book too
    collected = payments.record_payment(bailiff, "111222333", "10", dt.date(2026, 9, 10), channel="deurwaarder",
                                        today=TODAY)
    assert collected.allocated == D("10.00")
    for table in ("payments", "payment_allocations"):
        with pytest.raises(Exception, match="append-only"), ctx.db.engine.begin() as conn:
            conn.execute(text(f"DELETE FROM {table}"))
    assert count(ctx, Payment) == 1


def test_the_ledger_lines_are_what_the_position_reads(ctx: Context) -> None:
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="10000.00", dagtekening=dt.date(2024, 1, 10))
    result = pay(ctx, "1000.00", dt.date(2026, 1, 12))
    with ctx.read() as session:
        lines = session.execute(select(Booking.kind, Booking.amount).where(Booking.booking_date == dt.date(2026, 1, 12))
                                .order_by(Booking.id)).all()
    (part,) = result.parts
    assert [(k, a) for k, a in lines] == [("rente", part.rente), ("betaling", D("-1000.00"))]


def test_rente_left_open_after_the_principal_was_paid_can_still_be_paid(ctx: Context) -> None:
    """The screen says this rente is open; a payment must be able to pay it, not be kept as tegoed."""
    debtor = add_debtor(ctx)
    add_claim(ctx, debtor, amount="10000.00", dagtekening=dt.date(2024, 1, 10), reference="RENTE",
              payments=((dt.date(2026, 1, 12), "10000.00"),))  # the principal paid late, its rente not yet booked
    day = dt.date(2026, 6, 1)
    before = position.get_position(ctx, debtor, day)
    assert before.totals.open > D("100.00")  # the rente the late payment brought due, shown as open
    result = pay(ctx, "100,00", day)
    assert result.unallocated == D("0.00")
    (part,) = result.parts
    assert (part.reference, part.kosten, part.rente, part.hoofdsom) == ("RENTE", D("0.00"), D("100.00"), D("0.00"))
    after = position.get_position(ctx, debtor, day)
    assert after.totals.open == before.totals.open - D("100.00") == result.open_after
