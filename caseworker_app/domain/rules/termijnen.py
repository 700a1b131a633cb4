"""Betaaltermijn and uiterste betaaldatum per soort aanslag (IW 1990 art. 9; Awir art. 28).

The uiterste betaaldatum is the dagtekening plus the term (6 weeks, 1 month, 14 days); invorderingsrente
runs from the next day (IW 28 lid 2: the day after the uiterste betaaldatum).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import format_date
from caseworker_app.domain.params import on_reload, param
from caseworker_app.domain.rules.common import ONE_DAY, add_duration
from caseworker_app.domain.types import ClaimKind, label

_TERM_PARAMETER = {
    ClaimKind.AANSLAG: "betaaltermijn_aanslag",
    ClaimKind.NAVORDERINGSAANSLAG: "betaaltermijn_navorderingsaanslag",
    ClaimKind.NAHEFFINGSAANSLAG: "betaaltermijn_naheffingsaanslag",
    ClaimKind.TERUGVORDERING: "betaaltermijn_terugvordering",
    ClaimKind.AANSPRAKELIJKSTELLING: "betaaltermijn_aansprakelijkstelling",
}


@dataclass(frozen=True, slots=True)
class Betaaltermijn:
    uiterste_betaaldatum: date
    rente_vanaf: date
    termijn: str


@functools.lru_cache(maxsize=16384)
def uiterste_betaaldatum(soort: ClaimKind, dagtekening: date) -> date:
    """Fast path without explanation (used for every claim on the debt-position screen; cached)."""
    return add_duration(dagtekening, param(_TERM_PARAMETER[soort], dagtekening))


on_reload(uiterste_betaaldatum.cache_clear)


def betaaltermijn(soort: ClaimKind, dagtekening: date) -> Explained[Betaaltermijn]:
    term = param(_TERM_PARAMETER[soort], dagtekening)
    due = add_duration(dagtekening, term)
    steps = Explanation()
    steps.add(f"Betaaltermijn {label(soort)}", term.text, param=term)
    steps.add(f"Uiterste betaaldatum: dagtekening {format_date(dagtekening)} plus {term.text}", format_date(due))
    steps.add(
        "Invorderingsrente loopt vanaf de dag na de uiterste betaaldatum (IW 1990 art. 28 lid 2)",
        format_date(due + ONE_DAY),
    )
    return Explained(Betaaltermijn(due, due + ONE_DAY, term.text), steps.freeze())
