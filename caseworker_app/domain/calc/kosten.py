"""``calc`` rules for vervolgingskosten (Kostenwet invordering rijksbelastingen)."""

from __future__ import annotations

from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain.calc.fields import Field, Rule, RunResult, iso
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules import kosten
from caseworker_app.domain.types import EnforcementStep


def _aanmaningskosten(v: dict[str, Any]) -> RunResult:
    r = kosten.aanmaningskosten(v["openstaand"], v["datum"])
    return {
        "kosten": money_str(r.result.kosten),
        "totaal": money_str(r.result.totaal),
        "uiterste_betaaldatum": iso(r.result.uiterste_betaaldatum),
    }, r.steps


def _dwangbevelkosten(v: dict[str, Any]) -> RunResult:
    r = kosten.dwangbevelkosten(v["bedrag"], v["datum"], alleen_stuiten=v["alleen_stuiten"])
    return {"kosten": money_str(r.result.kosten)}, r.steps


def _vervolgingskosten(v: dict[str, Any]) -> RunResult:
    stap = EnforcementStep(v["stap"])
    if stap in (EnforcementStep.AANMANING, EnforcementStep.DWANGBEVEL) and v["bedrag"] is None:
        raise ValidationError("missing_field", field="bedrag")
    r = kosten.vervolgingskosten(stap, v["datum"], v["bedrag"], alleen_stuiten=v["alleen_stuiten"])
    return {"kosten": money_str(r.result.kosten)}, r.steps


RULES = (
    Rule(
        "aanmaningskosten",
        "Kosten en betaaldatum van een aanmaning (Kostenwet art. 2, IW 11)",
        (Field("openstaand", "bedrag"), Field("datum", "datum")),
        _aanmaningskosten,
        ("kosten", "totaal", "uiterste_betaaldatum"),
    ),
    Rule(
        "dwangbevelkosten",
        "Kosten betekening dwangbevel (Kostenwet art. 3)",
        (Field("bedrag", "bedrag"), Field("datum", "datum"), Field("alleen_stuiten", "bool", False, False)),
        _dwangbevelkosten,
        ("kosten",),
    ),
    Rule(
        "vervolgingskosten",
        "Kosten van een stap van de invorderingsladder (Kostenwet)",
        (
            Field("stap", "keuze", choices=tuple(s.value for s in EnforcementStep)),
            Field("datum", "datum"),
            Field("bedrag", "bedrag", False, None),
            Field("alleen_stuiten", "bool", False, False),
        ),
        _vervolgingskosten,
        ("kosten",),
    ),
)
