"""Four-eyes decisions through the service, on SQLite and PostgreSQL, as the people who use them.

A caseworker proposes (inside their own use case's unit of work, as maatwerk does), a team lead decides, the
kind's handler applies the decision in the same transaction, the audit names the operation and the reason.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from caseworker_app.errors import NotFoundError, PermissionDeniedError, UserFacingError, ValidationError
from tests.factories import add_debtor, login_as, open_context

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Role

from caseworker_app.db.models import AuditEntry, Decision

from caseworker_app.services import decisions
from caseworker_app.services.context import Context
from caseworker_app.services.decisions import DecisionDTO


@pytest.fixture
def office(migrated_db_url: str) -> dict[str, Any]:
    admin = open_context(migrated_db_url)
    debtor_id = add_debtor(admin)
    worker = login_as(admin, migrated_db_url, "anna", Role.CASEWORKER)
    lead = login_as(admin, migrated_db_url, "lotte", Role.TEAMLEAD)
    lead2 = login_as(admin, migrated_db_url, "lars", Role.TEAMLEAD)
    return {"admin": admin, "worker": worker, "lead": lead, "lead2": lead2, "debtor": debtor_id}


def propose(
    ctx: Context, debtor_id: int, *, subject_id: int = 1, soort: str | None = "invorderingspauze", **kwargs: Any
) -> DecisionDTO:
    """What maatwerk.propose does: its own unit of work, then request_decision inside it."""
    values: dict[str, Any] = {
        "kind": "maatwerk",
        "reason": "Schuldhulpverlening loopt; drie maanden rust.",
        "effect": {"geen_dwang": True, "tot": dt.date(2027, 3, 1), "rente": Decimal("12.50")},
        "days": 90,
    }
    values.update(kwargs)
    with ctx.unit_of_work(Permission.PROPOSE_MAATWERK, operation="maatwerk.propose", reason="test") as session:
        return decisions.request_decision(session, subject_id=subject_id, debtor_id=debtor_id, soort=soort, **values)


def test_a_proposal_waits_for_a_team_lead_who_approves_it(office: dict[str, Any]) -> None:
    worker, lead = office["worker"], office["lead"]
    proposal = propose(worker, office["debtor"])
    assert proposal.status == "open" and proposal.four_eyes and proposal.is_open
    assert proposal.proposed_by_login == worker.actor.login and proposal.proposed_by_name == "anna"
    assert proposal.effect == {"geen_dwang": True, "tot": "2027-03-01", "rente": "12.50"}
    assert proposal.decided_by is None and proposal.status_label == "wacht op besluit"

    decided = decisions.decide(lead, proposal.id, "goedgekeurd", "Akkoord, passend bij de situatie.")
    assert decided.status == "goedgekeurd" and decided.decided_by_login == lead.actor.login
    assert decided.decided_by_name == "lotte" and decided.decided_at is not None
    assert decided.toelichting == "Akkoord, passend bij de situatie."
    assert decisions.get_decision(worker, proposal.id) == decided


def test_the_proposer_cannot_approve_their_own_proposal(office: dict[str, Any]) -> None:
    lead = office["lead"]
    proposal = propose(lead, office["debtor"])
    with pytest.raises(PermissionDeniedError) as refused:
        decisions.decide(lead, proposal.id, "goedgekeurd", "Zelf goedgekeurd")
    assert "eigen voorstel" in refused.value.message
    assert decisions.get_decision(lead, proposal.id).status == "open"


def test_the_database_refuses_an_own_approval_written_around_the_service(office: dict[str, Any]) -> None:
    """Raw SQL as the database's owner (SQLite: anyone holding the file): the CHECK constraint refuses it."""
    proposal = propose(office["worker"], office["debtor"])
    with office["admin"].db.engine.connect() as conn, pytest.raises((IntegrityError, DBAPIError)):
        conn.execute(
            text(
                "UPDATE decisions SET status = 'goedgekeurd', decided_by = proposed_by, decided_at = CURRENT_TIMESTAMP "
                "WHERE id = :id"
            ),
            {"id": proposal.id},
        )
    assert decisions.get_decision(office["worker"], proposal.id).status == "open"


def test_a_caseworker_may_propose_but_not_decide(office: dict[str, Any]) -> None:
    proposal = propose(office["lead"], office["debtor"])
    with pytest.raises(PermissionDeniedError) as refused:
        decisions.decide(office["worker"], proposal.id, "goedgekeurd", None)
    assert "teamleider" in refused.value.message.lower()


def test_a_decision_is_taken_once_and_the_second_lead_hears_who_took_it(office: dict[str, Any]) -> None:
    proposal = propose(office["worker"], office["debtor"])
    decisions.decide(office["lead"], proposal.id, "afgewezen", "Er is genoeg betalingscapaciteit.")
    with pytest.raises(UserFacingError) as late:
        decisions.decide(office["lead2"], proposal.id, "goedgekeurd", None)
    assert late.value.code == "decision_already_decided"
    assert "al besloten door lotte" in late.value.message and "afgewezen" in late.value.message
    assert decisions.get_decision(office["worker"], proposal.id).decided_by_name == "lotte"


