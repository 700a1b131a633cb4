"""``calc`` rules for the bestaansminimum and what a person can pay: beslagvrije voet, betalingscapaciteit,
kwijtschelding and verrekening of a toeslagschuld with the running toeslag."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from caseworker_app.domain.calc.fields import DOELGROEP, PEILDATUM, Field, Rule, RunResult
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules import bvv as bvv_rules
from caseworker_app.domain.rules import capaciteit, kwijtschelding, verrekening
from caseworker_app.domain.rules.capaciteit import Uitgaven
from caseworker_app.domain.types import Doelgroep, Leefsituatie

LEEFSITUATIE = Field("leefsituatie", "keuze", choices=tuple(ls.value for ls in Leefsituatie))
NBI = Field("netto_besteedbaar_inkomen_maand", "bedrag")
UITGAVEN = Field(
    "aftrekbare_uitgaven_maand",
    "bedrag",
    False,
    Decimal(0),
    description="andere noodzakelijke uitgaven die de ontvanger aanvaardt (URIW art. 15 lid 1 onder h)",
)
METHODE = Field(
    "methode",
    "keuze",
    False,
    "wettelijk",
    capaciteit.METHODEN,
    "beleidsoptie: betalingscapaciteit op de bvv-methode, alleen als dat gunstiger is",
)
BELASTBAAR_INKOMEN = Field("belastbaar_inkomen_jaar", "bedrag", False, None)
BIJSTAND = Field("bijstand", "bool", False, False)
WOONADRES_NL = Field("woonadres_in_nederland", "bool", False, True)
PARTNER_INKOMEN = Field(
    "partner_inkomen_maand",
    "bedrag",
    False,
    Decimal(0),
    description="het deel van het inkomen dat van de echtgenoot is",
)
_ZERO = Decimal(0)
#: what URIW art. 15 needs to decide which expenditure counts, and the household facts of art. 16
CAPACITEIT_FIELDS = (
    Field("woonlasten_maand", "bedrag", False, _ZERO, description="huur of hypotheekrente per maand (URIW art. 15)"),
    Field("huurtoeslag_maand", "bedrag", False, _ZERO, description="ontvangen huurtoeslag of woonkostentoeslag"),
    Field(
        "zorgpremie_maand", "bedrag", False, _ZERO, description="zorgpremie die niet door de werkgever is ingehouden"
    ),
    Field("zorgtoeslag_maand", "bedrag", False, _ZERO, description="ontvangen zorgtoeslag"),
    Field(
        "aflossing_belastingschulden_maand",
        "bedrag",
        False,
        _ZERO,
        description="betalingen op andere belastingschulden en terugvorderingen (URIW art. 15 onder a en e)",
    ),
    Field("alimentatie_maand", "bedrag", False, _ZERO, description="betaalde alimentatie (URIW art. 15 onder d)"),
    Field("kostendelers", "getal", False, 0, description="aantal kostendelende medebewoners (Pw art. 19a)", maximum=50),
    Field("aow_leeftijd", "bool", False, False, description="de schuldenaar of de echtgenoot heeft de AOW-leeftijd"),
    BIJSTAND,
    WOONADRES_NL,
    PARTNER_INKOMEN,
)


def uitgaven_van(v: dict[str, Any]) -> Uitgaven:
    return Uitgaven(
        woonlasten=v["woonlasten_maand"],
        huurtoeslag=v["huurtoeslag_maand"],
        zorgpremie=v["zorgpremie_maand"],
        zorgtoeslag=v["zorgtoeslag_maand"],
        belastingschulden=v["aflossing_belastingschulden_maand"],
        alimentatie=v["alimentatie_maand"],
    )


def capaciteit_kwargs(v: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments every capacity-based rule takes from these fields."""
    return {
        "uitgaven": uitgaven_van(v),
        "aow": v["aow_leeftijd"],
        "kostendelers": v["kostendelers"],
        "bijstand": v["bijstand"],
        "woonadres_in_nederland": v["woonadres_in_nederland"],
        "partner_inkomen_maand": v["partner_inkomen_maand"],
    }


