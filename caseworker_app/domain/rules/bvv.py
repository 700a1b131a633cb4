"""Beslagvrije voet (Rv art. 475c-475fa as in force since 1-1-2021; rules.md §1 and §0a).

Order of the computation, each step explained:

1. No residential address in the Netherlands (BRP): 47.5% of norm B (Rv 475da lid 4).
2. Attachment of a bijstand-type benefit: 95% of the debtor's bijstandsnorm minus other income counted by
   the Participatiewet (Rv 475dc lid 2); no compensation and no maximum.
3. Otherwise 95% of the norm (A: alleenstaande(-ouder), B: gehuwden) plus, when the belastbaar inkomen (C)
   is known, the three compensation components of Rv 475da lid 2 (zorg, capped per lid 3; huur; kindgebonden
   budget for parents), capped at the maximum for the leefsituatie (lid 1).  Without C the compensation cannot be
   computed; the highest compensation is assumed (the maximum), in the debtor's favour, and the explanation says so.
4. Reductions (Rv 475db lid 1): (a) the spouse's non-attached periodic income, at most half the bvv;
   (b) the debtor's own non-attached periodic income.
5. The 95%-of-income rule (Rv 475dc lid 1): never more than 95% of the attached income incl. vakantiebijslag.
6. Rounded half up to cents (rules.md §1.7).  ``afdracht`` = income minus the bvv, never negative.

K and L (kindgebonden budget) have no confirmed value; without them the largest possible kindgebonden-budget
component is used (the difference between the maxima with and without children), which favours the debtor.

The formula is implemented in its 2026 shape (huur component ``min(I x F/12, H - J)``).  For a date whose formula
inputs are not all in the parameter tables (before 2026 the law used ``(F x C2 + G x C) - J``), the published
maximum of that period applies and the explanation names the missing figures (rules.md §0b: a bvv must be
computable for every date since 1-1-2021).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import ZERO, format_date, format_eur, format_pct, round_cents
from caseworker_app.domain.params import ParamValue, load_parameters, param
from caseworker_app.domain.types import Leefsituatie, label

HUNDRED = Decimal(100)
TWELVE = Decimal(12)

_GEHUWD = frozenset({Leefsituatie.GEHUWD_ZONDER_KINDEREN, Leefsituatie.GEHUWD_MET_KINDEREN})
_MET_KINDEREN = frozenset({Leefsituatie.ALLEENSTAANDE_OUDER, Leefsituatie.GEHUWD_MET_KINDEREN})
_ZONDER_KINDEREN = {
    Leefsituatie.ALLEENSTAANDE_OUDER: Leefsituatie.ALLEENSTAANDE,
    Leefsituatie.GEHUWD_MET_KINDEREN: Leefsituatie.GEHUWD_ZONDER_KINDEREN,
}


def norm(leefsituatie: Leefsituatie, peildatum: date) -> ParamValue:
    """The Participatiewet art. 21 norm incl. vakantietoeslag: A (alleenstaande/-ouder) or B (gehuwden)."""
    name = "bijstandsnorm_gehuwden" if leefsituatie in _GEHUWD else "bijstandsnorm_alleenstaande"
    return param(name, peildatum)


@dataclass(frozen=True, slots=True)
class BeslagvrijeVoet:
    beslagvrije_voet: Decimal
    afdracht: Decimal
    volledig: bool  # False when the compensation could not be computed (no belastbaar inkomen given)
    maximum: Decimal | None


def _pct(row: ParamValue) -> Decimal:
    return row.decimal / HUNDRED


def _formula_inputs(leefsituatie: Leefsituatie, peildatum: date) -> tuple[str, ...]:
    gehuwd = leefsituatie in _GEHUWD
    een = leefsituatie is Leefsituatie.ALLEENSTAANDE
    return (
        "bvv_drempelinkomen_zorgtoeslag",
        "bvv_zorgtoeslag_percentage",
        "bvv_standaardpremie_zvw",
        "pw_23_2_gehuwden" if gehuwd else "pw_23_2_alleenstaande",
        "bvv_huurtoeslag_afbouw_een" if een else "bvv_huurtoeslag_afbouw_meer",
        "bvv_maximale_rekenhuur",
        "bvv_basishuur_een" if een else "bvv_basishuur_meer",
        "bvv_ijkpunt_een" if een else "bvv_ijkpunt_meer",
    )


def missing_formula_inputs(leefsituatie: Leefsituatie, peildatum: date) -> tuple[str, ...]:
    """The descriptions of the formula inputs without a row for ``peildatum`` (empty: the formula can be used)."""
    tables = load_parameters()
    missing = []
    for name in _formula_inputs(leefsituatie, peildatum):
        table = tables.table(name)
        if table.at(peildatum) is None:
            missing.append(table.description.split(" (")[0])
    return tuple(missing)


def _compensation(steps: Explanation, leefsituatie: Leefsituatie, peildatum: date, c: Decimal) -> Decimal:
    gehuwd = leefsituatie in _GEHUWD
    een = leefsituatie is Leefsituatie.ALLEENSTAANDE
    d_row = param("bvv_drempelinkomen_zorgtoeslag", peildatum)
    e_row = param("bvv_zorgtoeslag_percentage", peildatum)
    d = min(d_row.decimal, c)
    zorg = (c - d) / TWELVE * _pct(e_row)
    steps.add("Drempelinkomen zorgtoeslag (D; gelijk aan C als C lager is)", format_eur(d), param=d_row)
    premie = param("bvv_standaardpremie_zvw", peildatum)
    normpremie = param("pw_23_2_gehuwden" if gehuwd else "pw_23_2_alleenstaande", peildatum)
    persons = 2 if gehuwd else 1
    cap = premie.decimal * persons / TWELVE - normpremie.decimal
    steps.add(f"Zorgcomponent ((C - D) / 12) x {format_pct(e_row.decimal)}", format_eur(round_cents(zorg)), param=e_row)
    steps.add(
        f"Grens zorgcomponent: {persons} x standaardpremie / 12",
        format_eur(round_cents(premie.decimal * persons / TWELVE)),
        param=premie,
    )
    steps.add("min normpremie in de bijstandsnorm (Rv 475da lid 3)", format_eur(round_cents(cap)), param=normpremie)
    zorg = max(ZERO, min(zorg, cap))
    f_row = param("bvv_huurtoeslag_afbouw_een" if een else "bvv_huurtoeslag_afbouw_meer", peildatum)
    h_row = param("bvv_maximale_rekenhuur", peildatum)
    j_row = param("bvv_basishuur_een" if een else "bvv_basishuur_meer", peildatum)
    ijk = param("bvv_ijkpunt_een" if een else "bvv_ijkpunt_meer", peildatum)
    i = c - ijk.decimal
    steps.add("I = C min het minimum-inkomensijkpunt", format_eur(i), param=ijk)
    huur = max(ZERO, min(i * _pct(f_row) / TWELVE, h_row.decimal - j_row.decimal))
    steps.add(f"Afbouwpercentage huurtoeslag ({'F' if een else 'G'})", format_pct(f_row.decimal), param=f_row)
    steps.add("Maximale rekenhuur (H)", format_eur(h_row.decimal), param=h_row)
    steps.add("Basishuur (J)", format_eur(j_row.decimal), param=j_row)
    steps.add("Huurcomponent min(I x F/12, H - J)", format_eur(round_cents(huur)))
    total = zorg + huur
    if leefsituatie in _MET_KINDEREN:
        tables = load_parameters()
        k_row = tables.table("bvv_kgb_afbouw_percentage").at(peildatum)
        l_row = tables.table("bvv_kgb_drempel_verhoging_partner").at(peildatum)
        if k_row is not None and (l_row is not None or leefsituatie is Leefsituatie.ALLEENSTAANDE_OUDER):
            extra = l_row.decimal if (l_row is not None and gehuwd) else ZERO
            kgb = max(ZERO, (c - (d_row.decimal + extra)) / TWELVE * _pct(k_row))
            steps.add("Kindgebonden-budgetcomponent", format_eur(round_cents(kgb)), param=k_row)
        else:
            with_kids = param(f"bvv_max_{leefsituatie.value}", peildatum)
            without = param(f"bvv_max_{_ZONDER_KINDEREN[leefsituatie].value}", peildatum)
            kgb = with_kids.decimal - without.decimal
            steps.add(
                "Kindgebonden-budgetcomponent: K en L zijn niet bekend; het hoogst mogelijke bedrag "
                "(verschil tussen de maxima met en zonder kinderen) is gebruikt, in het voordeel van de "
                "schuldenaar",
                format_eur(kgb),
                param=with_kids,
            )
        total += kgb
    return total


def beslagvrije_voet(
    *,
    peildatum: date,
    leefsituatie: Leefsituatie,
    inkomen_maand: Decimal,
    belastbaar_inkomen_jaar: Decimal | None = None,
    bijstand: bool = False,
    woonadres_in_nederland: bool = True,
    partner_inkomen_maand: Decimal = ZERO,
    overig_inkomen_maand: Decimal = ZERO,
) -> Explained[BeslagvrijeVoet]:
    steps = Explanation()
    pct = param("bvv_percentage", peildatum)
    steps.add("Leefsituatie", label(leefsituatie))
    volledig = True
    maximum: Decimal | None = None
    if not woonadres_in_nederland:
        b = param("bijstandsnorm_gehuwden", peildatum)
        abroad = param("bvv_geen_woonadres_percentage", peildatum)
        bvv = b.decimal * _pct(abroad)
        steps.add("Norm B (gehuwden, incl. vakantietoeslag)", format_eur(b.decimal), param=b)
        steps.add(
            f"Geen woonadres in Nederland: {format_pct(abroad.decimal)} van norm B (Rv 475da lid 4)",
            format_eur(round_cents(bvv)),
            param=abroad,
        )
    elif bijstand:
        n = norm(leefsituatie, peildatum)
        bvv = n.decimal * _pct(pct)
        steps.add("Bijstandsnorm van de schuldenaar (incl. vakantietoeslag)", format_eur(n.decimal), param=n)
        steps.add(
            f"Beslag op bijstand: {format_pct(pct.decimal)} van de norm (Rv 475dc lid 2)",
            format_eur(round_cents(bvv)),
            param=pct,
        )
        if overig_inkomen_maand:
            bvv = max(ZERO, bvv - overig_inkomen_maand)
            steps.add("Min ander inkomen dat de Participatiewet meetelt (Pw art. 32)", format_eur(round_cents(bvv)))
            overig_inkomen_maand = ZERO
    else:
        n = norm(leefsituatie, peildatum)
        base = n.decimal * _pct(pct)
        steps.add(
            f"Bijstandsnorm {'B' if leefsituatie in _GEHUWD else 'A'} (incl. vakantietoeslag)",
            format_eur(n.decimal),
            param=n,
        )
        steps.add(f"{format_pct(pct.decimal)} van de norm (Rv 475da lid 2)", format_eur(round_cents(base)), param=pct)
        bvv = base
        missing = missing_formula_inputs(leefsituatie, peildatum) if belastbaar_inkomen_jaar is not None else ()
        if belastbaar_inkomen_jaar is not None and not missing:
            steps.add("Belastbaar inkomen per jaar (C)", format_eur(belastbaar_inkomen_jaar))
            comp = _compensation(steps, leefsituatie, peildatum, belastbaar_inkomen_jaar)
            bvv = base + comp
            steps.add("Formule Rv 475da lid 2: 95% van de norm plus compensatie", format_eur(round_cents(bvv)))
        max_row = param(f"bvv_max_{leefsituatie.value}", peildatum)
        maximum = max_row.decimal
        if missing:
            volledig = False
            bvv = maximum
            steps.add(
                f"Voor {format_date(peildatum)} staan niet alle cijfers van de formule in de tabellen ("
                + ", ".join(m[:1].lower() + m[1:] for m in missing)
                + "): het gepubliceerde maximum van die periode geldt, in het voordeel van de schuldenaar",
                format_eur(maximum),
                param=max_row,
            )
        elif belastbaar_inkomen_jaar is None:
            # Without C the compensation cannot be computed.  The bestaansminimum is protected "only in the
            # citizen's favour": take the highest compensation the law allows, which is the maximum (lid 1, 8).
            volledig = False
            bvv = maximum
            steps.add(
                "Geen belastbaar inkomen bekend: de compensatie voor toeslagen is op het hoogste bedrag gezet, "
                "in het voordeel van de schuldenaar; vraag het belastbaar inkomen op voor een precieze berekening",
                format_eur(maximum),
                param=max_row,
            )
        if bvv > maximum:
            bvv = maximum
            steps.add("Begrensd op het maximum (Rv 475da lid 1)", format_eur(maximum), param=max_row)
        else:
            steps.add("Onder het maximum (Rv 475da lid 1)", format_eur(maximum), param=max_row)
    if partner_inkomen_maand > 0:
        half = param("bvv_partner_korting_max_deel", peildatum)
        reduction = min(partner_inkomen_maand, bvv * _pct(half))
        bvv -= reduction
        steps.add(
            f"Min niet-beslagen inkomen van de echtgenoot, ten hoogste {format_pct(half.decimal)} van de "
            "beslagvrije voet (Rv 475db lid 1 onder a)",
            format_eur(round_cents(reduction)),
            param=half,
        )
    if overig_inkomen_maand > 0:
        reduction = min(overig_inkomen_maand, bvv)
        bvv -= reduction
        steps.add(
            "Min eigen niet-beslagen periodiek inkomen (Rv 475db lid 1 onder b)", format_eur(round_cents(reduction))
        )
    ceiling = inkomen_maand * _pct(pct)
    if bvv > ceiling:
        bvv = ceiling
        steps.add(
            f"Niet meer dan {format_pct(pct.decimal)} van het inkomen {format_eur(inkomen_maand)} (Rv 475dc lid 1)",
            format_eur(round_cents(bvv)),
            param=pct,
        )
    bvv = round_cents(max(ZERO, bvv))
    afdracht = max(ZERO, round_cents(inkomen_maand) - bvv)
    steps.add("Beslagvrije voet per maand (afgerond op centen)", format_eur(bvv))
    steps.sum(
        [("inkomen", round_cents(inkomen_maand)), ("beslagvrije voet", -bvv)],
        ("af te dragen per maand", afdracht),
        legal_source="Wetboek van Burgerlijke Rechtsvordering, art. 475c-475dc",
    )
    return Explained(BeslagvrijeVoet(bvv, afdracht, volledig, maximum), steps.freeze())
