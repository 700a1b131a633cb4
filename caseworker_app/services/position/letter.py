"""The schuldoverzicht's data: the citizen's letter built from the same position (and totals) as the screen.

:func:`schuldoverzicht_data` is the PDF's input; :func:`citizen_next_steps` says in plain Dutch (B1) what
happens next.  Rendering is :mod:`caseworker_app.reports.schuldoverzicht`; writing the file with its audit
row is :func:`caseworker_app.services.position.report.write_schuldoverzicht`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from caseworker_app.domain.explain import Step
from caseworker_app.domain.money import ZERO, format_date
from caseworker_app.domain.rules.regelingsroutes import open_routes
from caseworker_app.domain.types import ClaimKind, Creditor, EnforcementStep, Middel, label_of

from caseworker_app.reports.schuldoverzicht import ClaimExplanation, OverzichtClaim, SchuldoverzichtData

from caseworker_app.services.position.dto import ClaimPosition, DebtPosition
from caseworker_app.services.position.explain import claim_explanation

_DEFAULT_SOORT = {Creditor.BELASTINGDIENST: ClaimKind.AANSLAG, Creditor.TOESLAGEN: ClaimKind.TERUGVORDERING}


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def _citizen_period(van: dt.date | None, tot: dt.date | None) -> str:
    """A tijdvak as people say it: "2024", "3e kwartaal 2024", "juli 2024", else the two dates."""
    if van is None or tot is None:
        return ""
    if van.year != tot.year:
        return f"{van.year}-{tot.year}"
    whole_months = van.day == 1 and (tot + dt.timedelta(days=1)).day == 1
    if whole_months and (van.month, tot.month) == (1, 12):
        return str(van.year)
    if whole_months and van.month % 3 == 1 and tot.month == van.month + 2:
        return f"{van.month // 3 + 1}e kwartaal {van.year}"
    if whole_months and van.month == tot.month:
        return f"{_MONTHS[van.month - 1]} {van.year}"
    return f"{format_date(van)} t/m {format_date(tot)}"


def _omschrijving(claim: ClaimPosition) -> str:
    """"inkomstenbelasting 2024"; the soort only when it is not the usual one for the creditor."""
    period = _citizen_period(claim.tijdvak_van, claim.tijdvak_tot)
    text = label_of(Middel, claim.middel)
    if period:
        text += f" {period}"
    if _DEFAULT_SOORT.get(Creditor(claim.creditor)) != claim.soort:
        text += f" ({label_of(ClaimKind, claim.soort)})"
    return text


#: The last enforcement step as the citizen reads it in the letter ("aanmaning verstuurd op 03-04-2026").
_CITIZEN_STAGE = {
    EnforcementStep.BETALINGSHERINNERING: "herinnering verstuurd op",
    EnforcementStep.AANMANING: "aanmaning verstuurd op",
    EnforcementStep.DWANGBEVEL: "dwangbevel verstuurd op",
    EnforcementStep.HERNIEUWD_BEVEL: "nieuw bevel tot betaling op",
    EnforcementStep.VORDERING: "beslag op inkomen of bank op",
    EnforcementStep.BESLAG: "beslag gelegd op",
    EnforcementStep.EXECUTIE: "verkoop na beslag op",
    EnforcementStep.STUITINGSBRIEF: "brief over de verjaring verstuurd op",
}


def _stage_text(claim: ClaimPosition) -> str | None:
    if claim.enforcement_stage is None:
        return None
    step = EnforcementStep(claim.enforcement_stage)
    if not claim.enforcement_stage_date:
        return label_of(EnforcementStep, step)
    words = _CITIZEN_STAGE.get(step, label_of(EnforcementStep, step) + " op")
    return f"{words} {format_date(claim.enforcement_stage_date)}"


#: What the next step means for the citizen, in plain Dutch (B1), completing "Dan ...".
_CITIZEN_NEXT = {
    EnforcementStep.AANMANING: "krijgt u een aanmaning. Een aanmaning kost extra geld",
    EnforcementStep.DWANGBEVEL: "krijgt u een dwangbevel. Een dwangbevel kost extra geld",
    EnforcementStep.VORDERING: "kunnen wij geld laten inhouden op uw loon, uitkering of bankrekening. "
                               "U houdt altijd genoeg over om van te leven",
    EnforcementStep.HERNIEUWD_BEVEL: "komt de deurwaarder met een nieuw bevel tot betaling. Dat kost extra geld",
    EnforcementStep.BESLAG: "kan de deurwaarder beslag leggen op uw spullen. Dat kost extra geld",
    EnforcementStep.EXECUTIE: "kan de deurwaarder uw spullen verkopen",
}


#: Steps the deurwaarder takes: the letter names every kenmerk they are for, never "… en 6 andere".
_DEURWAARDER_STEPS = frozenset({EnforcementStep.DWANGBEVEL, EnforcementStep.HERNIEUWD_BEVEL, EnforcementStep.BESLAG,
                                EnforcementStep.EXECUTIE})


def _references(claims: Sequence[ClaimPosition], limit: int | None = 3) -> str:
    refs = [c.reference for c in claims]
    if limit is None or len(refs) <= limit:
        return refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " en " + refs[-1]
    return ", ".join(refs[:limit]) + f" en {len(refs) - limit} andere"


def citizen_next_steps(pos: DebtPosition) -> tuple[str, ...]:
    """What happens next, in plain Dutch: one sentence per next step, naming the kenmerken, earliest first."""
    grouped: dict[tuple[EnforcementStep, bool], list[ClaimPosition]] = {}
    for claim in pos.claims:
        step = claim.next_step.step
        if claim.open <= ZERO or step is None or claim.verjaard or claim.under_regeling or claim.paused:
            continue
        earliest = claim.next_step.earliest
        later = earliest is not None and earliest > pos.as_of
        grouped.setdefault((EnforcementStep(step), later), []).append(claim)
    sentences: list[tuple[dt.date, int, str]] = []
    for (step, later), claims in grouped.items():
        if step not in _CITIZEN_NEXT:
            continue
        noun = "het bedrag met kenmerk" if len(claims) == 1 else "de bedragen met kenmerk"
        refs = _references(claims, None if step in _DEURWAARDER_STEPS else 3)
        if later:
            first = min(c.next_step.earliest or pos.as_of for c in claims)
            text = f"Betaalt u {noun} {refs} niet vóór {format_date(first)}? Dan {_CITIZEN_NEXT[step]}."
        else:
            first = pos.as_of
            text = f"De betaaltermijn van {noun} {refs} is voorbij. Betaalt u niet meteen? Dan {_CITIZEN_NEXT[step]}."
        sentences.append((first, step.rank, text))
    if any(c.under_regeling for c in pos.claims):
        sentences.append((pos.as_of, -1, "Voor bedragen onder een betalingsregeling: betaal elke termijn op tijd. "
                                         "Dan nemen wij voor die bedragen geen andere maatregelen."))
    if any(c.paused for c in pos.claims):
        sentences.append((pos.as_of, -1, "Voor een deel van de bedragen is de invordering gepauzeerd. "
                                         "Houd u aan de afspraken die wij met u hebben gemaakt."))
    sentences.sort(key=lambda item: (item[0], -item[1]))
    return tuple(text for _day, _rank, text in sentences)


#: the claims whose calculation the letter shows (a letter of 40 pages helps nobody; the rest on request)
MAX_EXPLAINED = 6


def _money_steps(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """The steps that make up the amount, up to and including what is still to pay (the same steps as the screen's
    explanation; the verjaring and the next step of the ladder are for the officer)."""
    for index, step in enumerate(steps):
        text = step.description.lower()
        if "nog te betalen" in text or text.startswith("verjaard na"):
            return steps[: index + 1]
    return steps


def _bvv_steps(pos: DebtPosition) -> tuple[Step, ...]:
    """The beslagvrije voet actually used and the subtraction with the income (the last lines of its explanation)."""
    capacity = pos.capacity
    if capacity is None or capacity.beslagvrije_voet is None:
        return ()
    steps = tuple(capacity.bvv_explanation)
    for index, step in enumerate(steps):
        if step.description.startswith("Beslagvrije voet per maand"):
            return steps[index:]
    return steps[-2:]


def schuldoverzicht_data(pos: DebtPosition) -> SchuldoverzichtData:
    """The PDF's input, from the same position (and the same totals object) the screen and the JSON show."""
    d = pos.debtor
    lines: list[str] = []
    if d.straat:
        lines.append(f"{d.straat} {d.huisnummer or ''}{d.huisnummer_toevoeging or ''}".strip())
    place = " ".join(p for p in ((f"{d.postcode[:4]} {d.postcode[4:]}" if d.postcode else ""), d.woonplaats or "") if p)
    if place:
        lines.append(place)
    if d.land and d.land != "NL":
        lines.append(d.land)
    claims = tuple(
        OverzichtClaim(
            reference=c.reference,
            creditor=c.creditor,
            omschrijving=_omschrijving(c),
            vervaldatum=c.vervaldatum,
            original_amount=c.original_amount,
            paid=c.paid,
            verrekend=c.verrekend,
            reduced=c.reduced,
            costs=c.costs,
            rente=c.rente_total,
            open=c.open,
            stage=_stage_text(c),
            under_regeling=c.under_regeling,
            paused=c.paused,
            verjaard=c.verjaard,
        )
        for c in pos.claims
    )
    explainable = [c for c in pos.claims if c.open > ZERO and not c.verjaard and c.calculation_error is None]
    explanations = tuple(
        ClaimExplanation(c.reference, _omschrijving(c), _money_steps(claim_explanation(c, pos.as_of)))
        for c in explainable[:MAX_EXPLAINED]
    )
    return SchuldoverzichtData(
        name=d.display_name,
        address_lines=tuple(lines),
        identifier_label="BSN" if d.bsn else "RSIN",
        identifier=d.bsn or d.rsin,
        as_of=pos.as_of,
        totals=pos.totals,
        claims=claims,
        next_steps=citizen_next_steps(pos),
        # the shared decision of which regelingen are open (fraud: no standard regeling, URAwir art. 7 lid 6)
        explanations=explanations,
        explained_left_out=len(explainable) - len(explanations),
        bvv_steps=_bvv_steps(pos),
        bvv_unconfirmed=pos.capacity is not None and pos.capacity.beslagvrije_voet is not None
        and any(step.unconfirmed for step in pos.capacity.bvv_explanation),
        fraude=not open_routes(
            schuldeiser=Creditor.TOESLAGEN, peildatum=pos.as_of, fraude=bool(d.fraude_markering)
        ).result.standaard_regeling_aanbieden,
    )
