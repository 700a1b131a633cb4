"""``calc`` rules for invorderingsrente: over one payment, and the expected rente of a payment schedule."""

from __future__ import annotations

from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain.calc.fields import Field, Json, Rule, RunResult, iso, pct
from caseworker_app.domain.calc.parsing import invalid
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules import rente


def _periodes(items: tuple[rente.RentePeriode, ...]) -> list[Json]:
    return [{"van": iso(p.van), "tot": iso(p.tot), "dagen": p.dagen, "percentage": pct(p.percentage)} for p in items]


def _invorderingsrente(v: dict[str, Any]) -> RunResult:
    if v["betaaldatum"] < v["uiterste_betaaldatum"]:
        raise invalid("betaaldatum", "ligt voor de uiterste betaaldatum; dan is er geen rente")
    r = rente.invorderingsrente(
        v["bedrag"], v["uiterste_betaaldatum"], v["betaaldatum"], laatste_betaling=v["laatste_betaling"]
    )
    return {
        "rente": money_str(r.result.rente),
        "berekend": money_str(r.result.berekend),
        "drempel_toegepast": r.result.drempel_toegepast,
        "periodes": _periodes(r.result.periodes),
    }, r.steps


def _verwachte_rente(v: dict[str, Any]) -> RunResult:
    items = v["termijnen"]
    if not items:
        if v["schuld"] is None or v["maanden"] is None or v["eerste_termijn"] is None:
            raise ValidationError("missing_field", field="termijnen")
        if v["maanden"] < 1:
            raise invalid("maanden", "moet minstens 1 zijn")
        items = rente.schema(v["eerste_termijn"], v["schuld"], v["maanden"])
    r = rente.verwachte_rente(v["uiterste_betaaldatum"], items)
    return {
        "rente": money_str(r.result.rente),
        "drempel_toegepast": r.result.drempel_toegepast,
        "termijnen": [
            {"datum": iso(t.datum), "bedrag": money_str(t.bedrag), "rente": money_str(t.rente_exact)}
            for t in r.result.termijnen
        ],
    }, r.steps


RULES = (
    Rule(
        "invorderingsrente",
        "Invorderingsrente over een betaling (IW 28, URIW 29-33)",
        (
            Field("bedrag", "bedrag"),
            Field("uiterste_betaaldatum", "datum"),
            Field("betaaldatum", "datum"),
            Field("laatste_betaling", "bool", False, False),
        ),
        _invorderingsrente,
        ("rente", "berekend", "drempel_toegepast", "periodes"),
    ),
    Rule(
        "verwachte_rente",
        "Verwachte invorderingsrente van een betalingsschema (rules.md §3.3)",
        (
            Field("uiterste_betaaldatum", "datum"),
            Field("termijnen", "termijnen", False, []),
            Field("schuld", "bedrag", False, None),
            Field("maanden", "getal", False, None, maximum=600),
            Field("eerste_termijn", "datum", False, None),
        ),
        _verwachte_rente,
        ("rente", "drempel_toegepast", "termijnen"),
    ),
)
