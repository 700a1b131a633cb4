"""The effect of a proposed measure in euros: the position with the measure against the position without it.

Computed by the rules engine, not estimated: every covered claim's own facts (``ClaimPosition.facts``: its
ledger, its steps, the measures already on it) are evaluated twice on the *peildatum* -- once as they are, once
with the proposed measure's effects added -- and the differences are what the measure changes:

* ``open``: what the debtor must pay on the peildatum, without and with the measure;
* ``rente``: invorderingsrente (booked and accrued, less what a measure waives) -- the part forgone;
* ``kosten``: costs charged (less what a measure waives), and the costs of the next step that would not be
  charged;
* enforcement steps suppressed: claims whose next step would be allowed without the measure and is not with it;
* the monthly picture: a raised beslagvrije voet, a ceiling on verrekening.

The peildatum is the measure's last day (for an open-ended one its review date), never before today: what the
measure has changed by the time it ends.  A measure starting in the past shows what it reverses up to today
too (``open_vandaag``).  No database access: the position is already loaded, so the proposer sees the effect as
they type.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from caseworker_app.domain.explain import Step
from caseworker_app.domain.maatwerk import Draft
from caseworker_app.domain.measures import ClaimEffect, Effect
from caseworker_app.domain.money import ZERO, format_date, format_eur
from caseworker_app.domain.rules import position as rules
from caseworker_app.domain.types import label

from caseworker_app.services.position.dto import ClaimPosition, DebtPosition


@dataclass(frozen=True)
class ClaimDifference:
    """One covered claim without and with the measure, on the peildatum."""

    claim_id: int
    reference: str
    open_zonder: Decimal
    open_met: Decimal
    rente_zonder: Decimal
    rente_met: Decimal
    kosten_zonder: Decimal
    kosten_met: Decimal
    volgende_stap_zonder: str | None  # the step's label when it would be allowed, else None
    volgende_stap_met: str | None
    kosten_volgende_stap_zonder: Decimal
    kosten_volgende_stap_met: Decimal

    @property
    def stap_opgeschort(self) -> bool:
        return self.volgende_stap_zonder is not None and self.volgende_stap_met is None


@dataclass(frozen=True)
class MeasureEffect:
    """What a measure changes, in euros, on ``peildatum`` (see the module docstring)."""

    peildatum: dt.date
    open_zonder: Decimal
    open_met: Decimal
    rente_vermeden: Decimal
    kosten_vermeden: Decimal
    kosten_volgende_stap_vermeden: Decimal
    stappen_opgeschort: tuple[str, ...]  # "kenmerk: stap"
    open_vandaag_zonder: Decimal
    open_vandaag_met: Decimal
    beslagvrije_voet_zonder: Decimal | None
    beslagvrije_voet_met: Decimal | None
    verrekening_per_maand: Decimal | None  # the ceiling while it works; 0: no verrekening; None: unchanged
    claims: tuple[ClaimDifference, ...]
    explanation: tuple[Step, ...]

    @property
    def verschil(self) -> Decimal:
        """How much less the debtor must pay on the peildatum because of the measure."""
        return self.open_zonder - self.open_met

    def to_json(self) -> dict[str, Any]:
        """The summary the decider sees (``decisions.effect``) and ``--json`` prints; money as strings."""
        def m(value: Decimal | None) -> str | None:
            return None if value is None else f"{value:.2f}"

        return {
            "peildatum": self.peildatum.isoformat(),
            "open_zonder": m(self.open_zonder),
            "open_met": m(self.open_met),
            "verschil": m(self.verschil),
            "rente_vermeden": m(self.rente_vermeden),
            "kosten_vermeden": m(self.kosten_vermeden),
            "kosten_volgende_stap_vermeden": m(self.kosten_volgende_stap_vermeden),
            "stappen_opgeschort": list(self.stappen_opgeschort),
            "open_vandaag_zonder": m(self.open_vandaag_zonder),
            "open_vandaag_met": m(self.open_vandaag_met),
            "beslagvrije_voet_zonder": m(self.beslagvrije_voet_zonder),
            "beslagvrije_voet_met": m(self.beslagvrije_voet_met),
            "verrekening_per_maand": m(self.verrekening_per_maand),
            "vorderingen": len(self.claims),
            "uitleg": [step.description + (f": {step.value}" if step.value else "") for step in self.explanation],
        }


def peildatum_of(draft: Draft, today: dt.date) -> dt.date:
    """The day the comparison is made: the measure's last day (open-ended: its review date), not before today."""
    end = draft.tot if draft.tot is not None else draft.herzien_op
    return max(today, end if end is not None else draft.van)


