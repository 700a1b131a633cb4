"""Four-eyes in the database (issue 12), as real logins with raw SQL: deciding goes only through
``caseworker_decide``, which refuses the proposer and every role that may not approve; nobody updates, deletes or
inserts a decision as already approved (when a second person is needed), whatever the client sends."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.security.support import ROLES, Secured

from caseworker_app.domain.permissions import ROLE_PERMISSIONS, Permission
from caseworker_app.domain.types import Role

#: a kind no policy names: it always needs a second person
KIND = "kwijtschelding_test"


def _may(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


PROPOSERS = [r for r in ROLES if _may(r, Permission.PROPOSE_MAATWERK)]


def _propose(secured: Secured, role: Role, *, forged_by: int = 1, status: str = "open") -> int:
    """A proposal inserted by ``role``'s login with raw SQL, claiming another proposer and time."""
    with secured.engine(role).begin() as conn:
        return int(
            conn.execute(
                text(
                    "INSERT INTO decisions (kind, subject_id, debtor_id, proposed_by, proposed_at, reason, effect, "
                    "four_eyes, status, version) VALUES (:k, 1, :d, :by, '2001-01-01', 'reden', '{}', false, :s, 1) "
                    "RETURNING id"
                ),
                {"k": KIND, "d": secured.debtor_id, "by": forged_by, "s": status},
            ).scalar_one()
        )


def _row(secured: Secured, decision_id: int) -> tuple[object, ...]:
    with secured.builder.db.engine.connect() as conn:
        return tuple(
            conn.execute(
                text(
                    "SELECT u.login, d.four_eyes, d.status, d.proposed_at > now() - interval '1 hour' "
                    "FROM decisions d JOIN users u ON u.id = d.proposed_by WHERE d.id = :i"
                ),
                {"i": decision_id},
            ).one()
        )


def _decide(secured: Secured, role: Role, decision_id: int) -> str | None:
    """``caseworker_decide`` as ``role``: None when it went through, else the SQLSTATE of the refusal."""
    try:
        with secured.engine(role).begin() as conn:
            conn.execute(
                text("SELECT caseworker_decide(:i, 'goedgekeurd', 'akkoord', NULL, NULL)"), {"i": decision_id}
            )
    except DBAPIError as exc:
        return str(getattr(exc.orig, "sqlstate", ""))
    return None


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_a_proposal_names_its_real_proposer_and_waits_for_a_second_person(secured: Secured, role: Role) -> None:
    if not _may(role, Permission.PROPOSE_MAATWERK):
        with pytest.raises(DBAPIError, match="permission denied"):
            _propose(secured, role)
        return
    decision_id = _propose(secured, role)  # claims proposer 1, a date in 2001 and "no four eyes"
    assert _row(secured, decision_id) == (secured.logins[role], True, "open", True)
    with pytest.raises(DBAPIError):  # inserted as already approved: refused, a second person is needed
        _propose(secured, role, status="goedgekeurd")


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_nobody_decides_their_own_proposal(secured: Secured, role: Role) -> None:
    if not _may(role, Permission.PROPOSE_MAATWERK):  # has no proposal of its own; decides nobody else's either
        _assert_no_way_in(secured, role, _propose(secured, PROPOSERS[0]))
        return
    own = _propose(secured, role)
    assert _decide(secured, role, own) == "42501"
    assert _row(secured, own)[2] == "open"


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_who_decides_anothers_proposal(secured: Secured, role: Role) -> None:
    """Only a role that may approve decides, through the function; the table itself is closed to everyone."""
    proposer = next(r for r in PROPOSERS if r is not role)
    decision_id = _propose(secured, proposer)
    if _may(role, Permission.APPROVE):
        assert _decide(secured, role, decision_id) is None
        assert _row(secured, decision_id)[2] == "goedgekeurd"
        assert _decide(secured, role, decision_id) == "55000"  # decided once: never again
    else:
        _assert_no_way_in(secured, role, decision_id)
    for sql in (
        "UPDATE decisions SET status = 'goedgekeurd' WHERE id = :i",
        "UPDATE decisions SET reason = 'anders' WHERE id = :i",
        "DELETE FROM decisions WHERE id = :i",
    ):
        assert secured.refused(role, sql, {"i": decision_id}) == "42501", sql


def _assert_no_way_in(secured: Secured, role: Role, decision_id: int) -> None:
    assert _decide(secured, role, decision_id) == "42501"
    assert _row(secured, decision_id)[2] == "open"
