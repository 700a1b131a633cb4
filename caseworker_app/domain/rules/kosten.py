"""Vervolgingskosten (Kostenwet invordering rijksbelastingen art. 2-4), read from dated tariff tables.

* Aanmaning (art. 2): the low tariff below the threshold (EUR 454), the high tariff from it; the
  threshold is on the gevorderde som.  Pay within the aanmaning term (2 weeks).
* Dwangbevel (art. 3 lid 1): ``basis + stap x floor((som - eenheid) / eenheid)`` for a som above one
  eenheid (EUR 45), capped at the maximum (EUR 89.99 -> basis; EUR 90 -> basis + EUR 4).
* Other steps (hernieuwd bevel, kwitantie, beslag, verkoop, aanplakbiljet): fixed tariffs.
* A betekening only to stuit verjaring is free (LI 27.3); a betalingsherinnering is free (LI 11.5);
  a vordering (IW 19) by the deurwaarder costs nothing (LI 19.1.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from caseworker_app.domain.explain import Explained, Explanation, Step
from caseworker_app.domain.money import ZERO, format_date, format_eur
from caseworker_app.domain.params import param
from caseworker_app.domain.rules.common import RowOf, add_duration
from caseworker_app.domain.types import EnforcementStep, label


@dataclass(frozen=True, slots=True)
class Aanmaningskosten:
    kosten: Decimal
    totaal: Decimal
    uiterste_betaaldatum: date


@dataclass(frozen=True, slots=True)
class Kosten:
    kosten: Decimal


_ROWS: dict[str, RowOf] = {}


def _fast(name: str, datum: date) -> Decimal:
    """The figure of ``name`` on ``datum`` for the fast paths (the row found last time is tried first)."""
    rows = _ROWS.get(name)
    if rows is None:
        rows = _ROWS[name] = RowOf(name)
    return rows(datum).decimal


def aanmaningskosten_bedrag(openstaand: Decimal, datum: date) -> Decimal:
    """Fast path: the tariff only."""
    threshold = _fast("aanmaning_drempel", datum)
    name = "aanmaningskosten_hoog" if openstaand >= threshold else "aanmaningskosten_laag"
    return _fast(name, datum)


def aanmaningskosten(openstaand: Decimal, datum: date) -> Explained[Aanmaningskosten]:
    steps = Explanation()
    threshold = param("aanmaning_drempel", datum)
    high = openstaand >= threshold.decimal
    steps.add(
        f"Gevorderd bedrag {format_eur(openstaand)} is {'gelijk aan of hoger dan' if high else 'lager dan'} de drempel",
        format_eur(threshold.decimal),
        param=threshold,
    )
    tariff = param("aanmaningskosten_hoog" if high else "aanmaningskosten_laag", datum)
    steps.add(f"Kosten aanmaning ({'hoog' if high else 'laag'} tarief)", format_eur(tariff.decimal), param=tariff)
    term = param("aanmaning_termijn", datum)
    due = add_duration(datum, term)
    total = openstaand + tariff.decimal
    steps.add("Totaal te betalen", format_eur(total))
    steps.add(f"Betalen binnen {term.text} na {format_date(datum)}", format_date(due), param=term)
    return Explained(Aanmaningskosten(tariff.decimal, total, due), steps.freeze())


def dwangbevelkosten_bedrag(bedrag: Decimal, datum: date) -> Decimal:
    base = _fast("dwangbevel_basis", datum)
    step = _fast("dwangbevel_stap", datum)
    unit = _fast("dwangbevel_eenheid", datum)
    cap = _fast("dwangbevel_maximum", datum)
    units = ((bedrag - unit) / unit).to_integral_value(rounding=ROUND_FLOOR) if bedrag > unit else Decimal(0)
    return min(base + step * units, cap)


def dwangbevelkosten(bedrag: Decimal, datum: date, *, alleen_stuiten: bool = False) -> Explained[Kosten]:
    steps = Explanation()
    if alleen_stuiten:
        steps.add("Dwangbevel uitsluitend om de verjaring te stuiten: geen kosten (LI 27.3)", format_eur(ZERO))
        return Explained(Kosten(ZERO), steps.freeze())
    base = param("dwangbevel_basis", datum)
    step = param("dwangbevel_stap", datum)
    unit = param("dwangbevel_eenheid", datum)
    cap = param("dwangbevel_maximum", datum)
    units = (
        ((bedrag - unit.decimal) / unit.decimal).to_integral_value(rounding=ROUND_FLOOR)
        if bedrag > unit.decimal
        else Decimal(0)
    )
    steps.add(f"Basisbedrag voor de eerste {format_eur(unit.decimal)}", format_eur(base.decimal), param=base)
    steps.add(
        f"Volle eenheden van {format_eur(unit.decimal)} boven de eerste in {format_eur(bedrag)}", str(units), param=unit
    )
    raw = base.decimal + step.decimal * units
    steps.add(f"{units} x {format_eur(step.decimal)} erbij", format_eur(raw), param=step)
    kosten = min(raw, cap.decimal)
    if kosten < raw:
        steps.add("Begrensd op het maximum", format_eur(cap.decimal), param=cap)
    else:
        steps.add("Onder het maximum", format_eur(cap.decimal), param=cap)
    return Explained(Kosten(kosten), steps.freeze())


_FIXED = {
    EnforcementStep.HERNIEUWD_BEVEL: "hernieuwd_bevel_kosten",
    EnforcementStep.BESLAG: "beslag_kosten",
    EnforcementStep.EXECUTIE: "verkoop_kosten",
}
_FREE = {
    EnforcementStep.BETALINGSHERINNERING: "Een betalingsherinnering is kosteloos (LI 11.5)",
    EnforcementStep.STUITINGSBRIEF: "Een stuitingsbrief is kosteloos (IW 1990 art. 27; LI 27.3)",
    EnforcementStep.VORDERING: "Een vordering (IW 1990 art. 19) kost niets (LI 19.1.1)",
}


def vervolgingskosten(
    stap: EnforcementStep, datum: date, bedrag: Decimal | None = None, *, alleen_stuiten: bool = False
) -> Explained[Kosten]:
    """The costs of one step of the ladder; ``bedrag`` (the gevorderde som) is needed for aanmaning and dwangbevel."""
    if stap in _FREE:
        return Explained(Kosten(ZERO), (Step(_FREE[stap], format_eur(ZERO)),))
    if stap is EnforcementStep.AANMANING:
        if bedrag is None:
            raise ValueError("bedrag is required for aanmaningskosten")
        result = aanmaningskosten(bedrag, datum)
        return Explained(Kosten(result.result.kosten), result.steps)
    if stap is EnforcementStep.DWANGBEVEL:
        if bedrag is None:
            raise ValueError("bedrag is required for dwangbevelkosten")
        return dwangbevelkosten(bedrag, datum, alleen_stuiten=alleen_stuiten)
    tariff = param(_FIXED[stap], datum)
    steps = Explanation()
    steps.add(f"Kosten {label(stap)} op {format_date(datum)}", format_eur(tariff.decimal), param=tariff)
    return Explained(Kosten(tariff.decimal), steps.freeze())


def vervolgingskosten_bedrag(stap: EnforcementStep, datum: date, bedrag: Decimal) -> Decimal:
    """Fast path for the position screen."""
    if stap in _FREE:
        return ZERO
    if stap is EnforcementStep.AANMANING:
        return aanmaningskosten_bedrag(bedrag, datum)
    if stap is EnforcementStep.DWANGBEVEL:
        return dwangbevelkosten_bedrag(bedrag, datum)
    return _fast(_FIXED[stap], datum)
