"""Verjaring of the rechtsvordering tot betaling (Awb 4:104-4:111; IW 1990 art. 27; rules.md §6).

* The term (5 years, ``verjaringstermijn``) starts the day after the uiterste betaaldatum; the
  ``verjaringsdatum`` is the last day of the term (the anniversary): from the next day the claim is verjaard.
* Stuiting (aanmaning, dwangbevel, verrekening, executiedaad, erkenning, stuitingsbrief) within the running
  term starts a new term of the same length on the next day (Awb 4:110): it ends on the anniversary of the
  stuiting.  A stuiting after the claim is verjaard has no effect (Awb 4:104 lid 2).
* Verlenging (Awb 4:111): the running term is extended by the days of uitstel van betaling falling in it
  (overlapping periods count once).  A running betalingsregeling is uitstel (IW 1990 art. 25), so its days
  count too.  Because uitstel counts days and terms count years, a stuiting on the last
  day of an uitstel that spans 29 February could end one day *before* the term it interrupts; the engine then
  keeps the interrupted term's end, so a stuiting never makes a claim verjaren earlier.
* Policy "niet stuiten, tenzij" (Toeslagen VM 43; Belastingdienst strategy §5.5.2): :func:`stuiten_advies`.
  A measure ``niet_stuiten`` or ``stuiten`` (the exception, with a recorded reason) decides it inside the
  window; when both are active, "niet stuiten" wins (in the citizen's favour) and the advice says so.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from caseworker_app.domain.explain import Explained, Explanation, Step
from caseworker_app.domain.money import format_date
from caseworker_app.domain.params import ParamValue, on_reload, param
from caseworker_app.domain.rules.common import ONE_DAY, RowOf, _add_duration, add_duration
from caseworker_app.domain.types import Creditor


@dataclass(frozen=True, slots=True)
class Periode:
    """A closed period ``van`` t/m ``tot`` (both inclusive)."""

    van: date
    tot: date

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1


@dataclass(frozen=True, slots=True)
class Verjaring:
    verjaringsdatum: date
    termijn_start: date
    laatste_stuiting: date | None
    verlenging_dagen: int

    def verjaard(self, today: date) -> bool:
        return today > self.verjaringsdatum


def merge_periods(periods: Iterable[Periode]) -> list[Periode]:
    """Sorted, with overlapping or adjacent periods joined (a day of uitstel extends the term only once)."""
    merged: list[Periode] = []
    for period in sorted(periods, key=lambda p: p.van):
        if merged and period.van <= merged[-1].tot + ONE_DAY:
            if period.tot > merged[-1].tot:
                merged[-1] = Periode(merged[-1].van, period.tot)
        else:
            merged.append(period)
    return merged


def _extend(term_start: date, end: date, uitstel: list[Periode]) -> tuple[date, int]:
    extra = 0
    for period in uitstel:
        if period.van > end:
            break
        start = max(period.van, term_start)
        if period.tot < start:
            continue
        days = (period.tot - start).days + 1
        end = date.fromordinal(end.toordinal() + days)
        extra += days
    return end, extra


def verjaring(
    uiterste_betaaldatum: date,
    stuitingen: Iterable[date] = (),
    uitstel: Iterable[Periode] = (),
    *,
    explain: bool = True,
) -> Explained[Verjaring]:
    term = param("verjaringstermijn", uiterste_betaaldatum)
    steps = Explanation()
    periods = merge_periods(uitstel)
    start = uiterste_betaaldatum + ONE_DAY
    base_end = add_duration(uiterste_betaaldatum, term)
    last_stuiting: date | None = None
    floor = base_end  # a stuiting never ends the claim earlier than the term it interrupts (leap-day edge)
    if explain:
        steps.add(
            f"Termijn van {term.text} begint na de uiterste betaaldatum {format_date(uiterste_betaaldatum)} "
            "(Awb 4:104)",
            format_date(base_end),
            param=term,
        )
    for stuiting in sorted(set(stuitingen)):
        end, _ = _extend(start, base_end, periods)
        if stuiting < start:
            if explain:
                steps.add(f"Stuiting {format_date(stuiting)} ligt voor het begin van de lopende termijn: geen effect")
            continue
        if stuiting > end:
            if explain:
                steps.add(
                    f"Stuiting {format_date(stuiting)} na de verjaring ({format_date(end)}): geen effect "
                    "(Awb 4:104 lid 2)"
                )
            break
        floor = end
        start = stuiting + ONE_DAY
        base_end = add_duration(stuiting, term)
        last_stuiting = stuiting
        if explain:
            steps.add(
                f"Gestuit op {format_date(stuiting)}: nieuwe termijn van {term.text} vanaf de volgende dag (Awb 4:110)",
                format_date(base_end),
            )
    end, extra = _extend(start, base_end, periods)
    if explain and extra:
        steps.add(
            f"Verlengd met {extra} dagen uitstel van betaling; een lopende betalingsregeling is ook uitstel "
            "(Awb 4:111; Invorderingswet 1990, art. 25)",
            format_date(end),
        )
    if floor > end:
        end = floor
        if explain:
            steps.add(
                "De stuiting laat de claim niet eerder verjaren dan de onderbroken termijn (schrikkeldag in uitstel)",
                format_date(end),
            )
    if explain:
        steps.add("Verjaringsdatum (laatste dag waarop nog kan worden ingevorderd)", format_date(end))
    return Explained(Verjaring(end, start, last_stuiting, extra), steps.freeze())


_VERJARINGSTERMIJN = RowOf("verjaringstermijn")


@functools.lru_cache(maxsize=1024)
def _window(today: date) -> tuple[ParamValue, date]:
    """The stuiting window valid on ``today`` and the day it reaches (one lookup per day, not per claim)."""
    window = param("stuiting_signaal_voor_verjaring", today)
    return window, add_duration(today, window)


on_reload(_window.cache_clear)


def verjaringsdatum(uiterste_betaaldatum: date, stuitingen: list[date], uitstel: tuple[Periode, ...] = ()) -> date:
    """Fast path of :func:`verjaring` for the list of all claims: the date only, no explanation."""
    term = _VERJARINGSTERMIJN(uiterste_betaaldatum).text
    periods = merge_periods(uitstel) if uitstel else []
    start = uiterste_betaaldatum + ONE_DAY
    base_end = _add_duration(uiterste_betaaldatum, term)
    floor = base_end
    if stuitingen:
        for stuiting in sorted(stuitingen) if len(stuitingen) > 1 else stuitingen:
            end = _extend(start, base_end, periods)[0] if periods else base_end
            if stuiting < start:
                continue
            if stuiting > end:
                break
            floor = end
            start = stuiting + ONE_DAY
            base_end = _add_duration(stuiting, term)
    end = _extend(start, base_end, periods)[0] if periods else base_end
    return end if end >= floor else floor


class StuitenAdvies(NamedTuple):
    stuiten: bool
    beoordelen: bool  # inside the policy window before the verjaringsdatum
    reden: str


_NOTHING_OPEN = StuitenAdvies(False, False, "Niets open: stuiten is niet nodig")


@functools.lru_cache(maxsize=16)
def _far_away(window: str) -> StuitenAdvies:
    return StuitenAdvies(False, False, f"Verjaring ligt meer dan {window} vooruit: stuiten is nu niet aan de orde")


def stuiten_advies(
    verjaringsdatum: date,
    today: date,
    creditor: Creditor,
    open_bedrag_positief: bool,
    *,
    fraude: bool = False,
    betalingsperspectief: bool | None = None,
    niet_stuiten: bool = False,
    stuiten_toegestaan: bool = False,
) -> tuple[StuitenAdvies, Step]:
    """Whether to stuit now under "niet stuiten, tenzij" (Toeslagen) / "alleen met goede reden" (Belastingdienst).

    ``niet_stuiten`` / ``stuiten_toegestaan``: a measure of that kind is active on the claim.
    """
    window = param("stuiting_signaal_voor_verjaring", today)
    advice = _advies(verjaringsdatum, today, creditor, open_bedrag_positief, window, fraude, betalingsperspectief,
                     niet_stuiten, stuiten_toegestaan)
    return advice, Step.of(advice.reden, "stuiten" if advice.stuiten else "niet stuiten", param=window)


def stuiten_advies_kort(
    verjaringsdatum: date,
    today: date,
    creditor: Creditor,
    open_bedrag_positief: bool,
    *,
    fraude: bool = False,
    betalingsperspectief: bool | None = None,
    niet_stuiten: bool = False,
    stuiten_toegestaan: bool = False,
) -> StuitenAdvies:
    """:func:`stuiten_advies` without the explanation step (for the list of all claims)."""
    if not open_bedrag_positief:
        return _NOTHING_OPEN
    window, reach = _window(today)
    if today <= verjaringsdatum and reach < verjaringsdatum:
        return _far_away(window.text)
    return _advies(verjaringsdatum, today, creditor, open_bedrag_positief, window, fraude, betalingsperspectief,
                   niet_stuiten, stuiten_toegestaan)


def _advies(
    verjaringsdatum: date,
    today: date,
    creditor: Creditor,
    open_bedrag_positief: bool,
    window: ParamValue,
    fraude: bool,
    betalingsperspectief: bool | None,
    niet_stuiten: bool = False,
    stuiten_toegestaan: bool = False,
) -> StuitenAdvies:
    if not open_bedrag_positief:
        advice = _NOTHING_OPEN
    elif today > verjaringsdatum:
        advice = StuitenAdvies(False, False, "Verjaard: niet meer invorderen en de burger informeren (VM 30)")
    elif add_duration(today, window) < verjaringsdatum:
        advice = _far_away(window.text)
    elif niet_stuiten and stuiten_toegestaan:
        advice = StuitenAdvies(
            False,
            True,
            "Twee maatregelen spreken elkaar tegen ('niet stuiten' en 'stuiten'): niet stuiten, in het voordeel "
            "van de burger, tot een van beide is beëindigd",
        )
    elif niet_stuiten:
        advice = StuitenAdvies(False, True, "Maatregel 'niet stuiten': laten verjaren")
    elif stuiten_toegestaan:
        advice = StuitenAdvies(
            True,
            True,
            "Maatregel 'stuiten' met een vastgelegde reden: stuiten (uitzondering op 'niet stuiten, tenzij')",
        )
    elif fraude:
        advice = StuitenAdvies(True, True, "Fraude: stuiten (uitzondering op 'niet stuiten, tenzij')")
    elif creditor is Creditor.TOESLAGEN:
        if betalingsperspectief:
            advice = StuitenAdvies(True, True, "Toeslagen 'niet stuiten, tenzij': er is betalingsperspectief, stuiten")
        else:
            advice = StuitenAdvies(
                False,
                True,
                "Toeslagen 'niet stuiten, tenzij': geen betalingsperspectief of fraude vastgesteld, laten verjaren",
            )
    elif betalingsperspectief is False:
        advice = StuitenAdvies(
            False, True, "Belastingdienst: betaling is nagenoeg uitgesloten, laten verjaren (strategie §5.5.2)"
        )
    else:
        advice = StuitenAdvies(
            True, True, "Belastingdienst: betaling is niet nagenoeg uitgesloten, stuiten (strategie §5.5.2)"
        )
    return advice
