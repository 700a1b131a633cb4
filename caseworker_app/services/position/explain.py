"""How a position's figures were worked out: the rules engine's explanation of a claim, and of a total."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from caseworker_app.errors import NotFoundError

from caseworker_app.domain.explain import Step
from caseworker_app.domain.money import ZERO, format_eur
from caseworker_app.domain.rules import position as rules
from caseworker_app.domain.types import Creditor, Middel, label_of

from caseworker_app.services.position.dto import ClaimPosition, DebtPosition


def explain_claim(position: DebtPosition, claim_id: int) -> tuple[Step, ...]:
    """The rules engine's explanation of one claim's figures (computed on demand, no database access)."""
    for claim in position.claims:
        if claim.id == claim_id:
            return claim_explanation(claim, position.as_of)
    raise NotFoundError("Vordering", claim_id)


def claim_explanation(claim: ClaimPosition, as_of: dt.date) -> tuple[Step, ...]:
    if claim.calculation_error is not None or claim.facts is None:
        return (Step("Niet berekend", claim.calculation_error or "geen gegevens"),)
    return rules.explain_claim(claim.facts, as_of)


def explain_total(position: DebtPosition, key: str) -> tuple[Step, ...]:
    """How a total is made up: one step per claim that contributes (for "explain in place" on the totals)."""
    steps: list[Step] = []
    for claim in position.claims:
        value = _claim_amount(claim, key)
        if value:
            steps.append(Step(f"{claim.reference} ({label_of(Middel, claim.middel)})", format_eur(value)))
    total = position.totals.amounts().get(key)
    if total is not None:
        steps.append(Step("Totaal", format_eur(total)))
    return tuple(steps)


def _claim_amount(claim: ClaimPosition, key: str) -> Decimal:
    """What ``claim`` adds to the total ``key`` -- the same split as ``compute_totals``: a verjaarde claim adds its
    open amount to ``verjaard`` only (its unbooked rente included), not to what must be paid."""
    verjaard = claim.verjaard and claim.open > ZERO
    if key == "verjaard":
        return claim.open if verjaard else ZERO
    if key in ("open", "open_belastingdienst", "open_toeslagen", "under_regeling", "paused", "rente_accrued") \
            and verjaard:
        return ZERO
    if key == "rente_total":
        return claim.rente_booked + (ZERO if verjaard else claim.rente_accrued)
    if key == "open":
        return claim.open
    if key == "open_belastingdienst":
        return claim.open if claim.creditor != Creditor.TOESLAGEN else ZERO
    if key == "open_toeslagen":
        return claim.open if claim.creditor == Creditor.TOESLAGEN else ZERO
    if key == "under_regeling":
        return claim.open if claim.under_regeling else ZERO
    if key == "paused":
        return claim.open if claim.paused else ZERO
    value = getattr(claim, key, ZERO)
    return value if isinstance(value, Decimal) else ZERO
