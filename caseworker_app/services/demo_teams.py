"""Demo teams: two collection teams and the Stella-team, the demo users in them, every demo debtor in a team.

Called by ``services/demo.py`` in the demo's own unit of work, after the debtors are written.  Demo decisions are
maatwerk's (its demo proposes measures on these debtors, so they land in these teams' queues).
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caseworker_app.db.models import Team, TeamMember, User

#: code, name, (login, is_lead) -- the demo users of ``demo_data.DEMO_USERS``
DEMO_TEAMS: tuple[tuple[str, str, tuple[tuple[str, bool], ...]], ...] = (
    (
        "INV-UTR",
        "Invordering Utrecht",
        (("j.vandenberg", True), ("a.jansen", False), ("m.elamrani", False), ("k.bakker", False)),
    ),
    ("INV-AMS", "Invordering Amsterdam", (("j.vandenberg", True), ("p.devries", False), ("s.yilmaz", False))),
    ("STELLA", "Stella-team", (("l.visser", False),)),
)


def generate(session: Session, *, first_debtor_id: int, last_debtor_id: int) -> int:
    """Make the demo teams (where missing), put the demo users in them and assign the new debtors; returns how many
    debtors got a team.  Even debtor ids go to Utrecht, odd ones to Amsterdam, each with a caseworker of that team."""
    users = dict(session.execute(select(User.login, User.id)).all())
    team_ids: dict[str, int] = {}
    for code, name, members in DEMO_TEAMS:
        team = session.execute(select(Team).where(Team.code == code)).scalar_one_or_none()
        if team is None:
            team = Team(code=code, name=name)
            session.add(team)
            session.flush()
        team_ids[code] = team.id
        for login, lead in members:
            user_id = users.get(login)
            if user_id is not None and session.get(TeamMember, (team.id, user_id)) is None:
                session.add(TeamMember(team_id=team.id, user_id=user_id, is_lead=lead))
    session.flush()
    handlers: dict[str, list[int | None]] = {
        "INV-UTR": [users[u] for u in ("a.jansen", "m.elamrani") if u in users] or [None],
        "INV-AMS": [users[u] for u in ("p.devries",) if u in users] or [None],
    }
    params = {
        "first": first_debtor_id,
        "last": last_debtor_id,
        "utr": team_ids["INV-UTR"],
        "ams": team_ids["INV-AMS"],
        "utr_a": handlers["INV-UTR"][0],
        "utr_b": handlers["INV-UTR"][-1],
        "ams_a": handlers["INV-AMS"][0],
    }
    result = session.execute(
        text(
            # id - (id / n) * n: the remainder, in integer arithmetic both backends share (no % for the driver)
            "UPDATE debtors SET team_id = CASE WHEN id - (id / 2) * 2 = 0 THEN :utr ELSE :ams END, "
            "behandelaar_id = CASE WHEN id - (id / 2) * 2 = 1 THEN :ams_a WHEN id - (id / 4) * 4 = 0 THEN :utr_a "
            "ELSE :utr_b END "
            "WHERE id BETWEEN :first AND :last AND team_id IS NULL"
        ),
        params,
    )
    return int(getattr(result, "rowcount", 0) or 0)
