"""Four eyes kept by the database: real logins of every role, raw SQL, as an officer with ``psql`` could send it.

A caseworker cannot decide; a team lead cannot decide their own proposal, nor change a decided row; nobody names
another officer as proposer or inserts a proposal as already approved; of two team leads deciding at once one wins
and the other is told who did.  (``db/four_eyes.py``; the service side is ``tests/services/test_decisions.py``.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from caseworker_app.errors import UserFacingError
from tests.factories import make_login
from tests.security.support import ROLES, Secured

from caseworker_app.domain.types import Role

from caseworker_app.services import decisions, users
from caseworker_app.services.context import Context

PROPOSERS = frozenset({Role.CASEWORKER, Role.BAILIFF, Role.TEAMLEAD, Role.STELLA})
INSERT = (
    "INSERT INTO decisions (kind, soort, subject_id, debtor_id, proposed_by, reason, effect, four_eyes, status, "
    "version) VALUES ('maatwerk', :soort, :subject, :debtor, :proposed_by, 'psql', '{}', :four_eyes, :status, 1) "
    "RETURNING id, proposed_by, four_eyes, status, decided_by"
)
DECIDE = "SELECT caseworker_decide(:id, :status, 'via psql', NULL, NULL)"
_subjects = iter(range(10_000, 1_000_000))


def user_id(secured: Secured, who: Role | str) -> int:
    login = secured.logins[who] if isinstance(who, Role) else who
    rows = secured.allowed(Role.AUDITOR, "SELECT id FROM users WHERE login = :l", {"l": login})
    return int(str(rows[0][0]))


def insert(conn: Connection, secured: Secured, **values: Any) -> Any:
    params = {
        "soort": "invorderingspauze",
        "subject": next(_subjects),
        "debtor": secured.debtor_id,
        "proposed_by": secured.builder.actor.user_id,
        "four_eyes": True,
        "status": "open",
    }
    params.update(values)
    return conn.execute(text(INSERT), params).one()


def committed_proposal(secured: Secured, who: Role | str | None = None) -> int:
    """An open proposal, committed, by ``who`` (default: the superuser that built the data)."""
    engine = secured.builder.db.engine if who is None else secured.engine(who)
    with engine.begin() as conn:
        return int(insert(conn, secured).id)


def status_of(secured: Secured, decision_id: int) -> tuple[str, Any]:
    rows = secured.allowed(Role.AUDITOR, "SELECT status, decided_by FROM decisions WHERE id = :id", {"id": decision_id})
    return str(rows[0][0]), rows[0][1]


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_who_may_propose(secured: Secured, role: Role) -> None:
    if role in PROPOSERS:
        with secured.attempt(role) as conn:
            row = insert(conn, secured)
        assert row.proposed_by == user_id(secured, role)  # the database names the proposer, not the client
    else:
        with secured.attempt(role) as conn, pytest.raises(DBAPIError) as refused:
            insert(conn, secured)
        assert refused.value.orig.sqlstate == "42501"  # type: ignore[union-attr]


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_who_may_decide(secured: Secured, role: Role) -> None:
    proposal = committed_proposal(secured)
    if role is Role.TEAMLEAD:
        secured.allowed(role, DECIDE, {"id": proposal, "status": "goedgekeurd"})
    else:
        assert secured.refused(role, DECIDE, {"id": proposal, "status": "goedgekeurd"}) == "42501"
    assert status_of(secured, proposal) == ("open", None)  # every attempt was rolled back


def test_a_team_lead_cannot_decide_their_own_proposal(secured: Secured) -> None:
    proposal = committed_proposal(secured, Role.TEAMLEAD)
    for status in ("goedgekeurd", "afgewezen", "teruggestuurd"):
        assert secured.refused(Role.TEAMLEAD, DECIDE, {"id": proposal, "status": status}) == "42501"
    # nor around the function: no role may UPDATE decisions at all
    assert (
        secured.refused(
            Role.TEAMLEAD,
            "UPDATE decisions SET status = 'goedgekeurd', decided_by = proposed_by, decided_at = now() WHERE id = :id",
            {"id": proposal},
        )
        == "42501"
    )
    assert status_of(secured, proposal) == ("open", None)


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_nobody_changes_or_deletes_a_decided_row(secured: Secured, role: Role) -> None:
    proposal = committed_proposal(secured)
    with secured.engine(Role.TEAMLEAD).begin() as conn:
        conn.execute(text(DECIDE), {"id": proposal, "status": "afgewezen"})
    for sql in (
        "UPDATE decisions SET status = 'goedgekeurd' WHERE id = :id",
        "UPDATE decisions SET toelichting = 'achteraf anders' WHERE id = :id",
        "DELETE FROM decisions WHERE id = :id",
    ):
        assert secured.refused(role, sql, {"id": proposal}) == "42501"
    # deciding it again through the function: already decided
    assert secured.refused(Role.TEAMLEAD, DECIDE, {"id": proposal, "status": "goedgekeurd"}) == "55000"
    # even the database's superuser, whom the privileges do not restrict, meets the trigger
    with secured.builder.db.engine.connect() as conn, pytest.raises(DBAPIError) as refused:
        conn.execute(text("UPDATE decisions SET status = 'goedgekeurd' WHERE id = :id"), {"id": proposal})
    assert refused.value.orig.sqlstate == "55000"  # type: ignore[union-attr]
    assert status_of(secured, proposal)[0] == "afgewezen"


def test_a_proposal_cannot_be_inserted_approved_or_in_anothers_name(secured: Secured) -> None:
    lead = user_id(secured, Role.TEAMLEAD)
    with secured.attempt(Role.CASEWORKER) as conn, pytest.raises(DBAPIError) as approved:
        insert(conn, secured, status="goedgekeurd")
    assert approved.value.orig.sqlstate == "42501"  # type: ignore[union-attr]
    with secured.attempt(Role.CASEWORKER) as conn:  # four_eyes comes from the policy, the proposer from the login
        row = insert(conn, secured, four_eyes=False, proposed_by=lead)
        assert (row.four_eyes, row.proposed_by) == (True, user_id(secured, Role.CASEWORKER))
    # asking for contact first needs no second person: the proposer decides it alone, in their own name
    with secured.attempt(Role.CASEWORKER) as conn:
        row = insert(conn, secured, soort="eerst_contact", status="goedgekeurd", proposed_by=lead)
        me = user_id(secured, Role.CASEWORKER)
        assert (row.status, row.four_eyes, row.proposed_by, row.decided_by) == ("goedgekeurd", False, me, me)


def test_two_team_leads_deciding_at_once_one_wins(secured: Secured) -> None:
    """The second waits for the first's row lock and is then refused; both through raw SQL."""
    second_login = make_login(secured.url, "lead2")
    users.add_user(secured.builder, second_login, "Tweede Teamleider", (Role.TEAMLEAD,))
    proposal = committed_proposal(secured)
    outcome: dict[str, Any] = {}

    def second() -> None:
        try:
            with secured.engine(second_login).begin() as conn:
                conn.execute(text(DECIDE), {"id": proposal, "status": "afgewezen"})
            outcome["second"] = "decided"
        except DBAPIError as exc:
            outcome["second"] = getattr(exc.orig, "sqlstate", None)

    with secured.engine(Role.TEAMLEAD).connect() as first:
        first.begin()
        first.execute(text(DECIDE), {"id": proposal, "status": "goedgekeurd"})
        thread = threading.Thread(target=second)
        thread.start()
        assert _until(lambda: _waiting_on_a_lock(secured, second_login)), "the second decider never waited"
        first.commit()
    thread.join(10)
    assert outcome == {"second": "55000"}
    assert status_of(secured, proposal) == ("goedgekeurd", user_id(secured, Role.TEAMLEAD))


