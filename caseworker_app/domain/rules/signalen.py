"""Vroegsignalering (rules.md §10.1): which signals fire for one person, and why.

Every signal is evaluated and reported, fired or not, with the rule and the figures behind it:

* ``bellen_na_aanmaning``: an aanmaning is unpaid and the person has no debt history -> call
  (invorderingsstrategie §5.3.2);
* ``veel_brieven``: several letters in a short time -> call (restart 2021);
* ``stapeling_ambtshalve``: several open ambtshalve aanslagen (§5.3.2);
* ``samenloop``: open tax debt and open toeslag debt at the same time (§5.2.6);
* ``veel_schuldeisers``: many creditors -> possibly problematische schulden (§5.5.1);
* ``signaal_gemeente``: aanmaning sent, no uitstel, open IB/OB/loonheffingen of at least EUR 600
  (Tijdelijke regeling signaal betalingsachterstanden, Stcrt. 2025, 17636, art. 2.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caseworker_app.domain.explain import Step
from caseworker_app.domain.money import ZERO, format_eur
from caseworker_app.domain.params import param
from caseworker_app.domain.types import Creditor, Middel

_GEMEENTE_MIDDELEN = frozenset({Middel.IB, Middel.OB, Middel.LH})


@dataclass(frozen=True, slots=True)
class SignalClaim:
    middel: Middel
    open: Decimal
    aanmaning_verstuurd: bool = False
    uitstel: bool = False
    ambtshalve: bool = False
    kenmerk: str | None = None


@dataclass(frozen=True, slots=True)
class Signaal:
    code: str
    afgegaan: bool
    titel: str
    reden: str
    step: Step


def vroegsignalering(
    *,
    peildatum: date,
    claims: list[SignalClaim],
    schuldhistorie: bool = False,
    aantal_schuldeisers: int = 0,
    brieven_laatste_maand: int = 0,
) -> list[Signaal]:
    out: list[Signaal] = []

    def add(code: str, fired: bool, titel: str, reden: str, parameter: str | None = None) -> None:
        row = param(parameter, peildatum) if parameter else None
        out.append(
            Signaal(code, fired, titel, reden, Step.of(f"{titel}: {reden}", "ja" if fired else "nee", param=row))
        )

    open_claims = [c for c in claims if c.open > 0]
    unpaid_aanmaning = [c for c in open_claims if c.aanmaning_verstuurd]
    fired = bool(unpaid_aanmaning) and not schuldhistorie
    add(
        "bellen_na_aanmaning",
        fired,
        "Bellen na aanmaning",
        f"{len(unpaid_aanmaning)} aanmaning(en) onbetaald, "
        + (
            "geen eerdere schulden: bellen om uitleg en een regeling aan te bieden"
            if not schuldhistorie
            else "wel eerdere schulden (dit signaal is voor burgers zonder schuldhistorie)"
        ),
    )
    letters = param("signaal_veel_brieven", peildatum)
    add(
        "veel_brieven",
        brieven_laatste_maand >= int(letters.decimal),
        "Veel brieven tegelijk",
        f"{brieven_laatste_maand} brieven in de laatste maand (drempel {letters.text})",
        "signaal_veel_brieven",
    )
    stacking = param("signaal_stapeling_ambtshalve", peildatum)
    ambtshalve = sum(1 for c in open_claims if c.ambtshalve)
    add(
        "stapeling_ambtshalve",
        ambtshalve >= int(stacking.decimal),
        "Stapeling ambtshalve aanslagen",
        f"{ambtshalve} openstaande ambtshalve aanslag(en) (drempel {stacking.text})",
        "signaal_stapeling_ambtshalve",
    )
    tax = sum((c.open for c in open_claims if c.middel.creditor is Creditor.BELASTINGDIENST), ZERO)
    toeslag = sum((c.open for c in open_claims if c.middel.creditor is Creditor.TOESLAGEN), ZERO)
    add(
        "samenloop",
        tax > 0 and toeslag > 0,
        "Samenloop belasting- en toeslagschuld",
        f"belastingschuld {format_eur(tax)}, toeslagschuld {format_eur(toeslag)}",
    )
    creditors = param("signaal_veel_schuldeisers", peildatum)
    add(
        "veel_schuldeisers",
        aantal_schuldeisers >= int(creditors.decimal),
        "Veel schuldeisers",
        f"{aantal_schuldeisers} schuldeiser(s) bekend (drempel {creditors.text})",
        "signaal_veel_schuldeisers",
    )
    threshold = param("signaal_gemeente_drempel", peildatum)
    relevant = sum(
        (c.open for c in open_claims if c.middel in _GEMEENTE_MIDDELEN and c.aanmaning_verstuurd and not c.uitstel),
        ZERO,
    )
    add(
        "signaal_gemeente",
        relevant >= threshold.decimal,
        "Signaal aan de gemeente",
        f"{format_eur(relevant)} open aan IB/OB/loonheffingen na aanmaning zonder uitstel "
        f"(drempel {format_eur(threshold.decimal)})",
        "signaal_gemeente_drempel",
    )
    return out
