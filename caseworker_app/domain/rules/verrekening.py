"""Verrekening of a toeslag-terugvordering with the running toeslag (Awir art. 30; Uitvoeringsregeling Awir art. 7
lid 2; VM 6): set off per month, not below the minimum instalment and never below the bestaansminimum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import ZERO, ceil_cents, format_eur
from caseworker_app.domain.params import param


def months_needed(total: Decimal, per: Decimal) -> int:
    return int((total / per).to_integral_value(rounding=ROUND_CEILING))


@dataclass(frozen=True, slots=True)
class Verrekening:
    verrekend_per_maand: Decimal
    maanden: int
    reden: str


def verrekening_toeslag(
    *,
    peildatum: date,
    schuld: Decimal,
    toeslag_maand: Decimal,
    ruimte_boven_bvv: Decimal | None = None,
) -> Explained[Verrekening]:
    """Monthly set-off of a toeslag-terugvordering against the running toeslag (Awir art. 30)."""
    steps = Explanation()
    minimum = param("toeslagen_min_termijnbedrag", peildatum)
    max_months = param("betalingsregeling_max_maanden_toeslagen", peildatum)
    wanted = max(minimum.decimal, ceil_cents(schuld / int(max_months.decimal)))
    steps.add(
        f"Aflossing in {max_months.text} maanden, minimaal {format_eur(minimum.decimal)} per maand",
        format_eur(wanted),
        param=minimum,
    )
    amount = min(wanted, toeslag_maand, schuld)
    if ruimte_boven_bvv is not None:
        if ruimte_boven_bvv < amount:
            steps.add(
                "Begrensd door de ruimte boven de beslagvrije voet (bestaansminimum, VM 6)",
                format_eur(max(ZERO, ruimte_boven_bvv)),
            )
        amount = min(amount, max(ZERO, ruimte_boven_bvv))
    if schuld <= 0:
        return Explained(Verrekening(ZERO, 0, "Er staat niets open"), steps.freeze())
    if amount < minimum.decimal and amount < schuld:
        reden = (
            f"Verrekening van {format_eur(amount)} per maand is minder dan het minimum "
            f"{format_eur(minimum.decimal)}: niet verrekenen, een betalingsregeling aanbieden"
        )
        steps.add(reden)
        return Explained(Verrekening(ZERO, 0, reden), steps.freeze())
    maanden = months_needed(schuld, amount)
    reden = f"{format_eur(amount)} per maand verrekenen met de toeslag, {maanden} maanden"
    steps.add("Verrekening per maand (Awir art. 30)", format_eur(amount))
    return Explained(Verrekening(amount, maanden, reden), steps.freeze())