def test_a_decided_row_never_changes_again_in_the_database(office: dict[str, Any]) -> None:
    proposal = propose(office["worker"], office["debtor"])
    decisions.decide(office["lead"], proposal.id, "goedgekeurd", None)
    with office["admin"].db.engine.connect() as conn, pytest.raises(DBAPIError):
        conn.execute(text("UPDATE decisions SET toelichting = 'achteraf' WHERE id = :id"), {"id": proposal.id})
    with office["admin"].db.engine.connect() as conn, pytest.raises(DBAPIError):
        conn.execute(text("DELETE FROM decisions WHERE id = :id"), {"id": proposal.id})
    assert decisions.get_decision(office["worker"], proposal.id).toelichting is None


def test_approved_with_a_condition_and_a_shorter_period(office: dict[str, Any]) -> None:
    proposal = propose(office["worker"], office["debtor"])
    until = dt.datetime.now().astimezone().date() + dt.timedelta(days=30)
    decided = decisions.decide(
        office["lead"], proposal.id, "goedgekeurd", "Korter dan gevraagd", "Eerst inkomensgegevens sturen", until
    )
    assert (decided.voorwaarde, decided.voorwaarde_tot) == ("Eerst inkomensgegevens sturen", until)


def test_a_rejection_or_question_needs_a_reason_and_a_condition_only_goes_with_approval(
    office: dict[str, Any],
) -> None:
    proposal = propose(office["worker"], office["debtor"])
    for status in ("afgewezen", "teruggestuurd"):
        with pytest.raises(ValidationError):
            decisions.decide(office["lead"], proposal.id, status, "   ")
    with pytest.raises(ValidationError):
        decisions.decide(office["lead"], proposal.id, "afgewezen", "Nee", voorwaarde="toch iets")
    with pytest.raises(ValidationError):
        decisions.decide(office["lead"], proposal.id, "goedgekeurd", None, None, dt.date(2020, 1, 1))
    for bad in ("open", "ingetrokken", "ja", "", None):
        with pytest.raises(ValidationError):
            decisions.decide(office["lead"], proposal.id, bad, "x")  # type: ignore[arg-type]
    assert decisions.get_decision(office["worker"], proposal.id).status == "open"


def test_sent_back_with_a_question_and_answered_by_a_new_proposal(office: dict[str, Any]) -> None:
    worker, lead = office["worker"], office["lead"]
    first = propose(worker, office["debtor"], subject_id=7)
    decisions.decide(lead, first.id, "teruggestuurd", "Is er al contact met de schuldhulp?")
    # answering something that was not sent back, or answering twice, is refused
    other = propose(worker, office["debtor"], subject_id=8)
    with pytest.raises(UserFacingError) as not_sent_back:
        propose(worker, office["debtor"], subject_id=8, previous_id=other.id)
    assert not_sent_back.value.code in {"decision_open_exists", "decision_previous_not_sent_back"}
    with pytest.raises(UserFacingError) as elsewhere:
        propose(worker, office["debtor"], subject_id=9, previous_id=first.id)
    assert elsewhere.value.code == "decision_previous_other_subject"

    answer = propose(worker, office["debtor"], subject_id=7, previous_id=first.id, reason="Ja, sinds 1 november.")
    assert answer.status == "open" and answer.previous_id == first.id
    decisions.withdraw(worker, answer.id, "Toch anders opgelost")
    with pytest.raises(UserFacingError) as twice:
        propose(worker, office["debtor"], subject_id=7, previous_id=first.id)
    assert twice.value.code == "decision_previous_answered"
    assert [d.status for d in decisions.history(worker, "maatwerk", 7)] == ["teruggestuurd", "ingetrokken"]


def test_one_open_proposal_per_subject(office: dict[str, Any]) -> None:
    propose(office["worker"], office["debtor"], subject_id=3)
    with pytest.raises(UserFacingError) as double:
        propose(office["lead"], office["debtor"], subject_id=3)
    assert double.value.code == "decision_open_exists" and "anna" in double.value.message


def test_withdrawn_by_the_proposer_only_and_then_closed(office: dict[str, Any]) -> None:
    proposal = propose(office["worker"], office["debtor"])
    with pytest.raises(PermissionDeniedError) as not_mine:
        decisions.withdraw(office["lead"], proposal.id, "weg ermee")
    assert "anna" in not_mine.value.message
    withdrawn = decisions.withdraw(office["worker"], proposal.id, "De schuldenaar heeft alles betaald.")
    assert withdrawn.status == "ingetrokken" and withdrawn.decided_by is None
    with pytest.raises(UserFacingError) as closed:
        decisions.decide(office["lead"], proposal.id, "goedgekeurd", None)
    assert closed.value.code == "decision_already_withdrawn" and "anna" in closed.value.message


def test_eerst_contact_is_decided_alone_by_policy(office: dict[str, Any]) -> None:
    alone = propose(office["worker"], office["debtor"], soort="eerst_contact")
    assert alone.status == "goedgekeurd" and alone.alleen_besloten and not alone.four_eyes
    assert alone.decided_by == alone.proposed_by == office["worker"].actor.user_id
    assert "alleen besloten" in alone.status_label


