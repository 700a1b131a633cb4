"""Kwijtschelding (URIW art. 8-16; LI 26): ``max(0, openstaand − vermogen − 80% × 12 × betalingscapaciteit)``.

* The capacity is the URIW art. 13-16 one (:mod:`.capaciteit`), woonlasten capped at the maximale rekenhuur.
* Doelgroep (rules.md §9): for ondernemers and niet-natuurlijke personen business taxes are kwijtgescholden only via
  a saneringsakkoord (LI 26.3).
* Opzet or grove schuld (fraude) is a ground for refusal: the non-payment is to blame on the debtor (URIW art. 8;
  LI 26.1.9).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import ZERO, format_eur, format_pct, round_cents
from caseworker_app.domain.params import param
from caseworker_app.domain.rules.capaciteit import HUNDRED, TWELVE, Uitgaven, betalingscapaciteit
from caseworker_app.domain.types import Doelgroep, Leefsituatie, label


@dataclass(frozen=True, slots=True)
class Kwijtschelding:
    kosten_van_bestaan: Decimal
    betalingscapaciteit_maand: Decimal
    af_te_dragen: Decimal
    kwijtschelding: Decimal
    methode: str


def kwijtschelding(
    *,
    peildatum: date,
    leefsituatie: Leefsituatie,
    netto_besteedbaar_inkomen_maand: Decimal,
    vermogen: Decimal,
    openstaand: Decimal,
    aftrekbare_uitgaven_maand: Decimal = ZERO,
    methode: str = "wettelijk",
    belastbaar_inkomen_jaar: Decimal | None = None,
    doelgroep: Doelgroep = Doelgroep.PARTICULIER,
    uitgaven: Uitgaven | None = None,
    aow: bool = False,
    kostendelers: int = 0,
    fraude: bool = False,
    bijstand: bool = False,
    woonadres_in_nederland: bool = True,
    partner_inkomen_maand: Decimal = ZERO,
) -> Explained[Kwijtschelding]:
    """``doelgroep`` is the frame of the debt: private debts of an ondernemer are ``PARTICULIER``."""
    cap = betalingscapaciteit(
        peildatum=peildatum,
        leefsituatie=leefsituatie,
        netto_besteedbaar_inkomen_maand=netto_besteedbaar_inkomen_maand,
        aftrekbare_uitgaven_maand=aftrekbare_uitgaven_maand,
        methode=methode,
        belastbaar_inkomen_jaar=belastbaar_inkomen_jaar,
        uitgaven=uitgaven,
        aow=aow,
        kostendelers=kostendelers,
        bijstand=bijstand,
        woonadres_in_nederland=woonadres_in_nederland,
        partner_inkomen_maand=partner_inkomen_maand,
    )
    steps = Explanation()
    steps.extend(cap.steps)
    pct = param("betalingscapaciteit_aanwending_percentage", peildatum)
    bc = cap.result.betalingscapaciteit_maand
    yearly = round_cents(bc * TWELVE * pct.decimal / HUNDRED)
    steps.add(
        f"{format_pct(pct.decimal)} × 12 maanden × betalingscapaciteit {format_eur(bc)}",
        format_eur(yearly),
        param=pct,
        legal_source="Uitvoeringsregeling Invorderingswet 1990, art. 11 onder b",
    )
    positive_vermogen = max(ZERO, vermogen)
    steps.add(
        "Vermogen dat kan worden aangewend",
        format_eur(positive_vermogen),
        legal_source="Uitvoeringsregeling Invorderingswet 1990, art. 12",
    )
    af = min(openstaand, positive_vermogen + yearly)
    steps.add(
        "Af te dragen: vermogen plus 80% van 12 maanden betalingscapaciteit, niet meer dan het openstaande bedrag",
        format_eur(af),
        legal_source="Uitvoeringsregeling Invorderingswet 1990, art. 11",
    )
    kw = max(ZERO, openstaand - af)
    if doelgroep is not Doelgroep.PARTICULIER:
        steps.add(
            f"Doelgroep {label(doelgroep)}: kwijtschelding van ondernemingsbelastingen alleen via een "
            "saneringsakkoord met alle schuldeisers (LI 26.3; URIW afdeling 3)",
            format_eur(ZERO),
        )
        kw = ZERO
        af = openstaand
    elif fraude:
        steps.add(
            "Opzet of grove schuld: het niet betalen is de schuldenaar te verwijten, geen kwijtschelding",
            format_eur(ZERO),
            legal_source="Uitvoeringsregeling Invorderingswet 1990, art. 8; Leidraad Invordering 2008, art. 26.1.9",
        )
        kw = ZERO
        af = openstaand
    steps.sum(
        [("openstaand", openstaand), ("af te dragen", -af)],
        ("kwijtschelding", kw),
        legal_source="Uitvoeringsregeling Invorderingswet 1990, art. 11",
    )
    return Explained(
        Kwijtschelding(cap.result.kosten_van_bestaan, bc, af, kw, cap.result.methode),
        steps.freeze(),
    )