def test_two_team_leads_deciding_at_once_through_the_service(secured: Secured) -> None:
    """Both press "besluiten" at the same moment: one decision is taken, the other lead is told who took it."""
    second_login = make_login(secured.url, "lead3")
    users.add_user(secured.builder, second_login, "Derde Teamleider", (Role.TEAMLEAD,))
    leads: list[Context] = [secured.context(Role.TEAMLEAD), _context(secured, second_login)]
    proposal = committed_proposal(secured, Role.CASEWORKER)
    start = threading.Barrier(2)
    results: list[Any] = [None, None]

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = decisions.decide(leads[i], proposal, "goedgekeurd" if i == 0 else "afgewezen", "besluit")
        except UserFacingError as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    won = [r for r in results if isinstance(r, decisions.DecisionDTO)]
    lost = [r for r in results if isinstance(r, UserFacingError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert lost[0].code == "decision_already_decided"
    assert f"al besloten door {won[0].decided_by_name}" in lost[0].message
    final = decisions.get_decision(leads[0], proposal)
    assert (final.status, final.decided_by) == (won[0].status, won[0].decided_by)
    for ctx in leads:
        ctx.db.dispose()


def _context(secured: Secured, login: str) -> Context:
    from caseworker_app.services.context import Database

    return Database.open(secured.url_as(login)).login()


def _waiting_on_a_lock(secured: Secured, login: str) -> bool:
    with secured.builder.db.engine.connect() as conn:
        return bool(
            conn.execute(
                text("SELECT 1 FROM pg_stat_activity WHERE usename = :l AND wait_event_type = 'Lock'"), {"l": login}
            ).first()
        )


def _until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
