"""Betaaltermijn and uiterste betaaldatum per soort aanslag (IW 1990 art. 9; Awir art. 28 and 33).

The uiterste betaaldatum is the dagtekening plus the term (6 weeks, 1 month, 14 days); invorderingsrente
runs from the next day (IW 28 lid 2: the day after the uiterste betaaldatum).  Exceptions by middel:

* a naheffingsaanslag bpm is terstond invorderbaar (IW 9 lid 8; the belasting zware motorrijtuigen is not a
  middel in Caseworker yet);
* an aansprakelijkstelling by Dienst Toeslagen is invorderbaar 6 weeks after its dagtekening (Awir 33 lid 4);
* a voorlopige aanslag IB or Vpb dated in the year it is for is paid in monthly termijnen (IW 9 lid 5; lid 7
  when dated before that year): :func:`va_termijnen`.  Rente runs only after the last termijn (IW 28 lid 1:
  "de enige of laatste betalingstermijn").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import format_date
from caseworker_app.domain.params import on_reload, param
from caseworker_app.domain.rules.common import ONE_DAY, RowOf, add_duration, add_months, days_in_month
from caseworker_app.domain.types import ClaimKind, Creditor, Middel, label

_TERM_PARAMETER = {
    ClaimKind.AANSLAG: "betaaltermijn_aanslag",
    ClaimKind.NAVORDERINGSAANSLAG: "betaaltermijn_navorderingsaanslag",
    ClaimKind.NAHEFFINGSAANSLAG: "betaaltermijn_naheffingsaanslag",
    ClaimKind.TERUGVORDERING: "betaaltermijn_terugvordering",
    ClaimKind.AANSPRAKELIJKSTELLING: "betaaltermijn_aansprakelijkstelling",
}

#: middelen whose voorlopige aanslag dated in its own year is paid in termijnen (IW 1990 art. 9 lid 5)
VA_MIDDELEN = frozenset({Middel.IB, Middel.VPB})


def _parameter(soort: ClaimKind, middel: Middel | None) -> str:
    if soort is ClaimKind.NAHEFFINGSAANSLAG and middel is Middel.BPM:
        return "betaaltermijn_naheffingsaanslag_bpm"
    if soort is ClaimKind.AANSPRAKELIJKSTELLING and middel is not None and middel.creditor is Creditor.TOESLAGEN:
        return "betaaltermijn_aansprakelijkstelling_toeslagen"
    return _TERM_PARAMETER[soort]


@dataclass(frozen=True, slots=True)
class Betaaltermijn:
    uiterste_betaaldatum: date  # for termijnen: the last one (rente runs from the next day)
    rente_vanaf: date
    termijn: str
    termijnen: tuple[date, ...] = ()  # the vervaldagen of a voorlopige aanslag in termijnen, else empty


_ROWS = {name: RowOf(name) for name in (*_TERM_PARAMETER.values(), "betaaltermijn_naheffingsaanslag_bpm",
                                         "betaaltermijn_aansprakelijkstelling_toeslagen")}


@functools.lru_cache(maxsize=16384)
def uiterste_betaaldatum(soort: ClaimKind, dagtekening: date, middel: Middel | None = None) -> date:
    """Fast path without explanation (used for every claim on the debt-position screen; cached)."""
    return add_duration(dagtekening, _ROWS[_parameter(soort, middel)](dagtekening))


on_reload(uiterste_betaaldatum.cache_clear)


def _end_of_month(day: date) -> date:
    return day.replace(day=days_in_month(day.year, day.month))


@functools.lru_cache(maxsize=4096)
def va_termijnen(dagtekening: date, jaar: int) -> tuple[date, ...]:
    """The vervaldagen of a voorlopige aanslag IB/Vpb for ``jaar`` (IW 1990 art. 9 lid 5 and 7).

    Dated in ``jaar``: as many termijnen as months are left after the month of the dagtekening, the first one
    month after the dagtekening, then monthly.  Dated before ``jaar``: twelve, at the end of each month of
    ``jaar``.  Empty when that gives one termijn or none (then the ordinary term of lid 1 applies) or when the
    dagtekening lies after ``jaar``.
    """
    if dagtekening.year == jaar:
        count = 12 - dagtekening.month
        if count <= 1:
            return ()
        return tuple(add_months(dagtekening, k + 1) for k in range(count))
    if dagtekening.year < jaar:
        return tuple(_end_of_month(date(jaar, month, 1)) for month in range(1, 13))
    return ()


def betaaltermijn(
    soort: ClaimKind,
    dagtekening: date,
    middel: Middel | None = None,
    *,
    voorlopig_jaar: int | None = None,
) -> Explained[Betaaltermijn]:
    """The uiterste betaaldatum with its explanation; ``voorlopig_jaar``: the year of a voorlopige aanslag."""
    steps = Explanation()
    termijnen = va_termijnen(dagtekening, voorlopig_jaar) if (
        voorlopig_jaar is not None and middel in VA_MIDDELEN and soort is ClaimKind.AANSLAG
    ) else ()
    if termijnen:
        lid = "lid 5" if dagtekening.year == voorlopig_jaar else "lid 7"
        due = termijnen[-1]
        steps.add(
            f"Voorlopige aanslag {voorlopig_jaar}: betalen in {len(termijnen)} maandelijkse termijnen, de eerste op "
            f"{format_date(termijnen[0])} (Invorderingswet 1990, art. 9 {lid})",
            f"{len(termijnen)} termijnen",
        )
        steps.add("Laatste termijn: uiterste betaaldatum voor de rente", format_date(due))
        steps.add(
            "Invorderingsrente loopt pas vanaf de dag na de laatste termijn (Invorderingswet 1990, art. 28 lid 1)",
            format_date(due + ONE_DAY),
        )
        return Explained(Betaaltermijn(due, due + ONE_DAY, f"{len(termijnen)} termijnen", termijnen), steps.freeze())
    term = param(_parameter(soort, middel), dagtekening)
    due = add_duration(dagtekening, term)
    what = label(soort) if middel is None else f"{label(soort)} {label(middel)}"
    if term.text.startswith("0 "):
        steps.add(f"Betaaltermijn {what}: terstond invorderbaar", "terstond", param=term)
        steps.add(f"Uiterste betaaldatum: de dagtekening {format_date(dagtekening)}", format_date(due))
    else:
        steps.add(f"Betaaltermijn {what}", term.text, param=term)
        steps.add(f"Uiterste betaaldatum: dagtekening {format_date(dagtekening)} plus {term.text}", format_date(due))
    steps.add(
        "Invorderingsrente loopt vanaf de dag na de uiterste betaaldatum (Invorderingswet 1990, art. 28 lid 2)",
        format_date(due + ONE_DAY),
    )
    return Explained(Betaaltermijn(due, due + ONE_DAY, term.text), steps.freeze())
