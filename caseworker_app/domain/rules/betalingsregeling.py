"""Betalingsregeling per schuldeiser: which regeling, how many months, what per month -- for the total debt,
expected invorderingsrente included (invorderingsstrategie §5.2.2).

Which routes are open comes from :mod:`.regelingsroutes` (fraud closes the standard and persoonlijke regeling at
Toeslagen, kort uitstel needs a small debt, ...); this module sizes the regeling within them.

* **Rente.** With the uiterste betaaldatum, the expected rente of the schedule (rules.md §3.3: each instalment paid on
  its date, URIW art. 33 threshold on the last one) is added to the debt: the instalments pay debt and rente, and the
  12-month test is made on that total.  Without the uiterste betaaldatum the rente cannot be computed; the result
  says so (``rente_meegeteld: false``) instead of guessing.
* **Belastingdienst particulier** (LI 25.5): vermogen is applied first and only the rest is regulated (LI 25.5.5);
  the instalment is at most 80% of the betalingscapaciteit with the actual housing costs (LI 25.5.6); at most 12
  months from the decision; when that does not clear the total the request is handled as a kwijtscheldingsverzoek
  (LI 25.5.1) -- unless opzet or grove schuld closes kwijtschelding too.  Kort uitstel (4 months) is offered when it
  is possible and the capacity pays the total within it; otherwise the result warns that taking it first would,
  under LI 25.5.4, close the regeling.  After a kort uitstel the policy switch ``na_kort_uitstel`` applies.
* **Ondernemers** (LI 25.6): at most 12 months from the last vervaldag, with zekerheid; bijzonder uitstel with a
  derde-deskundige's verklaring.
* **Toeslagen** (Uitvoeringsregeling Awir art. 7): the standard regeling ends 24 months after the vervaldag, at least
  the minimum instalment; when that is more than the capacity allows, a persoonlijke betalingsregeling on 80% of
  the capacity (URIW 13-16 norms), refused only when the vermogen suffices to pay the debt (lid 5); what cannot be
  paid within 24 months may be left uncollected.  **Fraud** (lid 6; VM 10-12): no standard, no persoonlijke
  regeling, no buiten invordering -- instalments on afloscapaciteit for the whole debt.

``soort`` is one of ``kort_uitstel``, ``regeling``, ``standaard``, ``persoonlijk``, ``afloscapaciteit``,
``bijzonder`` or ``geen``; never ``standaard`` with fraud.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from caseworker_app.domain.explain import Explained, Explanation, Step
from caseworker_app.domain.money import ZERO, ceil_cents, format_date, format_eur, format_pct, round_cents
from caseworker_app.domain.params import param
from caseworker_app.domain.rules import rente as rente_rules
from caseworker_app.domain.rules.capaciteit import HUNDRED, Uitgaven, betalingscapaciteit
from caseworker_app.domain.rules.common import add_months
from caseworker_app.domain.rules.regelingsroutes import Routes, open_routes
from caseworker_app.domain.rules.verrekening import months_needed
from caseworker_app.domain.types import Creditor, Doelgroep, Leefsituatie, label

LI_25_5 = "Leidraad Invordering 2008, art. 25.5"
URAWIR_7 = "Uitvoeringsregeling Awir, art. 7"
#: a schedule longer than this is not computed (50 years); the rule refuses such input long before
MAX_MAANDEN = 600


@dataclass(frozen=True, slots=True)
class Plan:
    """A schedule of ``maanden`` monthly instalments for a principal plus its expected rente."""

    maanden: int
    hoofdsom: Decimal
    rente: Decimal | None  # None: not computed (no uiterste betaaldatum)
    termijnbedrag: Decimal
    laatste_termijn: Decimal
    eerste_datum: date
    laatste_datum: date
    steps: tuple[Step, ...] = ()

    @property
    def totaal(self) -> Decimal:
        return self.hoofdsom + (self.rente or ZERO)


def plan(hoofdsom: Decimal, maanden: int, start: date, uiterste_betaaldatum: date | None) -> Plan:
    """``maanden`` equal instalments of debt plus expected rente; the rente is that of the same schedule."""
    maanden = max(1, min(maanden, MAX_MAANDEN))
    rente: Decimal | None = None
    steps: tuple[Step, ...] = ()
    if uiterste_betaaldatum is not None and hoofdsom > 0:
        expected = rente_rules.verwachte_rente(uiterste_betaaldatum, rente_rules.schema(start, hoofdsom, maanden))
        rente, steps = expected.result.rente, expected.steps
    total = hoofdsom + (rente or ZERO)
    termijn = ceil_cents(total / maanden)
    laatste = total - termijn * (maanden - 1)
    while laatste <= 0 and maanden > 1:  # the rounding up left nothing for the last month: one month less
        maanden -= 1
        termijn = ceil_cents(total / maanden)
        laatste = total - termijn * (maanden - 1)
    return Plan(maanden, hoofdsom, rente, termijn, laatste, start, add_months(start, maanden - 1), steps)


def smallest_plan(
    hoofdsom: Decimal, per_maand: Decimal, start: date, uiterste_betaaldatum: date | None, max_maanden: int
) -> Plan | None:
    """The shortest plan whose instalment fits ``per_maand`` within ``max_maanden``; ``None`` when none does."""
    if per_maand <= 0 or max_maanden < 1:
        return None
    n = max(1, months_needed(hoofdsom, per_maand))
    while n <= max_maanden:
        candidate = plan(hoofdsom, n, start, uiterste_betaaldatum)
        if candidate.termijnbedrag <= per_maand:
            return candidate
        n += 1
    return None


@dataclass(frozen=True, slots=True)
class Betalingsregeling:
    termijnbedrag: Decimal
    maanden: int
    besluit: str  # toegekend | kwijtscheldingsverzoek | geweigerd
    reden: str
    soort: str  # kort_uitstel | regeling | standaard | persoonlijk | afloscapaciteit | bijzonder | geen
    kort_uitstel_mogelijk: bool
    betalingscapaciteit_maand: Decimal
    methode: str
    verwachte_rente: Decimal | None = None
    totaal: Decimal = ZERO
    rente_meegeteld: bool = False
    laatste_termijn: Decimal | None = None
    eerste_termijn: date | None = None
    laatste_termijn_datum: date | None = None
    vermogen_aangewend: Decimal = ZERO
    routes: Routes | None = field(default=None, compare=False)


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
    fraude: bool = False,
    doelgroep: Doelgroep = Doelgroep.PARTICULIER,
    zekerheid: bool = False,
    verklaring_derde_deskundige: bool = False,
    laatste_vervaldag: date | None = None,
    uiterste_betaaldatum: date | None = None,
    eerste_termijn: date | None = None,
    uitgaven: Uitgaven | None = None,
    aow: bool = False,
    kostendelers: int = 0,
    belastbaar_inkomen_jaar: Decimal | None = None,
    bijstand: bool = False,
    woonadres_in_nederland: bool = True,
    partner_inkomen_maand: Decimal = ZERO,
    kort_uitstel_verleend: bool = False,
    kort_uitstel_vanaf: date | None = None,
    na_kort_uitstel: str | None = None,
    va_in_termijnen: bool = False,
) -> Explained[Betalingsregeling]:
    fraud = fraude or opzet_of_grove_schuld
    start = eerste_termijn or peildatum
    routes = open_routes(
        schuldeiser=schuldeiser,
        peildatum=peildatum,
        fraude=fraud,
        doelgroep=doelgroep,
        schuld=schuld,
        eerder_uitstel=eerder_uitstel,
        dwangbevel_betekend=dwangbevel_betekend,
        va_in_termijnen=va_in_termijnen,
        kort_uitstel_verleend=kort_uitstel_verleend,
        na_kort_uitstel=na_kort_uitstel,
        zekerheid=zekerheid,
        verklaring_derde_deskundige=verklaring_derde_deskundige,
    )
    open_ = routes.result
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
        woonlasten_werkelijk=schuldeiser is Creditor.BELASTINGDIENST,
        bijstand=bijstand,
        woonadres_in_nederland=woonadres_in_nederland,
        partner_inkomen_maand=partner_inkomen_maand,
    )
    steps = Explanation()
    steps.add("Schuldeiser", label(schuldeiser))
    steps.add("Schuld", format_eur(schuld))
    if fraud:
        steps.add(
            "Opzet of grove schuld (fraude) vastgesteld",
            "ja",
            legal_source=f"{URAWIR_7} lid 6; Verbetermaatregelen invordering Toeslagen, VM 10-12",
        )
    steps.extend(routes.steps)
    steps.extend(cap.steps)
    bc = cap.result.betalingscapaciteit_maand
    pct = param("betalingscapaciteit_aanwending_percentage", peildatum)
    capacity = round_cents(bc * pct.decimal / HUNDRED)
    steps.add(
        f"Maximaal termijnbedrag: {format_pct(pct.decimal)} van de betalingscapaciteit {format_eur(bc)}",
        format_eur(capacity),
        param=pct,
        legal_source="Leidraad Invordering 2008, art. 25.5.6",
    )
    if uiterste_betaaldatum is None:
        steps.add(
            "Geen uiterste betaaldatum opgegeven: de verwachte invorderingsrente kan niet worden berekend en is "
            "niet meegeteld; geef de uiterste betaaldatum op voor de regeling inclusief rente",
            None,
            legal_source="Invorderingsstrategie Belastingdienst, § 5.2.2",
        )
    kort = open_.is_open("kort_uitstel")

    def done(
        besluit: str, reden: str, soort: str, p: Plan | None = None, aangewend: Decimal = ZERO
    ) -> Explained[Betalingsregeling]:
        if p is not None:
            steps.extend(p.steps)
            _explain_plan(steps, p)
        steps.add(f"Besluit: {besluit.replace('_', ' ')}", reden)
        return Explained(
            Betalingsregeling(
                termijnbedrag=p.termijnbedrag if p else ZERO,
                maanden=p.maanden if p else 0,
                besluit=besluit,
                reden=reden,
                soort=soort,
                kort_uitstel_mogelijk=kort,
                betalingscapaciteit_maand=bc,
                methode=cap.result.methode,
                verwachte_rente=p.rente if p else None,
                totaal=p.totaal if p else max(ZERO, schuld - aangewend),
                rente_meegeteld=p is not None and p.rente is not None,
                laatste_termijn=p.laatste_termijn if p else None,
                eerste_termijn=p.eerste_datum if p else None,
                laatste_termijn_datum=p.laatste_datum if p else None,
                vermogen_aangewend=aangewend,
                routes=open_,
            ),
            steps.freeze(),
        )

    if schuld <= 0:
        return done("geweigerd", "Er staat niets open", "geen")

    if schuldeiser is Creditor.BELASTINGDIENST and doelgroep is not Doelgroep.PARTICULIER:
        return _ondernemer(
            steps,
            done,
            peildatum,
            schuld,
            zekerheid,
            verklaring_derde_deskundige,
            laatste_vervaldag or peildatum,
            uiterste_betaaldatum,
        )

    if schuldeiser is Creditor.BELASTINGDIENST:
        rest = schuld
        aangewend = ZERO
        if vermogen > 0:
            aangewend = min(vermogen, schuld)
            rest = schuld - aangewend
            steps.sum(
                [("schuld", schuld), ("vermogen dat eerst wordt aangewend", -aangewend)],
                ("deel voor de regeling", rest),
                legal_source="Leidraad Invordering 2008, art. 25.5.5",
            )
            if rest <= 0:
                return done(
                    "geweigerd",
                    f"Het vermogen van {format_eur(vermogen)} is genoeg om de schuld te betalen; een "
                    "betalingsregeling is niet nodig (LI 25.5.5)",
                    "geen",
                    aangewend=aangewend,
                )
        months_kort = int(param("kort_uitstel_maanden", peildatum).decimal)
        if kort:
            quick = smallest_plan(rest, capacity, start, uiterste_betaaldatum, months_kort)
            if quick is not None:
                end = add_months(peildatum, months_kort)
                return done(
                    "toegekend",
                    f"Kort uitstel van {months_kort} maanden zonder onderzoek: betaal {format_eur(quick.totaal)} "
                    f"uiterlijk {format_date(end)}, bijvoorbeeld in {quick.maanden} termijnen van "
                    f"{format_eur(quick.termijnbedrag)} (LI 25.5.3)",
                    "kort_uitstel",
                    quick,
                    aangewend,
                )
        if not open_.is_open("regeling"):
            route = open_.route("regeling")
            return done(
                "geweigerd", route.reden if route else "Geen betalingsregeling mogelijk", "geen", aangewend=aangewend
            )
        max_months_row = param("betalingsregeling_max_maanden_belastingdienst", peildatum)
        limit = int(max_months_row.decimal)
        if kort_uitstel_verleend and kort_uitstel_vanaf is not None:
            end = add_months(kort_uitstel_vanaf, limit)
            limit = max(0, (end.year - start.year) * 12 + end.month - start.month)
            steps.add(
                f"De {max_months_row.text} maanden lopen vanaf het kort uitstel van "
                f"{format_date(kort_uitstel_vanaf)}: nog {limit} maanden",
                format_date(end),
                param=max_months_row,
                legal_source="Leidraad Invordering 2008, art. 25.5.4",
            )
        else:
            steps.add(
                "Maximale looptijd",
                f"{max_months_row.text} maanden",
                param=max_months_row,
                legal_source="Leidraad Invordering 2008, art. 25.5.1",
            )
        found = smallest_plan(rest, capacity, start, uiterste_betaaldatum, limit)
        if found is None:
            shown = plan(rest, max(1, limit), start, uiterste_betaaldatum)
            total_text = format_eur(shown.totaal) + (" inclusief verwachte rente" if shown.rente is not None else "")
            if not open_.is_open("kwijtschelding"):
                return done(
                    "geweigerd",
                    f"Met {format_eur(capacity)} per maand is {total_text} niet binnen {limit} maanden af te "
                    "lossen, en kwijtschelding is bij opzet of grove schuld niet mogelijk (URIW art. 8): de "
                    "invordering gaat door",
                    "geen",
                    aangewend=aangewend,
                )
            reden = (
                f"Met {format_eur(capacity)} per maand is {total_text} niet binnen {limit} maanden af te "
                "lossen: het verzoek wordt behandeld als kwijtscheldingsverzoek (LI 25.5.1)"
            )
            return Explained(
                Betalingsregeling(
                    capacity,
                    limit if capacity > 0 else 0,
                    "kwijtscheldingsverzoek",
                    reden,
                    "geen",
                    kort,
                    bc,
                    cap.result.methode,
                    shown.rente,
                    shown.totaal,
                    shown.rente is not None,
                    None,
                    None,
                    None,
                    aangewend,
                    open_,
                ),
                (*steps.freeze(), Step("Besluit: kwijtscheldingsverzoek", reden)),
            )
        reden = f"{found.maanden} termijnen van {format_eur(found.termijnbedrag)}"
        if found.maanden > 1 and found.laatste_termijn != found.termijnbedrag:
            reden += f", de laatste {format_eur(found.laatste_termijn)}"
        if found.rente is not None:
            reden += f", inclusief {format_eur(found.rente)} verwachte invorderingsrente"
        reden += " (LI 25.5)"
        if kort and param("beleid_na_kort_uitstel", peildatum).text == "weigeren" and na_kort_uitstel != "regeling":
            reden += (
                f"; kort uitstel van {months_kort} maanden is hier te kort, en na kort uitstel wordt voor "
                "dezelfde schuld geen regeling meer verleend (LI 25.5.4)"
            )
        return done("toegekend", reden, "regeling", found, aangewend)

    # Dienst Toeslagen
    if fraud:
        return _afloscapaciteit(steps, done, peildatum, schuld, vermogen, bc, start, uiterste_betaaldatum)
    return _toeslagen(steps, done, peildatum, schuld, vermogen, capacity, start, uiterste_betaaldatum)


def _explain_plan(steps: Explanation, p: Plan) -> None:
    if p.rente is not None:
        steps.sum(
            [("schuld", p.hoofdsom), ("verwachte invorderingsrente", p.rente)],
            ("totaal van de regeling", p.totaal),
            legal_source="Invorderingsstrategie Belastingdienst, § 5.2.2; Invorderingswet 1990, art. 28",
        )
    steps.add(
        f"{p.maanden} maandtermijnen van {format_date(p.eerste_datum)} tot en met {format_date(p.laatste_datum)}",
        f"{format_eur(p.totaal)} / {p.maanden} = {format_eur(p.termijnbedrag)}"
        + (f"; laatste termijn {format_eur(p.laatste_termijn)}" if p.laatste_termijn != p.termijnbedrag else ""),
    )


def _ondernemer(
    steps: Explanation,
    done: Callable[..., Explained[Betalingsregeling]],
    peildatum: date,
    schuld: Decimal,
    zekerheid: bool,
    derde_deskundige: bool,
    laatste_vervaldag: date,
    uiterste_betaaldatum: date | None,
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
        return done("toegekend", reden, "bijzonder")
    if not zekerheid:
        return done(
            "geweigerd",
            "Ondernemers: een regeling vraagt zekerheid ter grootte van de schuld (bankgarantie, hypotheek; LI 25.6)",
            "geen",
        )
    months = (end.year - peildatum.year) * 12 + end.month - peildatum.month
    if months < 1:
        return done(
            "geweigerd",
            f"De termijn van {max_months.text} maanden na de vervaldag is al verstreken ({format_date(end)})",
            "geen",
        )
    p = plan(schuld, months, peildatum, uiterste_betaaldatum)
    return done(
        "toegekend", f"{p.maanden} termijnen van {format_eur(p.termijnbedrag)}, met zekerheid (LI 25.6)", "regeling", p
    )


def _toeslagen(
    steps: Explanation,
    done: Callable[..., Explained[Betalingsregeling]],
    peildatum: date,
    schuld: Decimal,
    vermogen: Decimal,
    capacity: Decimal,
    start: date,
    uiterste_betaaldatum: date | None,
) -> Explained[Betalingsregeling]:
    max_months = param("betalingsregeling_max_maanden_toeslagen", peildatum)
    minimum = param("toeslagen_min_termijnbedrag", peildatum)
    vervaldag = uiterste_betaaldatum or peildatum
    end = add_months(vervaldag, int(max_months.decimal))
    available = (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day else 0)
    available = max(0, min(available, int(max_months.decimal)))
    steps.add(
        f"Standaardregeling: uiterlijk {max_months.text} maanden na de vervaldag {format_date(vervaldag)}"
        + ("" if uiterste_betaaldatum else " (geen vervaldag opgegeven: gerekend vanaf de peildatum)")
        + f"; vanaf {format_date(start)} nog {available} maandtermijnen",
        format_date(end),
        param=max_months,
        legal_source=f"{URAWIR_7} lid 3",
    )
    if available >= 1:
        standard = plan(schuld, available, start, uiterste_betaaldatum)
        termijn = max(minimum.decimal, standard.termijnbedrag)
        if termijn > standard.termijnbedrag:
            standard = plan(schuld, max(1, months_needed(schuld, termijn)), start, uiterste_betaaldatum)
            if standard.termijnbedrag < minimum.decimal and standard.maanden > 1:
                standard = plan(schuld, standard.maanden - 1, start, uiterste_betaaldatum)
        steps.add(
            f"Standaardregeling: ten minste {format_eur(minimum.decimal)} per maand",
            format_eur(standard.termijnbedrag),
            param=minimum,
            legal_source=f"{URAWIR_7} lid 1 en 3",
        )
        if standard.termijnbedrag <= capacity:
            return done(
                "toegekend",
                f"Standaard betalingsregeling: {standard.maanden} termijnen van "
                f"{format_eur(standard.termijnbedrag)}"
                + (
                    f", inclusief {format_eur(standard.rente)} verwachte invorderingsrente"
                    if standard.rente is not None
                    else ""
                ),
                "standaard",
                standard,
            )
        steps.add(
            "Het standaardbedrag is hoger dan de betalingscapaciteit toelaat: persoonlijke betalingsregeling",
            format_eur(capacity),
            legal_source=f"{URAWIR_7} lid 4",
        )
    else:
        steps.add(
            "De 24 maanden na de vervaldag zijn voorbij: geen standaardregeling meer; persoonlijke betalingsregeling",
            None,
            legal_source=f"{URAWIR_7} lid 3-4",
        )
    if vermogen >= schuld:
        return done(
            "geweigerd",
            f"Geen persoonlijke betalingsregeling: het vermogen van {format_eur(vermogen)} is genoeg om de "
            "schuld te betalen (Uitvoeringsregeling Awir art. 7 lid 5)",
            "geen",
        )
    if vermogen > 0:
        steps.add(
            "Er is vermogen, maar niet genoeg om de schuld te betalen: het staat een persoonlijke regeling niet "
            "in de weg",
            format_eur(vermogen),
            legal_source=f"{URAWIR_7} lid 5",
        )
    if capacity <= 0:
        return done(
            "geweigerd",
            "Geen betalingscapaciteit: Toeslagen kan besluiten de schuld buiten invordering te laten "
            "(met verrekening van nabetalingen gedurende 3 jaar)",
            "geen",
        )
    limit = int(max_months.decimal)
    found = smallest_plan(schuld, capacity, start, uiterste_betaaldatum, limit)
    if found is not None:
        return done(
            "toegekend",
            f"Persoonlijke betalingsregeling: {found.maanden} termijnen van {format_eur(found.termijnbedrag)}"
            + (f", inclusief {format_eur(found.rente)} verwachte invorderingsrente" if found.rente is not None else ""),
            "persoonlijk",
            found,
        )
    # capacity for 24 months, the rest may be left uncollected
    p = plan(schuld, limit, start, uiterste_betaaldatum)
    paid = capacity * limit
    partial = Plan(limit, p.hoofdsom, p.rente, capacity, capacity, start, add_months(start, limit - 1), p.steps)
    reden = (
        f"Persoonlijke betalingsregeling: {limit} termijnen van {format_eur(capacity)}; daarna blijft "
        f"{format_eur(max(ZERO, p.totaal - paid))} over, waarvoor Toeslagen kan besluiten het niet in te vorderen"
    )
    return done("toegekend", reden, "persoonlijk", partial)


def _afloscapaciteit(
    steps: Explanation,
    done: Callable[..., Explained[Betalingsregeling]],
    peildatum: date,
    schuld: Decimal,
    vermogen: Decimal,
    bc: Decimal,
    start: date,
    uiterste_betaaldatum: date | None,
) -> Explained[Betalingsregeling]:
    """Fraud at Toeslagen (URAwir art. 7 lid 6; VM 10-12): instalments on afloscapaciteit, no buiten invordering."""
    pct = param("afloscapaciteit_percentage", peildatum)
    max_months = param("afloscapaciteit_max_maanden", peildatum)
    afl = round_cents(bc * pct.decimal / HUNDRED)
    steps.add(
        f"Afloscapaciteit: {format_pct(pct.decimal)} van de betalingscapaciteit {format_eur(bc)}",
        format_eur(afl),
        param=pct,
        legal_source="Verbetermaatregelen invordering Toeslagen, VM 10-12",
    )
    rest = schuld
    if vermogen > 0:
        used = min(vermogen, schuld)
        rest = schuld - used
        steps.sum(
            [("schuld", schuld), ("vermogen dat eerst wordt aangewend", -used)],
            ("deel voor de termijnen", rest),
            legal_source="Verbetermaatregelen invordering Toeslagen, VM 10-12 en 19",
        )
        if rest <= 0:
            return done(
                "geweigerd",
                f"Het vermogen van {format_eur(vermogen)} is genoeg om de schuld te betalen",
                "geen",
                aangewend=used,
            )
    if afl <= 0:
        return done(
            "geweigerd",
            "Geen afloscapaciteit: bij fraude wordt de schuld niet buiten invordering gelaten, de invordering "
            "gaat door (VM 10-12)",
            "geen",
        )
    limit = int(max_months.decimal)
    found = smallest_plan(rest, afl, start, uiterste_betaaldatum, limit)
    if found is None:
        p = plan(rest, limit, start, uiterste_betaaldatum)
        partial = Plan(limit, p.hoofdsom, p.rente, afl, afl, start, add_months(start, limit - 1), p.steps)
        left = max(ZERO, p.totaal - afl * limit)
        return done(
            "toegekend",
            f"Betalen naar afloscapaciteit: {limit} termijnen van {format_eur(afl)}; daarna blijft "
            f"{format_eur(left)} over, dat niet buiten invordering wordt gelaten (VM 10-12)",
            "afloscapaciteit",
            partial,
            schuld - rest,
        )
    reden = f"Betalen naar afloscapaciteit: {found.maanden} termijnen van {format_eur(found.termijnbedrag)}"
    if found.rente is not None:
        reden += f", inclusief {format_eur(found.rente)} verwachte invorderingsrente"
    reden += "; geen standaard- of persoonlijke regeling en geen buiten invordering bij fraude (VM 10-12)"
    return done("toegekend", reden, "afloscapaciteit", found, schuld - rest)
