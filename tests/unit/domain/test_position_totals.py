"""The totals every surface shows (issue 8 item 2): what is verjaard is not part of what must be paid."""

from dataclasses import dataclass
from decimal import Decimal

from caseworker_app.domain.position_totals import TOTAL_LABELS, compute_totals

D = Decimal


ZERO = Decimal(0)


@dataclass(frozen=True)
class Amounts:
    creditor: str
    open: Decimal
    costs: Decimal = ZERO
    rente_booked: Decimal = ZERO
    rente_accrued: Decimal = ZERO
    paid: Decimal = ZERO
    verrekend: Decimal = ZERO
    under_regeling: bool = False
    paused: bool = False
    verjaard: bool = False


def test_verjaard_claims_are_outside_open_and_in_verjaard() -> None:
    totals = compute_totals([
        Amounts("belastingdienst", D("1000.00"), costs=D(22)),
        Amounts("belastingdienst", D("700.00"), costs=D(56), verjaard=True, under_regeling=True),
        Amounts("toeslagen", D("300.00"), verjaard=True),
        Amounts("toeslagen", D("250.00"), paused=True),
    ])
    assert totals.open == D("1250.00")
    assert totals.verjaard == D("1000.00")
    assert (totals.open_belastingdienst, totals.open_toeslagen) == (D("1000.00"), D("250.00"))
    assert totals.under_regeling == 0 and totals.paused == D("250.00")
    assert totals.open_claim_count == 2 and totals.claim_count == 4
    assert totals.costs == D(78)  # what was added stays visible, verjaard or not
    assert not totals.samenloop or totals.open_toeslagen > 0
    assert totals.amounts()["verjaard"] == D("1000.00")
    assert TOTAL_LABELS["verjaard"] == "Verjaard, wordt niet ingevorderd"


def test_a_paid_verjaard_claim_adds_nothing() -> None:
    totals = compute_totals(
        [Amounts("belastingdienst", D(0), verjaard=True), Amounts("toeslagen", D(-5), verjaard=True)]
    )
    assert totals.verjaard == 0 and totals.open == D(-5)