def test_a_policy_lets_one_person_decide_alone_up_to_an_amount(office: dict[str, Any]) -> None:
    admin, worker = office["admin"], office["worker"]
    decisions.set_policy(admin, "kwijtschelding", None, needs_second=False, max_amount="500")
    small = propose(worker, office["debtor"], kind="kwijtschelding", soort=None, subject_id=20, amount="499.99")
    large = propose(worker, office["debtor"], kind="kwijtschelding", soort=None, subject_id=21, amount="500.01")
    assert (small.status, large.status) == ("goedgekeurd", "open")
    # a kind nobody configured needs a second person
    unknown = propose(worker, office["debtor"], kind="nieuw_soort_besluit", soort=None, subject_id=22)
    assert unknown.status == "open" and unknown.four_eyes
    configured = decisions.list_policies(worker)
    assert any(p.kind == "kwijtschelding" and p.max_amount == Decimal("500.00") for p in configured)


def test_only_the_administrator_changes_the_policies(office: dict[str, Any]) -> None:
    with pytest.raises(PermissionDeniedError):
        decisions.set_policy(office["lead"], "maatwerk", None, needs_second=False)


def test_the_handler_applies_the_decision_in_the_same_transaction(office: dict[str, Any]) -> None:
    lead = office["lead"]
    seen: list[tuple[str, bool]] = []

    def handler(session: Session, decision: DecisionDTO) -> None:
        row = session.get(Decision, decision.id)
        seen.append((decision.status, row is not None and row.status == decision.status))

    # a kind of its own: maatwerk's handler is installed with the database (services/maatwerk/capability.py)
    lead.db.capabilities.add_decision_handler("proef", handler)
    proposal = propose(office["worker"], office["debtor"], kind="proef")
    decisions.decide(lead, proposal.id, "goedgekeurd", None)
    assert seen == [("goedgekeurd", True)]


def test_a_failing_handler_leaves_the_proposal_open(office: dict[str, Any]) -> None:
    lead = office["lead"]

    def handler(_session: Session, _decision: DecisionDTO) -> None:
        raise UserFacingError("not_found", entity="Maatregel", key=1)

    lead.db.capabilities.add_decision_handler("proef", handler)
    proposal = propose(office["worker"], office["debtor"], kind="proef")
    with pytest.raises(UserFacingError):
        decisions.decide(lead, proposal.id, "goedgekeurd", None)
    assert decisions.get_decision(lead, proposal.id).status == "open"


def test_the_audit_names_the_decision_its_operation_and_reason(office: dict[str, Any]) -> None:
    proposal = propose(office["worker"], office["debtor"])
    decisions.decide(office["lead"], proposal.id, "afgewezen", "Geen bijzondere omstandigheden gebleken.")
    with office["admin"].db.session_factory() as session:
        rows = list(
            session.execute(
                select(AuditEntry).where(AuditEntry.entity == "decisions", AuditEntry.entity_id == str(proposal.id))
            ).scalars()
        )
    by_operation = {r.operation: r for r in rows}
    assert set(by_operation) == {"maatwerk.propose", "decision.decide"}
    decided = by_operation["decision.decide"]
    assert decided.actor == office["lead"].actor.login
    assert decided.reason == "Geen bijzondere omstandigheden gebleken."
    assert decided.after is not None and decided.after["status"] == "afgewezen"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reason": "  "}, "reden"),
        ({"reason": "x" * 4001}, "reden"),
        ({"amount": "-1"}, "bedrag"),
        ({"amount": "1e20"}, "bedrag"),
        ({"amount": "12,34,5"}, "bedrag"),
        ({"days": -1}, "days"),
        ({"days": 10**9}, "days"),
        ({"effect": "geen dict"}, "effect"),
        ({"kind": ""}, "soort besluit"),
        ({"kind": "x" * 31}, "soort besluit"),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message_and_nothing_is_saved(
    office: dict[str, Any], change: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as bad:
        propose(office["worker"], office["debtor"], **change)
    assert bad.value.params.get("field") == field
    assert decisions.for_debtor(office["worker"], office["debtor"]) == []


def test_unknown_decisions_and_debtors(office: dict[str, Any]) -> None:
    with pytest.raises(NotFoundError):
        decisions.decide(office["lead"], 999_999, "goedgekeurd", None)
    with pytest.raises(ValidationError):
        decisions.decide(office["lead"], 2**40, "goedgekeurd", None)
    with pytest.raises(NotFoundError):
        propose(office["worker"], 999_999)
    with pytest.raises(NotFoundError):
        decisions.withdraw(office["worker"], 999_999, "weg")


def test_request_decision_needs_the_callers_unit_of_work(office: dict[str, Any]) -> None:
    with office["worker"].db.session_factory() as session, pytest.raises(RuntimeError):
        decisions.request_decision(
            session, kind="maatwerk", subject_id=1, debtor_id=office["debtor"], reason="x", effect={}
        )
