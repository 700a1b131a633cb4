"""The position as one JSON document (``caseworker debtor show --json``), documented in ``docs/position-json.md``.

Amounts are strings with two decimals, dates ISO 8601.  Keys are only ever added to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from caseworker_app.domain.money import money_str
from caseworker_app.domain.position_totals import PositionTotals

from caseworker_app.services.dto import DebtorDetail
from caseworker_app.services.position.dto import ClaimPosition, DebtPosition
from caseworker_app.services.position.explain import claim_explanation


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else money_str(amount)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return money_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def totals_to_json(totals: PositionTotals) -> dict[str, Any]:
    out: dict[str, Any] = {key: money_str(value) for key, value in totals.amounts().items()}
    out["claim_count"] = totals.claim_count
    out["open_claim_count"] = totals.open_claim_count
    out["samenloop"] = totals.samenloop
    return out


def _debtor_json(d: DebtorDetail) -> dict[str, Any]:
    out = _jsonable(d)
    out["name"] = d.display_name
    return dict(out)


def claim_to_json(claim: ClaimPosition, as_of: dt.date, *, explain: bool = True) -> dict[str, Any]:
    nxt = claim.next_step
    out: dict[str, Any] = {
        "id": claim.id,
        "reference": claim.reference,
        "creditor": claim.creditor,
        "middel": claim.middel,
        "soort": claim.soort,
        "tijdvak_van": _iso(claim.tijdvak_van),
        "tijdvak_tot": _iso(claim.tijdvak_tot),
        "dagtekening": _iso(claim.dagtekening),
        "vervaldatum": _iso(claim.vervaldatum),
        "original_amount": money_str(claim.original_amount),
        "reduced": money_str(claim.reduced),
        "paid": money_str(claim.paid),
        "verrekend": money_str(claim.verrekend),
        "costs": money_str(claim.costs),
        "rente_booked": money_str(claim.rente_booked),
        "rente_accrued": money_str(claim.rente_accrued),
        "open": money_str(claim.open),
        "enforcement_stage": claim.enforcement_stage,
        "enforcement_stage_date": _iso(claim.enforcement_stage_date),
        "verjaringsdatum": _iso(claim.verjaringsdatum),
        "verjaard": claim.verjaard,
        "gestuit": claim.gestuit,
        "stuiten_advies": {"stuiten": claim.stuiten_advies, "reden": claim.stuiten_reden},
        "under_regeling": claim.under_regeling,
        "paused": claim.paused,
        "calculation_error": claim.calculation_error,
        "next_step": {
            "step": nxt.step,
            "label": nxt.label,
            "allowed": nxt.allowed,
            "earliest": _iso(nxt.earliest),
            "costs": _money(nxt.costs),
            "blocked_by": list(nxt.blocked_by),
        },
    }
    if explain:
        steps = claim_explanation(claim, as_of)
        out["explanation"] = [step.to_json() for step in steps]
    return out


def position_to_json(pos: DebtPosition, *, explain: bool = True) -> dict[str, Any]:
    """The position as one JSON document: amounts are strings with two decimals, dates ISO 8601.

    The shape is documented in ``docs/position-json.md``.  ``explain=False`` leaves out the per-claim
    explanations (they are the bulk of the document for a large debtor).
    """
    capacity = None
    if pos.capacity is not None:
        c = pos.capacity
        capacity = {
            "peildatum": _iso(c.peildatum),
            "inkomen_maand": money_str(c.inkomen_maand),
            "inkomen_bron": c.inkomen_bron,
            "partner_inkomen_maand": money_str(c.partner_inkomen_maand),
            "woonlasten_maand": money_str(c.woonlasten_maand),
            "zorgpremie_maand": money_str(c.zorgpremie_maand),
            "vaste_lasten_maand": money_str(c.vaste_lasten_maand),
            "vermogen": money_str(c.vermogen),
            "leefsituatie": c.leefsituatie,
            "beslagvrije_voet": _money(c.beslagvrije_voet),
            "betalingscapaciteit": _money(c.betalingscapaciteit),
            "bvv_geldig_tot": _iso(c.bvv_geldig_tot),
            "bvv_explanation": [s.to_json() for s in c.bvv_explanation],
            "betalingscapaciteit_explanation": [s.to_json() for s in c.bc_explanation],
            "note": c.note or None,
        }
    doc: dict[str, Any] = {
        "debtor": _debtor_json(pos.debtor),
        "as_of": pos.as_of.isoformat(),
        "flags": [{"code": f.code, "label": f.label, "detail": f.detail, "severity": f.severity} for f in pos.flags],
        "totals": totals_to_json(pos.totals),
        "claims": [claim_to_json(c, pos.as_of, explain=explain) for c in pos.claims],
        "timeline": [
            {
                "date": e.day.isoformat(),
                "kind": e.kind,
                "title": e.title,
                "detail": e.detail,
                "amount": _money(e.amount),
                "claim_reference": e.claim_reference,
                "creditor": e.creditor,
            }
            for e in pos.timeline
        ],
        "monthly_balance": [
            {
                "month": m.month.strftime("%Y-%m"),
                "belastingdienst": money_str(m.belastingdienst),
                "toeslagen": money_str(m.toeslagen),
                "total": money_str(m.total),
            }
            for m in pos.monthly_balance
        ],
        "capacity": capacity,
        "pending": [
            {
                "id": p.id,
                "kind": p.kind,
                "title": p.title,
                "detail": p.detail,
                "proposed_by": p.proposed_by,
                "proposed_on": p.proposed_on.isoformat(),
                "claim_ids": list(p.claim_ids),
            }
            for p in pos.pending
        ],
    }
    for key, value in pos.sections.items():
        doc.setdefault(key, _jsonable(value))
    return doc

