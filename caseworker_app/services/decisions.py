"""Four-eyes decisions: propose, decide, withdraw (issue 9, "Decisions with four eyes").

The path of one decision (``docs/architecture.md``, "The path of an action")::

    maatwerk.propose(ctx, ...)                      # the kind's own service, its own unit of work
        -> request_decision(session, kind=..., ...)  # in that unit: an open decisions row (or decided alone)
    decide(ctx, decision_id, "goedgekeurd", ...)    # a team lead; unit of work with Permission.APPROVE
        -> the kind's handler(session, decision)     # registered with Capabilities.add_decision_handler
        -> audit rows of the operation "decision.decide", commit, NOTIFY "decision:<id>" and "debtor:<id>"

The rules, kept by this service (for clear Dutch messages) and by the database (``db/four_eyes.py``):

* the decider is never the proposer when the policy needs a second person (``decision_policies``, read through
  :func:`caseworker_app.domain.decisions.needs_second`); when it does not, the proposal is decided by the proposer
  at once (status ``goedgekeurd``, ``four_eyes`` false: "alleen besloten"), and the *caller* applies its effect;
* a decision is taken once: of two team leads deciding at the same moment one wins, the other is told who did
  ("Dit voorstel is al besloten door ...").  On PostgreSQL deciding goes only through ``caseworker_decide`` (no
  role may UPDATE the table), on SQLite the writer's lock (``BEGIN IMMEDIATE``) serialises the deciders;
* a decided or withdrawn row never changes again; a sent-back proposal (``teruggestuurd``) is answered by a new
  proposal pointing at it (``previous_id``), so the question and the answer both stay in the history.

Decisions are plain data (:class:`DecisionDTO`); nothing here knows what a kind's subject is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from caseworker_app.errors import NotFoundError, PermissionDeniedError, UserFacingError, ValidationError

from caseworker_app.domain.calc import parsing
from caseworker_app.domain.decisions import (
    DECIDING,
    DEFAULT_DECIDE_WITHIN_DAYS,
    STATUS_LABELS,
    DecisionPolicy,
    DecisionStatus,
    kind_label,
    needs_second,
    policy_for,
)
from caseworker_app.domain.permissions import Permission

from caseworker_app.db import four_eyes
from caseworker_app.db.models import Debtor, Decision, Team, User
from caseworker_app.db.models import DecisionPolicy as PolicyRow

from caseworker_app.services import changes, validation
from caseworker_app.services.context import CONTEXT, Context

#: the most days a decision may be about (a hundred years: anything longer is a typing error)
MAX_DAYS = 36_600
#: the longest reason, toelichting or voorwaarde (a page of text)
MAX_TEXT = 4_000
#: the largest effect summary (JSON text)
MAX_EFFECT = 20_000
#: what the change channel calls a decision ("decision:17")
DECISION = "decision"


@dataclass(frozen=True)
class DecisionDTO:
    """One decision as every client shows it: all columns, plus who proposed and decided it by name and login."""

    id: int
    kind: str
    soort: str | None
    subject_id: int
    debtor_id: int
    team_id: int | None
    team_code: str | None
    proposed_by: int
    proposed_by_login: str
    proposed_by_name: str
    proposed_at: dt.datetime
    reason: str
    effect: Mapping[str, Any]
    amount: Decimal | None
    days: int | None
    four_eyes: bool
    status: str
    decided_by: int | None
    decided_by_login: str | None
    decided_by_name: str | None
    decided_at: dt.datetime | None
    toelichting: str | None
    voorwaarde: str | None
    voorwaarde_tot: dt.date | None
    previous_id: int | None
    version: int

    @property
    def is_open(self) -> bool:
        return self.status == DecisionStatus.OPEN

    @property
    def alleen_besloten(self) -> bool:
        """Decided by the proposer alone, because the policy needs no second person."""
        return self.status == DecisionStatus.GOEDGEKEURD and not self.four_eyes

    @property
    def status_label(self) -> str:
        if self.alleen_besloten:
            return "goedgekeurd (alleen besloten, geen tweede persoon nodig)"
        return STATUS_LABELS[DecisionStatus(self.status)]

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    def as_json(self) -> dict[str, Any]:
        """For ``--json`` output: dates ISO, amounts as strings ("123.45")."""
        out: dict[str, Any] = {}
        for key in self.__dataclass_fields__:
            value = getattr(self, key)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, dt.datetime | dt.date):
                value = value.isoformat()
            elif isinstance(value, Mapping):
                value = dict(value)
            out[key] = value
        out["status_label"] = self.status_label
        return out


# --------------------------------------------------------------------------------------------- reading


_Proposer = aliased(User, name="proposer")
_Decider = aliased(User, name="decider")


def _dto_statement() -> Any:
    return (
        select(Decision, _Proposer.login, _Proposer.display_name, _Decider.login, _Decider.display_name, Team.code)
        .join(_Proposer, _Proposer.id == Decision.proposed_by)
        .outerjoin(_Decider, _Decider.id == Decision.decided_by)
        .outerjoin(Team, Team.id == Decision.team_id)
    )


def _to_dto(row: Any) -> DecisionDTO:
    d, p_login, p_name, d_login, d_name, team_code = row
    try:
        effect = json.loads(d.effect or "{}")
    except ValueError:
        effect = {}
    return DecisionDTO(
        id=d.id,
        kind=d.kind,
        soort=d.soort,
        subject_id=d.subject_id,
        debtor_id=d.debtor_id,
        team_id=d.team_id,
        team_code=team_code,
        proposed_by=d.proposed_by,
        proposed_by_login=p_login,
        proposed_by_name=p_name,
        proposed_at=_aware(d.proposed_at),
        reason=d.reason,
        effect=effect if isinstance(effect, dict) else {"waarde": effect},
        amount=d.amount,
        days=d.days,
        four_eyes=bool(d.four_eyes),
        status=d.status,
        decided_by=d.decided_by,
        decided_by_login=d_login,
        decided_by_name=d_name,
        decided_at=_aware(d.decided_at) if d.decided_at is not None else None,
        toelichting=d.toelichting,
        voorwaarde=d.voorwaarde,
        voorwaarde_tot=d.voorwaarde_tot,
        previous_id=d.previous_id,
        version=d.version,
    )


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite gives naive times (stored as UTC): make every time aware, as PostgreSQL's are."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def load(session: Session, decision_id: int) -> DecisionDTO:
    """The decision ``decision_id`` as it is in ``session``'s transaction (for handlers and other services)."""
    row = session.execute(_dto_statement().where(Decision.id == decision_id)).first()
    if row is None:
        raise NotFoundError("Voorstel", decision_id)
    return _to_dto(row)


