"""``calc`` rule ``betalingsregeling``: which regeling a debtor gets from one schuldeiser, with expected rente."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from caseworker_app.domain.calc.capaciteit import LEEFSITUATIE, METHODE, NBI, UITGAVEN
from caseworker_app.domain.calc.fields import DOELGROEP, PEILDATUM, SCHULDEISER, Field, Json, Rule, RunResult
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules import capaciteit, rente
from caseworker_app.domain.types import Creditor, Doelgroep, Leefsituatie


def _betalingsregeling(v: dict[str, Any]) -> RunResult:
    r = capaciteit.betalingsregeling(
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
        doelgroep=Doelgroep(v["doelgroep"]),
        zekerheid=v["zekerheid"],
        verklaring_derde_deskundige=v["verklaring_derde_deskundige"],
        laatste_vervaldag=v["laatste_vervaldag"],
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
    }
    steps = r.steps
    if v["uiterste_betaaldatum"] is not None and res.maanden > 0 and res.termijnbedrag > 0:
        start = v["eerste_termijn"] or v["peildatum"]
        plan = rente.schema(start, min(v["schuld"], res.termijnbedrag * res.maanden), res.maanden)
        expected = rente.verwachte_rente(v["uiterste_betaaldatum"], plan)
        out["verwachte_rente"] = money_str(expected.result.rente)
        steps = steps + expected.steps
    return out, steps


REGELING_RULE = Rule(
    "betalingsregeling",
    "Betalingsregeling per schuldeiser (LI 25; Toeslagen standaard en persoonlijk)",
    (
        PEILDATUM,
        LEEFSITUATIE,
        NBI,
        Field("schuld", "bedrag"),
        Field("vermogen", "bedrag", False, Decimal(0)),
        SCHULDEISER,
        UITGAVEN,
        METHODE,
        Field("eerder_uitstel", "bool", False, False),
        Field("dwangbevel_betekend", "bool", False, False),
        Field("opzet_of_grove_schuld", "bool", False, False),
        Field("uiterste_betaaldatum", "datum", False, None, description="voor de verwachte rente"),
        Field("eerste_termijn", "datum", False, None),
        DOELGROEP,
        Field("zekerheid", "bool", False, False),
        Field("verklaring_derde_deskundige", "bool", False, False),
        Field("laatste_vervaldag", "datum", False, None),
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
    ),
)
