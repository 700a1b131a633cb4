"""``calc`` rule ``positie``: one claim on the peildatum (balance, running rente, verjaring, next step).

The published input and output keys stay as they were; the measures on the claim (``maatregelen``), the
contact moments, a vooraankondiging, a possible verrekening and the year of the claim were added.  The old
yes/no inputs ``regeling_lopend``, ``pauze`` and ``kwijtschelding_verzoek`` still work: they hold on the
peildatum only and, without a period, extend nothing (:func:`caseworker_app.domain.measures.flag_effects`).
"""

from __future__ import annotations

from typing import Any

from caseworker_app.domain.calc.fields import PEILDATUM, Field, Rule, RunResult, iso
from caseworker_app.domain.calc.parsing import FIRST_DATE, LAST_DATE, invalid
from caseworker_app.domain.measures import MeasureKind, effects_of, flag_effects
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules.position import ClaimFacts, evaluate_claim, explain_claim
from caseworker_app.domain.types import ClaimKind, Middel

#: the years the rules can count with (the dates themselves are checked when they are read)
_FIRST_YEAR, _LAST_YEAR = FIRST_DATE.year, LAST_DATE.year


def _facts(v: dict[str, Any]) -> ClaimFacts:
    day = v["peildatum"]
    jaar = v["tijdvak_jaar"]
    if jaar is not None and not _FIRST_YEAR <= jaar <= _LAST_YEAR:
        raise invalid("tijdvak_jaar", f"een jaar tussen {_FIRST_YEAR} en {_LAST_YEAR}")
    effects = [e for p in (v["uitstel"] or []) for e in effects_of(MeasureKind.UITSTEL, p.van, p.tot)]
    effects += v["maatregelen"] or []
    for flag, kind in (("regeling_lopend", MeasureKind.BETALINGSREGELING), ("pauze", MeasureKind.INVORDERINGSPAUZE),
                       ("kwijtschelding_verzoek", MeasureKind.KWIJTSCHELDINGSVERZOEK)):
        if v[flag]:
            effects += flag_effects(kind, day)
    return ClaimFacts(
        kind=ClaimKind(v["soort"]),
        middel=Middel(v["middel"]),
        dagtekening=v["dagtekening"],
        bedrag=v["bedrag"],
        uiterste_betaaldatum=v["uiterste_betaaldatum"],
        bookings=tuple(v["boekingen"] or ()),
        steps=tuple(v["stappen"] or ()),
        effects=tuple(effects),
        fraude=v["fraude"],
        betalingsperspectief=v["betalingsperspectief"],
        bvv_vastgesteld_op=v["bvv_vastgesteld_op"],
        uitstel_afgewezen_op=v["uitstel_afgewezen_op"],
        kwijtschelding_afgewezen_op=v["kwijtschelding_afgewezen_op"],
        contacten=None if v["contacten"] is None else tuple(v["contacten"]),
        vooraankondiging_op=v["vooraankondiging_op"],
        verrekening_mogelijk=v["verrekening_mogelijk"],
        tijdvak_jaar=jaar,
        voorlopig=v["voorlopig"],
    )


def _positie(v: dict[str, Any]) -> RunResult:
    facts = _facts(v)
    ev = evaluate_claim(facts, v["peildatum"])
    nxt = ev.next_step
    return {
        "uiterste_betaaldatum": iso(ev.uiterste_betaaldatum),
        "hoofdsom": money_str(ev.principal),
        "betaald": money_str(ev.paid),
        "verrekend": money_str(ev.verrekend),
        "kosten": money_str(ev.costs),
        "rente_in_rekening": money_str(ev.rente_booked),
        "open_hoofdsom": money_str(ev.open_principal),
        "open_kosten": money_str(ev.open_costs),
        "open_rente": money_str(ev.open_rente),
        "openstaand": money_str(ev.ledger_balance),
        "rente_lopend": money_str(ev.rente_accrued),
        "kosten_vervallen": money_str(ev.waived_costs),
        "rente_vervallen": money_str(ev.waived_rente + ev.waived_rente_accrued),
        "te_betalen": money_str(ev.open),
        "rente_drempel_toegepast": ev.rente_drempel is not None,
        "verjaringsdatum": iso(ev.verjaringsdatum),
        "verjaard": ev.verjaard,
        "stuiten": ev.stuiten,
        "huidige_stap": ev.enforcement_stage.value if ev.enforcement_stage else None,
        "volgende_stap": nxt.step.value if nxt.step else None,
        "toegestaan": nxt.allowed,
        "vanaf": iso(nxt.earliest),
        "kosten_volgende_stap": money_str(ev.kosten_volgende_stap) if ev.kosten_volgende_stap is not None else None,
        "blokkades": [g.reden for g in nxt.blocking],
        "onder_regeling": ev.under_regeling,
        "gepauzeerd": ev.paused,
        "maatregelen_actief": sorted({e.kind.value for e in ev.active_effects}),
    }, explain_claim(facts, v["peildatum"])


RULES = (
    Rule(
        "positie",
        "Eén vordering op de peildatum: saldo, lopende rente, verjaring en volgende stap",
        (
            PEILDATUM,
            Field("soort", "keuze", choices=tuple(k.value for k in ClaimKind)),
            Field("middel", "keuze", choices=tuple(m.value for m in Middel)),
            Field("dagtekening", "datum"),
            Field("bedrag", "bedrag"),
            Field("uiterste_betaaldatum", "datum", False, None),
            Field("boekingen", "boekingen", False, []),
            Field("stappen", "stappen", False, [], description="stap, datum, per_post, alleen_stuiten, stuit"),
            Field("uitstel", "perioden", False, []),
            Field("maatregelen", "maatregelen", False, [],
                  description="soort, van, tot, onderdelen (pauze: dwang, contact, rente, kosten), bedrag"),
            Field("regeling_lopend", "bool", False, False),
            Field("pauze", "bool", False, False),
            Field("kwijtschelding_verzoek", "bool", False, False),
            Field("fraude", "bool", False, False),
            Field("betalingsperspectief", "bool", False, None),
            Field("bvv_vastgesteld_op", "datum", False, None),
            Field("uitstel_afgewezen_op", "datum", False, None),
            Field("kwijtschelding_afgewezen_op", "datum", False, None),
            Field("contacten", "contacten", False, None,
                  description="persoonlijk contact: datum, bereikt; leeg laten als het niet bekend is"),
            Field("vooraankondiging_op", "datum", False, None, description="vooraankondiging loonvordering"),
            Field("verrekening_mogelijk", "bool", False, False),
            Field("tijdvak_jaar", "getal", False, None, description="belasting- of toeslagjaar"),
            Field("voorlopig", "bool", False, False, description="voorlopige aanslag (termijnen, IW 9 lid 5)"),
        ),
        _positie,
        ("openstaand", "rente_lopend", "verjaringsdatum", "volgende_stap", "toegestaan", "blokkades", "te_betalen",
         "verjaard"),
    ),
)