def get_decision(ctx: Context, decision_id: int) -> DecisionDTO:
    with ctx.read() as session:
        return load(session, _decision_id(decision_id))


def history(ctx: Context, kind: str, subject_id: int) -> list[DecisionDTO]:
    """Every decision about one subject (a measure, ...), oldest first: proposals, questions, answers, decisions."""
    with ctx.read() as session:
        rows = session.execute(
            _dto_statement()
            .where(Decision.kind == kind, Decision.subject_id == subject_id)
            .order_by(Decision.proposed_at, Decision.id)
        ).all()
        return [_to_dto(r) for r in rows]


def for_debtor(ctx: Context, debtor_id: int, *, open_only: bool = False) -> list[DecisionDTO]:
    """A debtor's decisions, newest first (``open_only``: those still waiting for a decision)."""
    with ctx.read() as session:
        stmt = _dto_statement().where(Decision.debtor_id == debtor_id)
        if open_only:
            stmt = stmt.where(Decision.status == DecisionStatus.OPEN.value)
        rows = session.execute(stmt.order_by(Decision.proposed_at.desc(), Decision.id.desc())).all()
        return [_to_dto(r) for r in rows]


# ------------------------------------------------------------------------------------------------ input


def _decision_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= validation.INTEGER_MAX:
        raise ValidationError("invalid_field", field="voorstel", reason="geen bestaand voorstelnummer")
    return value


def _text(value: object, field: str, *, required: bool) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValidationError("invalid_field", field=field, reason="vul tekst in")
    cleaned = _clean(value, field)
    if cleaned is None and required:
        raise ValidationError("missing_field", field=field)
    if cleaned is not None and len(cleaned) > MAX_TEXT:
        raise ValidationError(
            "invalid_field",
            field=field,
            reason=f"hoogstens {MAX_TEXT:,} tekens (nu {len(cleaned):,})".replace(",", "."),
        )
    return cleaned


def _clean(value: object, field: str) -> str | None:
    return validation.clean_text(Decision, field, value, multiline=True, check_length=False)


