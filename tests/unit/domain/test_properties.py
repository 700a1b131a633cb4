"""Property tests: the rules behave sensibly for any input, not only for the examples."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker_app.domain.rules.betalingsregeling import betalingsregeling
from caseworker_app.domain.rules.bvv import beslagvrije_voet
from caseworker_app.domain.rules.rente import count_days, invorderingsrente, rente_exact, rente_factor
from caseworker_app.domain.rules.verjaring import Periode, verjaring
from caseworker_app.domain.types import Creditor, Leefsituatie

amounts = st.decimals(min_value=0, max_value=10_000_000, places=2)
small_amounts = st.decimals(min_value=0, max_value=20_000, places=2)
due_dates = st.dates(min_value=date(2013, 1, 1), max_value=date(2030, 12, 31))
days = st.integers(min_value=0, max_value=3000)
leefsituaties = st.sampled_from(list(Leefsituatie))
# the bvv compensation figures (D, E, H, J, ...) are shipped from 2025/2026; earlier dates are refused by design
peildata = st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31))


@given(amounts, due_dates, days, days)
@settings(deadline=None)  # timing varies on a busy machine; correctness is what is tested
def test_rente_is_monotone_in_time(amount: Decimal, due: date, a: int, b: int) -> None:
    early, late = sorted((a, b))
    r1 = invorderingsrente(amount, due, due + timedelta(days=early)).result
    r2 = invorderingsrente(amount, due, due + timedelta(days=late)).result
    assert r1.exact <= r2.exact
    assert r1.rente <= r2.rente


@given(amounts, amounts, due_dates, days)
@settings(deadline=None)  # timing varies on a busy machine; correctness is what is tested
def test_rente_is_monotone_in_amount(a: Decimal, b: Decimal, due: date, n: int) -> None:
    low, high = sorted((a, b))
    paid = due + timedelta(days=n)
    assert invorderingsrente(low, due, paid).result.rente <= invorderingsrente(high, due, paid).result.rente


@given(st.integers(min_value=0, max_value=1_000_000), due_dates, days, days)
@settings(deadline=None)  # timing varies on a busy machine; correctness is what is tested
def test_splitting_a_payment_changes_the_total_by_at_most_the_rounding(euros: int, due: date, n: int, k: int) -> None:
    """Rente over two parts paid the same day equals rente over the whole, up to one euro of rounding each."""
    paid = due + timedelta(days=n)
    part = Decimal(min(k, euros))
    whole = invorderingsrente(Decimal(euros), due, paid).result
    parts = [invorderingsrente(x, due, paid).result for x in (part, Decimal(euros) - part)]
    # exact rente is additive in the amount (up to Decimal's 28 significant digits)
    assert abs(whole.exact - sum(p.exact for p in parts)) < Decimal("1e-20")
    assert abs(whole.rente - sum(p.rente for p in parts)) < 2


@given(due_dates, days, days)
@settings(deadline=None)  # timing varies on a busy machine; correctness is what is tested
def test_splitting_a_period_never_changes_the_day_count(due: date, n: int, k: int) -> None:
    """Counting a period in two pieces (as at a rate change) gives the same days as counting it whole."""
    start, end = due + timedelta(days=1), due + timedelta(days=1 + n)
    cut = start + timedelta(days=min(k, n))
    first = (due.year, due.month)
    for convention in ("uriw31", "actual"):
        whole = count_days(start, end, first, convention)
        pieces = count_days(start, cut - timedelta(days=1), first, convention) + count_days(cut, end, first, convention)
        assert whole == pieces


@given(st.integers(min_value=0, max_value=1_000_000), due_dates, days)
@settings(deadline=None)  # timing varies on a busy machine; correctness is what is tested
def test_rente_of_a_split_period_stays_within_rounding(euros: int, due: date, n: int) -> None:
    """rente(to d) is the same exact amount however the underlying rate periods are cut: total floor only once."""
    paid = due + timedelta(days=n)
    result = invorderingsrente(Decimal(euros), due, paid).result
    per_period = sum((Decimal(euros) * p.percentage * p.dagen for p in result.periodes), Decimal(0))
    basis = 36000 if rente_factor(due, paid).convention.text == "uriw31" else 36500
    assert abs(result.exact - per_period / basis) < Decimal("1e-20")
    assert result.exact - result.rente < 1
    assert rente_exact(Decimal(euros), due, paid) == result.exact


@given(
    peildata,
    leefsituaties,
    small_amounts,
    st.one_of(st.none(), st.decimals(min_value=0, max_value=200_000, places=2)),
    st.booleans(),
    st.booleans(),
    small_amounts,
)
@settings(max_examples=200, deadline=None)
def test_bvv_never_exceeds_income_nor_falls_below_its_floors(
    day: date, ls: Leefsituatie, income: Decimal, c: Decimal | None, bijstand: bool, nl: bool, partner: Decimal
) -> None:
    result = beslagvrije_voet(
        peildatum=day,
        leefsituatie=ls,
        inkomen_maand=income,
        belastbaar_inkomen_jaar=c,
        bijstand=bijstand,
        woonadres_in_nederland=nl,
        partner_inkomen_maand=partner,
    ).result
    bvv = result.beslagvrije_voet
    assert Decimal(0) <= bvv <= income
    assert bvv + result.afdracht == income
    if result.maximum is not None:
        assert bvv <= result.maximum
    # floor: without partner income the bvv is at least 95% of the smaller of norm and income (475da/475dc);
    # with partner income at least half of that (475db: reduction of at most half)
    alone = beslagvrije_voet(
        peildatum=day,
        leefsituatie=ls,
        inkomen_maand=income,
        belastbaar_inkomen_jaar=c,
        bijstand=bijstand,
        woonadres_in_nederland=nl,
    ).result.beslagvrije_voet
    assert bvv <= alone
    assert bvv >= (alone / 2).quantize(Decimal("0.01")) - Decimal("0.01")


@given(
    peildata,
    leefsituaties,
    small_amounts,
    st.decimals(min_value=Decimal("0.01"), max_value=100_000, places=2),
    st.sampled_from(list(Creditor)),
)
@settings(max_examples=200, deadline=None)
def test_instalments_never_exceed_capacity(
    day: date, ls: Leefsituatie, nbi: Decimal, debt: Decimal, creditor: Creditor
) -> None:
    result = betalingsregeling(
        peildatum=day, leefsituatie=ls, netto_besteedbaar_inkomen_maand=nbi, schuld=debt, schuldeiser=creditor
    ).result
    capacity = (result.betalingscapaciteit_maand * Decimal("0.8")).quantize(Decimal("0.01"))
    if result.besluit == "toegekend":
        assert result.termijnbedrag <= capacity
        assert result.maanden >= 1
        if result.soort != "persoonlijk":
            assert result.termijnbedrag * result.maanden >= debt  # the debt is paid off
    assert result.termijnbedrag <= max(capacity, debt)


@given(
    due_dates,
    st.lists(st.integers(min_value=-400, max_value=4000), max_size=5),
    st.integers(0, 4000),
    st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 400)), max_size=3),
)
@settings(deadline=None)  # timing varies on a busy machine; correctness is what is tested
def test_verjaring_only_moves_later_with_a_stuiting(
    due: date, offsets: list[int], extra: int, uitstel: list[tuple[int, int]]
) -> None:
    stuitingen = [due + timedelta(days=o) for o in offsets]
    periods = [Periode(due + timedelta(days=a), due + timedelta(days=a + n)) for a, n in uitstel]
    before = verjaring(due, stuitingen, periods).result.verjaringsdatum
    after = verjaring(due, [*stuitingen, due + timedelta(days=extra)], periods).result.verjaringsdatum
    assert after >= before
    assert before >= verjaring(due, [], []).result.verjaringsdatum


@given(st.dates(min_value=date(2013, 1, 1), max_value=date(2031, 12, 31)), days)
@settings(max_examples=500, deadline=None)
def test_fast_rente_path_equals_the_explained_one(due: date, n: int) -> None:
    """The prefix-sum path used for 500 claims gives exactly the factor of the period-by-period path."""
    from caseworker_app.domain.rules.rente import _fast_factor

    paid = due + timedelta(days=n)
    fast = _fast_factor(due, paid)
    slow = rente_factor(due, paid).factor
    assert fast is None or abs(fast - slow) < Decimal("1e-24")


@given(
    due_dates,
    st.lists(st.integers(min_value=-400, max_value=4000), max_size=5),
    st.lists(st.tuples(st.integers(-100, 3000), st.integers(0, 400)), max_size=3),
)
@settings(deadline=None)  # timing varies on a busy machine; correctness is what is tested
def test_fast_verjaringsdatum_equals_the_explained_one(
    due: date, offsets: list[int], uitstel: list[tuple[int, int]]
) -> None:
    from caseworker_app.domain.rules.verjaring import verjaringsdatum

    stuitingen = [due + timedelta(days=o) for o in offsets]
    periods = tuple(Periode(due + timedelta(days=a), due + timedelta(days=a + n)) for a, n in uitstel)
    assert verjaringsdatum(due, stuitingen, periods) == verjaring(due, stuitingen, periods).result.verjaringsdatum
