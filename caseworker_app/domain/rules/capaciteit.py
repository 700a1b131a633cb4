"""Betalingscapaciteit, kwijtschelding, betalingsregeling and verrekening of toeslag-terugvorderingen.

* Kosten van bestaan (URIW art. 16): 90% of the bijstandsnorm (A or B, incl. vakantietoeslag).
* Betalingscapaciteit (URIW art. 13): netto besteedbaar inkomen minus kosten van bestaan minus accepted
  expenditure (URIW art. 15), never negative; per month.
* Policy switch ``methode`` (invorderingsstrategie): ``"wettelijk"`` (default, the legal rule above) or
  ``"bvv"``: the capacity on the beslagvrije-voet method (income minus bvv), applied **only if it is in the
  person's favour** (lower); the explanation says which one applied.
* Kwijtschelding (URIW art. 11): ``max(0, openstaand - vermogen - 80% x 12 x BC)``.
* Doelgroep (rules.md §9): for ondernemers and niet-natuurlijke personen business taxes are kwijtgescholden only
  via a saneringsakkoord, and a regeling runs at most 12 months from the last vervaldag with zekerheid equal to
  the debt (longer, bijzonder uitstel, only with a derde-deskundige's verklaring; LI 25.6).
* Betalingsregeling (LI 25.4-25.5; rules.md §2.2, §2.6, §7): Belastingdienst particulier: termijn = 80% of
  BC, at most 12 months, vermogen blocks it, too little capacity -> treated as a kwijtscheldingsverzoek;
  kort uitstel (4 months) when the debt is below EUR 20,000 without an earlier uitstel or a betekend
  dwangbevel.  Toeslagen: standard 24 months (minimum instalment), or a persoonlijke betalingsregeling on
  BC when the standard instalment is too high (not with vermogen or opzet/grove schuld).
* Verrekening (Awir art. 30; VM 6): a toeslag-terugvordering is set off against the monthly toeslag,
  not below the minimum instalment and never below the bestaansminimum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import ZERO, ceil_cents, format_date, format_eur, format_pct, round_cents
from caseworker_app.domain.params import param
from caseworker_app.domain.rules.bvv import beslagvrije_voet, norm
from caseworker_app.domain.rules.common import add_months
from caseworker_app.domain.types import Creditor, Doelgroep, Leefsituatie, label

HUNDRED = Decimal(100)
TWELVE = Decimal(12)
METHODEN = ("wettelijk", "bvv")


@dataclass(frozen=True, slots=True)
class Capaciteit:
    kosten_van_bestaan: Decimal
    betalingscapaciteit_maand: Decimal
    methode: str  # the one that applied


def kosten_van_bestaan(leefsituatie: Leefsituatie, peildatum: date, steps: Explanation) -> Decimal:
    n = norm(leefsituatie, peildatum)
    pct = param("kosten_van_bestaan_percentage", peildatum)
    steps.add("Bijstandsnorm (incl. vakantietoeslag)", format_eur(n.decimal), param=n)
    kvb = round_cents(n.decimal * pct.decimal / HUNDRED)
    steps.add(f"Kosten van bestaan: {format_pct(pct.decimal)} van de norm (URIW art. 16)", format_eur(kvb), param=pct)
    return kvb


def betalingscapaciteit(
    *,
    peildatum: date,
    leefsituatie: Leefsituatie,
    netto_besteedbaar_inkomen_maand: Decimal,
    aftrekbare_uitgaven_maand: Decimal = ZERO,
    methode: str = "wettelijk",
    belastbaar_inkomen_jaar: Decimal | None = None,
) -> Explained[Capaciteit]:
    if methode not in METHODEN:
        raise ValueError(f"unknown methode {methode!r}")
    steps = Explanation()
    kvb = kosten_van_bestaan(leefsituatie, peildatum, steps)
    nbi = netto_besteedbaar_inkomen_maand
    steps.add("Netto besteedbaar inkomen per maand (URIW art. 14)", format_eur(nbi))
    if aftrekbare_uitgaven_maand:
        steps.add("Aftrekbare uitgaven per maand (URIW art. 15)", format_eur(aftrekbare_uitgaven_maand))
    legal = max(ZERO, round_cents(nbi - kvb - aftrekbare_uitgaven_maand))
    steps.add("Betalingscapaciteit volgens de wet (URIW art. 13)", format_eur(legal))
    applied, bc = "wettelijk", legal
    if methode == "bvv":
        bvv = beslagvrije_voet(
            peildatum=peildatum,
            leefsituatie=leefsituatie,
            inkomen_maand=nbi,
            belastbaar_inkomen_jaar=belastbaar_inkomen_jaar,
        )
        alt = max(ZERO, round_cents(nbi - bvv.result.beslagvrije_voet - aftrekbare_uitgaven_maand))
        steps.extend([s for s in bvv.steps if s.parameter is not None][:3])
        steps.add("Betalingscapaciteit volgens de bvv-methode (inkomen min beslagvrije voet)", format_eur(alt))
        if alt < legal:
            applied, bc = "bvv", alt
            steps.add("Beleid: de bvv-methode is gunstiger voor de burger en is toegepast", format_eur(bc))
        else:
            steps.add("Beleid: de bvv-methode is niet gunstiger; de wettelijke regel is toegepast", format_eur(bc))
    else:
        steps.add("Toegepast: de wettelijke regel (beleidsoptie bvv-methode staat uit)", format_eur(bc))
    return Explained(Capaciteit(kvb, bc, applied), steps.freeze())


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
) -> Explained[Kwijtschelding]:
    """``doelgroep`` is the frame of the debt: private debts of an ondernemer are ``PARTICULIER``."""
    cap = betalingscapaciteit(
        peildatum=peildatum,
        leefsituatie=leefsituatie,
        netto_besteedbaar_inkomen_maand=netto_besteedbaar_inkomen_maand,
        aftrekbare_uitgaven_maand=aftrekbare_uitgaven_maand,
        methode=methode,
        belastbaar_inkomen_jaar=belastbaar_inkomen_jaar,
    )
    steps = Explanation()
    steps.extend(cap.steps)
    pct = param("betalingscapaciteit_aanwending_percentage", peildatum)
    yearly = round_cents(cap.result.betalingscapaciteit_maand * TWELVE * pct.decimal / HUNDRED)
    steps.add(
        f"{format_pct(pct.decimal)} van 12 maanden betalingscapaciteit (URIW art. 11)", format_eur(yearly), param=pct
    )
    positive_vermogen = max(ZERO, vermogen)
    steps.add("Vermogen dat kan worden aangewend (URIW art. 12)", format_eur(positive_vermogen))
    af = min(openstaand, positive_vermogen + yearly)
    steps.add("Af te dragen (vermogen plus betalingscapaciteit, niet meer dan het openstaande bedrag)", format_eur(af))
    kw = max(ZERO, openstaand - af)
    if doelgroep is not Doelgroep.PARTICULIER:
        steps.add(
            f"Doelgroep {label(doelgroep)}: kwijtschelding van ondernemingsbelastingen alleen via een "
            "saneringsakkoord met alle schuldeisers (LI 26.3; URIW afdeling 3)",
            format_eur(ZERO),
        )
        kw = ZERO
        af = openstaand
    steps.add(f"Kwijtschelding van {format_eur(openstaand)} open", format_eur(kw))
    return Explained(
        Kwijtschelding(cap.result.kosten_van_bestaan, cap.result.betalingscapaciteit_maand, af, kw, cap.result.methode),
        steps.freeze(),
    )


@dataclass(frozen=True, slots=True)
class Betalingsregeling:
    termijnbedrag: Decimal
    maanden: int
    besluit: str  # toegekend | kwijtscheldingsverzoek | geweigerd
    reden: str
    soort: str  # regeling | standaard | persoonlijk | bijzonder | geen
    kort_uitstel_mogelijk: bool
    betalingscapaciteit_maand: Decimal
    methode: str


def _months(total: Decimal, per: Decimal) -> int:
    return int((total / per).to_integral_value(rounding=ROUND_CEILING))


def betalingsregeling(
    *,
    peildatum: date,
    leefsituatie: Leefsituatie,
    netto_besteedbaar_inkomen_maand: Decimal,
    schuld: Decimal,
    vermogen: Decimal = ZERO,
    schuldeiser: Creditor = Creditor.BELASTINGDIENST,
    aftrekbare_uitgaven_maand: Decimal = ZERO,
    methode: str = "wettelijk",
    eerder_uitstel: bool = False,
    dwangbevel_betekend: bool = False,
    opzet_of_grove_schuld: bool = False,
    doelgroep: Doelgroep = Doelgroep.PARTICULIER,
    zekerheid: bool = False,
    verklaring_derde_deskundige: bool = False,
    laatste_vervaldag: date | None = None,
) -> Explained[Betalingsregeling]:
    cap = betalingscapaciteit(
        peildatum=peildatum,
        leefsituatie=leefsituatie,
        netto_besteedbaar_inkomen_maand=netto_besteedbaar_inkomen_maand,
        aftrekbare_uitgaven_maand=aftrekbare_uitgaven_maand,
        methode=methode,
    )
    steps = Explanation()
    steps.add("Schuldeiser", label(schuldeiser))
    steps.add("Schuld", format_eur(schuld))
    steps.extend(cap.steps)
    bc = cap.result.betalingscapaciteit_maand
    pct = param("betalingscapaciteit_aanwending_percentage", peildatum)
    capacity = round_cents(bc * pct.decimal / HUNDRED)
    steps.add(
        f"Maximaal termijnbedrag: {format_pct(pct.decimal)} van de betalingscapaciteit (LI 25.5.6)",
        format_eur(capacity),
        param=pct,
    )
    kort = False

    def done(termijn: Decimal, maanden: int, besluit: str, reden: str, soort: str) -> Explained[Betalingsregeling]:
        steps.add(f"Besluit: {besluit.replace('_', ' ')}", reden)
        return Explained(
            Betalingsregeling(termijn, maanden, besluit, reden, soort, kort, bc, cap.result.methode), steps.freeze()
        )

    if schuld <= 0:
        return done(ZERO, 0, "geweigerd", "Er staat niets open", "geen")
    if schuldeiser is Creditor.BELASTINGDIENST:
        limit = param("kort_uitstel_max_schuld", peildatum)
        months_kort = param("kort_uitstel_maanden", peildatum)
        kort = schuld < limit.decimal and not eerder_uitstel and not dwangbevel_betekend
        steps.add(
            f"Kort uitstel van {months_kort.text} maanden zonder onderzoek "
            + ("mogelijk" if kort else "niet mogelijk (schuld, eerder uitstel of betekend dwangbevel)"),
            format_eur(limit.decimal),
            param=limit,
        )
        if doelgroep is not Doelgroep.PARTICULIER:
            return _ondernemer(
                steps, done, peildatum, schuld, zekerheid, verklaring_derde_deskundige, laatste_vervaldag or peildatum
            )
        if vermogen > 0:
            return done(
                ZERO,
                0,
                "geweigerd",
                f"Vermogen van {format_eur(vermogen)} moet eerst worden aangewend (LI 25.5.5)",
                "geen",
            )
        max_months = param("betalingsregeling_max_maanden_belastingdienst", peildatum)
        steps.add("Maximale looptijd", f"{max_months.text} maanden", param=max_months)
        limit_months = int(max_months.decimal)
        if capacity <= 0 or capacity * limit_months < schuld:
            reden = (
                f"Met {format_eur(capacity)} per maand is de schuld niet binnen {limit_months} maanden af te "
                "lossen: het verzoek wordt behandeld als kwijtscheldingsverzoek (LI 25.5.1)"
            )
            return done(capacity, limit_months if capacity > 0 else 0, "kwijtscheldingsverzoek", reden, "geen")
        maanden = _months(schuld, capacity)
        termijn = ceil_cents(schuld / maanden)
        steps.add(f"Aflossen in {maanden} maanden", format_eur(termijn))
        return done(
            termijn, maanden, "toegekend", f"{maanden} termijnen van {format_eur(termijn)} (LI 25.5)", "regeling"
        )
    # Dienst Toeslagen
    max_months = param("betalingsregeling_max_maanden_toeslagen", peildatum)
    minimum = param("toeslagen_min_termijnbedrag", peildatum)
    limit_months = int(max_months.decimal)
    standard = max(minimum.decimal, ceil_cents(schuld / limit_months))
    standard = min(standard, schuld)
    maanden = _months(schuld, standard)
    steps.add(
        f"Standaardregeling: {limit_months} maanden, minimaal {format_eur(minimum.decimal)} per maand",
        format_eur(standard),
        param=minimum,
    )
    if standard <= capacity:
        return done(
            standard,
            maanden,
            "toegekend",
            f"Standaard betalingsregeling: {maanden} termijnen van {format_eur(standard)}",
            "standaard",
        )
    steps.add("Het standaardbedrag is hoger dan de betalingscapaciteit toelaat: persoonlijke betalingsregeling")
    if vermogen > 0:
        return done(
            standard,
            maanden,
            "geweigerd",
            f"Geen persoonlijke betalingsregeling bij vermogen ({format_eur(vermogen)}); de standaardregeling "
            "blijft mogelijk",
            "standaard",
        )
    if opzet_of_grove_schuld:
        return done(
            standard,
            maanden,
            "geweigerd",
            "Geen persoonlijke betalingsregeling bij opzet of grove schuld (URAwir art. 7)",
            "standaard",
        )
    if capacity <= 0:
        return done(
            ZERO,
            0,
            "geweigerd",
            "Geen betalingscapaciteit: Toeslagen kan besluiten de schuld buiten invordering te laten "
            "(met verrekening van nabetalingen gedurende 3 jaar)",
            "geen",
        )
    termijn = min(capacity, schuld)
    maanden = min(_months(schuld, termijn), limit_months)
    reden = f"Persoonlijke betalingsregeling: {maanden} termijnen van {format_eur(termijn)}"
    if termijn * maanden < schuld:
        reden += (
            f"; na {maanden} maanden blijft {format_eur(schuld - termijn * maanden)} over, waarvoor Toeslagen "
            "kan besluiten het niet in te vorderen"
        )
    return done(termijn, maanden, "toegekend", reden, "persoonlijk")


def _ondernemer(
    steps: Explanation,
    done: Callable[[Decimal, int, str, str, str], Explained[Betalingsregeling]],
    peildatum: date,
    schuld: Decimal,
    zekerheid: bool,
    derde_deskundige: bool,
    laatste_vervaldag: date,
) -> Explained[Betalingsregeling]:
    """Ondernemersbeleid (LI 25.6): at most 12 months from the (last) vervaldag, with zekerheid equal to the debt;
    bijzonder uitstel (longer, less zekerheid) only with a verklaring of a derde-deskundige."""
    max_months = param("betalingsregeling_max_maanden_belastingdienst", peildatum)
    end = add_months(laatste_vervaldag, int(max_months.decimal))
    steps.add(
        f"Ondernemersbeleid: uiterlijk {max_months.text} maanden na de (laatste) vervaldag "
        f"{format_date(laatste_vervaldag)} (LI 25.6)",
        format_date(end),
        param=max_months,
    )
    if derde_deskundige:
        reden = (
            "Bijzonder uitstel met verklaring van een derde-deskundige (LI 25.6.2): looptijd en zekerheid in "
            "overleg, langer dan 12 maanden mogelijk"
        )
        return done(ZERO, 0, "toegekend", reden, "bijzonder")
    if not zekerheid:
        return done(
            ZERO,
            0,
            "geweigerd",
            "Ondernemers: een regeling vraagt zekerheid ter grootte van de schuld (bankgarantie, hypotheek; LI 25.6)",
            "geen",
        )
    months = (end.year - peildatum.year) * 12 + end.month - peildatum.month
    if months < 1:
        return done(
            ZERO,
            0,
            "geweigerd",
            f"De termijn van {max_months.text} maanden na de vervaldag is al verstreken ({format_date(end)})",
            "geen",
        )
    termijn = ceil_cents(schuld / months)
    return done(
        termijn,
        months,
        "toegekend",
        f"{months} termijnen van {format_eur(termijn)}, met zekerheid (LI 25.6)",
        "regeling",
    )


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
    maanden = _months(schuld, amount)
    reden = f"{format_eur(amount)} per maand verrekenen met de toeslag, {maanden} maanden"
    steps.add("Verrekening per maand (Awir art. 30)", format_eur(amount))
    return Explained(Verrekening(amount, maanden, reden), steps.freeze())