def _name(value: object, field: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("missing_field", field=field)
    cleaned = value.strip()
    if len(cleaned) > limit or not all(c.isalnum() or c in "_-." for c in cleaned):
        raise ValidationError(
            "invalid_field",
            field=field,
            reason=f"gebruik hoogstens {limit} letters, cijfers of _ (kreeg {cleaned[:40]!r})",
        )
    return cleaned


def _amount(value: object) -> Decimal | None:
    if value is None:
        return None
    parsed = parsing.amount(value, "bedrag")
    if parsed > Decimal("999999999999.99"):
        raise ValidationError("invalid_field", field="bedrag", reason="het bedrag is te groot")
    return parsed


def _days(value: object) -> int | None:
    return validation.clean_whole_number(
        Decision, "days", value, minimum=0, maximum=MAX_DAYS, what="een aantal dagen"
    )


def _effect(value: object) -> str:
    if value is None:
        return "{}"
    if not isinstance(value, Mapping):
        raise ValidationError(
            "invalid_field", field="effect", reason="een overzicht van het effect (sleutels en waarden)"
        )
    try:
        encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise ValidationError("invalid_field", field="effect", reason=f"niet vast te leggen ({exc})") from None
    if len(encoded) > MAX_EFFECT:
        raise ValidationError("invalid_field", field="effect", reason=f"te lang (hoogstens {MAX_EFFECT} tekens)")
    return encoded


def _json_default(value: object) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"{type(value).__name__} is geen vast te leggen waarde")


def _status(value: object) -> DecisionStatus:
    try:
        status = DecisionStatus(str(value))
    except ValueError:
        status = None
    if status is None or status not in DECIDING:
        choices = ", ".join(sorted(s.value for s in DECIDING))
        raise ValidationError("invalid_field", field="besluit", reason=f"kies uit {choices}")
    return status


# -------------------------------------------------------------------------------------------- policies


def policies(session: Session) -> list[DecisionPolicy]:
    rows = session.execute(select(PolicyRow).order_by(PolicyRow.kind, PolicyRow.soort)).scalars()
    return [
        DecisionPolicy(
            kind=r.kind,
            soort=r.soort,
            needs_second=bool(r.needs_second),
            max_amount=r.max_amount,
            max_days=r.max_days,
            decide_within_days=r.decide_within_days,
        )
        for r in rows
    ]


def list_policies(ctx: Context) -> list[DecisionPolicy]:
    with ctx.read() as session:
        return policies(session)


def set_policy(
    ctx: Context,
    kind: str,
    soort: str | None,
    *,
    needs_second: bool,
    max_amount: object = None,
    max_days: object = None,
    decide_within_days: object = None,
    reason: str | None = None,
) -> DecisionPolicy:
    """Add or change the policy of ``kind`` (and ``soort``; None: the whole kind).  Only the administrator."""
    kind = _name(kind, "soort besluit", 30)
    soort = None if soort is None or (isinstance(soort, str) and not soort.strip()) else _name(soort, "soort", 40)
    amount = _amount(max_amount)
    days = _days(max_days)
    within = validation.clean_whole_number(
        PolicyRow, "decide_within_days", decide_within_days, minimum=1, maximum=3650, what="een aantal dagen"
    )
    with ctx.unit_of_work(
        Permission.MANAGE_DATABASE, operation="decision.policy", reason=reason, action="besluitregels wijzigen"
    ) as session:
        stmt = select(PolicyRow).where(PolicyRow.kind == kind)
        stmt = stmt.where(PolicyRow.soort.is_(None) if soort is None else PolicyRow.soort == soort)
        row = session.execute(stmt).scalar_one_or_none()
        if row is None:
            row = PolicyRow(kind=kind, soort=soort)
            session.add(row)
        row.needs_second = needs_second
        row.max_amount = amount
        row.max_days = days
        default = row.decide_within_days or DEFAULT_DECIDE_WITHIN_DAYS
        row.decide_within_days = within if within is not None else default
        session.flush()
        return DecisionPolicy(kind, soort, needs_second, amount, days, row.decide_within_days)


# -------------------------------------------------------------------------------------------- proposing


