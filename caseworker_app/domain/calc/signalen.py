"""``calc`` rule for vroegsignalering: which signals fire for a set of claims."""

from __future__ import annotations

from typing import Any

from caseworker_app.domain.calc.fields import PEILDATUM, Field, Rule, RunResult
from caseworker_app.domain.rules import signalen


def _vroegsignalering(v: dict[str, Any]) -> RunResult:
    found = signalen.vroegsignalering(
        peildatum=v["peildatum"],
        claims=v["vorderingen"],
        schuldhistorie=v["schuldhistorie"],
        aantal_schuldeisers=v["aantal_schuldeisers"],
        brieven_laatste_maand=v["brieven_laatste_maand"],
    )
    return {
        "signalen": [{"code": s.code, "afgegaan": s.afgegaan, "titel": s.titel, "reden": s.reden} for s in found],
        "afgegaan": [s.code for s in found if s.afgegaan],
    }, tuple(s.step for s in found)


RULES = (
    Rule(
        "vroegsignalering",
        "Signalen voor vroegsignalering en persoonlijk contact",
        (
            PEILDATUM,
            Field("vorderingen", "claims"),
            Field("schuldhistorie", "bool", False, False),
            Field("aantal_schuldeisers", "getal", False, 0, maximum=10_000),
            Field("brieven_laatste_maand", "getal", False, 0, maximum=10_000),
        ),
        _vroegsignalering,
        ("signalen", "afgegaan"),
    ),
)
