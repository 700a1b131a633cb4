"""The maatwerk use cases: propose a measure (with its effect in euros), list measures, end one early.

Each runs as one unit of work (``Context.unit_of_work``), audited under its own operation name with the person's
reason.  The effect is computed from the debtor's position as loaded just before (:mod:`.effect`); the proposal
stores the rows of ``measures``/``measure_claims`` and asks for the decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from caseworker_app.errors import NotFoundError, ValidationError

from caseworker_app.domain.maatwerk import SOORTEN, Draft, Status, make_draft
from caseworker_app.domain.permissions import Permission

from caseworker_app.db.repositories import maatwerk as repo

from caseworker_app.services import decisions, position
from caseworker_app.services.context import Context
from caseworker_app.services.maatwerk.dto import MeasureDTO
from caseworker_app.services.maatwerk.effect import MeasureEffect, effect_of
from caseworker_app.services.maatwerk.records import KIND, to_dtos


@dataclass(frozen=True)
class Proposal:
    """A stored proposal and the effect its proposer (and decider) saw."""

    measure: MeasureDTO
    effect: MeasureEffect


def preview(
    pos: position.DebtPosition,
    *,
    soort: str,
    van: dt.date,
    tot: dt.date | None,
    reden: str,
    reden_code: str = "anders",
    herzien_op: dt.date | None = None,
    onderdelen: Iterable[str] | None = None,
    bedrag: Decimal | None = None,
    vorderingen: Iterable[str] = (),
    today: dt.date | None = None,
) -> tuple[Draft, MeasureEffect]:
    """Check a proposal against a loaded position and compute its effect; no database (the dialog calls this as
    the officer types).  Wrong input raises ``ValidationError`` in Dutch."""
    day = today or pos.as_of
    draft = make_draft(soort=soort, van=van, tot=tot, reden=reden, reden_code=reden_code, herzien_op=herzien_op,
                       onderdelen=onderdelen, bedrag=bedrag, vorderingen=vorderingen, today=day,
                       fraude=pos.debtor.fraude_markering)
    known = {c.reference for c in pos.claims}
    for reference in draft.vorderingen:
        if reference not in known:
            raise ValidationError("unknown_claim", reference=reference)
    return draft, effect_of(pos, draft, today=day)


def draft_for(
    ctx: Context, identifier: str, *, today: dt.date | None = None, **fields: Any
) -> tuple[position.DebtPosition, Draft, MeasureEffect]:
    """Check a proposal against the debtor's position and compute its effect, without storing anything."""
    ctx.require(Permission.PROPOSE_MAATWERK, "maatwerk voorstellen")
    day = today or position.today()
    pos = position.get_position(ctx, position.find_debtor_id(ctx, identifier), day)
    draft, effect = preview(pos, today=day, **fields)
    return pos, draft, effect


def propose(ctx: Context, identifier: str, *, today: dt.date | None = None, previous_id: int | None = None,
            **fields: object) -> Proposal:
    """Propose a measure on the debtor with BSN/RSIN ``identifier``; see :func:`draft_for` for the fields."""
    day = today or position.today()
    pos, draft, effect = draft_for(ctx, identifier, today=day, **fields)
    by_reference = {c.reference: c.id for c in pos.claims}
    with ctx.unit_of_work(Permission.PROPOSE_MAATWERK, operation="maatwerk.propose", reason=draft.reden,
                          action="maatwerk voorstellen") as session:
        if previous_id is not None and not repo.measures(session, ids=[previous_id]):
            raise NotFoundError("Maatregel", previous_id)
        measure_id = repo.insert_measure(
            session,
            debtor_id=pos.debtor.id,
            values={"soort": draft.soort, "van": draft.van, "tot": draft.tot, "herzien_op": draft.herzien_op,
                    "onderdelen": draft.onderdelen_text, "bedrag": draft.bedrag, "reden_code": draft.reden_code,
                    "reden": draft.reden, "previous_id": previous_id},
            claim_ids=[by_reference[r] for r in draft.vorderingen],
            proposed_by=ctx.actor.login,
        )
        # four eyes: a team lead decides (services/decisions.py); "eerst_contact" is decided alone as shipped
        decisions.request_decision(
            session, kind=KIND, subject_id=measure_id, debtor_id=pos.debtor.id, soort=draft.soort,
            reason=draft.reden, effect=effect.to_json(), amount=draft.bedrag, days=draft.days,
        )
        (measure,) = to_dtos(session, repo.measures(session, ids=[measure_id]), day)
    return Proposal(measure, effect)


def list_measures(ctx: Context, *, status: str | None = None, identifier: str | None = None,
                  today: dt.date | None = None) -> list[MeasureDTO]:
    """Measures, oldest first: of one debtor (``identifier``) or all, with one status or every status."""
    wanted: Status | None = None
    if status is not None:
        try:
            wanted = Status(status.strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in Status)
            raise ValidationError("invalid_field", field="status",
                                  reason=f"'{status}' is geen status; kies uit {choices}") from None
    debtor_id = position.find_debtor_id(ctx, identifier) if identifier is not None else None
    day = today or position.today()
    with ctx.read() as session:
        found = to_dtos(session, repo.measures(session, debtor_id=debtor_id), day)
    return [m for m in found if wanted is None or m.status is wanted]


def get_measure(ctx: Context, measure_id: int, *, today: dt.date | None = None) -> MeasureDTO:
    with ctx.read() as session:
        found = to_dtos(session, repo.measures(session, ids=[measure_id]), today or position.today())
    if not found:
        raise NotFoundError("Maatregel", measure_id)
    return found[0]


__all__ = ["SOORTEN", "Proposal", "draft_for", "get_measure", "list_measures", "preview", "propose"]
