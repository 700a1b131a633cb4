"""``calc`` rule ``positie``: one claim on the peildatum (balance, running rente, verjaring, next step)."""

from __future__ import annotations

from typing import Any

from caseworker_app.domain.calc.fields import PEILDATUM, Field, Rule, RunResult, iso
from caseworker_app.domain.money import money_str
from caseworker_app.domain.rules.position import ClaimFacts, Uitstel, evaluate_claim, explain_claim
from caseworker_app.domain.types import ClaimKind, Middel


def _positie(v: dict[str, Any]) -> RunResult:
    uitstel = tuple(Uitstel(p.van, p.tot) for p in (v["uitstel"] or []))
    facts = ClaimFacts(
        kind=ClaimKind(v["soort"]),
        middel=Middel(v["middel"]),
        dagtekening=v["dagtekening"],
        bedrag=v["bedrag"],
        uiterste_betaaldatum=v["uiterste_betaaldatum"],
        bookings=tuple(v["boekingen"] or ()),
        steps=tuple(v["stappen"] or ()),
        uitstel=uitstel,
        under_regeling=v["regeling_lopend"],
        paused=v["pauze"],
        kwijtschelding_verzoek=v["kwijtschelding_verzoek"],
        fraude=v["fraude"],
        betalingsperspectief=v["betalingsperspectief"],
        bvv_vastgesteld_op=v["bvv_vastgesteld_op"],
        uitstel_afgewezen_op=v["uitstel_afgewezen_op"],
        kwijtschelding_afgewezen_op=v["kwijtschelding_afgewezen_op"],
    )
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
        "verjaringsdatum": iso(ev.verjaringsdatum),
        "verjaard": ev.verjaard,
        "stuiten": ev.stuiten,
        "huidige_stap": ev.enforcement_stage.value if ev.enforcement_stage else None,
        "volgende_stap": nxt.step.value if nxt.step else None,
        "toegestaan": nxt.allowed,
        "vanaf": iso(nxt.earliest),
        "kosten_volgende_stap": money_str(ev.kosten_volgende_stap) if ev.kosten_volgende_stap is not None else None,
        "blokkades": [g.reden for g in nxt.blocking],
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
            Field("stappen", "stappen", False, []),
            Field("uitstel", "perioden", False, []),
            Field("regeling_lopend", "bool", False, False),
            Field("pauze", "bool", False, False),
            Field("kwijtschelding_verzoek", "bool", False, False),
            Field("fraude", "bool", False, False),
            Field("betalingsperspectief", "bool", False, None),
            Field("bvv_vastgesteld_op", "datum", False, None),
            Field("uitstel_afgewezen_op", "datum", False, None),
            Field("kwijtschelding_afgewezen_op", "datum", False, None),
        ),
        _positie,
        ("openstaand", "rente_lopend", "verjaringsdatum", "volgende_stap", "toegestaan", "blokkades"),
    ),
)
