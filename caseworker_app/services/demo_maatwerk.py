"""Demo data for issue 10: maatwerk measures in every state, with their decisions.

Called by :func:`caseworker_app.services.demo.generate` inside its unit of work, after the debtors, their ledger and
the contacts are written.  Deterministic for a seed and dated around the reference date, so every status shows:
``voorgesteld`` (in the team lead's queue), ``teruggestuurd`` (with the question), ``afgewezen`` (with the
reason), ``gepland``, ``actief`` (an invorderingspauze, a bvv-verhoging, an ``eerst_contact`` decided alone),
``beeindigd`` (ended early by an approved ending) and ``verlopen``.

The rows keep the database's rules: a decision is inserted open and then decided by a team lead who is not its
proposer (on SQLite the triggers check it; on PostgreSQL the demo load is an administrator's bulk load, which
keeps the proposers it names, and the CHECK that decider and proposer differ still holds).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker_app.db.models import Claim, Debtor, Decision, Measure, MeasureClaim, MeasureEnd, User

from caseworker_app.services import demo_data as data


@dataclass(frozen=True)
class Plan:
    soort: str
    van: int  # days from the reference date
    tot: int | None
    status: str  # the decision's status
    reden_code: str
    reden: str
    toelichting: str | None = None
    onderdelen: str | None = None
    bedrag: Decimal | None = None
    einde: int | None = None  # an approved early end, days from the reference date
    one_claim: bool = False


PLANS: tuple[Plan, ...] = (
    Plan("invorderingspauze", -12, 78, "open", "ziekte_of_overlijden",
         "Partner belde: schuldenaar is opgenomen in het ziekenhuis. Drie maanden rust gevraagd.",
         onderdelen="dwang,contact,rente,kosten"),
    Plan("geen_verrekening", 0, 180, "teruggestuurd", "bestaansminimum",
         "Toeslag is nodig voor de huur; verrekening brengt het bestaansminimum in gevaar.",
         toelichting="Is de huurachterstand bekend bij de gemeente? Graag het bedrag per maand erbij."),
    Plan("buiten_invordering", 0, 365, "afgewezen", "onevenredig", "Restschuld na schuldhulp; weinig kans op betaling.",
         toelichting="Er is betalingscapaciteit; bied eerst een betalingsregeling aan.", one_claim=True),
    Plan("geen_dwang", 14, 104, "goedgekeurd", "problematische_schulden",
         "Aanmelding schuldhulpverlening gemeente; intake over twee weken."),
    Plan("invorderingspauze", -20, 70, "goedgekeurd", "gestapelde_aanslagen",
         "Gestapelde ambtshalve aanslagen; aangiftes worden nagestuurd, pauze tot de verminderingen binnen zijn.",
         onderdelen="dwang,rente"),
    Plan("bvv_verhoging", -30, 335, "goedgekeurd", "kinderopvang",
         "Lopende kosten kinderopvang die de norm niet meeneemt (VM 33).", bedrag=Decimal("185.00")),
    Plan("eerst_contact", -3, 60, "goedgekeurd", "eerst_contact", "Brieven komen niet aan; eerst bellen."),
    Plan("geen_dwang", -60, 120, "goedgekeurd", "inkomensdaling",
         "Ontslag; nieuw werk gevonden, dwang kan weer.", einde=-5),
    Plan("kosten_vermindering", -150, -30, "goedgekeurd", "onevenredig",
         "Kosten staan niet in verhouding tot de schuld (VM 40).", one_claim=True),
)


def generate(session: Session, *, seed: int, reference: dt.date, first_debtor_id: int, last_debtor_id: int) -> int:
    """Add :data:`PLANS` to the first suitable demo debtors; returns how many measures were added."""
    rng = random.Random(f"maatwerk-{seed}")
    users = {row[0]: row[1] for row in session.execute(select(User.login, User.id))}
    workers = [login for login in data.CASEWORKER_LOGINS if login in users]
    leads = [login for login, _n, roles in data.DEMO_USERS if "teamlead" in roles and login in users]
    if not workers or not leads:
        return 0
    rows = session.execute(
        select(Debtor.id, Debtor.team_id, Debtor.fraude_markering)
        .where(Debtor.id.between(first_debtor_id, last_debtor_id), Debtor.id.in_(select(Claim.debtor_id)))
        .order_by(Debtor.id)
    ).all()
    candidates = [r for r in rows if not r.fraude_markering]
    if not candidates:
        return 0
    chosen = rng.sample(candidates, min(len(PLANS), len(candidates)))
    added = 0
    for plan, debtor in zip(PLANS, chosen, strict=False):
        worker, lead = rng.choice(workers), rng.choice(leads)
        claim_ids = list(session.execute(select(Claim.id).where(Claim.debtor_id == debtor.id)
                                         .order_by(Claim.vervaldatum)).scalars())
        van = reference + dt.timedelta(days=plan.van)
        tot = None if plan.tot is None else reference + dt.timedelta(days=plan.tot)
        proposed_at = dt.datetime.combine(min(van, reference) - dt.timedelta(days=2), dt.time(9, 30), dt.UTC)
        measure = Measure(debtor_id=debtor.id, soort=plan.soort, van=van, tot=tot, herzien_op=None,
                          onderdelen=plan.onderdelen, bedrag=plan.bedrag, reden_code=plan.reden_code,
                          reden=plan.reden, proposed_by=worker, proposed_at=proposed_at)
        session.add(measure)
        session.flush()
        if plan.one_claim and claim_ids:
            session.add(MeasureClaim(measure_id=measure.id, claim_id=claim_ids[0]))
        alone = plan.soort == "eerst_contact"
        decision = _decision(session, "maatwerk", measure.id, debtor, users[worker], proposed_at, plan.reden,
                             soort=plan.soort, alone=alone)
        if plan.status != "open" and not alone:
            _decide(session, decision, users[lead], plan.status, plan.toelichting,
                    proposed_at + dt.timedelta(hours=26))
        if plan.einde is not None:
            einde = reference + dt.timedelta(days=plan.einde)
            asked = dt.datetime.combine(einde - dt.timedelta(days=1), dt.time(10, 0), dt.UTC)
            end = MeasureEnd(measure_id=measure.id, einde=einde, reden=plan.reden, proposed_by=worker,
                             proposed_at=asked)
            session.add(end)
            session.flush()
            ending = _decision(session, "maatwerk_einde", end.id, debtor, users[worker], asked, plan.reden,
                               soort=plan.soort, alone=False)
            _decide(session, ending, users[lead], "goedgekeurd", "Akkoord", asked + dt.timedelta(hours=3))
        added += 1
    session.flush()
    return added


def _decision(session: Session, kind: str, subject_id: int, debtor: object, proposer: int, at: dt.datetime,
              reason: str, *, soort: str, alone: bool) -> Decision:
    row = Decision(kind=kind, soort=soort, subject_id=subject_id, debtor_id=debtor.id,  # type: ignore[attr-defined]
                   team_id=debtor.team_id, proposed_by=proposer, proposed_at=at,  # type: ignore[attr-defined]
                   reason=reason, effect=json.dumps({"uitleg": ["Demogegevens: effect niet berekend"]}),
                   four_eyes=not alone, status="goedgekeurd" if alone else "open",
                   decided_by=proposer if alone else None, decided_at=at if alone else None)
    session.add(row)
    session.flush()
    return row


def _decide(session: Session, row: Decision, decider: int, status: str, note: str | None, at: dt.datetime) -> None:
    row.status = status
    row.decided_by = decider
    row.decided_at = at
    row.toelichting = note
    session.flush()
