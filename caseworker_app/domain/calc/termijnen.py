"""``calc`` rules for terms: the uiterste betaaldatum of a claim, and its verjaring with the stuitadvies."""

from __future__ import annotations

from typing import Any

from caseworker_app.domain.calc.fields import SCHULDEISER, Field, Json, Rule, RunResult, iso
from caseworker_app.domain.calc.parsing import FIRST_DATE, LAST_DATE, invalid
from caseworker_app.domain.rules import termijnen, verjaring
from caseworker_app.domain.types import ClaimKind, Creditor, Middel


def _betaaltermijn(v: dict[str, Any]) -> RunResult:
    jaar = v["voorlopig_jaar"]
    if jaar is not None and not FIRST_DATE.year <= jaar <= LAST_DATE.year:
        raise invalid("voorlopig_jaar", f"een jaar tussen {FIRST_DATE.year} en {LAST_DATE.year}")
    middel = Middel(v["middel"]) if v["middel"] is not None else None
    r = termijnen.betaaltermijn(ClaimKind(v["soort"]), v["dagtekening"], middel, voorlopig_jaar=jaar)
    return {
        "uiterste_betaaldatum": iso(r.result.uiterste_betaaldatum),
        "rente_vanaf": iso(r.result.rente_vanaf),
        "termijn": r.result.termijn,
        "termijnen": [iso(day) for day in r.result.termijnen],
    }, r.steps


def _verjaring(v: dict[str, Any]) -> RunResult:
    r = verjaring.verjaring(v["uiterste_betaaldatum"], v["stuitingen"] or [], v["uitstel"] or [])
    out: Json = {
        "verjaringsdatum": iso(r.result.verjaringsdatum),
        "laatste_stuiting": iso(r.result.laatste_stuiting),
        "verlenging_dagen": r.result.verlenging_dagen,
    }
    steps = r.steps
    if v["peildatum"] is not None:
        advice, step = verjaring.stuiten_advies(
            r.result.verjaringsdatum,
            v["peildatum"],
            Creditor(v["schuldeiser"]),
            True,
            fraude=v["fraude"],
            betalingsperspectief=v["betalingsperspectief"],
        )
        out.update(verjaard=r.result.verjaard(v["peildatum"]), stuiten=advice.stuiten, stuiten_reden=advice.reden)
        steps = (*steps, step)
    return out, steps


BETAALTERMIJN_RULE = Rule(
    "betaaltermijn",
    "Uiterste betaaldatum en begin van de invorderingsrente (IW 9, Awir 28 en 33)",
    (
        Field("soort", "keuze", choices=tuple(k.value for k in ClaimKind)),
        Field("dagtekening", "datum"),
        Field("middel", "keuze", False, None, tuple(m.value for m in Middel),
              "bpm: naheffing terstond; een toeslag: aansprakelijkstelling 6 weken"),
        Field("voorlopig_jaar", "getal", False, None,
              description="het jaar van een voorlopige aanslag IB/Vpb: betalen in termijnen (IW 9 lid 5)"),
    ),
    _betaaltermijn,
    ("uiterste_betaaldatum", "rente_vanaf", "termijn", "termijnen"),
)
VERJARING_RULE = Rule(
    "verjaring",
    "Verjaringsdatum met stuiting en verlenging (Awb 4:104-4:111), en stuitadvies",
    (
        Field("uiterste_betaaldatum", "datum"),
        Field("stuitingen", "datums", False, []),
        Field("uitstel", "perioden", False, []),
        Field("peildatum", "datum", False, None),
        SCHULDEISER,
        Field("fraude", "bool", False, False),
        Field("betalingsperspectief", "bool", False, None),
    ),
    _verjaring,
    ("verjaringsdatum", "laatste_stuiting", "verlenging_dagen", "verjaard", "stuiten", "stuiten_reden"),
)