def _bvv(v: dict[str, Any]) -> RunResult:
    r = bvv_rules.beslagvrije_voet(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        inkomen_maand=v["inkomen_maand"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
        bijstand=v["bijstand"],
        woonadres_in_nederland=v["woonadres_in_nederland"],
        partner_inkomen_maand=v["partner_inkomen_maand"],
        overig_inkomen_maand=v["overig_inkomen_maand"],
    )
    return {
        "beslagvrije_voet": money_str(r.result.beslagvrije_voet),
        "afdracht": money_str(r.result.afdracht),
        "volledig": r.result.volledig,
        "maximum": money_str(r.result.maximum) if r.result.maximum is not None else None,
    }, r.steps


def _betalingscapaciteit(v: dict[str, Any]) -> RunResult:
    r = capaciteit.betalingscapaciteit(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        netto_besteedbaar_inkomen_maand=v["netto_besteedbaar_inkomen_maand"],
        aftrekbare_uitgaven_maand=v["aftrekbare_uitgaven_maand"],
        methode=v["methode"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
        **capaciteit_kwargs(v),
    )
    return {
        "kosten_van_bestaan": money_str(r.result.kosten_van_bestaan),
        "aftrekbare_uitgaven": money_str(r.result.aftrekbare_uitgaven),
        "betalingscapaciteit_maand": money_str(r.result.betalingscapaciteit_maand),
        "methode": r.result.methode,
        "beslagvrije_voet": money_str(r.result.beslagvrije_voet) if r.result.beslagvrije_voet is not None else None,
    }, r.steps


def _kwijtschelding(v: dict[str, Any]) -> RunResult:
    r = kwijtschelding.kwijtschelding(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        netto_besteedbaar_inkomen_maand=v["netto_besteedbaar_inkomen_maand"],
        vermogen=v["vermogen"],
        openstaand=v["openstaand"],
        aftrekbare_uitgaven_maand=v["aftrekbare_uitgaven_maand"],
        methode=v["methode"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
        doelgroep=Doelgroep(v["doelgroep"]),
        fraude=v["fraude"],
        **capaciteit_kwargs(v),
    )
    res = r.result
    return {
        "kosten_van_bestaan": money_str(res.kosten_van_bestaan),
        "betalingscapaciteit_maand": money_str(res.betalingscapaciteit_maand),
        "af_te_dragen": money_str(res.af_te_dragen),
        "kwijtschelding": money_str(res.kwijtschelding),
        "methode": res.methode,
    }, r.steps


def _verrekening(v: dict[str, Any]) -> RunResult:
    r = verrekening.verrekening_toeslag(
        peildatum=v["peildatum"],
        schuld=v["schuld"],
        toeslag_maand=v["toeslag_maand"],
        ruimte_boven_bvv=v["ruimte_boven_bvv"],
    )
    return {
        "verrekend_per_maand": money_str(r.result.verrekend_per_maand),
        "maanden": r.result.maanden,
        "reden": r.result.reden,
    }, r.steps


BVV_RULE = Rule(
    "beslagvrije_voet",
    "Beslagvrije voet (Rv 475c-475fa)",
    (
        PEILDATUM,
        LEEFSITUATIE,
        Field("inkomen_maand", "bedrag", description="beslagen inkomen per maand incl. vakantiebijslag"),
        BELASTBAAR_INKOMEN,
        BIJSTAND,
        WOONADRES_NL,
        Field("partner_inkomen_maand", "bedrag", False, Decimal(0)),
        Field("overig_inkomen_maand", "bedrag", False, Decimal(0)),
    ),
    _bvv,
    ("beslagvrije_voet", "afdracht", "volledig", "maximum"),
)
BC_RULE = Rule(
    "betalingscapaciteit",
    "Betalingscapaciteit (URIW 13-16), met de beleidsoptie bvv-methode",
    (PEILDATUM, LEEFSITUATIE, NBI, UITGAVEN, METHODE, BELASTBAAR_INKOMEN, *CAPACITEIT_FIELDS),
    _betalingscapaciteit,
    ("kosten_van_bestaan", "aftrekbare_uitgaven", "betalingscapaciteit_maand", "methode", "beslagvrije_voet"),
)
KWIJTSCHELDING_RULE = Rule(
    "kwijtschelding",
    "Kwijtschelding (URIW 11-16)",
    (
        PEILDATUM,
        LEEFSITUATIE,
        NBI,
        Field("vermogen", "bedrag"),
        Field("openstaand", "bedrag"),
        UITGAVEN,
        METHODE,
        BELASTBAAR_INKOMEN,
        DOELGROEP,
        Field("fraude", "bool", False, False, description="opzet of grove schuld: geen kwijtschelding (URIW art. 8)"),
        *CAPACITEIT_FIELDS,
    ),
    _kwijtschelding,
    ("kosten_van_bestaan", "betalingscapaciteit_maand", "af_te_dragen", "kwijtschelding", "methode"),
)
VERREKENING_RULE = Rule(
    "verrekening_toeslag",
    "Verrekening van een toeslagschuld met de lopende toeslag (Awir 30)",
    (
        PEILDATUM,
        Field("schuld", "bedrag"),
        Field("toeslag_maand", "bedrag"),
        Field("ruimte_boven_bvv", "bedrag", False, None),
    ),
    _verrekening,
    ("verrekend_per_maand", "maanden", "reden"),
)