def covered(position: DebtPosition, references: tuple[str, ...]) -> tuple[ClaimPosition, ...]:
    """The claims a measure covers: the named ones, or every claim that can still be collected."""
    if references:
        wanted = set(references)
        return tuple(c for c in position.claims if c.reference in wanted)
    return tuple(c for c in position.claims if not c.verjaard)


def _rente(ev: rules.ClaimEvaluation) -> Decimal:
    return ev.rente_booked - ev.waived_rente + ev.rente_accrued


def _kosten(ev: rules.ClaimEvaluation) -> Decimal:
    return ev.costs - ev.waived_costs


def _step(ev: rules.ClaimEvaluation) -> str | None:
    nxt = ev.next_step
    return label(nxt.step) if nxt.step is not None and nxt.allowed else None


def _next_costs(ev: rules.ClaimEvaluation) -> Decimal:
    return ev.kosten_volgende_stap if ev.kosten_volgende_stap is not None and ev.next_step.allowed else ZERO


def effect_of(position: DebtPosition, draft: Draft, *, today: dt.date | None = None) -> MeasureEffect:
    """The effect of ``draft`` on ``position`` (the debtor's position as loaded, with the measures in force)."""
    today = today or position.as_of
    day = peildatum_of(draft, today)
    added = draft.effects(measure_id="voorstel")
    diffs: list[ClaimDifference] = []
    vandaag_zonder = vandaag_met = ZERO
    for claim in covered(position, draft.vorderingen):
        facts = claim.facts
        if facts is None or claim.calculation_error:
            continue
        with_measure = dataclasses.replace(facts, effects=facts.effects + added)
        zonder, met = rules.evaluate_claim(facts, day), rules.evaluate_claim(with_measure, day)
        diffs.append(ClaimDifference(
            claim.id, claim.reference, zonder.open, met.open, _rente(zonder), _rente(met), _kosten(zonder),
            _kosten(met), _step(zonder), _step(met), _next_costs(zonder), _next_costs(met)))
        if draft.van < today:
            vandaag_zonder += rules.evaluate_claim(facts, today).open
            vandaag_met += rules.evaluate_claim(with_measure, today).open
    total = sum((d.open_zonder for d in diffs), ZERO)
    total_met = sum((d.open_met for d in diffs), ZERO)
    rente = sum((d.rente_zonder - d.rente_met for d in diffs), ZERO)
    kosten = sum((d.kosten_zonder - d.kosten_met for d in diffs), ZERO)
    next_costs = sum((d.kosten_volgende_stap_zonder - d.kosten_volgende_stap_met for d in diffs), ZERO)
    suppressed = tuple(f"{d.reference}: {d.volgende_stap_zonder}" for d in diffs if d.stap_opgeschort)
    bvv_zonder = bvv_met = None
    if position.capacity is not None and position.capacity.beslagvrije_voet is not None:
        raise_by = sum((e.amount or ZERO for e in added if e.effect is Effect.BVV_VERHOGING), ZERO)
        if raise_by:
            bvv_zonder = position.capacity.beslagvrije_voet
            bvv_met = bvv_zonder + raise_by
    verrekening = _verrekening(added)
    effect = MeasureEffect(
        peildatum=day, open_zonder=total, open_met=total_met, rente_vermeden=rente, kosten_vermeden=kosten,
        kosten_volgende_stap_vermeden=next_costs, stappen_opgeschort=suppressed,
        open_vandaag_zonder=vandaag_zonder, open_vandaag_met=vandaag_met,
        beslagvrije_voet_zonder=bvv_zonder, beslagvrije_voet_met=bvv_met, verrekening_per_maand=verrekening,
        claims=tuple(diffs), explanation=(),
    )
    return dataclasses.replace(effect, explanation=_explain(effect, draft, today))


def _verrekening(added: tuple[ClaimEffect, ...]) -> Decimal | None:
    limits = [e.amount if e.amount is not None else ZERO for e in added if e.effect is Effect.GEEN_VERREKENING]
    return min(limits) if limits else None


