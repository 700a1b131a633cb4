"""``calc`` rule ``betalingsregeling``: which regeling a debtor gets from one schuldeiser, for the total debt with the
expected invorderingsrente, and which routes are open (fraud closes the soft ones)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from caseworker_app.domain.calc.capaciteit import (
    BELASTBAAR_INKOMEN,
    CAPACITEIT_FIELDS,
    LEEFSITUATIE,
    METHODE,
    NBI,
    UITGAVEN,
    capaciteit_kwargs,
)
from caseworker_app.domain.calc.fields import DOELGROEP, PEILDATUM, SCHULDEISER, Field, Json, Rule, RunResult, iso
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules import betalingsregeling
from caseworker_app.domain.rules.regelingsroutes import NA_KORT_UITSTEL
from caseworker_app.domain.types import Creditor, Doelgroep, Leefsituatie


def _money(value: Decimal | None) -> str | None:
    return money_str(value) if value is not None else None


def _betalingsregeling(v: dict[str, Any]) -> RunResult:
    r = betalingsregeling.betalingsregeling(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        netto_besteedbaar_inkomen_maand=v["netto_besteedbaar_inkomen_maand"],
        schuld=v["schuld"],
        vermogen=v["vermogen"],
        schuldeiser=Creditor(v["schuldeiser"]),
        aftrekbare_uitgaven_maand=v["aftrekbare_uitgaven_maand"],
        methode=v["methode"],
        eerder_uitstel=v["eerder_uitstel"],
        dwangbevel_betekend=v["dwangbevel_betekend"],
        opzet_of_grove_schuld=v["opzet_of_grove_schuld"],
        fraude=v["fraude"],
        doelgroep=Doelgroep(v["doelgroep"]),
        zekerheid=v["zekerheid"],
        verklaring_derde_deskundige=v["verklaring_derde_deskundige"],
        laatste_vervaldag=v["laatste_vervaldag"],
        uiterste_betaaldatum=v["uiterste_betaaldatum"],
        eerste_termijn=v["eerste_termijn"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
        kort_uitstel_verleend=v["kort_uitstel_verleend"],
        kort_uitstel_vanaf=v["kort_uitstel_vanaf"],
        na_kort_uitstel=v["na_kort_uitstel"],
        va_in_termijnen=v["va_in_termijnen"],
        **capaciteit_kwargs(v),
    )
    res = r.result
    out: Json = {
        "termijnbedrag": money_str(res.termijnbedrag),
        "maanden": res.maanden,
        "besluit": res.besluit,
        "reden": res.reden,
        "soort": res.soort,
        "kort_uitstel_mogelijk": res.kort_uitstel_mogelijk,
        "betalingscapaciteit_maand": money_str(res.betalingscapaciteit_maand),
        "methode": res.methode,
        "verwachte_rente": _money(res.verwachte_rente),
        "rente_meegeteld": res.rente_meegeteld,
        "totaal": money_str(res.totaal),
        "laatste_termijn": _money(res.laatste_termijn),
        "eerste_termijn": iso(res.eerste_termijn),
        "laatste_termijn_datum": iso(res.laatste_termijn_datum),
        "vermogen_aangewend": money_str(res.vermogen_aangewend),
        "fraude": v["fraude"] or v["opzet_of_grove_schuld"],
        "routes": res.routes.to_json() if res.routes is not None else [],
    }
    return out, r.steps


REGELING_RULE = Rule(
    "betalingsregeling",
    "Betalingsregeling per schuldeiser, hele schuld met verwachte rente (LI 25; Uitvoeringsregeling Awir art. 7)",
    (
        PEILDATUM,
        LEEFSITUATIE,
        NBI,
        Field("schuld", "bedrag"),
        Field("vermogen", "bedrag", False, Decimal(0), description="vermogen dat meetelt (URIW art. 12)"),
        SCHULDEISER,
        UITGAVEN,
        METHODE,
        Field("eerder_uitstel", "bool", False, False),
        Field("dwangbevel_betekend", "bool", False, False),
        Field("opzet_of_grove_schuld", "bool", False, False),
        Field(
            "fraude",
            "bool",
            False,
            False,
            description="opzet of grove schuld of een fraudemarkering: geen standaard- of persoonlijke regeling",
        ),
        Field("uiterste_betaaldatum", "datum", False, None, description="vervaldag, voor de verwachte rente"),
        Field("eerste_termijn", "datum", False, None),
        DOELGROEP,
        Field("zekerheid", "bool", False, False),
        Field("verklaring_derde_deskundige", "bool", False, False),
        Field("laatste_vervaldag", "datum", False, None),
        BELASTBAAR_INKOMEN,
        Field(
            "kort_uitstel_verleend", "bool", False, False, description="voor deze schuld is al kort uitstel verleend"
        ),
        Field("kort_uitstel_vanaf", "datum", False, None),
        Field(
            "na_kort_uitstel",
            "keuze",
            False,
            None,
            NA_KORT_UITSTEL,
            "beleidsoptie na kort uitstel (LI 25.5.4); leeg: de tabelwaarde",
        ),
        Field("va_in_termijnen", "bool", False, False, description="voorlopige aanslag die in termijnen wordt betaald"),
        *CAPACITEIT_FIELDS,
    ),
    _betalingsregeling,
    (
        "termijnbedrag",
        "maanden",
        "besluit",
        "reden",
        "soort",
        "kort_uitstel_mogelijk",
        "betalingscapaciteit_maand",
        "methode",
        "verwachte_rente",
        "rente_meegeteld",
        "totaal",
        "laatste_termijn",
        "routes",
    ),
)
