"""The enforcement ladder per claim and the guards before its next step (rules.md §5, §15).

Order (least third-party involvement first): aanmaning -> dwangbevel -> vordering (IW 19; one third party,
the beslagvrije voet applies) -> hernieuwd bevel (only after betekening per post, before executie) -> beslag
-> executie.  A betalingsherinnering is optional and free and never required; a stuitingsbrief is not a rung.

Guards, each reported with its Dutch reason whether it passes or not:

* materially due: the uiterste betaaldatum has passed and something is open;
* not verjaard (Awb 4:104 lid 2);
* no uitstel (IW 25), no running betalingsregeling, no invorderingspauze, no kwijtscheldingsverzoek under
  treatment (URIW art. 9);
* no waiting period after a refused uitstel (10 days, LI 25.1.8) or kwijtschelding (14 days, LI 26.1.7);
* the term of the previous step has expired (aanmaning 2 weeks; dwangbevel: deemed betekend 2 days after
  posting plus 2 days);
* bestaansminimum: a step on periodic income (vordering, beslag) needs a beslagvrije voet determined in the
  last 12 months (Rv 475d lid 2), so it is never breached.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from caseworker_app.domain.money import format_date
from caseworker_app.domain.params import param
from caseworker_app.domain.rules.common import ONE_DAY, add_duration
from caseworker_app.domain.rules.verjaring import Periode
from caseworker_app.domain.types import EnforcementStep, label


@dataclass(frozen=True, slots=True)
class StepTaken:
    step: EnforcementStep
    date: date
    per_post: bool = True  # dwangbevel betekend per post (then a hernieuwd bevel precedes executie)
    alleen_stuiten: bool = False  # only to stuit verjaring (free, LI 27.3)


class Guard(NamedTuple):
    """One check before the next step.  ``reden`` (Dutch) is built on first use: the list screen asks for
    hundreds of claims and only shows reasons for the one the user opens.  (A NamedTuple: cheap to create.)"""

    naam: str
    ok: bool
    args: tuple[Any, ...] = ()

    @property
    def reden(self) -> str:
        return _reason(self.naam, self.ok, self.args)


def _reason(naam: str, ok: bool, args: tuple[Any, ...]) -> str:
    if naam == "opeisbaar":
        due, positive = args
        if ok:
            return "Betaaltermijn verstreken en er staat nog iets open"
        return (
            "Er staat niets meer open"
            if positive is False and due is None
            else (
                f"Betaaltermijn loopt tot en met {format_date(due)}" if due is not None else "Er staat niets meer open"
            )
        )
    if naam == "niet_verjaard":
        (verjaringsdatum,) = args
        if ok:
            return f"Niet verjaard (verjaringsdatum {format_date(verjaringsdatum)})"
        return f"Verjaard na {format_date(verjaringsdatum)}: geen invordering meer (Awb 4:104 lid 2)"
    if naam == "geen_uitstel":
        if ok:
            return "Geen uitstel van betaling"
        (period,) = args
        return (
            f"Uitstel van betaling van {format_date(period.van)} t/m {format_date(period.tot)}: "
            "geen dwang (IW 1990 art. 25)"
        )
    if naam == "geen_regeling":
        return "Geen lopende betalingsregeling" if ok else "Lopende betalingsregeling: geen volgende dwangstap"
    if naam == "geen_pauze":
        return "Geen invorderingspauze" if ok else "Invorderingspauze: geen volgende dwangstap"
    if naam == "geen_kwijtscheldingsverzoek":
        return (
            "Geen kwijtscheldingsverzoek in behandeling"
            if ok
            else "Kwijtscheldingsverzoek in behandeling: geen dwang (URIW art. 9)"
        )
    if naam == "wachttijd":
        soort, until = args
        if ok:
            return f"Wachttijd na afwijzing van {soort} voorbij"
        return (
            f"Na afwijzing van {soort} geen dwang t/m {format_date(until)} "
            f"({'LI 25.1.8' if soort == 'uitstel' else 'LI 26.1.7'})"
        )
    if naam == "ladder":
        return "Alle stappen van de invorderingsladder zijn gezet"
    if naam == "termijn_verstreken":
        step, earliest = args
        if ok:
            return f"Termijn van de vorige stap verstreken (vanaf {format_date(earliest)})"
        return f"Termijn van de vorige stap loopt nog: {label(step)} kan vanaf {format_date(earliest)}"
    if naam == "bestaansminimum":
        vastgesteld, valid_until = args
        if vastgesteld is None:
            return "Stel eerst de beslagvrije voet vast: het bestaansminimum mag niet worden aangetast"
        if ok:
            return f"Beslagvrije voet vastgesteld op {format_date(vastgesteld)}, geldig t/m {format_date(valid_until)}"
        return f"Beslagvrije voet van {format_date(vastgesteld)} is verlopen: opnieuw vaststellen (Rv 475d lid 2)"
    if naam == "proportionaliteit":
        (step,) = args
        return f"{label(step).capitalize()} is de lichtste volgende stap (minste betrokkenheid van derden)"
    return naam  # pragma: no cover


@dataclass(frozen=True, slots=True)
class NextStep:
    enforcement_stage: EnforcementStep | None
    step: EnforcementStep | None  # the next rung, None when the ladder is done or nothing is open
    allowed: bool
    earliest: date | None  # earliest date the step may be taken
    guards: tuple[Guard, ...]

    @property
    def blocking(self) -> tuple[Guard, ...]:
        return tuple(g for g in self.guards if not g.ok)


_INCOME_STEPS = frozenset({EnforcementStep.VORDERING, EnforcementStep.BESLAG, EnforcementStep.EXECUTIE})


# Guards without arguments are immutable values: share them instead of building 500 copies per screen.
_NO_UITSTEL = Guard("geen_uitstel", True, (None,))
_FLAG_GUARDS = {
    (name, ok): Guard(name, ok)
    for name in ("geen_regeling", "geen_pauze", "geen_kwijtscheldingsverzoek")
    for ok in (True, False)
}


_RANK = {step: step.rank for step in EnforcementStep}


def current_stage(steps: Iterable[StepTaken]) -> StepTaken | None:
    best: StepTaken | None = None
    for taken in steps:
        rank = _RANK.get(taken.step, -1)
        if rank <= 0:  # herinnering (0) and stuitingsbrief (-1) are not ladder rungs that count
            continue
        if best is None or (rank, taken.date) > (_RANK[best.step], best.date):
            best = taken
    return best


def _next(stage: StepTaken | None, steps: tuple[StepTaken, ...]) -> tuple[EnforcementStep | None, date | None]:
    """The next rung and the earliest date it may be taken (before guards)."""
    if stage is None:
        return EnforcementStep.AANMANING, None
    step, when = stage.step, stage.date
    if step is EnforcementStep.AANMANING:
        return EnforcementStep.DWANGBEVEL, add_duration(when, param("aanmaning_termijn", when)) + ONE_DAY
    if step is EnforcementStep.DWANGBEVEL:
        served = add_duration(when, param("betekening_per_post", when)) if stage.per_post else when
        return EnforcementStep.VORDERING, add_duration(served, param("dwangbevel_termijn", when)) + ONE_DAY
    dwangbevel = next((s for s in steps if s.step is EnforcementStep.DWANGBEVEL), None)
    per_post = dwangbevel.per_post if dwangbevel else False
    has_hernieuwd = any(s.step is EnforcementStep.HERNIEUWD_BEVEL for s in steps)
    if step is EnforcementStep.VORDERING:
        if per_post and not has_hernieuwd:
            return EnforcementStep.HERNIEUWD_BEVEL, when + ONE_DAY
        return EnforcementStep.BESLAG, when + ONE_DAY
    if step is EnforcementStep.HERNIEUWD_BEVEL:
        return EnforcementStep.BESLAG, add_duration(when, param("dwangbevel_termijn", when)) + ONE_DAY
    if step is EnforcementStep.BESLAG:
        return EnforcementStep.EXECUTIE, when + ONE_DAY
    return None, None


def _covers(periods: Iterable[Periode], day: date) -> Periode | None:
    for period in periods:
        if period.van <= day <= period.tot:
            return period
    return None


def next_step(
    *,
    today: date,
    uiterste_betaaldatum: date,
    balance_positive: bool,
    verjaringsdatum: date,
    steps: tuple[StepTaken, ...],
    uitstel: tuple[Periode, ...] = (),
    under_regeling: bool = False,
    paused: bool = False,
    kwijtschelding_verzoek: bool = False,
    bvv_vastgesteld_op: date | None = None,
    uitstel_afgewezen_op: date | None = None,
    kwijtschelding_afgewezen_op: date | None = None,
) -> NextStep:
    stage = current_stage(steps)
    step, earliest = _next(stage, steps)
    guards: list[Guard] = []
    due = today > uiterste_betaaldatum
    guards.append(
        Guard(
            "opeisbaar", due and balance_positive, (None if due else uiterste_betaaldatum, balance_positive)
        )
    )
    guards.append(Guard("niet_verjaard", today <= verjaringsdatum, (verjaringsdatum,)))
    active = _covers(uitstel, today) if uitstel else None
    guards.append(_NO_UITSTEL if active is None else Guard("geen_uitstel", False, (active,)))
    guards.append(_FLAG_GUARDS["geen_regeling", not under_regeling])
    guards.append(_FLAG_GUARDS["geen_pauze", not paused])
    guards.append(_FLAG_GUARDS["geen_kwijtscheldingsverzoek", not kwijtschelding_verzoek])
    for soort, afgewezen, parameter in (
        ("uitstel", uitstel_afgewezen_op, "wachttijd_na_afwijzing_uitstel"),
        ("kwijtschelding", kwijtschelding_afgewezen_op, "wachttijd_na_afwijzing_kwijtschelding"),
    ):
        if afgewezen is not None:
            until = add_duration(afgewezen, param(parameter, afgewezen))
            guards.append(Guard("wachttijd", today > until, (soort, until)))
    if step is None:
        guards.append(Guard("ladder", False))
        return NextStep(stage.step if stage else None, None, False, None, tuple(guards))
    if earliest is None:
        earliest = uiterste_betaaldatum + ONE_DAY
    guards.append(Guard("termijn_verstreken", today >= earliest, (step, earliest)))
    if step in _INCOME_STEPS:
        if bvv_vastgesteld_op is None:
            guards.append(Guard("bestaansminimum", False, (None, None)))
        else:
            valid_until = add_duration(bvv_vastgesteld_op, param("bvv_geldigheid", bvv_vastgesteld_op))
            guards.append(Guard("bestaansminimum", today <= valid_until, (bvv_vastgesteld_op, valid_until)))
    guards.append(Guard("proportionaliteit", True, (step,)))
    allowed = all(g.ok for g in guards)
    return NextStep(stage.step if stage else None, step, allowed, earliest, tuple(guards))
