"""The enforcement ladder per claim and the guards before its next step (rules.md §5, §15).

Order (least third-party involvement first): aanmaning -> dwangbevel -> vordering (IW 19; one third party,
the beslagvrije voet applies) -> hernieuwd bevel (only after betekening per post, before executie) -> beslag
-> executie.  A betalingsherinnering is optional and free and never required; a stuitingsbrief is not a rung,
nor is a dwangbevel served only to stuit the verjaring (LI 27.3).  A step recorded as not stuitend is still
a rung; it only does not stuit.

A claim with nothing open, or that is verjaard, has no next step.  Otherwise every guard is reported with its
Dutch reason, whether it passes or not:

* materially due: the (first) uiterste betaaldatum has passed and something is open;
* not verjaard (Awb 4:104 lid 2);
* the measures on the claim (``ClaimFacts.effects``, :mod:`caseworker_app.domain.measures`): uitstel (IW 25)
  and a running betalingsregeling, an invorderingspauze or ``geen_dwang``, buiten invordering, a
  kwijtscheldingsverzoek under treatment (URIW art. 9), ``eerst_contact`` -- one guard per active measure, so
  two measures never hide each other;
* no waiting period after a refused uitstel (10 days, LI 25.1.8) or kwijtschelding (14 days, LI 26.1.7 as of
  2026);
* the term of the previous step has expired (aanmaning 2 weeks; dwangbevel: deemed betekend 2 days after
  posting plus 2 days; executie: the 7 days for a third party's beroep after beslag, IW 1990 art. 22);
* a loonvordering after a dwangbevel betekend per post needs a written vooraankondiging at least 7 days
  before (IW 1990 art. 19 lid 5);
* bestaansminimum: a step on periodic income (vordering, beslag) needs a beslagvrije voet determined in the
  last 12 months (Rv 475d lid 2), so it is never breached;
* proportionality (invorderingsstrategie §4.3.5, §5.5.1), for the steps that reach a third party or the
  debtor's goods (vordering, beslag, executie): was there personal contact -- or an attempt that failed --
  after the aanmaning (*unknown counts as not established*: the step waits until the contact is recorded),
  and from the dwangbevel on: is a lighter step available (a verrekening that is possible and not excluded);
* policy switch VM 42 (Toeslagen, ``vm42_lopend_toeslagjaar``): no dwanginvordering beyond the aanmaning on a
  terugvordering of the running toeslagjaar, unless there is fraud.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple

from caseworker_app.domain.measures import ClaimEffect, Effect, MeasureKind
from caseworker_app.domain.money import format_date
from caseworker_app.domain.params import on_reload, param
from caseworker_app.domain.rules.common import ONE_DAY, RowOf, add_duration
from caseworker_app.domain.types import EnforcementStep, label


@dataclass(frozen=True, slots=True)
class StepTaken:
    step: EnforcementStep
    date: date
    per_post: bool = True  # dwangbevel betekend per post (then a hernieuwd bevel precedes executie)
    alleen_stuiten: bool = False  # only to stuit verjaring (free, LI 27.3): not a rung of the ladder
    stuit: bool | None = None  # whether it stuitte the verjaring; None: as the kind of step does (Awb 4:106)

    @property
    def stuitend(self) -> bool:
        return self.step.stuit if self.stuit is None else self.stuit


class Contact(NamedTuple):
    """A personal contact moment with the debtor about the debt (phone, counter, home visit)."""

    datum: date
    bereikt: bool = True  # False: tried, but nobody was reached


class Guard(NamedTuple):
    """One check before the next step.  ``reden`` (Dutch) is built on first use: the list screen asks for
    hundreds of claims and only shows reasons for the one the user opens.  (A NamedTuple: cheap to create.)"""

    naam: str
    ok: bool
    args: tuple[Any, ...] = ()

    @property
    def reden(self) -> str:
        return _reason(self.naam, self.ok, self.args)


def _period(effect: ClaimEffect) -> str:
    if effect.tot is None:
        return f"vanaf {format_date(effect.van)}"
    return f"van {format_date(effect.van)} t/m {format_date(effect.tot)}"


def _reason(naam: str, ok: bool, args: tuple[Any, ...]) -> str:
    if naam == "opeisbaar":
        due, positive = args
        if ok:
            return "Betaaltermijn verstreken en er staat nog iets open"
        if not positive:
            return "Er staat niets meer open"
        return f"Betaaltermijn loopt tot en met {format_date(due)}"
    if naam == "niet_verjaard":
        (verjaringsdatum,) = args
        if ok:
            return f"Niet verjaard (verjaringsdatum {format_date(verjaringsdatum)})"
        return f"Verjaard na {format_date(verjaringsdatum)}: wordt niet meer ingevorderd (Awb 4:104 lid 2)"
    if naam == "geen_uitstel":
        if ok:
            return "Geen uitstel van betaling"
        (effect,) = args
        return f"Uitstel van betaling {_period(effect)}: geen dwang (IW 1990 art. 25)"
    if naam == "geen_regeling":
        if ok:
            return "Geen lopende betalingsregeling"
        (effect,) = args
        return (
            f"Lopende betalingsregeling {_period(effect)}: geen volgende dwangstap "
            "(een regeling is uitstel van betaling, IW 1990 art. 25)"
        )
    if naam == "geen_pauze":
        if ok:
            return "Geen invorderingspauze"
        (effect,) = args
        return f"Invorderingspauze {_period(effect)}: geen volgende dwangstap"
    if naam == "geen_dwang":
        (effect,) = args
        return f"Maatregel 'geen dwanginvordering' {_period(effect)}: de invordering blijft staan waar ze is"
    if naam == "buiten_invordering":
        (effect,) = args
        return f"Buiten invordering gesteld {_period(effect)}: deze schuld wordt niet ingevorderd"
    if naam == "geen_kwijtscheldingsverzoek":
        if ok:
            return "Geen kwijtscheldingsverzoek in behandeling"
        (effect,) = args
        return f"Kwijtscheldingsverzoek in behandeling {_period(effect)}: geen dwang (URIW art. 9)"
    if naam == "eerst_contact":
        effect, contact = args
        if ok:
            return f"Persoonlijk contact gehad op {format_date(contact.datum)} (maatregel 'eerst contact')"
        return (
            f"Eerst persoonlijk contact met de schuldenaar (maatregel {_period(effect)}): "
            "sindsdien heeft nog niemand met hem of haar gesproken"
        )
    if naam == "wachttijd":
        soort, until = args
        if ok:
            return f"Wachttijd na afwijzing van {soort} voorbij"
        article = "25.1.8" if soort == "uitstel" else "26.1.7"
        source = f"Leidraad Invordering 2008, art. {article}"
        return f"Na afwijzing van {soort} geen dwang t/m {format_date(until)} ({source})"
    if naam == "termijn_verstreken":
        step, earliest = args
        if ok:
            return f"Termijn van de vorige stap verstreken (vanaf {format_date(earliest)})"
        return f"Termijn van de vorige stap loopt nog: {label(step)} kan vanaf {format_date(earliest)}"
    if naam == "beroepstermijn_beslag":
        beslag, earliest = args
        if ok:
            return f"Termijn voor beroep van derden na het beslag van {format_date(beslag)} verstreken"
        return (
            f"Na het beslag van {format_date(beslag)} mogen derden 7 dagen in beroep: verkoop pas vanaf "
            f"{format_date(earliest)} (Invorderingswet 1990, art. 22)"
        )
    if naam == "vooraankondiging":
        (sent, earliest) = args
        if sent is None:
            return (
                "Eerst een schriftelijke vooraankondiging van de loonvordering sturen: het dwangbevel is per post "
                "betekend (Invorderingswet 1990, art. 19 lid 5); een vordering op de bankrekening kan zonder"
            )
        if ok:
            return f"Vooraankondiging van de loonvordering verstuurd op {format_date(sent)}"
        return (
            f"Vooraankondiging van {format_date(sent)}: de loonvordering kan pas vanaf {format_date(earliest)} "
            "(7 dagen, Invorderingswet 1990, art. 19 lid 5)"
        )
    if naam == "bestaansminimum":
        vastgesteld, valid_until = args
        if vastgesteld is None:
            return "Stel eerst de beslagvrije voet vast: het bestaansminimum mag niet worden aangetast"
        if ok:
            return f"Beslagvrije voet vastgesteld op {format_date(vastgesteld)}, geldig t/m {format_date(valid_until)}"
        return f"Beslagvrije voet van {format_date(vastgesteld)} is verlopen: opnieuw vaststellen (Rv 475d lid 2)"
    if naam == "persoonlijk_contact":
        step, since, contact, known, aanmaning = args
        moment = (f"de aanmaning van {format_date(since)}" if aanmaning
                  else f"de uiterste betaaldatum {format_date(since)}")
        if ok:
            how = "gesproken" if contact.bereikt else "geprobeerd, niet bereikt"
            return f"Persoonlijk contact na {moment}: op {format_date(contact.datum)} ({how})"
        if not known:
            return (
                f"Niet vastgelegd of er na {moment} persoonlijk contact is geweest of geprobeerd: "
                f"leg dat eerst vast, dan pas {label(step)} (invorderingsstrategie §5.5.1)"
            )
        return (
            f"Na {moment} is er geen persoonlijk contact geweest of geprobeerd: eerst bellen of langsgaan, "
            f"dan pas {label(step)} (invorderingsstrategie §5.5.1)"
        )
    if naam == "proportionaliteit":
        step, _lighter = args
        if ok:
            return f"Geen lichtere maatregel dan {label(step)} bekend: verrekening is niet mogelijk"
        return (
            f"Verrekening met een uit te betalen bedrag is mogelijk en lichter dan {label(step)} "
            "(Invorderingswet 1990, art. 24; Awir art. 30)"
        )
    if naam == "vm42":
        jaar, _fraude = args
        if ok:
            return f"Terugvordering uit het lopende toeslagjaar {jaar}, maar er is fraude vastgesteld (VM 42)"
        return (
            f"Terugvordering uit het lopende toeslagjaar {jaar}: geen ingrijpende maatregelen zolang de toeslag "
            "niet definitief is, tenzij er fraude is (Toeslagen VM 42)"
        )
    return naam  # pragma: no cover


class NextStep(NamedTuple):
    enforcement_stage: EnforcementStep | None
    step: EnforcementStep | None  # the next rung; None when the ladder is done, nothing is open or verjaard
    allowed: bool
    earliest: date | None  # earliest date the step may be taken
    guards: tuple[Guard, ...]

    @property
    def blocking(self) -> tuple[Guard, ...]:
        return tuple(g for g in self.guards if not g.ok)


_INCOME_STEPS = frozenset({EnforcementStep.VORDERING, EnforcementStep.BESLAG, EnforcementStep.EXECUTIE})
#: steps that reach a third party or the debtor's goods: personal contact first (strategy §5.5.1)
_CONTACT_STEPS = _INCOME_STEPS
#: dwanginvordering beyond the aanmaning: costs money, and a lighter step (verrekening) goes first
_HEAVY_STEPS = frozenset(
    {
        EnforcementStep.DWANGBEVEL,
        EnforcementStep.HERNIEUWD_BEVEL,
        EnforcementStep.VORDERING,
        EnforcementStep.BESLAG,
        EnforcementStep.EXECUTIE,
    }
)


# Guards without arguments are immutable values: share them instead of building 500 copies per screen.
_OK = {
    name: Guard(name, True) for name in ("geen_uitstel", "geen_regeling", "geen_pauze", "geen_kwijtscheldingsverzoek")
}

#: the guard an active effect raises, by (effect, kind of measure); ``None`` for a kind: any kind
_BLOCKING: dict[Effect, dict[MeasureKind | None, str]] = {
    Effect.UITSTEL: {MeasureKind.BETALINGSREGELING: "geen_regeling", None: "geen_uitstel"},
    Effect.GEEN_DWANG: {
        MeasureKind.INVORDERINGSPAUZE: "geen_pauze",
        MeasureKind.BUITEN_INVORDERING: "buiten_invordering",
        MeasureKind.BETALINGSREGELING: "geen_regeling",  # a regeling known only as a flag (measures.flag_effects)
        MeasureKind.UITSTEL: "geen_uitstel",
        None: "geen_dwang",
    },
    Effect.KWIJTSCHELDINGSVERZOEK: {None: "geen_kwijtscheldingsverzoek"},
}

_RANK = {step: step.rank for step in EnforcementStep}


_ROWS: dict[str, RowOf] = {}


@functools.lru_cache(maxsize=65536)
def _after(name: str, day: date) -> date:
    """``day`` plus the duration ``name`` valid on ``day`` (cached: hundreds of claims share their dates)."""
    rows = _ROWS.get(name)
    if rows is None:
        rows = _ROWS[name] = RowOf(name)
    return add_duration(day, rows(day))


@functools.lru_cache(maxsize=4096)
def _term(name: str, day: date) -> str:
    return param(name, day).text


on_reload(_after.cache_clear)
on_reload(_term.cache_clear)


def current_stage(steps: Iterable[StepTaken]) -> StepTaken | None:
    """The highest rung taken.  A herinnering and a stuitingsbrief are not rungs, nor a dwangbevel only to stuit."""
    best: StepTaken | None = None
    for taken in steps:
        rank = _RANK.get(taken.step, -1)
        if rank <= 0 or taken.alleen_stuiten:
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
        return EnforcementStep.DWANGBEVEL, _after("aanmaning_termijn", when) + ONE_DAY
    if step is EnforcementStep.DWANGBEVEL:
        served = _after("betekening_per_post", when) if stage.per_post else when
        return EnforcementStep.VORDERING, add_duration(served, _term("dwangbevel_termijn", when)) + ONE_DAY
    dwangbevel = _dwangbevel(steps)
    per_post = dwangbevel.per_post if dwangbevel else False
    has_hernieuwd = any(s.step is EnforcementStep.HERNIEUWD_BEVEL for s in steps)
    if step is EnforcementStep.VORDERING:
        if per_post and not has_hernieuwd:
            return EnforcementStep.HERNIEUWD_BEVEL, when + ONE_DAY
        return EnforcementStep.BESLAG, when + ONE_DAY
    if step is EnforcementStep.HERNIEUWD_BEVEL:
        return EnforcementStep.BESLAG, _after("dwangbevel_termijn", when) + ONE_DAY
    if step is EnforcementStep.BESLAG:
        return EnforcementStep.EXECUTIE, _after("beslag_beroepstermijn", when) + ONE_DAY
    return None, None


def _dwangbevel(steps: Iterable[StepTaken]) -> StepTaken | None:
    """The dwangbevel the ladder stands on (the latest one served to collect, not only to stuit)."""
    found: StepTaken | None = None
    for s in steps:
        if s.step is EnforcementStep.DWANGBEVEL and not s.alleen_stuiten and (found is None or s.date >= found.date):
            found = s
    return found


def _last_aanmaning(steps: Iterable[StepTaken]) -> date | None:
    return max((s.date for s in steps if s.step is EnforcementStep.AANMANING), default=None)


_ALL_OK = tuple(_OK.values())
_OK_OF = itemgetter(1)


def _effect_guards(guards: list[Guard], effects: tuple[ClaimEffect, ...], today: date,
                   contacten: tuple[Contact, ...] | None) -> None:
    if not effects:
        guards.extend(_ALL_OK)
        return
    blocked: set[str] = set()
    for effect in effects:
        if not effect.active_on(today):
            continue
        names = _BLOCKING.get(effect.effect)
        if names is not None:
            name = names.get(effect.kind) or names[None]
            guards.append(Guard(name, False, (effect,)))
            blocked.add(name)
        elif effect.effect is Effect.EERST_CONTACT:
            spoken = [c for c in contacten or () if c.bereikt and c.datum >= effect.van]
            latest = max(spoken, key=lambda c: c.datum) if spoken else None
            guards.append(Guard("eerst_contact", latest is not None, (effect, latest)))
    for name, guard in _OK.items():
        if name not in blocked:
            guards.append(guard)


def next_step(
    *,
    today: date,
    uiterste_betaaldatum: date,
    balance_positive: bool,
    verjaringsdatum: date,
    steps: tuple[StepTaken, ...],
    effects: tuple[ClaimEffect, ...] = (),
    bvv_vastgesteld_op: date | None = None,
    uitstel_afgewezen_op: date | None = None,
    kwijtschelding_afgewezen_op: date | None = None,
    contacten: tuple[Contact, ...] | None = None,
    vooraankondiging_op: date | None = None,
    verrekening_mogelijk: bool = False,
    lopend_toeslagjaar: int | None = None,
    fraude: bool = False,
) -> NextStep:
    """The next rung for one claim on ``today`` with every guard.

    ``uiterste_betaaldatum`` is the date from which something is materially due (for a voorlopige aanslag in
    termijnen: the first termijn).  ``effects`` are the measures' effects (only the active ones count).
    ``contacten`` ``None`` means not known (no contact record was given); ``()`` means known: none.
    ``lopend_toeslagjaar`` is the toeslagjaar of a terugvordering that arose in the running toeslagjaar
    (policy VM 42), else ``None``.
    """
    return ladder(today, uiterste_betaaldatum, balance_positive, verjaringsdatum, steps, effects,
                  bvv_vastgesteld_op, uitstel_afgewezen_op, kwijtschelding_afgewezen_op, contacten,
                  vooraankondiging_op, verrekening_mogelijk, lopend_toeslagjaar, fraude)


_EXECUTIE, _VORDERING = EnforcementStep.EXECUTIE, EnforcementStep.VORDERING
_NOTHING_OPEN = Guard("opeisbaar", False, (None, False))
_PROPORTIONAL = {step: Guard("proportionaliteit", True, (step, False)) for step in EnforcementStep}


def ladder(
    today: date,
    due_date: date,
    positive: bool,
    verjaringsdatum: date,
    steps: tuple[StepTaken, ...],
    effects: tuple[ClaimEffect, ...],
    bvv_vastgesteld_op: date | None,
    uitstel_afgewezen_op: date | None,
    kwijtschelding_afgewezen_op: date | None,
    contacten: tuple[Contact, ...] | None,
    vooraankondiging_op: date | None,
    verrekening_mogelijk: bool,
    lopend_toeslagjaar: int | None,
    fraude: bool,
) -> NextStep:
    """:func:`next_step` with positional arguments (what ``evaluate_claim`` calls for every claim)."""
    stage = current_stage(steps) if steps else None
    current = stage.step if stage is not None else None
    if not positive:
        return NextStep(current, None, False, None, (_NOTHING_OPEN,))
    guards = [Guard("opeisbaar", today > due_date, (due_date, True))]
    if today > verjaringsdatum:
        guards.append(Guard("niet_verjaard", False, (verjaringsdatum,)))
        return NextStep(current, None, False, None, tuple(guards))
    guards.append(Guard("niet_verjaard", True, (verjaringsdatum,)))
    step, earliest = _next(stage, steps)
    _effect_guards(guards, effects, today, contacten)
    if uitstel_afgewezen_op is not None:
        until = _after("wachttijd_na_afwijzing_uitstel", uitstel_afgewezen_op)
        guards.append(Guard("wachttijd", today > until, ("uitstel", until)))
    if kwijtschelding_afgewezen_op is not None:
        until = _after("wachttijd_na_afwijzing_kwijtschelding", kwijtschelding_afgewezen_op)
        guards.append(Guard("wachttijd", today > until, ("kwijtschelding", until)))
    if step is None:
        guards.append(Guard("ladder", False))
        return NextStep(current, None, False, None, tuple(guards))
    if earliest is None:
        earliest = due_date + ONE_DAY
    if step is _EXECUTIE and stage is not None:
        guards.append(Guard("beroepstermijn_beslag", today >= earliest, (stage.date, earliest)))
    else:
        guards.append(Guard("termijn_verstreken", today >= earliest, (step, earliest)))
    if step in _HEAVY_STEPS:
        if step is _VORDERING:
            dwangbevel = _dwangbevel(steps)
            if dwangbevel is not None and dwangbevel.per_post:
                if vooraankondiging_op is None:
                    guards.append(Guard("vooraankondiging", False, (None, None)))
                else:
                    ready = _after("vooraankondiging_loonvordering", vooraankondiging_op)
                    earliest = max(earliest, ready)
                    guards.append(Guard("vooraankondiging", today >= ready, (vooraankondiging_op, ready)))
        if step in _INCOME_STEPS:
            if bvv_vastgesteld_op is None:
                guards.append(Guard("bestaansminimum", False, (None, None)))
            else:
                valid_until = _after("bvv_geldigheid", bvv_vastgesteld_op)
                guards.append(Guard("bestaansminimum", today <= valid_until, (bvv_vastgesteld_op, valid_until)))
            # _CONTACT_STEPS are the income steps: personal contact after the aanmaning first
            aanmaning = _last_aanmaning(steps)
            since = aanmaning or due_date
            after = [c for c in contacten or () if c.datum >= since]
            latest = max(after, key=lambda c: (c.datum, c.bereikt)) if after else None
            guards.append(Guard("persoonlijk_contact", latest is not None,
                                (step, since, latest, contacten is not None, aanmaning is not None)))
        if verrekening_mogelijk and not _verrekening_uitgesloten(effects, today):
            guards.append(Guard("proportionaliteit", False, (step, True)))
        else:
            guards.append(_PROPORTIONAL[step])
        if lopend_toeslagjaar is not None and _term("vm42_lopend_toeslagjaar", today) == "aan":
            guards.append(Guard("vm42", fraude, (lopend_toeslagjaar, fraude)))
    allowed = all(map(_OK_OF, guards))
    return NextStep(current, step, allowed, earliest, tuple(guards))


def _verrekening_uitgesloten(effects: tuple[ClaimEffect, ...], today: date) -> bool:
    return any(e.effect is Effect.GEEN_VERREKENING and e.amount is None and e.active_on(today) for e in effects)
