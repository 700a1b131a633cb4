"""Maatwerk with four eyes (issue 10): a team lead decides, never the proposer; the position honours what is decided;
a measure expires by its date; ending early is decided like the measure; two deciders at once, one wins."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from caseworker_app.errors import PermissionDeniedError, UserFacingError, ValidationError
from tests.factories import add_claim, add_debtor, login_as, open_context

from caseworker_app.domain.types import EnforcementStep, Role

from caseworker_app.db.session import create_engine_for_url

from caseworker_app.services import maatwerk, position
from caseworker_app.services.context import Context

BSN = "111222333"
TODAY = position.today()


class Team:
    def __init__(self, url: str) -> None:
        self.url = url
        self.admin = open_context(url)
        self.debtor_id = add_debtor(self.admin, bsn=BSN)
        aanmaning = (EnforcementStep.AANMANING, TODAY - dt.timedelta(days=300), "22.00")
        add_claim(self.admin, self.debtor_id, amount="5000.00", dagtekening=TODAY - dt.timedelta(days=400),
                  reference="IB-2024-001", steps=(aanmaning,))
        self.caseworker = login_as(self.admin, url, "bea", Role.CASEWORKER)
        self.lead = login_as(self.admin, url, "tom", Role.TEAMLEAD)

    def propose(self, soort: str = "invorderingspauze", *, by: Context | None = None, **fields: Any) -> int:
        fields.setdefault("van", TODAY - dt.timedelta(days=10))
        fields.setdefault("tot", TODAY + dt.timedelta(days=60))
        fields.setdefault("reden", "Schuldenaar is ernstig ziek")
        return maatwerk.propose(by or self.caseworker, BSN, soort=soort, **fields).measure.id

    def position(self, day: dt.date = TODAY) -> position.DebtPosition:
        return position.get_position(self.admin, self.debtor_id, day)

    def close(self) -> None:
        for ctx in (self.caseworker, self.lead, self.admin):
            ctx.db.dispose()


@pytest.fixture
def team(migrated_db_url: str) -> Any:
    t = Team(migrated_db_url)
    yield t
    t.close()


def test_the_proposer_never_decides_their_own_proposal_even_as_a_team_lead(team: Team) -> None:
    own = team.propose(by=team.lead)
    with pytest.raises(PermissionDeniedError, match="eigen voorstel"):
        maatwerk.decide(team.lead, own, "goedgekeurd", None)
    with pytest.raises(PermissionDeniedError, match="vraagt de rol teamleider"):
        maatwerk.decide(team.caseworker, team.propose(soort="geen_dwang"), "goedgekeurd", None)
    assert {m.status.value for m in maatwerk.list_measures(team.admin)} == {"voorgesteld"}


def test_the_database_refuses_a_decision_by_the_proposer(team: Team) -> None:
    """Past the services (raw SQL as the server's superuser): the database's own rule holds."""
    measure_id = team.propose()
    decision = maatwerk.get_measure(team.admin, measure_id).decision
    assert decision is not None
    engine = create_engine_for_url(team.url)
    try:
        with pytest.raises(Exception, match="ck_decisions_decider_not_proposer"), engine.begin() as conn:
            conn.execute(text("UPDATE decisions SET status = 'goedgekeurd', decided_by = proposed_by, "
                              "decided_at = CURRENT_TIMESTAMP WHERE id = :id"), {"id": decision.id})
    finally:
        engine.dispose()
    assert maatwerk.get_measure(team.admin, measure_id).status.value == "voorgesteld"


def test_an_approved_pause_changes_the_position_and_expires_at_its_end(team: Team) -> None:
    before = team.position().claims[0]
    measure_id = team.propose(tot=TODAY + dt.timedelta(days=20))
    assert not team.position().claims[0].paused  # proposed is not decided
    decided = maatwerk.decide(team.lead, measure_id, "goedgekeurd", "Akkoord")
    assert (decided.status.value, decided.besloten_door) == ("actief", team.lead.actor.login)
    during = team.position()
    claim = during.claims[0]
    assert claim.paused and not claim.next_step.allowed
    assert claim.rente_accrued < before.rente_accrued  # the ten days since its start accrue nothing
    assert "maatwerk_invorderingspauze" in {f.code for f in during.flags}
    assert "maatwerk_herzien" not in {f.code for f in during.flags}
    # a week before its end the review shows; after its end it has expired and the ladder moves again
    review = team.position(TODAY + dt.timedelta(days=14))
    assert "maatwerk_herzien" in {f.code for f in review.flags}
    after = team.position(TODAY + dt.timedelta(days=21))
    assert not after.claims[0].paused and after.claims[0].next_step.allowed
    (m,) = maatwerk.list_measures(team.admin, today=TODAY + dt.timedelta(days=21))
    assert m.status.value == "verlopen"


@pytest.mark.parametrize(
    ("soort", "fields", "check"),
    [
        ("geen_dwang", {}, lambda b, a: not a.next_step.allowed and a.rente_accrued == b.rente_accrued),
        ("buiten_invordering", {}, lambda b, a: not a.next_step.allowed),
        ("kosten_vermindering", {}, lambda b, a: a.open == b.open - Decimal("22.00")),
        ("rente_vermindering", {}, lambda b, a: a.open == b.open - b.rente_total),
        ("eerst_contact", {}, lambda b, a: not a.next_step.allowed),
        ("niet_stuiten", {}, lambda b, a: not a.stuiten_advies and a.open == b.open),
    ],
)
def test_each_approved_kind_changes_the_computed_position(team: Team, soort: str, fields: dict[str, Any],
                                                           check: Any) -> None:
    before = team.position().claims[0]
    measure_id = team.propose(soort, **fields)
    m = maatwerk.get_measure(team.admin, measure_id)
    if m.status.value == "voorgesteld":  # eerst_contact is decided alone, as shipped
        maatwerk.decide(team.lead, measure_id, "goedgekeurd", None)
    assert maatwerk.get_measure(team.admin, measure_id).status.value == "actief"
    assert check(before, team.position().claims[0])


def test_eerst_contact_needs_no_second_person_as_shipped(team: Team) -> None:
    m = maatwerk.get_measure(team.admin, team.propose("eerst_contact"))
    assert m.status.value == "actief" and m.besloten_door == team.caseworker.actor.login


def test_a_shorter_approved_period_is_the_one_that_counts(team: Team) -> None:
    measure_id = team.propose(tot=TODAY + dt.timedelta(days=60))
    with pytest.raises(ValidationError, match="langer dan voorgesteld"):
        maatwerk.decide(team.lead, measure_id, "goedgekeurd", None, voorwaarde_tot=TODAY + dt.timedelta(days=90))
    assert maatwerk.get_measure(team.admin, measure_id).status.value == "voorgesteld"  # nothing was decided
    m = maatwerk.decide(team.lead, measure_id, "goedgekeurd", "Eerst een maand",
                        voorwaarde="Elke maand een update", voorwaarde_tot=TODAY + dt.timedelta(days=30))
    assert m.werkt_tot == TODAY + dt.timedelta(days=30) and m.tot == TODAY + dt.timedelta(days=60)
    assert not team.position(TODAY + dt.timedelta(days=31)).claims[0].paused


def test_rejected_and_sent_back_proposals_change_nothing_and_say_why(team: Team) -> None:
    rejected = team.propose()
    maatwerk.decide(team.lead, rejected, "afgewezen", "Geen onderbouwing")
    sent_back = team.propose("geen_dwang")
    m = maatwerk.decide(team.lead, sent_back, "teruggestuurd", "Welke datum belde de partner?")
    assert (maatwerk.get_measure(team.admin, rejected).status.value, m.status.value) == ("afgewezen", "teruggestuurd")
    pos = team.position()
    assert not pos.claims[0].paused and pos.claims[0].next_step.allowed
    flag = next(f for f in pos.flags if f.code == "maatwerk_teruggestuurd")
    assert "Welke datum" in flag.detail
    answer = maatwerk.propose(team.caseworker, BSN, soort="geen_dwang", van=TODAY, tot=TODAY + dt.timedelta(days=30),
                              reden="De partner belde op maandag", previous_id=sent_back).measure
    assert answer.previous_id == sent_back and answer.status.value == "voorgesteld"
    with pytest.raises(UserFacingError, match="al besloten door"):
        maatwerk.decide(team.lead, rejected, "goedgekeurd", None)  # decide twice


def test_ending_early_is_decided_like_the_measure_and_its_reason_kept(team: Team) -> None:
    measure_id = team.propose(tot=TODAY + dt.timedelta(days=60))
    with pytest.raises(UserFacingError, match="beëindigen kan alleen"):
        maatwerk.end(team.caseworker, measure_id, "Situatie hersteld")  # not decided yet
    maatwerk.decide(team.lead, measure_id, "goedgekeurd", None)
    pending = maatwerk.end(team.caseworker, measure_id, "Situatie hersteld", einde=TODAY + dt.timedelta(days=5))
    assert pending.status.value == "actief" and pending.pending_end is not None
    shown = pending.pending_end.decision
    assert shown is not None and Decimal(shown.effect["verschil"]) < 0  # ending works against the debtor, in euros
    assert any("stopt" in line for line in shown.effect["uitleg"])
    assert team.position(TODAY + dt.timedelta(days=10)).claims[0].paused  # until a team lead decides
    with pytest.raises(UserFacingError, match="ligt al een voorstel"):
        maatwerk.end(team.caseworker, measure_id, "Nog eens")
    ended = maatwerk.decide(team.lead, measure_id, "goedgekeurd", "Akkoord met beëindigen")
    assert ended.werkt_tot == TODAY + dt.timedelta(days=5)
    assert ended.ends[0].reden == "Situatie hersteld"
    assert not team.position(TODAY + dt.timedelta(days=6)).claims[0].paused
    (later,) = [m for m in maatwerk.list_measures(team.admin, today=TODAY + dt.timedelta(days=6))
                if m.id == measure_id]
    assert later.status.value == "beeindigd"


@pytest.mark.postgres
def test_two_team_leads_deciding_at_once_one_wins_nothing_applied_twice(migrated_pg_url: str) -> None:
    team = Team(migrated_pg_url)
    other = login_as(team.admin, migrated_pg_url, "ria", Role.TEAMLEAD)
    measure_id = team.propose()
    start = threading.Barrier(2)
    results: list[Any] = [None, None]
    leads = [team.lead, other]

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = maatwerk.decide(leads[i], measure_id, "goedgekeurd" if i == 0 else "afgewezen", "besluit")
        except UserFacingError as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    won = [r for r in results if isinstance(r, maatwerk.MeasureDTO)]
    lost = [r for r in results if isinstance(r, UserFacingError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert "al besloten door" in lost[0].message
    final = maatwerk.get_measure(team.admin, measure_id)
    assert final.status is won[0].status and final.besloten_door == won[0].besloten_door
    other.db.dispose()
    team.close()


def test_an_approved_measure_gets_a_review_task_for_the_proposer_a_week_before_its_end(team: Team) -> None:
    from caseworker_app.services.contacts import tasks

    measure_id = team.propose(tot=TODAY + dt.timedelta(days=60))
    maatwerk.decide(team.lead, measure_id, "goedgekeurd", None)
    mine = [t for t in tasks.list_tasks(team.caseworker, mine=True) if t.plek == "maatwerk"]
    assert len(mine) == 1
    assert mine[0].datum == TODAY + dt.timedelta(days=53)
    assert "Maatwerk herzien" in mine[0].omschrijving
