"""``calc`` rules for the bestaansminimum and what a person can pay: beslagvrije voet, betalingscapaciteit,
kwijtschelding and verrekening of a toeslagschuld with the running toeslag."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from caseworker_app.domain.calc.fields import DOELGROEP, PEILDATUM, Field, Rule, RunResult
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules import bvv as bvv_rules
from caseworker_app.domain.rules import capaciteit
from caseworker_app.domain.types import Doelgroep, Leefsituatie

LEEFSITUATIE = Field("leefsituatie", "keuze", choices=tuple(ls.value for ls in Leefsituatie))
NBI = Field("netto_besteedbaar_inkomen_maand", "bedrag")
UITGAVEN = Field("aftrekbare_uitgaven_maand", "bedrag", False, Decimal(0), description="URIW art. 15")
METHODE = Field(
    "methode",
    "keuze",
    False,
    "wettelijk",
    capaciteit.METHODEN,
    "beleidsoptie: betalingscapaciteit op de bvv-methode, alleen als dat gunstiger is",
)
BELASTBAAR_INKOMEN = Field("belastbaar_inkomen_jaar", "bedrag", False, None)


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
    )
    return {
        "kosten_van_bestaan": money_str(r.result.kosten_van_bestaan),
        "betalingscapaciteit_maand": money_str(r.result.betalingscapaciteit_maand),
        "methode": r.result.methode,
    }, r.steps


def _kwijtschelding(v: dict[str, Any]) -> RunResult:
    r = capaciteit.kwijtschelding(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        netto_besteedbaar_inkomen_maand=v["netto_besteedbaar_inkomen_maand"],
        vermogen=v["vermogen"],
        openstaand=v["openstaand"],
        aftrekbare_uitgaven_maand=v["aftrekbare_uitgaven_maand"],
        methode=v["methode"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
        doelgroep=Doelgroep(v["doelgroep"]),
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
    r = capaciteit.verrekening_toeslag(
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
        Field("bijstand", "bool", False, False),
        Field("woonadres_in_nederland", "bool", False, True),
        Field("partner_inkomen_maand", "bedrag", False, Decimal(0)),
        Field("overig_inkomen_maand", "bedrag", False, Decimal(0)),
    ),
    _bvv,
    ("beslagvrije_voet", "afdracht", "volledig", "maximum"),
)
BC_RULE = Rule(
    "betalingscapaciteit",
    "Betalingscapaciteit (URIW 13-16), met de beleidsoptie bvv-methode",
    (PEILDATUM, LEEFSITUATIE, NBI, UITGAVEN, METHODE, BELASTBAAR_INKOMEN),
    _betalingscapaciteit,
    ("kosten_van_bestaan", "betalingscapaciteit_maand", "methode"),
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
