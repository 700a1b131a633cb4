"""Demo data for issue 11: contacts, omstandigheden, flags, referrals, tasks, planned visits and visit reports.

Called by :func:`caseworker_app.services.demo.generate` inside its unit of work, after the debtors and their ledger
are written: deterministic for a seed, dated up to the reference date, and spread so that every screen has something
true to show -- a contact log with a correction chain, flags raised and one ended with a reason, a health
omstandigheid behind the art. 9 flag, a referral with consent and its follow-up task, "Mijn werk" with overdue,
today's and upcoming tasks for every demo caseworker (and for the person who loads the demo), a bailiff's route list
over several postcodes, visit reports (one advising maatwerk, with the caseworker's task), and a debtor marked
"risk to staff" who is on a route list.

Rows are inserted with SQLAlchemy Core and ids assigned here (like the main generator); on PostgreSQL the sequences
are moved past them and the database's triggers audit every row and set ``created_by`` to the loading login.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Omstandigheid, TaskStatus, VisitStatus
from caseworker_app.domain.types import EnforcementStep

from caseworker_app.db.models import (
    Claim,
    ContactEntry,
    Debtor,
    DebtorFlag,
    EnforcementAction,
    FlagEnding,
    OmstandigheidEntry,
    Referral,
    Task,
    TaskEvent,
    User,
    Visit,
    VisitReport,
)

from caseworker_app.services import demo_data as data

ORDER = (ContactEntry, OmstandigheidEntry, DebtorFlag, FlagEnding, Task, TaskEvent, Referral, Visit, VisitReport)
#: Share of debtors with claims who have a contact log.
CONTACT_SHARE = 0.3

_CALLS = (
    ("telefoon_uit", "schuldenaar", "terugbellen",
     "Gebeld na de aanmaning. Mevrouw wist niet dat de aanslag nog openstond; ze kijkt haar post na en belt terug."),
    ("telefoon_in", "schuldenaar", "regeling_afgesproken",
     "Belde zelf over de dwangbevel. Kan niet in één keer betalen; betalingsregeling van 12 maanden besproken."),
    ("telefoon_in", "partner", "informatie_gegeven",
     "Partner belde: uitgelegd wat de aanmaning betekent en hoe een betalingsregeling werkt."),
    ("telefoon_uit", "schuldenaar", "geen_contact", "Twee keer gebeld, geen gehoor. Voicemail ingesproken."),
    ("balie", "schuldenaar", "kwijtschelding_geadviseerd",
     "Kwam langs met de brieven. Leeft van een bijstandsuitkering; geadviseerd kwijtschelding aan te vragen."),
    ("brief", "schuldenaar", None, "Brief gestuurd met uitleg over de openstaande aanslagen en de mogelijkheden."),
    ("email", "schuldenaar", "gegevens_opgevraagd",
     "Via de Berichtenbox gevraagd om loonstroken van de laatste drie maanden."),
    ("telefoon_in", "bewindvoerder", "betaling_toegezegd",
     "Bewindvoerder belde: de bewindvoering loopt sinds kort; betaling van de oudste aanslag is toegezegd."),
    ("intermediair", "schuldhulpverlener", "informatie_gegeven",
     "Schuldhulpverlener vroeg een overzicht van alle schulden; schuldoverzicht gestuurd."),
    ("telefoon_uit", "schuldenaar", "doorverwezen",
     "Gesproken over de toeslagschuld. Meneer heeft meer schulden; met toestemming doorverwezen naar de gemeente."),
)
_OMSTANDIGHEDEN = (
    (Omstandigheid.WERKLOOSHEID, "Sinds drie maanden werkloos; WW aangevraagd."),
    (Omstandigheid.SCHEIDING, "Gaat scheiden; woont tijdelijk bij familie."),
    (Omstandigheid.ZIEKTE, "Langdurig ziek, in behandeling in het ziekenhuis."),
    (Omstandigheid.SCHULDHULP, "Aangemeld bij de schuldhulpverlening van de gemeente."),
    (Omstandigheid.BEWINDVOERING, "Beschermingsbewind uitgesproken; post gaat naar de bewindvoerder."),
    (Omstandigheid.VEEL_SCHULDEISERS, "Noemt schulden bij energie, zorgverzekeraar en telefoonaanbieder."),
    (Omstandigheid.OVERLIJDEN_PARTNER, "Partner is vorig jaar overleden; regelt de zaken nu alleen."),
    (Omstandigheid.LAAGGELETTERDHEID, "Kan de brieven niet goed lezen; liever bellen."),
    (Omstandigheid.GEDUPEERDE_TOESLAGEN, "Erkend gedupeerde van de toeslagenaffaire."),
    (Omstandigheid.PSYCHISCH, "Geeft aan psychisch zwaar te lijden onder de schulden."),
    (Omstandigheid.MANTELZORG, "Zorgt dagelijks voor een ernstig zieke ouder."),
)
_TASKS = (
    "Terugbellen over de betalingsregeling",
    "Loonstroken nakijken en betalingscapaciteit berekenen",
    "Nagaan of de kwijtscheldingsaanvraag binnen is",
    "Schuldoverzicht sturen naar de schuldhulpverlener",
    "Controleren of de eerste termijn is betaald",
    "Bewindvoerder bellen over de toegezegde betaling",
    "Huisbezoek aanvragen bij de deurwaarder",
)


@dataclass
class Added:
    contacts: int = 0
    tasks: int = 0
    visits: int = 0
    reports: int = 0


class _Rows:
    def __init__(self, session: Session) -> None:
        self.rows: dict[Any, list[dict[str, Any]]] = {model: [] for model in ORDER}
        self.next = {
            model: int(session.execute(select(func.max(model.id))).scalar_one() or 0) + 1 for model in ORDER
        }

    def add(self, model: Any, **values: Any) -> int:
        new_id = self.next[model]
        self.next[model] += 1
        self.rows[model].append({"id": new_id, **values})
        return new_id


def generate(session: Session, *, seed: int, reference: dt.date, first_debtor_id: int, last_debtor_id: int,
             loader_login: str, loader_id: int) -> Added:
    rng = random.Random(f"contacts-{seed}")
    users: dict[str, int] = {row[0]: row[1] for row in session.execute(select(User.login, User.id))}
    workers = [users[login] for login in data.CASEWORKER_LOGINS if login in users]
    bailiffs = [users[login] for login, _name, roles in data.DEMO_USERS if "bailiff" in roles and login in users]
    if not workers:
        return Added()
    login_of = {uid: login for login, uid in users.items()}
    # the person loading the demo works cases too (the local profile): give them a share of the work
    workers_for_tasks = [*workers, loader_id] if loader_id not in workers else workers
    debtors: list[Any] = list(session.execute(
        select(Debtor.id, Debtor.postcode)
        .where(Debtor.id.between(first_debtor_id, last_debtor_id), Debtor.id.in_(select(Claim.debtor_id)))
        .order_by(Debtor.id)
    ).all())
    aanmaning = dict(session.execute(
        select(Claim.debtor_id, func.max(EnforcementAction.action_date))
        .join(EnforcementAction, EnforcementAction.claim_id == Claim.id)
        .where(Claim.debtor_id.between(first_debtor_id, last_debtor_id),
               EnforcementAction.step == EnforcementStep.AANMANING.value)
        .group_by(Claim.debtor_id)
    ).all())
    rows = _Rows(session)
    added = Added()
    chosen = [d for d in debtors if rng.random() < CONTACT_SHARE]
    for n, (debtor_id, _postcode) in enumerate(chosen):
        worker = workers[n % len(workers)]
        who = login_of[worker]
        after = aanmaning.get(debtor_id)
        start = after if after is not None and after <= reference else reference - dt.timedelta(days=400)
        span = max((reference - start).days, 0)
        last_contact = None
        for k in range(rng.randint(1, 4)):
            kanaal, met, uitkomst, summary = _CALLS[(n + k * 3) % len(_CALLS)]
            day = start + dt.timedelta(days=rng.randint(0, span)) if span else reference
            contact_id = rows.add(ContactEntry, debtor_id=debtor_id, datum=day, kanaal=kanaal, met=met,
                                  samenvatting=summary, uitkomst=uitkomst, corrigeert=None, created_by=who)
            added.contacts += 1
            last_contact = (contact_id, day, kanaal, met, uitkomst, summary)
        assert last_contact is not None
        contact_id, day, kanaal, met, uitkomst, summary = last_contact
        if n % 9 == 0:  # a correction chain: the summary had the wrong year
            rows.add(ContactEntry, debtor_id=debtor_id, datum=day, kanaal=kanaal, met=met, uitkomst=uitkomst,
                     samenvatting=summary + " (Correctie: het gaat om de aanslag over 2023, niet 2024.)",
                     corrigeert=contact_id, created_by=who)
            added.contacts += 1
        if n % 4 == 0:
            code, note = _OMSTANDIGHEDEN[(n // 4) % len(_OMSTANDIGHEDEN)]
            rows.add(OmstandigheidEntry, debtor_id=debtor_id, contact_id=contact_id, code=code.value,
                     toelichting=note, created_by=who)
            flag_id = rows.add(DebtorFlag, debtor_id=debtor_id, code=vocab.flag_code(code), toelichting=None,
                               contact_id=contact_id, raised_on=day, raised_by=who)
            if n % 20 == 0 and code is Omstandigheid.WERKLOOSHEID:
                rows.add(FlagEnding, flag_id=flag_id, reden="Heeft sinds kort weer werk (contract voor een jaar).",
                         ended_on=min(reference, day + dt.timedelta(days=60)), ended_by=who)
        if n % 3 == 0 or uitkomst == "doorverwezen":
            owner = workers_for_tasks[n % len(workers_for_tasks)]
            due = reference + dt.timedelta(days=rng.randint(-10, 21))
            done = n % 7 == 0 and due < reference
            what = _TASKS[n % len(_TASKS)]
            if uitkomst == "doorverwezen":
                what = "Nagaan of de doorverwijzing naar de gemeente is gelukt (met toestemming)"
            task_id = rows.add(Task, debtor_id=debtor_id, contact_id=contact_id, omschrijving=what, voor_id=owner,
                               datum=due, status=(TaskStatus.GEDAAN if done else TaskStatus.OPEN).value,
                               plek="contacten", created_by=who, done_by=who if done else None,
                               done_at=dt.datetime.combine(due, dt.time(15), dt.UTC) if done else None, version=1)
            rows.add(TaskEvent, task_id=task_id, kind="aangemaakt", van_id=None, naar_id=owner, toelichting=None,
                     door=who)
            if n % 15 == 0 and owner != worker:
                rows.add(TaskEvent, task_id=task_id, kind="overgedragen", van_id=worker, naar_id=owner,
                         toelichting="Overgedragen wegens vakantie", door=who)
            if done:
                rows.add(TaskEvent, task_id=task_id, kind="gedaan", van_id=None, naar_id=None, toelichting=None,
                         door=who)
            added.tasks += 1
            if uitkomst == "doorverwezen":
                rows.add(Referral, debtor_id=debtor_id, contact_id=contact_id, naar="gemeente",
                         organisatie="Schuldhulpverlening van de gemeente", toestemming=True, opvolgdatum=due,
                         task_id=task_id, created_by=who)
    # everyone's "Mijn werk" has something overdue, something for today and something coming up
    for k, owner in enumerate(workers_for_tasks):
        for j, offset in enumerate((-3, 0, 6)):
            if not chosen:
                break
            debtor_id = chosen[(k * 3 + j) % len(chosen)].id
            task_id = rows.add(Task, debtor_id=debtor_id, contact_id=None, omschrijving=_TASKS[(k + j) % len(_TASKS)],
                               voor_id=owner, datum=reference + dt.timedelta(days=offset), status="open",
                               plek="contacten", created_by=login_of[workers[k % len(workers)]], done_by=None,
                               done_at=None, version=1)
            rows.add(TaskEvent, task_id=task_id, kind="aangemaakt", van_id=None, naar_id=owner, toelichting=None,
                     door=login_of[workers[k % len(workers)]])
            added.tasks += 1
    _visits(rows, rng, added, debtors, bailiffs, workers, login_of, reference, loader_id, loader_login)
    _write(session, rows)
    return added


def _visits(rows: _Rows, rng: random.Random, added: Added, debtors: list[Any], bailiffs: list[int],
            workers: list[int], login_of: dict[int, str], reference: dt.date, loader_id: int,
            loader_login: str) -> None:
    if not debtors:
        return
    pool = [d for d in debtors if d.postcode]
    rng.shuffle(pool)
    planners = [*bailiffs, loader_id] if bailiffs else [loader_id]
    risky = pool[0].id if pool else None
    for n, (debtor_id, _postcode) in enumerate(pool[:40]):
        bailiff = planners[n % len(planners)]
        asked_by = login_of[workers[n % len(workers)]]
        if n < 30:  # planned, on a route list
            rows.add(Visit, debtor_id=debtor_id, bailiff_id=bailiff, gepland_op=reference + dt.timedelta(
                days=n % 10), doel="Situatie beoordelen voor beslag", status=VisitStatus.GEPLAND.value,
                created_by=asked_by, version=1)
            added.visits += 1
            continue
        who = login_of.get(bailiff, loader_login)
        day = reference - dt.timedelta(days=rng.randint(1, 40))
        met = n % 3 != 0
        advies = ("maatwerk", "invordering_voortzetten", "doorverwijzen", "stella")[n % 4]
        summary = ("Huisbezoek: schuldenaar aangetroffen" if met else "Huisbezoek: niemand aangetroffen") + \
            f"; advies: {vocab.label(vocab.Advies(advies))}."
        visit_id = rows.add(Visit, debtor_id=debtor_id, bailiff_id=bailiff, gepland_op=day, doel="Huisbezoek",
                            status=VisitStatus.AFGELEGD.value, created_by=asked_by, version=2)
        contact_id = rows.add(ContactEntry, debtor_id=debtor_id, datum=day, kanaal="huisbezoek", met="schuldenaar",
                              samenvatting=summary, uitkomst=None if met else "geen_contact", corrigeert=None,
                              created_by=who)
        rows.add(VisitReport, debtor_id=debtor_id, visit_id=visit_id, contact_id=contact_id, bezocht_op=day,
                 aangetroffen=met, advies=advies,
                 woonsituatie="Huurwoning, netjes maar kaal ingericht" if met else None,
                 huishouden="Alleenstaande moeder met twee jonge kinderen" if met else None,
                 kwetsbaarheid="Maakt een gespannen indruk; zegt niet te slapen van de schulden" if met else None,
                 goederen="Geen goederen van waarde gezien; oude auto voor de deur" if met else None,
                 bevindingen="Beslag op de inboedel levert niets op en raakt de kinderen." if met else
                 "Buren zeggen dat ze overdag werkt; briefje achtergelaten.",
                 created_by=who)
        added.contacts += 1
        added.reports += 1
        if advies == "maatwerk":
            owner = next(uid for uid, login in login_of.items() if login == asked_by)
            task_id = rows.add(Task, debtor_id=debtor_id, contact_id=contact_id,
                               omschrijving="Advies deurwaarder na huisbezoek: maatwerk voorstellen", voor_id=owner,
                               datum=reference + dt.timedelta(days=3), status="open", plek="maatwerk",
                               created_by=who, done_by=None, done_at=None, version=1)
            rows.add(TaskEvent, task_id=task_id, kind="aangemaakt", van_id=None, naar_id=owner, toelichting=None,
                     door=who)
            added.tasks += 1
    if risky is not None:
        rows.add(DebtorFlag, debtor_id=risky, code=vocab.RISICO,
                 toelichting="Dreigde bij het vorige bezoek met geweld; ga met twee collega's.",
                 contact_id=None, raised_on=reference - dt.timedelta(days=90), raised_by=login_of[workers[0]])


def _write(session: Session, rows: _Rows) -> None:
    postgres = session.get_bind().dialect.name == "postgresql"
    for model in ORDER:
        found = rows.rows[model]
        table = cast(Table, model.__table__)
        for start in range(0, len(found), 1000):
            session.execute(insert(table), found[start: start + 1000])
        if postgres and found:
            session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"))