def _explain(effect: MeasureEffect, draft: Draft, today: dt.date) -> tuple[Step, ...]:
    """The figures in words an officer can read out (every line says what it is compared with)."""
    count = len(effect.claims)
    steps = [
        Step(f"Berekend op {format_date(effect.peildatum)}"
             + (", de laatste dag van de maatregel" if draft.tot is not None and effect.peildatum == draft.tot else
                ", de herzieningsdatum" if draft.tot is None and effect.peildatum == draft.herzien_op else ""),
             f"{count} vordering{'en' if count != 1 else ''}"),
        Step("Open zonder maatregel", format_eur(effect.open_zonder)),
        Step("Open met maatregel", format_eur(effect.open_met)),
    ]
    if effect.rente_vermeden:
        steps.append(Step("Invorderingsrente die niet wordt berekend", format_eur(effect.rente_vermeden)))
    if effect.kosten_vermeden:
        steps.append(Step("Kosten die niet in rekening worden gebracht", format_eur(effect.kosten_vermeden)))
    if effect.kosten_volgende_stap_vermeden:
        steps.append(Step("Kosten van de volgende invorderingsstap die niet worden gemaakt",
                          format_eur(effect.kosten_volgende_stap_vermeden)))
    if effect.stappen_opgeschort:
        steps.append(Step("Invorderingsstappen die niet worden gezet", "; ".join(effect.stappen_opgeschort)))
    if draft.van < today and effect.open_vandaag_zonder != effect.open_vandaag_met:
        steps.append(Step(f"Teruggedraaid tot vandaag (de maatregel begint op {format_date(draft.van)})",
                          format_eur(effect.open_vandaag_zonder - effect.open_vandaag_met)))
    if effect.beslagvrije_voet_met is not None and effect.beslagvrije_voet_zonder is not None:
        before, after = format_eur(effect.beslagvrije_voet_zonder), format_eur(effect.beslagvrije_voet_met)
        steps.append(Step("Beslagvrije voet per maand", f"{before} wordt {after}"))
    if effect.verrekening_per_maand is not None:
        steps.append(Step("Verrekening per maand",
                          "geen" if not effect.verrekening_per_maand else
                          f"ten hoogste {format_eur(effect.verrekening_per_maand)}"))
    if draft.soort == "niet_stuiten":
        steps.append(Step("De verjaring wordt niet gestuit; vorderingen kunnen verjaren"))
    elif draft.soort == "stuiten":
        steps.append(Step("Stuiten is toegestaan met de vastgelegde reden (niet stuiten, tenzij)"))
    elif draft.soort == "eerst_contact":
        steps.append(Step("Geen geautomatiseerde stap voordat iemand de schuldenaar heeft gesproken"))
    return tuple(steps)


__all__ = ["ClaimDifference", "MeasureEffect", "covered", "effect_of", "peildatum_of"]



def end_effect(position: DebtPosition, measure_id: int, draft: Draft, werkt_tot: dt.date | None, einde: dt.date,
               claim_ids: tuple[int, ...], *, today: dt.date) -> dict[str, Any]:
    """What ending measure ``measure_id`` after ``einde`` (instead of ``werkt_tot``) changes, for the decider: the
    position on the day it would have ended (open-ended: three months on) with the measure running on and ended."""
    day = max(today, werkt_tot if werkt_tot is not None else today + dt.timedelta(days=91))
    ended = draft.effects(measure_id=measure_id, tot=einde) if einde >= draft.van else ()
    covered_ids = set(claim_ids)
    door = eerder = ZERO
    steps: list[str] = []
    for claim in position.claims:
        facts = claim.facts
        if facts is None or claim.calculation_error or (covered_ids and claim.id not in covered_ids):
            continue
        if not any(e.measure_id == measure_id for e in facts.effects):
            continue
        kept = tuple(e for e in facts.effects if e.measure_id != measure_id)
        running = rules.evaluate_claim(facts, day)
        stopped = rules.evaluate_claim(dataclasses.replace(facts, effects=kept + ended), day)
        door += running.open
        eerder += stopped.open
        if _step(stopped) is not None and _step(running) is None:
            steps.append(f"{claim.reference}: {_step(stopped)}")
    return {
        "peildatum": day.isoformat(),
        "open_zonder": f"{door:.2f}",
        "open_met": f"{eerder:.2f}",
        "verschil": f"{door - eerder:.2f}",
        "stappen_weer_mogelijk": steps,
        "uitleg": [
            f"Berekend op {format_date(day)}",
            f"Open als de maatregel doorloopt: {format_eur(door)}",
            f"Open als de maatregel na {format_date(einde)} stopt: {format_eur(eerder)}",
            *([f"Invorderingsstappen die weer mogelijk worden: {'; '.join(steps)}"] if steps else []),
        ],
    }
