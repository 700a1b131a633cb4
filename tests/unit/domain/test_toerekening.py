"""Toerekening of payments (IW 1990 art. 7; Leidraad Invordering 2008, 7.2-7.3): to the cent, and as properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseworker_app.domain.money import ZERO
from caseworker_app.domain.params import param
from caseworker_app.domain.rules.position import Booking, ClaimFacts, evaluate_claim
from caseworker_app.domain.rules.rente import rente_exact
from caseworker_app.domain.rules.toerekening import (
    Allocation,
    ClaimBalance,
    RenteOverBetaling,
    allocate,
    claim_balance,
)
from caseworker_app.domain.types import BookingKind, ClaimKind, Middel

D = Decimal
PAY_DAY = date(2026, 7, 1)  # vervaldatum 12-04-2026: 78 rente days at 4.3% (URIW 31: April 18 days, May, June)


def facts(amount: str = "1200.00", *, kosten: str | None = "22.00", dagtekening: date = date(2026, 3, 1),
          bookings: tuple[Booking, ...] = (), claim_id: object = 1) -> ClaimFacts:
    lines = list(bookings)
    if kosten:
        lines.insert(0, Booking(BookingKind.KOSTEN, D(kosten), date(2026, 5, 20)))
    return ClaimFacts(kind=ClaimKind.AANSLAG, middel=Middel.IB, dagtekening=dagtekening, bedrag=D(amount),
                      bookings=tuple(lines), claim_id=claim_id)


def balance(f: ClaimFacts, reference: str = "A", day: date = PAY_DAY) -> ClaimBalance:
    return claim_balance(f, day, reference)


def after(f: ClaimFacts, allocation: Allocation, day: date = PAY_DAY) -> ClaimFacts:
    """The claim's facts with the allocation's bookings added (what the service writes)."""
    extra = tuple(Booking(line.kind, line.amount, day) for line in allocation.bookings() if line.claim_id == f.claim_id)
    return replace(f, bookings=(*f.bookings, *extra))


# ----------------------------------------------------------------------------------- within a claim, to the cent


def test_a_partial_payment_pays_kosten_then_the_rente_over_what_it_pays_then_the_principal() -> None:
    result = allocate(D("500.00"), [balance(facts())])
    (part,) = result.claims
    # 500 - 22 kosten = 478 for rente and principal: 474.00 principal carries 474 x 78 x 4.3 / 36000 = 4.41 -> 4 rente
    assert (part.kosten, part.rente, part.hoofdsom, part.rente_due) == (D("22.00"), D("4.00"), D("474.00"), D("4.00"))
    assert result.unallocated == ZERO
    assert rente_exact(D(474), date(2026, 4, 12), PAY_DAY) < 5  # and one cent more principal would not fit
    assert D("474.01") + 4 > 478


def test_paying_everything_is_the_last_payment_and_rente_under_the_threshold_is_not_charged() -> None:
    # rente over 1200 would be 11.18 -> 11, not above the URIW art. 33 threshold of 49 (2026)
    assert param("rente_drempel_laatste_betaling", PAY_DAY).decimal == 49
    result = allocate(D("1222.00"), [balance(facts())])
    (part,) = result.claims
    assert (part.kosten, part.rente, part.hoofdsom) == (D("22.00"), ZERO, D("1200.00"))
    assert result.unallocated == ZERO


def test_rente_above_the_threshold_is_charged_at_the_last_payment() -> None:
    claim = balance(facts("12000.00"))
    assert claim.payoff == D("22.00") + D("111.00") + D("12000.00")  # 12000 x 0.0093166 = 111.80 -> 111
    (part,) = allocate(claim.payoff, [claim]).claims
    assert (part.kosten, part.rente, part.hoofdsom, part.rente_due) == (D(22), D(111), D(12000), D(111))


def test_a_payment_smaller_than_the_kosten_pays_only_kosten_and_books_no_rente() -> None:
    (part,) = allocate(D("10.00"), [balance(facts())]).claims
    assert (part.kosten, part.rente, part.hoofdsom, part.rente_due) == (D(10), ZERO, ZERO, ZERO)


def test_booked_rente_is_paid_before_the_principal() -> None:
    f = facts(bookings=(Booking(BookingKind.RENTE, D("7.00"), date(2026, 6, 1)),))
    (part,) = allocate(D("30.00"), [balance(f)]).claims
    assert (part.kosten, part.rente, part.hoofdsom) == (D(22), D(7), D(1))
    assert part.rente_due == ZERO  # rente over 1 euro paid is nil


def test_an_overpayment_is_kept_as_unallocated_credit() -> None:
    result = allocate(D("1300.00"), [balance(facts())])
    assert result.allocated == D("1222.00")
    assert result.unallocated == D("78.00")


def test_the_engine_reads_the_bookings_back_as_the_same_split() -> None:
    """The ledger lines of an allocation, read by the rules engine, give kosten, rente and principal as allocated."""
    f = facts("5000.00")
    before = evaluate_claim(f, PAY_DAY)
    allocation = allocate(D("1000.00"), [balance(f)])
    (part,) = allocation.claims
    assert part.rente_due > 0
    ev = evaluate_claim(after(f, allocation), PAY_DAY)
    assert ev.open_costs == before.open_costs - part.kosten == 0
    assert ev.open_rente == before.open_rente + part.rente_due - part.rente == 0
    assert ev.open_principal == before.open_principal - part.hoofdsom
    assert ev.rente_booked == part.rente_due


def test_after_paying_off_nothing_is_open() -> None:
    f = facts("12000.00")
    claim = balance(f)
    allocation = allocate(claim.payoff, [claim])
    ev = evaluate_claim(after(f, allocation), PAY_DAY)
    assert ev.ledger_balance == 0 and ev.rente_accrued == 0


def test_a_payment_on_time_carries_no_rente() -> None:
    f = facts(kosten=None)
    claim = balance(f, day=date(2026, 4, 1))
    (part,) = allocate(D("600.00"), [claim]).claims
    assert (part.rente, part.hoofdsom) == (ZERO, D(600))


# ------------------------------------------------------------------------------------------------- across claims


def three() -> list[ClaimBalance]:
    old = facts("300.00", kosten=None, dagtekening=date(2026, 1, 5), claim_id=1)
    middle = facts("400.00", kosten=None, dagtekening=date(2026, 2, 1), claim_id=2)
    new = facts("500.00", kosten=None, dagtekening=date(2026, 3, 1), claim_id=3)
    return [balance(new, "NEW"), balance(old, "OLD"), balance(middle, "MID")]


def test_an_undirected_payment_goes_to_the_oldest_claim_first() -> None:
    result = allocate(D("350.00"), three())
    assert [c.reference for c in result.claims] == ["OLD", "MID"]
    assert result.claims[0].hoofdsom == D(300)
    assert result.claims[0].total + result.claims[1].total == D(350)


def test_a_payment_with_a_kenmerk_goes_to_that_claim_first_then_oldest_first() -> None:
    claims = three()
    new = next(c for c in claims if c.reference == "NEW")
    result = allocate(new.payoff + 10, claims, kenmerk="NEW")
    assert [c.reference for c in result.claims] == ["NEW", "OLD"]
    assert result.claims[0].total == new.payoff
    assert result.claims[1].total == D(10)
    assert result.notes == ()


def test_an_explicit_order_goes_before_the_kenmerk() -> None:
    result = allocate(D("2000.00"), three(), kenmerk="MID", volgorde=("NEW",))
    assert [c.reference for c in result.claims] == ["NEW", "MID", "OLD"]


def test_a_kenmerk_of_a_paid_claim_makes_the_payment_undirected() -> None:
    paid = facts("100.00", kosten=None, dagtekening=date(2026, 3, 1), claim_id=9,
                 bookings=(Booking(BookingKind.BETALING, D("-100.00"), date(2026, 4, 1)),))
    claims = [*three(), balance(paid, "PAID")]
    result = allocate(D("50.00"), claims, kenmerk="PAID")
    assert [c.reference for c in result.claims] == ["OLD"]
    assert "7.3" in result.notes[0] and "PAID" in result.notes[0]


def test_a_verjaarde_claim_gets_nothing() -> None:
    claims = three()
    old = replace(next(c for c in claims if c.reference == "OLD"), verjaard=True)
    claims = [old if c.reference == "OLD" else c for c in claims]
    result = allocate(D("100.00"), claims, kenmerk="OLD")
    assert [c.reference for c in result.claims] == ["MID"]
    assert "verjaard" in result.notes[0]


def test_nothing_open_at_all_leaves_everything_unallocated() -> None:
    assert allocate(D("25.00"), []).unallocated == D(25)


@pytest.mark.parametrize("amount", [D(0), D(-1), D("0.001")])
def test_an_amount_that_is_no_payment_is_refused(amount: Decimal) -> None:
    with pytest.raises(ValueError):
        allocate(amount, three())


def test_bookings_are_rente_then_the_payment_per_claim() -> None:
    f = facts("5000.00")
    lines = allocate(D("1000.00"), [balance(f)]).bookings(BookingKind.VERREKENING)
    assert [(line.kind, line.amount > 0) for line in lines] == [(BookingKind.RENTE, True),
                                                                 (BookingKind.VERREKENING, False)]
    assert -lines[1].amount == D(1000)
    with pytest.raises(ValueError):
        allocate(D(1), [balance(f)]).bookings(BookingKind.KOSTEN)


# -------------------------------------------------------------------------------------------------- properties

amounts = st.integers(min_value=1, max_value=10**9).map(lambda c: D(c).scaleb(-2))


@st.composite
def tracked_claims(draw: st.DrawFn) -> list[ClaimBalance]:
    count = draw(st.integers(min_value=0, max_value=6))
    claims = []
    for n in range(count):
        principal = draw(st.integers(min_value=0, max_value=5 * 10**8)).__index__()
        p = D(principal).scaleb(-2)
        rule = RenteOverBetaling(
            open_principal=p,
            factor=draw(st.sampled_from([D(0), D("0.0093166"), D("0.043"), D("0.21"), D("0.9")])),
            accrued_exact=D(draw(st.integers(min_value=0, max_value=50_000))).scaleb(-2),
            booked=D(draw(st.integers(min_value=0, max_value=300))),
            threshold=draw(st.sampled_from([None, D(23), D(49)])),
        )
        claims.append(ClaimBalance(
            claim_id=n, reference=f"K{n}", dagtekening=date(2020, 1, 1) + timedelta(days=draw(st.integers(0, 2000))),
            vervaldatum=date(2026, 1, 1), open_costs=D(draw(st.integers(0, 20_000))).scaleb(-2),
            open_rente=D(draw(st.integers(0, 20_000))).scaleb(-2), open_principal=p, rente=rule,
            verjaard=draw(st.booleans()) and draw(st.booleans()),
        ))
    return claims


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(amount=amounts, claims=tracked_claims(), directed=st.integers(min_value=-1, max_value=6))
def test_allocation_creates_and_loses_nothing_and_keeps_art_7(
    amount: Decimal, claims: list[ClaimBalance], directed: int
) -> None:
    kenmerk = f"K{directed}" if directed >= 0 else None
    result = allocate(amount, claims, kenmerk=kenmerk)
    # nothing created or lost, in whole cents
    assert result.allocated + result.unallocated == amount
    assert result.unallocated >= 0
    by_id = {c.claim_id: c for c in claims}
    seen = set()
    for part in result.claims:
        claim = by_id[part.claim_id]
        assert part.claim_id not in seen
        seen.add(part.claim_id)
        assert not claim.verjaard
        for value in (part.kosten, part.rente, part.hoofdsom, part.rente_due):
            assert value >= 0 and value == value.quantize(D("0.01"))
        # no claim below zero
        assert part.kosten <= claim.open_costs
        assert part.hoofdsom <= claim.open_principal
        assert part.rente <= claim.open_rente + part.rente_due
        # art. 7: nothing to rente before the kosten are paid, nothing to principal before the rente due is paid
        if part.rente > 0 or part.hoofdsom > 0:
            assert part.kosten == claim.open_costs
        if part.hoofdsom > 0:
            assert part.rente == claim.open_rente + part.rente_due
            assert part.rente_due == claim.rente.due(part.hoofdsom) or part.hoofdsom < claim.open_principal
    # an overpayment only once every claim that can be collected is paid off
    if result.unallocated > 0:
        for claim in claims:
            if claim.verjaard:
                continue
            got = next((p.total for p in result.claims if p.claim_id == claim.claim_id), ZERO)
            assert claim.payoff - got <= D("1.01"), "money left over while a claim is still open"


@st.composite
def engine_claims(draw: st.DrawFn) -> ClaimFacts:
    amount = D(draw(st.integers(min_value=100, max_value=5_000_000))).scaleb(-2)
    dagtekening = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 800)))
    lines = []
    day = dagtekening
    for _ in range(draw(st.integers(0, 4))):
        day += timedelta(days=draw(st.integers(1, 120)))
        kind = draw(st.sampled_from([BookingKind.KOSTEN, BookingKind.RENTE, BookingKind.BETALING]))
        cents = D(draw(st.integers(min_value=1, max_value=50_000))).scaleb(-2)
        lines.append(Booking(kind, cents if kind.is_debit else -cents, day))
    return ClaimFacts(kind=ClaimKind.AANSLAG, middel=Middel.IB, dagtekening=dagtekening, bedrag=amount,
                      bookings=tuple(lines), claim_id=1)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(f=engine_claims(), paid=amounts, later=st.integers(min_value=1, max_value=900))
def test_the_engine_agrees_with_every_allocation(f: ClaimFacts, paid: Decimal, later: int) -> None:
    """Booked as allocated, the engine sees kosten, rente and principal go down by what the allocation says."""
    day = max([f.dagtekening, *(b.date for b in f.bookings)]) + timedelta(days=later)
    claim = claim_balance(f, day, "A")
    before = evaluate_claim(f, day)
    result = allocate(paid, [claim])
    assert result.allocated + result.unallocated == paid
    if not result.claims:
        return
    (part,) = result.claims
    ev = evaluate_claim(after(f, result, day), day)
    assert ev.open_costs == max(before.open_costs, ZERO) - part.kosten or before.open_costs < 0
    assert ev.open_principal == before.open_principal - part.hoofdsom or before.open_principal < 0
    if part.hoofdsom == claim.open_principal and claim.open_principal > 0:
        assert ev.rente_accrued == 0  # paid off: no rente left over
        assert ev.open_rente == 0


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(f=engine_claims(), later=st.integers(min_value=1, max_value=900), share=st.integers(0, 100))
def test_the_closed_form_rente_is_the_engines(f: ClaimFacts, later: int, share: int) -> None:
    """The demo's running figures (RenteOverBetaling) and the engine's what-if give the same rente."""
    day = max([f.dagtekening, *(b.date for b in f.bookings)]) + timedelta(days=later)
    ev = evaluate_claim(f, day)
    if ev.open_principal <= 0:
        return
    due = ev.uiterste_betaaldatum
    tracked = RenteOverBetaling(
        open_principal=ev.open_principal,
        factor=rente_exact(D(1), due, day),
        accrued_exact=sum((rente_exact(a, due, d) for d, a in ev.late_payments), D(0)),
        booked=ev.rente_booked,
        threshold=param("rente_drempel_laatste_betaling", day).decimal,
    )
    engine = claim_balance(f, day, "A").rente
    principal = (ev.open_principal * share / 100).quantize(D("0.01"))
    assert tracked.due(principal) == engine.due(principal)
    assert tracked.due(ev.open_principal) == engine.due(ev.open_principal)


# ------------------------------------------------------------------------------------------------ measure effects


def test_no_rente_over_the_days_of_a_pause_without_rente() -> None:
    from caseworker_app.domain.measures import MeasureKind, effects_of

    f = facts("12000.00")
    pause = effects_of(MeasureKind.INVORDERINGSPAUZE, date(2026, 4, 1), None, onderdelen=("rente",))
    (part,) = allocate(D("1000.00"), [balance(replace(f, effects=pause))]).claims
    assert part.rente == ZERO and part.hoofdsom == D(978)
    (without,) = allocate(D("1000.00"), [balance(f)]).claims
    assert without.rente > 0  # the same payment without the pause carries rente


def test_waived_kosten_are_not_paid() -> None:
    from caseworker_app.domain.measures import MeasureKind, effects_of

    f = facts("1200.00")
    waived = effects_of(MeasureKind.KOSTEN_VERMINDERING, date(2026, 6, 1), date(2026, 6, 30))
    (part,) = allocate(D("100.00"), [balance(replace(f, effects=waived))]).claims
    assert part.kosten == ZERO and part.hoofdsom > D(99)
