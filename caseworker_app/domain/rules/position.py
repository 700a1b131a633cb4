"""Claim-level evaluation for the debt-position screen: one call per claim, fast enough for 500 claims.

Usage::

    facts = ClaimFacts(kind=ClaimKind.AANSLAG, middel=Middel.IB, dagtekening=date(2026, 3, 1),
                       bedrag=Decimal("1200.00"),
                       bookings=(Booking(BookingKind.BETALING, Decimal("-200.00"), date(2026, 5, 1)),),
                       steps=(StepTaken(EnforcementStep.AANMANING, date(2026, 5, 20)),))
    ev = evaluate_claim(facts, today=date(2026, 11, 26))
    ev.ledger_balance, ev.rente_accrued, ev.verjaringsdatum, ev.next_step.step, ev.next_step.allowed
    explain_claim(facts, today)   # the Dutch steps behind the figures, on demand (not computed for the list)

ClaimFacts (plain values, no ORM):

* ``bedrag`` is the original assessed principal.  ``bookings`` are the ledger lines after it, signed: debits
  positive (``KOSTEN``, ``RENTE``, an extra ``AANSLAG`` correction), credits negative (``BETALING``,
  ``VERREKENING``, ``VERMINDERING``, ``KWIJTSCHELDING``, ``AFBOEKING``).  Do not repeat the aanslag itself.
* ``uiterste_betaaldatum`` is computed from ``kind`` and ``dagtekening`` when left ``None``.
* ``steps``: enforcement steps taken (aanmaning, dwangbevel, ...), ``uitstel``: periods of uitstel van
  betaling (``tot=None`` means still running), plus flags for a running regeling, a pause, a
  kwijtscheldingsverzoek, fraude, the betalingsperspectief (for the stuiting policy), the date the
  beslagvrije voet was last determined, and the dates an uitstel or kwijtschelding request was refused
  (waiting periods before dwang).

Allocation of payments and verrekeningen follows IW 1990 art. 7: kosten, then rente, then the principal,
in date order.  Verminderingen, kwijtschelding and afboeking lower the principal (any excess then rente,
then kosten).

ClaimEvaluation figures:

* ``principal``: original principal after verminderingen/kwijtschelding/afboeking and extra aanslag debits;
* ``paid`` / ``verrekend``: sums of payments and verrekeningen (positive numbers);
* ``costs`` / ``rente_booked``: kosten and rente already booked;
* ``open_principal`` / ``open_costs`` / ``open_rente`` and ``ledger_balance`` (debits minus credits);
* ``rente_accrued``: invorderingsrente accrued until ``today`` and not yet charged, rounded down to whole euros:
  rente over each late principal payment plus rente over the open principal as if it were paid today, minus
  the rente already booked (never negative).  Once the principal is paid the last payment is known, and rente of
  at most the threshold over it is not charged (URIW art. 33); while principal is open the threshold is not
  applied (which payment will be the last is not known yet);
* ``verjaringsdatum`` / ``verjaard`` and the stuiting advice (``stuiten``, ``stuiten_reden``);
* ``stage`` (highest rung taken) and ``next_step`` with every guard and its reason;
* ``kosten_volgende_stap``: the tariff of the next step on ``today`` (``None`` when no step is next).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from caseworker_app.domain.explain import Explanation, Step
from caseworker_app.domain.money import ZERO, floor_euros, format_date, format_eur
from caseworker_app.domain.params import param
from caseworker_app.domain.rules.common import ONE_DAY
from caseworker_app.domain.rules.kosten import vervolgingskosten_bedrag
from caseworker_app.domain.rules.ladder import NextStep, StepTaken, next_step
from caseworker_app.domain.rules.rente import invorderingsrente, rente_exact
from caseworker_app.domain.rules.termijnen import uiterste_betaaldatum as compute_due
from caseworker_app.domain.rules.verjaring import (
    Periode,
    stuiten_advies,
    stuiten_advies_kort,
    verjaring,
    verjaringsdatum,
)
from caseworker_app.domain.types import BookingKind, ClaimKind, Creditor, EnforcementStep, Middel, label

__all__ = [
    "Booking",
    "ClaimEvaluation",
    "ClaimFacts",
    "NextStep",
    "Periode",
    "StepTaken",
    "Uitstel",
    "evaluate_claim",
    "evaluate_claims",
    "explain_claim",
]


@dataclass(frozen=True, slots=True)
class Booking:
    kind: BookingKind
    amount: Decimal  # signed: debits +, credits -
    date: date


@dataclass(frozen=True, slots=True)
class Uitstel:
    van: date
    tot: date | None = None  # None: still running


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    kind: ClaimKind
    middel: Middel
    dagtekening: date
    bedrag: Decimal
    uiterste_betaaldatum: date | None = None
    bookings: tuple[Booking, ...] = ()
    steps: tuple[StepTaken, ...] = ()
    uitstel: tuple[Uitstel, ...] = ()
    under_regeling: bool = False
    paused: bool = False
    kwijtschelding_verzoek: bool = False
    fraude: bool = False
    betalingsperspectief: bool | None = None
    bvv_vastgesteld_op: date | None = None
    uitstel_afgewezen_op: date | None = None
    kwijtschelding_afgewezen_op: date | None = None
    claim_id: object = None

    @property
    def creditor(self) -> Creditor:
        return self.middel.creditor

    def due_date(self) -> date:
        return self.uiterste_betaaldatum or compute_due(self.kind, self.dagtekening)


@dataclass(frozen=True, slots=True)
class ClaimEvaluation:
    claim_id: object
    today: date
    uiterste_betaaldatum: date
    principal: Decimal
    paid: Decimal
    verrekend: Decimal
    costs: Decimal
    rente_booked: Decimal
    open_principal: Decimal
    open_costs: Decimal
    open_rente: Decimal
    ledger_balance: Decimal
    rente_accrued: Decimal
    verjaringsdatum: date
    verjaard: bool
    stuiten: bool
    stuiten_reden: str
    enforcement_stage: EnforcementStep | None
    next_step: NextStep
    kosten_volgende_stap: Decimal | None
    late_payments: tuple[tuple[date, Decimal], ...] = field(default=(), repr=False)


_CREDIT_PAYMENTS = frozenset({BookingKind.BETALING, BookingKind.VERREKENING})


def _closed_uitstel(uitstel: tuple[Uitstel, ...], today: date) -> tuple[Periode, ...]:
    if not uitstel:
        return ()
    return tuple(Periode(u.van, u.tot if u.tot is not None else max(today, u.van)) for u in uitstel)


def evaluate_claim(facts: ClaimFacts, today: date) -> ClaimEvaluation:
    due = facts.due_date()
    principal = facts.bedrag
    open_principal = facts.bedrag
    open_costs = open_rente = ZERO
    paid = verrekend = costs = rente_booked = ZERO
    balance = facts.bedrag
    late: list[tuple[date, Decimal]] = []
    stuitingen = [s.date for s in facts.steps if s.step.stuit]
    for booking in sorted(facts.bookings, key=lambda b: b.date):
        kind, amount = booking.kind, booking.amount
        balance += amount
        if kind is BookingKind.KOSTEN:
            costs += amount
            open_costs += amount
        elif kind is BookingKind.RENTE:
            rente_booked += amount
            open_rente += amount
        elif kind is BookingKind.AANSLAG:
            principal += amount
            open_principal += amount
        elif kind in _CREDIT_PAYMENTS:
            credit = -amount
            if kind is BookingKind.BETALING:
                paid += credit
            else:
                verrekend += credit
                stuitingen.append(booking.date)  # beschikking tot verrekening stuit (Awb 4:106)
            part = min(credit, open_costs) if open_costs > 0 else ZERO
            open_costs -= part
            credit -= part
            part = min(credit, open_rente) if open_rente > 0 else ZERO
            open_rente -= part
            credit -= part
            part = min(credit, open_principal) if open_principal > 0 else ZERO
            open_principal -= part
            credit -= part
            if part > 0 and booking.date > due + ONE_DAY:
                late.append((booking.date, part))
            open_principal -= credit  # overpayment shows as a negative principal
        else:  # vermindering, kwijtschelding, afboeking lower the principal first
            credit = -amount
            principal -= credit
            part = min(credit, open_principal) if open_principal > 0 else ZERO
            open_principal -= part
            credit -= part
            part = min(credit, open_rente) if open_rente > 0 else ZERO
            open_rente -= part
            credit -= part
            open_costs -= credit
    exact = ZERO
    for day, amount in late:
        exact += rente_exact(amount, due, day)
    if open_principal > 0 and today > due + ONE_DAY:
        exact += rente_exact(open_principal, due, today)
    elif late and open_principal <= 0:
        # the principal is paid: its last payment is known, and rente of at most the threshold over that
        # payment is not charged (URIW art. 33)
        last_day, last_amount = late[-1]
        last_rente = floor_euros(rente_exact(last_amount, due, last_day))
        if last_rente <= param("rente_drempel_laatste_betaling", last_day).decimal:
            exact -= rente_exact(last_amount, due, last_day)
    rente_accrued = max(ZERO, floor_euros(exact) - rente_booked)
    uitstel = _closed_uitstel(facts.uitstel, today)
    verj_date = verjaringsdatum(due, stuitingen, uitstel)
    positive = balance > 0
    advice = stuiten_advies_kort(
        verj_date, today, facts.creditor, positive, fraude=facts.fraude, betalingsperspectief=facts.betalingsperspectief
    )
    nxt = next_step(
        today=today,
        uiterste_betaaldatum=due,
        balance_positive=positive,
        verjaringsdatum=verj_date,
        steps=facts.steps,
        uitstel=uitstel,
        under_regeling=facts.under_regeling,
        paused=facts.paused,
        kwijtschelding_verzoek=facts.kwijtschelding_verzoek,
        bvv_vastgesteld_op=facts.bvv_vastgesteld_op,
        uitstel_afgewezen_op=facts.uitstel_afgewezen_op,
        kwijtschelding_afgewezen_op=facts.kwijtschelding_afgewezen_op,
    )
    next_costs = None
    if nxt.step is not None and positive:
        next_costs = vervolgingskosten_bedrag(nxt.step, max(today, nxt.earliest or today), balance)
    return ClaimEvaluation(
        claim_id=facts.claim_id,
        today=today,
        uiterste_betaaldatum=due,
        principal=principal,
        paid=paid,
        verrekend=verrekend,
        costs=costs,
        rente_booked=rente_booked,
        open_principal=open_principal,
        open_costs=open_costs,
        open_rente=open_rente,
        ledger_balance=balance,
        rente_accrued=rente_accrued,
        verjaringsdatum=verj_date,
        verjaard=today > verj_date,
        stuiten=advice.stuiten,
        stuiten_reden=advice.reden,
        enforcement_stage=nxt.enforcement_stage,
        next_step=nxt,
        kosten_volgende_stap=next_costs,
        late_payments=tuple(late),
    )


def evaluate_claims(claims: list[ClaimFacts], today: date) -> list[ClaimEvaluation]:
    return [evaluate_claim(facts, today) for facts in claims]


def explain_claim(facts: ClaimFacts, today: date) -> tuple[Step, ...]:
    """The explanation behind :func:`evaluate_claim`'s figures, in Dutch (built on demand)."""
    ev = evaluate_claim(facts, today)
    steps = Explanation()
    due = ev.uiterste_betaaldatum
    if facts.uiterste_betaaldatum is None:
        from caseworker_app.domain.rules.termijnen import betaaltermijn

        steps.extend(betaaltermijn(facts.kind, facts.dagtekening).steps)
    else:
        steps.add("Uiterste betaaldatum (opgegeven)", format_date(due))
    steps.add("Hoofdsom na verminderingen", format_eur(ev.principal))
    if ev.paid:
        steps.add("Betaald (eerst op kosten, dan rente, dan hoofdsom; IW 1990 art. 7)", format_eur(ev.paid))
    if ev.verrekend:
        steps.add("Verrekend (IW 1990 art. 24 / Awir art. 30)", format_eur(ev.verrekend))
    if ev.costs:
        steps.add("Geboekte kosten", format_eur(ev.costs))
    for day, amount in ev.late_payments:
        part = invorderingsrente(amount, due, day)
        steps.add(
            f"Rente over de betaling van {format_eur(amount)} op {format_date(day)}",
            format_eur(floor_euros(part.result.exact)),
        )
        steps.extend([s for s in part.steps if s.parameter == "invorderingsrente_percentage"])
    if ev.open_principal > 0 and today > due + ONE_DAY:
        running = invorderingsrente(ev.open_principal, due, today)
        steps.add(
            f"Rente over de open hoofdsom {format_eur(ev.open_principal)} als vandaag betaald",
            format_eur(running.result.berekend),
        )
        steps.extend([s for s in running.steps if s.parameter in ("invorderingsrente_percentage", "rente_dagtelling")])
    elif ev.late_payments and ev.open_principal <= 0:
        last_day, last_amount = ev.late_payments[-1]
        threshold = param("rente_drempel_laatste_betaling", last_day)
        if floor_euros(rente_exact(last_amount, due, last_day)) <= threshold.decimal:
            steps.add(
                "Rente over de laatste betaling niet hoger dan de drempel: niet in rekening gebracht (URIW art. 33)",
                format_eur(threshold.decimal),
                param=threshold,
            )
    if ev.rente_booked:
        steps.add("Al in rekening gebrachte rente", format_eur(ev.rente_booked))
    steps.add(
        "Lopende invorderingsrente, nog niet in rekening gebracht (naar beneden op hele euro's)",
        format_eur(ev.rente_accrued),
    )
    steps.add("Openstaand saldo", format_eur(ev.ledger_balance))
    stuitingen = [s.date for s in facts.steps if s.step.stuit]
    stuitingen += [b.date for b in facts.bookings if b.kind is BookingKind.VERREKENING]
    steps.extend(verjaring(due, stuitingen, _closed_uitstel(facts.uitstel, today)).steps)
    _, advice_step = stuiten_advies(
        ev.verjaringsdatum,
        today,
        facts.creditor,
        ev.ledger_balance > 0,
        fraude=facts.fraude,
        betalingsperspectief=facts.betalingsperspectief,
    )
    steps.extend([advice_step])
    nxt = ev.next_step
    steps.add("Huidige stap", label(nxt.enforcement_stage) if nxt.enforcement_stage else "geen")
    for guard in nxt.guards:
        steps.add(("Voldaan: " if guard.ok else "Blokkeert: ") + guard.reden)
    if nxt.step is not None:
        steps.add("Volgende stap" + (" (toegestaan)" if nxt.allowed else " (nog niet toegestaan)"), label(nxt.step))
        if ev.kosten_volgende_stap is not None:
            steps.add(f"Kosten {label(nxt.step)}", format_eur(ev.kosten_volgende_stap))
    return steps.freeze()