def request_decision(
    session: Session,
    *,
    kind: str,
    subject_id: int,
    debtor_id: int,
    soort: str | None = None,
    reason: str,
    effect: Mapping[str, Any] | None,
    amount: object = None,
    days: object = None,
    previous_id: int | None = None,
) -> DecisionDTO:
    """Record a proposal in the caller's unit of work (flushes, never commits) and return it.

    The caller's service opened the unit of work with its own permission and operation (``maatwerk.propose``).
    When the policy needs no second person the decision comes back ``goedgekeurd`` by the proposer already
    (:attr:`DecisionDTO.alleen_besloten`): the caller then applies the effect itself -- no handler is called here.
    ``previous_id`` answers a sent-back proposal about the same subject.
    """
    ctx = session.info.get(CONTEXT)
    if not isinstance(ctx, Context):
        raise RuntimeError("request_decision runs inside Context.unit_of_work()")
    kind = _name(kind, "soort besluit", 30)
    soort_value = None if soort is None else _name(soort, "soort", 40)
    reason_text = cast(str, _text(reason, "reden", required=True))
    effect_text = _effect(effect)
    amount_value = _amount(amount)
    days_value = _days(days)
    if isinstance(subject_id, bool) or not isinstance(subject_id, int):
        raise ValidationError("invalid_field", field="onderwerp", reason="geen bestaand nummer")
    debtor = session.get(Debtor, debtor_id) if isinstance(debtor_id, int) else None
    if debtor is None:
        raise NotFoundError("Schuldenaar", debtor_id)
    open_one = session.execute(
        select(Decision.id, User.display_name)
        .join(User, User.id == Decision.proposed_by)
        .where(Decision.kind == kind, Decision.subject_id == subject_id, Decision.status == DecisionStatus.OPEN.value)
    ).first()
    if open_one is not None:
        raise UserFacingError("decision_open_exists", id=open_one[0], by=open_one[1])
    if previous_id is not None:
        _check_previous(session, _decision_id(previous_id), kind, subject_id, debtor_id)

    policy = policy_for(policies(session), kind, soort_value)
    second = needs_second(policy, amount_value, days_value)
    now = dt.datetime.now(dt.UTC)
    row = Decision(
        kind=kind,
        soort=soort_value,
        subject_id=subject_id,
        debtor_id=debtor_id,
        team_id=debtor.team_id,
        proposed_by=ctx.actor.user_id,
        proposed_at=now,
        reason=reason_text,
        effect=effect_text,
        amount=amount_value,
        days=days_value,
        four_eyes=second,
        status=DecisionStatus.OPEN.value if second else DecisionStatus.GOEDGEKEURD.value,
        decided_by=None if second else ctx.actor.user_id,
        decided_at=None if second else now,
        previous_id=previous_id,
    )
    session.add(row)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.refresh(row)  # the database set proposer, time and four_eyes itself
    changes.mark(session, DECISION, row.id)
    return load(session, row.id)


def _check_previous(session: Session, previous_id: int, kind: str, subject_id: int, debtor_id: int) -> None:
    previous = session.get(Decision, previous_id)
    if previous is None:
        raise NotFoundError("Voorstel", previous_id)
    if (previous.kind, previous.subject_id, previous.debtor_id) != (kind, subject_id, debtor_id):
        raise UserFacingError("decision_previous_other_subject", id=previous_id)
    if previous.status != DecisionStatus.TERUGGESTUURD.value:
        raise UserFacingError(
            "decision_previous_not_sent_back", id=previous_id, status=STATUS_LABELS[DecisionStatus(previous.status)]
        )
    answer = session.execute(select(Decision.id).where(Decision.previous_id == previous_id)).scalar()
    if answer is not None:
        raise UserFacingError("decision_previous_answered", id=previous_id, answer=answer)


# ---------------------------------------------------------------------------------------------- deciding


