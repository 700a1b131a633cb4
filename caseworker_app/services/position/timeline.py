"""The timeline of a position: everything that happened to the debtor, newest first."""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from caseworker_app.domain.money import format_date, format_eur
from caseworker_app.domain.types import BookingKind, ClaimKind, EnforcementStep, Middel, label, label_of

from caseworker_app.services.position.dto import TimelineEvent
from caseworker_app.services.position.load import Loaded

_BOOKING_TIMELINE_KIND = {
    BookingKind.AANSLAG: "vordering",
    BookingKind.BETALING: "betaling",
    BookingKind.VERREKENING: "verrekening",
    BookingKind.KOSTEN: "kosten",
    BookingKind.RENTE: "rente",
    BookingKind.VERMINDERING: "vermindering",
    BookingKind.KWIJTSCHELDING: "vermindering",
    BookingKind.AFBOEKING: "vermindering",
}

_BOOKING_TITLES = {k.value: label(k).capitalize() for k in BookingKind}
_BOOKING_TITLES[BookingKind.AANSLAG.value] = "Correctie aanslag"
_BOOKING_KIND_OF = {k.value: _BOOKING_TIMELINE_KIND[k] for k in BookingKind}
_STEP_TITLES = {s.value: label(s).capitalize() for s in EnforcementStep}
_MIDDEL_LABELS = {m.value: label(m) for m in Middel}
_KIND_LABELS = {k.value: label(k) for k in ClaimKind}
_DAY = attrgetter("day")


def timeline_of(loaded: Loaded, by_id: Mapping[int, Any]) -> list[TimelineEvent]:
    """Everything that happened, newest first (thousands of events for a large debtor: kept to plain loops)."""
    # newest first; on one day a claim's own events after the rest: the others are collected apart from the
    # "vordering" events and both sorted by day alone (a stable sort keeps that order within a day)
    events: list[TimelineEvent] = []
    claim_events: list[TimelineEvent] = []
    add = events.append
    event = TimelineEvent
    for claim in loaded.claims:
        soort = _KIND_LABELS.get(claim.soort) or label_of(ClaimKind, claim.soort)
        middel = _MIDDEL_LABELS.get(claim.middel) or label_of(Middel, claim.middel)
        claim_events.append(event(claim.dagtekening, "vordering", f"{soort.capitalize()} opgelegd",
                                  f"{middel} ({soort}), te betalen vóór {format_date(claim.vervaldatum)}",
                                  claim.original_amount, claim.reference, claim.creditor))
    for claim_id, rows in loaded.bookings.items():
        claim = by_id[claim_id]
        reference, creditor = claim.reference, claim.creditor
        for row in rows:  # the assessed amount is the claim event above; an aanslag booking is a correction of it
            kind = row.kind
            description, source = row.description, row.source
            if description and source:
                detail = f"{description} — {source}"
            else:
                detail = description or source or ""
            timeline_kind = _BOOKING_KIND_OF[kind]
            (add if timeline_kind != "vordering" else claim_events.append)(
                event(row.booking_date, timeline_kind, _BOOKING_TITLES[kind], detail, row.amount, reference, creditor))
    for claim_id, steps in loaded.actions.items():
        claim = by_id[claim_id]
        for step in steps:
            detail = step.notes or ""
            if step.costs:
                detail = f"kosten {format_eur(step.costs)}" + (f"; {detail}" if detail else "")
            add(event(step.action_date, "invordering", _STEP_TITLES[step.step], detail, None, claim.reference,
                      claim.creditor))
    for extra in loaded.facts.timeline:
        (add if extra.kind != "vordering" else claim_events.append)(extra)
    events.extend(claim_events)
    events.sort(key=_DAY, reverse=True)  # newest first; stable: the order above within a day
    return events

