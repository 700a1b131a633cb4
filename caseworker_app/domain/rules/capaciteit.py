"""Betalingscapaciteit (URIW art. 13-16): what a person can pay per month above the bestaansminimum.

* **Kosten van bestaan** (URIW art. 16): 90% of the bijstandsnorm that applies to the person -- art. 21 a/b below the
  AOW age, art. 22 a/b/c from it (lid 2), and the kostendelersnorm of Pw art. 22a when others share the home
  (``(40% + A x 30%) / A x B`` per person, A = everybody in the home, spouses get the sum of both norms).
* **Aftrekbare uitgaven** (URIW art. 15 lid 1) -- only these, never "every recorded fixed cost":

  a/e. payments on other tax debts and toeslag-terugvorderingen, and on loans taken out to pay them;
  b.   nettowoonlasten (rent or mortgage interest minus huurtoeslag/woonkostentoeslag) *above the basishuur* and up
       to the maximale rekenhuur; shared with kostendelers, the person's equal share (lid 4).  For a
       Belastingdienst betalingsregeling LI 25.5.6 takes the *actual* housing costs: no cap at the rekenhuur;
  c.   health insurance premiums minus the normpremie already in the bijstandsnorm (Pw art. 23 lid 2) and minus the
       zorgtoeslag received;
  d.   alimentatie paid;
  h.   other necessary expenditure the ontvanger accepts (``overige``; was ``aftrekbare_uitgaven_maand``).

* **Betalingscapaciteit** (art. 13) = NBI − kosten van bestaan − aftrekbare uitgaven, never negative.
* Policy switch ``methode`` (invorderingsstrategie): ``"bvv"`` computes the capacity as the income above the
  beslagvrije voet and applies it **only in the person's favour** (when lower).  The bvv already contains a
  compensation for housing and zorg (Rv 475da lid 2), so woonlasten and zorgpremie are not deducted a second time;
  the other deductions are.  The bvv actually used is shown.

Every subtraction is one visible step ("inkomen − kosten van bestaan − aftrekbare uitgaven = betalingscapaciteit").
A figure that is not in the tables for the date is resolved in the person's favour and the step says so, marked
"niet bevestigd".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caseworker_app.domain.explain import Explained, Explanation, Step
from caseworker_app.domain.money import ZERO, format_eur, format_pct, round_cents
from caseworker_app.domain.params import ParamValue, load_parameters, param
from caseworker_app.domain.rules.bvv import beslagvrije_voet
from caseworker_app.domain.rules.common import add_months
from caseworker_app.domain.types import Leefsituatie

HUNDRED = Decimal(100)
TWELVE = Decimal(12)
METHODEN = ("wettelijk", "bvv")

_GEHUWD = frozenset({Leefsituatie.GEHUWD_ZONDER_KINDEREN, Leefsituatie.GEHUWD_MET_KINDEREN})
URIW_13 = "Uitvoeringsregeling Invorderingswet 1990, art. 13"
URIW_15 = "Uitvoeringsregeling Invorderingswet 1990, art. 15"
URIW_16 = "Uitvoeringsregeling Invorderingswet 1990, art. 16"


@dataclass(frozen=True, slots=True)
class Uitgaven:
    """What the person pays per month, as recorded; URIW art. 15 decides what of it counts."""

    woonlasten: Decimal = ZERO  # rent, or mortgage interest and erfpacht, of the home the person lives in
    huurtoeslag: Decimal = ZERO  # huurtoeslag or woonkostentoeslag received
    zorgpremie: Decimal = ZERO  # health insurance premiums not withheld by the employer
    zorgtoeslag: Decimal = ZERO  # zorgtoeslag received
    belastingschulden: Decimal = ZERO  # payments on other tax debts, toeslag-terugvorderingen, loans for them (a, e)
    alimentatie: Decimal = ZERO  # alimentatie paid (d)
    overige: Decimal = ZERO  # other necessary expenditure accepted by the ontvanger (h)

    @property
    def zonder_woon_en_zorg(self) -> Decimal:
        return self.belastingschulden + self.alimentatie + self.overige


@dataclass(frozen=True, slots=True)
class Huishouden:
    """The household as the norm sees it."""

    leefsituatie: Leefsituatie
    aow: bool = False  # the person (or the spouse) has reached the AOW age
    kostendelers: int = 0  # kostendelende medebewoners (Pw art. 19a), the spouse not counted

    @property
    def gehuwd(self) -> bool:
        return self.leefsituatie in _GEHUWD

    @property
    def personen(self) -> int:
        """The person and the spouse."""
        return 2 if self.gehuwd else 1


@dataclass(frozen=True, slots=True)
class Capaciteit:
    kosten_van_bestaan: Decimal
    betalingscapaciteit_maand: Decimal
    methode: str  # the one that applied
    aftrekbare_uitgaven: Decimal = ZERO
    beslagvrije_voet: Decimal | None = None  # the bvv used by the bvv method, when that was computed


def _unknown(description: str, value: str, name: str) -> Step:
    """A step for a figure that has no row for the date: shown as not confirmed, with what was done instead."""
    return Step(
        description, value, parameter=name, status="PLACEHOLDER", note="Geen cijfer in de tabellen voor deze datum"
    )


def _optional(name: str, day: date) -> ParamValue | None:
    return load_parameters().table(name).at(day)


def norm_voor(huishouden: Huishouden, peildatum: date, steps: Explanation) -> Decimal:
    """The bijstandsnorm that applies to the household (Pw art. 21, 22, 22a), with its steps."""
    gehuwd = huishouden.gehuwd
    if huishouden.aow:
        name = "bijstandsnorm_aow_gehuwden" if gehuwd else "bijstandsnorm_aow_alleenstaande"
        label = "Bijstandsnorm vanaf de AOW-leeftijd" + (" (gehuwden)" if gehuwd else " (alleenstaande)")
        legal_source = "Participatiewet, art. 22; Uitvoeringsregeling Invorderingswet 1990, art. 16 lid 2"
    else:
        name = "bijstandsnorm_gehuwden" if gehuwd else "bijstandsnorm_alleenstaande"
        label = "Bijstandsnorm" + (" gehuwden" if gehuwd else " alleenstaande") + " (incl. vakantietoeslag)"
        legal_source = "Participatiewet, art. 21; Uitvoeringsregeling Invorderingswet 1990, art. 16 lid 1"
    if huishouden.kostendelers <= 0:
        row = param(name, peildatum)
        steps.add(label, format_eur(row.decimal), param=row, legal_source=legal_source)
        return row.decimal
    # kostendelersnorm: B is the gehuwdennorm of the age group (Pw art. 22a lid 1 onder a-c)
    b_name = "bijstandsnorm_aow_gehuwden" if huishouden.aow else "bijstandsnorm_gehuwden"
    b = param(b_name, peildatum)
    basis = param("kostendelersnorm_basis_percentage", peildatum)
    per = param("kostendelersnorm_per_persoon_percentage", peildatum)
    a = huishouden.kostendelers + huishouden.personen
    steps.add("Gehuwdennorm B waarvan de kostendelersnorm uitgaat", format_eur(b.decimal), param=b)
    share = (basis.decimal + per.decimal * a) / (a * HUNDRED)
    per_person = round_cents(b.decimal * share)
    steps.add(
        f"Kostendelersnorm per persoon: ({format_pct(basis.decimal)} + {a} × {format_pct(per.decimal)}) / {a} "
        f"van de gehuwdennorm ({a} personen in de woning)",
        format_eur(per_person),
        param=per,
        legal_source="Participatiewet, art. 22a lid 1",
    )
    norm = per_person * huishouden.personen
    if gehuwd:
        steps.add(
            "Gehuwden: de som van de kostendelersnormen van beide echtgenoten",
            format_eur(norm),
            legal_source="Participatiewet, art. 22a lid 2; Uitvoeringsregeling Invorderingswet 1990, art. 16",
        )
    return norm


def kosten_van_bestaan(leefsituatie: Leefsituatie | Huishouden, peildatum: date, steps: Explanation) -> Decimal:
    """90% of the applicable norm (URIW art. 16); accepts a bare leefsituatie for the simple case."""
    huishouden = leefsituatie if isinstance(leefsituatie, Huishouden) else Huishouden(leefsituatie)
    n = norm_voor(huishouden, peildatum, steps)
    pct = param("kosten_van_bestaan_percentage", peildatum)
    kvb = round_cents(n * pct.decimal / HUNDRED)
    steps.add(
        f"Kosten van bestaan: {format_pct(pct.decimal)} van de norm", format_eur(kvb), param=pct, legal_source=URIW_16
    )
    return kvb


def _woonlasten(
    uitgaven: Uitgaven, huishouden: Huishouden, peildatum: date, steps: Explanation, *, werkelijk: bool
) -> Decimal:
    """URIW art. 15 lid 1 onder b (and lid 4 for kostendelers; LI 25.5.6 for a betalingsregeling)."""
    if uitgaven.woonlasten <= 0:
        return ZERO
    netto = max(ZERO, uitgaven.woonlasten - uitgaven.huurtoeslag)
    if uitgaven.huurtoeslag:
        steps.sum(
            [("woonlasten", uitgaven.woonlasten), ("huurtoeslag", -uitgaven.huurtoeslag)],
            ("netto woonlasten", netto),
            legal_source=f"{URIW_15} lid 3",
        )
    else:
        steps.add(
            "Netto woonlasten per maand (huur of hypotheekrente)", format_eur(netto), legal_source=f"{URIW_15} lid 3"
        )
    if huishouden.kostendelers > 0:
        total = huishouden.personen + huishouden.kostendelers
        share = round_cents(netto * huishouden.personen / total)
        steps.add(
            f"Gedeeld met {huishouden.kostendelers} kostendeler(s): het eigen deel, {huishouden.personen} van {total}",
            format_eur(share),
            legal_source=f"{URIW_15} lid 4",
        )
        netto = share
    een = huishouden.leefsituatie is Leefsituatie.ALLEENSTAANDE and huishouden.kostendelers == 0
    j_name = "bvv_basishuur_een" if een else "bvv_basishuur_meer"
    j = _optional(j_name, peildatum)
    if j is None:
        basishuur = ZERO
        steps.extend(
            [
                _unknown(
                    "Basishuur voor deze datum niet in de tabellen: niets als eigen deel gerekend, "
                    "in het voordeel van de burger",
                    format_eur(ZERO),
                    j_name,
                )
            ]
        )
    else:
        basishuur = j.decimal
        steps.add(
            "Basishuur: dit deel zit al in de norm en is niet aftrekbaar",
            format_eur(basishuur),
            param=j,
            legal_source=f"{URIW_15} lid 1 onder b; Wet op de huurtoeslag, art. 16",
        )
    capped = netto
    if werkelijk:
        steps.add(
            "Betalingsregeling: de werkelijke woonlasten tellen, niet begrensd op de maximale rekenhuur",
            format_eur(netto),
            legal_source="Leidraad Invordering 2008, art. 25.5.6",
        )
    else:
        h = _optional("bvv_maximale_rekenhuur", peildatum)
        if h is None:
            steps.extend(
                [
                    _unknown(
                        "Maximale rekenhuur voor deze datum niet in de tabellen: woonlasten niet "
                        "begrensd, in het voordeel van de burger",
                        format_eur(netto),
                        "bvv_maximale_rekenhuur",
                    )
                ]
            )
        else:
            capped = min(netto, h.decimal)
            steps.add(
                "Woonlasten tellen tot de maximale rekenhuur",
                format_eur(h.decimal),
                param=h,
                legal_source=f"{URIW_15} lid 1 onder b; Wet op de huurtoeslag, art. 13 lid 1 onder a",
            )
    deductible = max(ZERO, capped - basishuur)
    steps.sum(
        [("woonlasten die tellen", capped), ("basishuur", -basishuur)],
        ("aftrekbare woonlasten", deductible),
        legal_source=f"{URIW_15} lid 1 onder b",
    )
    return deductible


def _zorg(uitgaven: Uitgaven, huishouden: Huishouden, peildatum: date, steps: Explanation) -> Decimal:
    """URIW art. 15 lid 1 onder c: premium minus the normpremie in the norm minus zorgtoeslag."""
    if uitgaven.zorgpremie <= 0:
        return ZERO
    name = "pw_23_2_gehuwden" if huishouden.gehuwd else "pw_23_2_alleenstaande"
    row = _optional(name, peildatum)
    if row is None:
        normpremie = ZERO
        steps.extend(
            [
                _unknown(
                    "Normpremie in de bijstandsnorm voor deze datum niet in de tabellen: niet "
                    "afgetrokken, in het voordeel van de burger",
                    format_eur(ZERO),
                    name,
                )
            ]
        )
    else:
        normpremie = row.decimal
        steps.add(
            "Normpremie die al in de bijstandsnorm zit",
            format_eur(normpremie),
            param=row,
            legal_source=f"{URIW_15} lid 1 onder c; Participatiewet, art. 23 lid 2",
        )
    result = max(ZERO, uitgaven.zorgpremie - normpremie - uitgaven.zorgtoeslag)
    terms = [("zorgpremie", uitgaven.zorgpremie), ("normpremie", -normpremie)]
    if uitgaven.zorgtoeslag:
        terms.append(("zorgtoeslag", -uitgaven.zorgtoeslag))
    steps.sum(terms, ("aftrekbare zorgpremie", result), legal_source=f"{URIW_15} lid 1 onder c")
    return result


def aftrekbare_uitgaven(
    uitgaven: Uitgaven,
    huishouden: Huishouden,
    peildatum: date,
    steps: Explanation,
    *,
    woonlasten_werkelijk: bool = False,
    met_woon_en_zorg: bool = True,
) -> Decimal:
    """The expenditure URIW art. 15 lets count, each part explained; ``met_woon_en_zorg=False`` for the bvv method."""
    total = ZERO
    if met_woon_en_zorg:
        total += _woonlasten(uitgaven, huishouden, peildatum, steps, werkelijk=woonlasten_werkelijk)
        total += _zorg(uitgaven, huishouden, peildatum, steps)
    for amount, text, lid in (
        (uitgaven.belastingschulden, "Betalingen op andere belastingschulden en terugvorderingen", "onder a en e"),
        (uitgaven.alimentatie, "Betaalde alimentatie", "onder d"),
        (uitgaven.overige, "Andere noodzakelijke uitgaven die de ontvanger aanvaardt", "onder h"),
    ):
        if amount:
            steps.add(text, format_eur(amount), legal_source=f"{URIW_15} lid 1 {lid}")
            total += amount
    return total


def betalingscapaciteit(
    *,
    peildatum: date,
    leefsituatie: Leefsituatie,
    netto_besteedbaar_inkomen_maand: Decimal,
    aftrekbare_uitgaven_maand: Decimal = ZERO,
    methode: str = "wettelijk",
    belastbaar_inkomen_jaar: Decimal | None = None,
    uitgaven: Uitgaven | None = None,
    aow: bool = False,
    kostendelers: int = 0,
    woonlasten_werkelijk: bool = False,
    bijstand: bool = False,
    woonadres_in_nederland: bool = True,
    partner_inkomen_maand: Decimal = ZERO,
) -> Explained[Capaciteit]:
    """The capacity per month.  ``aftrekbare_uitgaven_maand`` is expenditure already accepted (art. 15 onder h),
    added to ``uitgaven.overige``.  ``partner_inkomen_maand`` is the part of the NBI that is the spouse's (for the
    bvv method, where it reduces the bvv instead, Rv 475db)."""
    if methode not in METHODEN:
        raise ValueError(f"unknown methode {methode!r}")
    base = uitgaven or Uitgaven()
    if aftrekbare_uitgaven_maand:
        base = Uitgaven(
            base.woonlasten,
            base.huurtoeslag,
            base.zorgpremie,
            base.zorgtoeslag,
            base.belastingschulden,
            base.alimentatie,
            base.overige + aftrekbare_uitgaven_maand,
        )
    huishouden = Huishouden(leefsituatie, aow, max(0, kostendelers))
    steps = Explanation()
    nbi = netto_besteedbaar_inkomen_maand
    steps.add(
        "Netto besteedbaar inkomen per maand",
        format_eur(nbi),
        legal_source="Uitvoeringsregeling Invorderingswet 1990, art. 13-14",
    )
    kvb = kosten_van_bestaan(huishouden, peildatum, steps)
    aftrek = aftrekbare_uitgaven(base, huishouden, peildatum, steps, woonlasten_werkelijk=woonlasten_werkelijk)
    raw = round_cents(nbi - kvb - aftrek)
    legal = max(ZERO, raw)
    terms = [("inkomen", nbi), ("kosten van bestaan", -kvb)]
    if aftrek:
        terms.append(("aftrekbare uitgaven", -aftrek))
    steps.sum(terms, ("betalingscapaciteit", raw), legal_source=URIW_13)
    if raw < 0:
        steps.add("Betalingscapaciteit is nooit negatief", format_eur(ZERO), legal_source=URIW_13)
    applied, bc, used_bvv = "wettelijk", legal, None
    if methode == "bvv":
        eigen = max(ZERO, nbi - partner_inkomen_maand)
        bvv = beslagvrije_voet(
            peildatum=peildatum,
            leefsituatie=leefsituatie,
            inkomen_maand=eigen,
            belastbaar_inkomen_jaar=belastbaar_inkomen_jaar,
            bijstand=bijstand,
            woonadres_in_nederland=woonadres_in_nederland,
            partner_inkomen_maand=partner_inkomen_maand,
        )
        used_bvv = bvv.result.beslagvrije_voet
        steps.extend(bvv.steps)
        steps.add(
            "Beslagvrije voet die de bvv-methode gebruikt",
            format_eur(used_bvv),
            legal_source="Wetboek van Burgerlijke Rechtsvordering, art. 475da-475dc",
        )
        rest = aftrekbare_uitgaven(base, huishouden, peildatum, Explanation(), met_woon_en_zorg=False)
        steps.add(
            "Woonlasten en zorgpremie worden bij de bvv-methode niet nog eens afgetrokken: de beslagvrije voet "
            "bevat daarvoor al een vergoeding",
            None,
            legal_source="Wetboek van Burgerlijke Rechtsvordering, art. 475da lid 2",
        )
        alt_raw = round_cents(eigen - used_bvv - rest)
        alt = max(ZERO, alt_raw)
        alt_terms = [("inkomen", eigen), ("beslagvrije voet", -used_bvv)]
        if rest:
            alt_terms.append(("andere aftrekbare uitgaven", -rest))
        steps.sum(
            alt_terms,
            ("betalingscapaciteit volgens de bvv-methode", alt),
            legal_source="Invorderingsstrategie Belastingdienst (beleidsoptie)",
        )
        if alt < legal:
            applied, bc = "bvv", alt
            steps.add("Beleid: de bvv-methode is gunstiger voor de burger en is toegepast", format_eur(bc))
        else:
            steps.add("Beleid: de bvv-methode is niet gunstiger; de wettelijke regel is toegepast", format_eur(bc))
    else:
        steps.add("Toegepast: de wettelijke regel (beleidsoptie bvv-methode staat uit)", format_eur(bc))
    return Explained(Capaciteit(kvb, bc, applied, aftrek, used_bvv), steps.freeze())


def aow_datum(geboortedatum: date) -> date | None:
    """The day a person born on ``geboortedatum`` reaches the AOW age (AOW art. 7a: the age that applies in the
    calendar year it is reached); ``None`` when the tables have no AOW age for that year yet."""
    tables = load_parameters().table("aow_leeftijd_maanden")
    for year in range(geboortedatum.year + 65, geboortedatum.year + 72):
        row = tables.at(date(year, 1, 1))
        if row is None:
            if year < 2019:  # before the table: 65 to 66 years; reached by then in any case
                return add_months(geboortedatum, 65 * 12)
            continue
        reached = add_months(geboortedatum, int(row.decimal))
        if reached.year <= year:
            return reached
    return None


def aow_bereikt(geboortedatum: date | None, peildatum: date) -> bool:
    """Has the person reached the AOW age on ``peildatum``?  Unknown birth date: no (the ordinary norm)."""
    if geboortedatum is None:
        return False
    reached = aow_datum(geboortedatum)
    return reached is not None and reached <= peildatum