def decide(
    ctx: Context,
    decision_id: int,
    status: str | DecisionStatus,
    toelichting: str | None,
    voorwaarde: str | None = None,
    voorwaarde_tot: dt.date | None = None,
) -> DecisionDTO:
    """Decide an open proposal (a team lead; never its proposer) and apply it through the kind's handler.

    ``status``: ``goedgekeurd`` (optionally with a ``voorwaarde`` and/or a shorter period ``voorwaarde_tot``),
    ``afgewezen`` or ``teruggestuurd`` (both with a ``toelichting``: the reason or the question).  The decision,
    the handler's effect and the audit rows commit together, or nothing does.
    """
    decision_id = _decision_id(decision_id)
    chosen = _status(status)
    note = _text(toelichting, "toelichting", required=chosen is not DecisionStatus.GOEDGEKEURD)
    condition = _text(voorwaarde, "voorwaarde", required=False)
    until = None
    if voorwaarde_tot is not None:
        until = parsing.parse_date(voorwaarde_tot, "voorwaarde_tot")
    if chosen is not DecisionStatus.GOEDGEKEURD and (condition or until):
        raise ValidationError(
            "invalid_field", field="voorwaarde", reason="een voorwaarde hoort alleen bij een goedkeuring"
        )
    if until is not None and until < dt.datetime.now().astimezone().date():
        raise ValidationError("invalid_field", field="voorwaarde_tot", reason="die datum is al voorbij")
    with ctx.unit_of_work(
        Permission.APPROVE, operation="decision.decide", reason=note, action="over een voorstel besluiten"
    ) as session:
        row = _open_row(session, decision_id)
        if row.proposed_by == ctx.actor.user_id and row.four_eyes:
            raise PermissionDeniedError("decision_own_proposal")
        if session.get_bind().dialect.name == "postgresql":
            _through_database(
                session,
                row,
                "SELECT caseworker_decide(:id, :status, :note, :condition, :until)",
                {"id": decision_id, "status": chosen.value, "note": note, "condition": condition, "until": until},
            )
        else:
            row.status = chosen.value
            row.decided_by = ctx.actor.user_id
            row.decided_at = dt.datetime.now(dt.UTC)
            row.toelichting = note
            row.voorwaarde = condition
            row.voorwaarde_tot = until
            session.flush()
        decided = load(session, decision_id)
        _apply(ctx, session, decided)
        return decided


def withdraw(ctx: Context, decision_id: int, reason: str | None) -> DecisionDTO:
    """The proposer withdraws an open proposal (with a reason); the kind's handler hears of it as ``ingetrokken``."""
    decision_id = _decision_id(decision_id)
    note = _text(reason, "reden", required=True)
    with ctx.unit_of_work(
        Permission.PROPOSE_MAATWERK, operation="decision.withdraw", reason=note, action="een voorstel intrekken"
    ) as session:
        row = _open_row(session, decision_id)
        if row.proposed_by != ctx.actor.user_id:
            proposer = session.get(User, row.proposed_by)
            raise PermissionDeniedError("decision_not_proposer", by=proposer.display_name if proposer else "?")
        if session.get_bind().dialect.name == "postgresql":
            _through_database(
                session, row, "SELECT caseworker_withdraw(:id, :note)", {"id": decision_id, "note": note}
            )
        else:
            row.status = DecisionStatus.INGETROKKEN.value
            row.decided_at = dt.datetime.now(dt.UTC)
            row.toelichting = note
            session.flush()
        withdrawn = load(session, decision_id)
        _apply(ctx, session, withdrawn)
        return withdrawn


def _open_row(session: Session, decision_id: int) -> Decision:
    row = session.get(Decision, decision_id)
    if row is None:
        raise NotFoundError("Voorstel", decision_id)
    if row.status != DecisionStatus.OPEN.value:
        raise _closed(session, row)
    return row


def _closed(session: Session, row: Decision) -> UserFacingError:
    """The message for a proposal somebody else already decided or withdrew."""
    when = _aware(row.decided_at).astimezone().strftime("%d-%m-%Y %H:%M") if row.decided_at else "?"
    if row.status == DecisionStatus.INGETROKKEN.value:
        proposer = session.get(User, row.proposed_by)
        return UserFacingError("decision_already_withdrawn", by=proposer.display_name if proposer else "?", when=when)
    decider = session.get(User, row.decided_by) if row.decided_by is not None else None
    return UserFacingError(
        "decision_already_decided",
        by=decider.display_name if decider else "?",
        status=STATUS_LABELS[DecisionStatus(row.status)],
        when=when,
    )


def _through_database(session: Session, row: Decision, sql: str, params: dict[str, Any]) -> None:
    """PostgreSQL: decide or withdraw through the database's function (the only way the database allows).

    Of two deciders at once the second waits for the first's commit and is then refused: say who decided.
    """
    try:
        with session.begin_nested():
            session.execute(text(sql), params)
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None)
        if state == four_eyes.ALREADY_DECIDED:
            session.refresh(row)
            raise _closed(session, row) from None
        if state == four_eyes.NOT_ALLOWED and "own proposal" in str(exc.orig):
            raise PermissionDeniedError("decision_own_proposal") from None
        raise
    session.refresh(row)


def _apply(ctx: Context, session: Session, decision: DecisionDTO) -> None:
    changes.mark(session, DECISION, decision.id)  # the queues refresh (the debtor's workspace too)
    changes.mark(session, changes.DEBTOR, decision.debtor_id)
    handler = ctx.db.capabilities.decision_handler(decision.kind)
    if handler is not None:
        handler(session, decision)

