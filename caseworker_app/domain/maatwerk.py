"""Maatwerk in the domain: which soorten a caseworker may propose, the reasons, and a measure's status.

The status of a measure is never stored: it follows from its decision and the dates (:func:`status_of`), so a
measure expires at its end date without anything having to run, and a measure row never needs an UPDATE.

========================  =================================================================================
``voorgesteld``            proposed, waiting for a team lead's decision
``teruggestuurd``          the team lead sent it back with a question (the proposer may answer by a new
                           proposal that points at this one)
``afgewezen``              refused (or withdrawn by the proposer before a decision)
``gepland``                approved, its start date still ahead
``actief``                 approved and working today
``beeindigd``              approved, ended early by an approved ending proposal
``verlopen``               approved, its end date (or the shorter period the team lead set) has passed
========================  =================================================================================

Pure: no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from caseworker_app.errors import ValidationError

from caseworker_app.domain.measures import PAUZE_ONDERDELEN, ClaimEffect, MeasureKind, effects_of
from caseworker_app.domain.money import format_date

#: The soorten of maatwerk a caseworker proposes (issue 10).  Betalingsregeling, uitstel and a
#: kwijtscheldingsverzoek are measures of their own capabilities, not proposed here.
SOORTEN: tuple[str, ...] = tuple(
    k.value
    for k in (
        MeasureKind.INVORDERINGSPAUZE,
        MeasureKind.GEEN_DWANG,
        MeasureKind.GEEN_VERREKENING,
        MeasureKind.KOSTEN_VERMINDERING,
        MeasureKind.RENTE_VERMINDERING,
        MeasureKind.NIET_STUITEN,
        MeasureKind.STUITEN,
        MeasureKind.BVV_VERHOGING,
        MeasureKind.BUITEN_INVORDERING,
        MeasureKind.EERST_CONTACT,
    )
)

#: Soorten whose ``bedrag`` must be given (the others may have one where the effect allows it).
BEDRAG_VERPLICHT = frozenset({MeasureKind.BVV_VERHOGING.value})

#: The reasons an officer chooses from, with the words shown to them (rules.md §10.2, §10.3; VM 33, 38, 40, 43).
REDEN_CODES: dict[str, str] = {
    "problematische_schulden": "Problematische schulden of schuldhulpverlening",
    "inkomensdaling": "Plotselinge daling van het inkomen",
    "ziekte_of_overlijden": "Ziekte of overlijden",
    "bestaansminimum": "Het bestaansminimum komt in gevaar",
    "onevenredig": "Invorderen zou onevenredig hard zijn",
    "gestapelde_aanslagen": "Gestapelde ambtshalve aanslagen",
    "gedupeerde": "Gedupeerde hersteloperatie toeslagen",
    "kinderopvang": "Lopende kosten van kinderopvang",
    "verzoekschrift": "Een verzoekschrift is in behandeling",
    "eerst_contact": "Eerst persoonlijk contact nodig",
    "reden_om_te_stuiten": "Er is een goede reden om te stuiten",
    "anders": "Andere reden (zie toelichting)",
}

#: The longest free-text reason kept (a page of text); longer input is refused with a message, never cut off.
MAX_REDEN = 4000

#: Review an open-ended measure after this many days when no review date is given.
DEFAULT_REVIEW_DAYS = 91
#: The review task of a measure shows this many days before its end or review date.
REVIEW_NOTICE_DAYS = 7


class Status(StrEnum):
    VOORGESTELD = "voorgesteld"
    TERUGGESTUURD = "teruggestuurd"
    AFGEWEZEN = "afgewezen"
    GEPLAND = "gepland"
    ACTIEF = "actief"
    BEEINDIGD = "beeindigd"
    VERLOPEN = "verlopen"


STATUS_LABELS: dict[Status, str] = {
    Status.VOORGESTELD: "voorgesteld, wacht op besluit",
    Status.TERUGGESTUURD: "teruggestuurd met een vraag",
    Status.AFGEWEZEN: "afgewezen",
    Status.GEPLAND: "goedgekeurd, begint later",
    Status.ACTIEF: "actief",
    Status.BEEINDIGD: "beëindigd",
    Status.VERLOPEN: "verlopen",
}

#: The decision statuses of ``services/decisions.py`` (contract with helper ``decide``).
OPEN, GOEDGEKEURD, AFGEWEZEN, TERUGGESTUURD, INGETROKKEN = (
    "open", "goedgekeurd", "afgewezen", "teruggestuurd", "ingetrokken")


@dataclass(frozen=True)
class Period:
    """What a measure is in force for, once decided: ``van`` t/m ``tot`` (``None``: open-ended)."""

    van: dt.date
    tot: dt.date | None
    ended_early: bool = False


def effective_period(
    van: dt.date,
    tot: dt.date | None,
    *,
    voorwaarde_tot: dt.date | None = None,
    einde: dt.date | None = None,
) -> Period:
    """The period an approved measure works: its own, shortened by the team lead's condition
    (``voorwaarde_tot``, "approved for a shorter period") and by an approved early end (``einde``)."""
    end = tot
    if voorwaarde_tot is not None and (end is None or voorwaarde_tot < end):
        end = voorwaarde_tot
    ended_early = False
    if einde is not None and (end is None or einde < end):
        end, ended_early = einde, True
    if end is not None and end < van:  # ended before it began: it never worked
        end = van - dt.timedelta(days=1)
    return Period(van, end, ended_early)


def status_of(
    decision_status: str | None,
    van: dt.date,
    tot: dt.date | None,
    today: dt.date,
    *,
    voorwaarde_tot: dt.date | None = None,
    einde: dt.date | None = None,
) -> Status:
    """The status of a measure on ``today`` from its decision's status and its dates (see the module docstring).

    ``decision_status`` ``None`` (no decision recorded) counts as still waiting.
    """
    if decision_status in (None, OPEN):
        return Status.VOORGESTELD
    if decision_status == TERUGGESTUURD:
        return Status.TERUGGESTUURD
    if decision_status != GOEDGEKEURD:  # afgewezen, ingetrokken
        return Status.AFGEWEZEN
    period = effective_period(van, tot, voorwaarde_tot=voorwaarde_tot, einde=einde)
    if period.tot is not None and today > period.tot:
        return Status.BEEINDIGD if period.ended_early else Status.VERLOPEN
    if today < van:
        return Status.GEPLAND
    return Status.ACTIEF


def review_date(tot: dt.date | None, herzien_op: dt.date | None) -> dt.date | None:
    """When the measure is to be reviewed: its review date, else its end date."""
    return herzien_op if herzien_op is not None else tot


def review_task_date(tot: dt.date | None, herzien_op: dt.date | None) -> dt.date | None:
    """The day the review task shows: a week before the review (or end) date."""
    day = review_date(tot, herzien_op)
    return None if day is None else day - dt.timedelta(days=REVIEW_NOTICE_DAYS)


#: How far back a measure may start (people ask for help before anyone records it) and how far ahead.
MAX_DAYS_BACK = 366
MAX_DAYS_AHEAD = 366
#: The longest period one decision covers (the verjaringstermijn); longer needs a new decision.
MAX_DAYS_LONG = 5 * 365 + 1
#: The largest amount a measure names (a monthly raise of the beslagvrije voet, a ceiling, a sum waived).
MAX_BEDRAG = Decimal("1000000.00")


def _invalid(field: str, reason: str) -> ValidationError:
    return ValidationError("invalid_field", field=field, reason=reason)


@dataclass(frozen=True)
class Draft:
    """A checked proposal, before it is stored.  ``vorderingen`` are claim kenmerken; empty: every claim."""

    soort: str
    van: dt.date
    tot: dt.date | None
    herzien_op: dt.date | None
    onderdelen: tuple[str, ...] | None
    bedrag: Decimal | None
    reden_code: str
    reden: str
    vorderingen: tuple[str, ...] = ()

    def effects(self, measure_id: object = None, tot: dt.date | None = None) -> tuple[ClaimEffect, ...]:
        """What the measure does (``tot`` overrides its own end: a shorter approved period, an early end)."""
        return effects_of(self.soort, self.van, tot if tot is not None else self.tot, onderdelen=self.onderdelen,
                          amount=self.bedrag, measure_id=measure_id)

    @property
    def days(self) -> int | None:
        """How many days the measure covers (``None``: open-ended)."""
        return None if self.tot is None else (self.tot - self.van).days + 1

    @property
    def onderdelen_text(self) -> str | None:
        return None if self.onderdelen is None else ",".join(self.onderdelen)


def make_draft(
    *,
    soort: str,
    van: dt.date,
    tot: dt.date | None,
    reden: str,
    today: dt.date,
    reden_code: str = "anders",
    herzien_op: dt.date | None = None,
    onderdelen: Iterable[str] | None = None,
    bedrag: Decimal | None = None,
    vorderingen: Iterable[str] = (),
    fraude: bool = False,
) -> Draft:
    """Check a proposal and fill in what follows from it; wrong input raises ``ValidationError`` in Dutch."""
    soort = (soort or "").strip().lower()
    if soort not in SOORTEN:
        raise _invalid("soort", f"'{soort}' is geen soort maatwerk; kies uit {', '.join(SOORTEN)}")
    if fraude and soort == MeasureKind.BUITEN_INVORDERING.value:
        raise ValidationError("maatwerk_fraude")
    if van < today - dt.timedelta(days=MAX_DAYS_BACK):
        raise _invalid("van", f"de begindatum {format_date(van)} ligt meer dan een jaar terug")
    if van > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise _invalid("van", f"de begindatum {format_date(van)} ligt meer dan een jaar vooruit")
    if tot is not None:
        if tot < van:
            raise _invalid("tot", "de einddatum ligt voor de begindatum")
        if (tot - van).days + 1 > MAX_DAYS_LONG:
            raise _invalid("tot", "een maatregel duurt ten hoogste vijf jaar; daarna is een nieuw besluit nodig")
    if herzien_op is None and tot is None:
        herzien_op = max(van, today) + dt.timedelta(days=DEFAULT_REVIEW_DAYS)
    if herzien_op is not None:
        if herzien_op < van:
            raise _invalid("herzien", "de herzieningsdatum ligt voor de begindatum")
        if tot is not None and herzien_op > tot:
            raise _invalid("herzien", "de herzieningsdatum ligt na de einddatum")
        if herzien_op > max(van, today) + dt.timedelta(days=MAX_DAYS_AHEAD):
            raise _invalid("herzien", "herzie een maatregel zonder einddatum binnen een jaar")
    code = (reden_code or "").strip().lower()
    if code not in REDEN_CODES:
        raise _invalid("reden-code", f"'{code}' is geen reden uit de lijst; kies uit {', '.join(REDEN_CODES)}")
    text = (reden or "").strip()
    if not text:
        raise ValidationError("missing_field", field="reden")
    if len(text) > MAX_REDEN:
        raise _invalid("reden", f"de reden is {len(text)} tekens lang; ten hoogste {MAX_REDEN}")
    chosen: tuple[str, ...] | None = None
    if onderdelen is not None:
        chosen = tuple(o.strip().lower() for o in onderdelen if o.strip())
        # a fixed order, whatever order they were typed in
        chosen = tuple(o for o in PAUZE_ONDERDELEN if o in chosen) + tuple(
            o for o in dict.fromkeys(chosen) if o not in PAUZE_ONDERDELEN)
    if bedrag is not None and bedrag > MAX_BEDRAG:
        ceiling = f"{MAX_BEDRAG:,.0f}".replace(",", ".")
        raise _invalid("bedrag", f"een bedrag van meer dan {ceiling} euro is niet aannemelijk")
    if bedrag is not None and bedrag != bedrag.quantize(Decimal("0.01")):
        raise _invalid("bedrag", "een bedrag heeft ten hoogste twee cijfers achter de komma")
    refs = tuple(dict.fromkeys(r.strip() for r in vorderingen if r.strip()))
    draft = Draft(soort, van, tot, herzien_op, chosen, bedrag, code, text, refs)
    draft.effects()  # the domain's own checks: onderdelen only for a pauze, which soort takes an amount
    return draft


__all__ = [
    "BEDRAG_VERPLICHT",
    "DEFAULT_REVIEW_DAYS",
    "MAX_REDEN",
    "REDEN_CODES",
    "REVIEW_NOTICE_DAYS",
    "SOORTEN",
    "STATUS_LABELS",
    "Draft",
    "Period",
    "Status",
    "effective_period",
    "make_draft",
    "review_date",
    "review_task_date",
    "status_of",
]
