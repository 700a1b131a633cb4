"""Bailiff home visits: the planned-visit list (sortable by postcode for a route) and the visit report (issue 11).

A visit report is history (append-only) and a contact entry (``huisbezoek``), so the contact log and the ladder's
"personal contact after the aanmaning" see it.  The bailiff's advice sets the follow-up going in the same
transaction: ``maatwerk``, ``stella`` and ``doorverwijzen`` become a task for the caseworker who asked for the visit
(without a planned visit: the debtor's behandelaar, or the caseworker who last spoke with them; else the bailiff),
landing on the right place of the debtor's screen.  A risk the
bailiff met raises the "risk to staff" marking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from caseworker_app.errors import NotFoundError, UserFacingError, ValidationError

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Advies, Gesprekspartner, Kanaal, Uitkomst, VisitStatus
from caseworker_app.domain.permissions import Permission

from caseworker_app.db.models import Debtor, DebtorFlag, Task, User, Visit, VisitReport
from caseworker_app.db.repositories import contacts as repo

from caseworker_app.services.concurrency import lock_for_update
from caseworker_app.services.contacts import records
from caseworker_app.services.contacts import tasks as task_service
from caseworker_app.services.contacts.dto import VisitInfo, VisitReportInfo
from caseworker_app.services.contacts.records import TaskInput
from caseworker_app.services.context import Context
from caseworker_app.services.debtors import display_name, format_address

#: The follow-up task an advice gives the caseworker: (what, where it lands)
FOLLOW_UP: dict[Advies, tuple[str, str]] = {
    Advies.MAATWERK: ("Advies deurwaarder na huisbezoek: maatwerk voorstellen", "maatwerk"),
    Advies.STELLA: ("Advies deurwaarder na huisbezoek: voorleggen aan het Stella-team", "huisbezoek"),
    Advies.DOORVERWIJZEN: ("Advies deurwaarder na huisbezoek: doorverwijzen naar hulp", "huisbezoek"),
}
#: Working days the caseworker gets to act on the bailiff's advice.
FOLLOW_UP_DAYS = 5


def _bailiff(session: Session, login: str | None, ctx: Context) -> User:
    if not login:
        user = session.get(User, ctx.actor.user_id)
        assert user is not None
        return user
    user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
    if user is None or not user.active:
        raise ValidationError("invalid_field", field="--deurwaarder", reason=f"gebruiker '{login[:63]}' is niet bekend")
    if "bailiff" not in {r.role for r in user.roles}:
        raise ValidationError("invalid_field", field="--deurwaarder", reason=f"'{login}' is geen deurwaarder")
    return user


def plan_visit(ctx: Context, debtor_id: int, gepland_op: dt.date, *, bailiff: str | None = None,
               doel: str | None = None) -> VisitInfo:
    """Put a home visit on a bailiff's list (default: the officer's own)."""
    if gepland_op < records.today():
        raise ValidationError("invalid_field", field="--datum", reason="de datum ligt in het verleden")
    if gepland_op > task_service.LAST_DUE_DATE:
        raise ValidationError("invalid_field", field="--datum", reason="kies een datum vóór 2100")
    purpose = records.text(doel, "--doel", required=False)
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="visit.plan", action="huisbezoek plannen") as session:
        if session.get(Debtor, debtor_id) is None:
            raise NotFoundError("Schuldenaar", debtor_id)
        user = _bailiff(session, bailiff, ctx)
        visit = Visit(debtor_id=debtor_id, bailiff_id=user.id, gepland_op=gepland_op, doel=purpose,
                      status=VisitStatus.GEPLAND.value, created_by=ctx.actor.login)
        session.add(visit)
        session.flush()
        visit_id = visit.id
    return next(v for v in planned_visits(ctx, bailiff=None, status=None) if v.id == visit_id)


def planned_visits(ctx: Context, *, bailiff: str | None = "", status: str | None = VisitStatus.GEPLAND.value,
                   sort: str = "postcode") -> list[VisitInfo]:
    """The visit list: ``bailiff`` "" = mine, None = everyone's; sorted by postcode (a route) or date."""
    who = aliased(User)
    with ctx.read() as session:
        stmt = (
            select(Visit, Debtor, who.login)
            .join(Debtor, Debtor.id == Visit.debtor_id)
            .join(who, who.id == Visit.bailiff_id)
        )
        if bailiff == "":
            stmt = stmt.where(Visit.bailiff_id == ctx.actor.user_id)
        elif bailiff is not None:
            stmt = stmt.where(who.login == bailiff)
        if status is not None:
            stmt = stmt.where(Visit.status == status)
        if sort == "postcode":
            stmt = stmt.order_by(Debtor.postcode, Debtor.huisnummer, Visit.gepland_op, Visit.id)
        else:
            stmt = stmt.order_by(Visit.gepland_op, Debtor.postcode, Visit.id)
        rows = session.execute(stmt).all()
        risk = repo.risk_debtors(session, sorted({d.id for _v, d, _l in rows})) if rows else {}
        return [
            VisitInfo(id=v.id, debtor_id=d.id, bsn=d.bsn, debtor_name=display_name(d), address=format_address(d),
                      postcode=d.postcode, gepland_op=v.gepland_op, bailiff=login, doel=v.doel, status=v.status,
                      risico=risk.get(d.id), version=v.version)
            for v, d, login in rows
        ]


def report_visit(
    ctx: Context,
    debtor_id: int,
    *,
    aangetroffen: bool,
    advies: str,
    bevindingen: str | None = None,
    risico: str | None = None,
    woonsituatie: str | None = None,
    huishouden: str | None = None,
    kwetsbaarheid: str | None = None,
    goederen: str | None = None,
    omstandigheden: Iterable[str | tuple[str, str | None]] = (),
    visit_id: int | None = None,
    bezocht_op: dt.date | None = None,
) -> VisitReportInfo:
    """The bailiff's report (only roles that record enforcement); lands completely or not at all."""
    advice = records.code(Advies, advies, "--advies")
    texts = {name: records.text(value, f"--{name}", required=False) for name, value in (
        ("bevindingen", bevindingen), ("risico", risico), ("woonsituatie", woonsituatie),
        ("huishouden", huishouden), ("kwetsbaarheid", kwetsbaarheid), ("goederen", goederen))}
    found = records.parse_omstandigheden(omstandigheden)
    day = records.contact_date(bezocht_op)
    summary = _summary(aangetroffen, advice, texts["bevindingen"])
    with ctx.unit_of_work(Permission.RECORD_ENFORCEMENT, operation="visit.report",
                          action="huisbezoek rapporteren") as session:
        if session.get(Debtor, debtor_id) is None:
            raise NotFoundError("Schuldenaar", debtor_id)
        asked_by: str | None = None
        if visit_id is not None:
            visit = lock_for_update(session, Visit, visit_id, entity="Huisbezoek")
            if visit.debtor_id != debtor_id:
                raise ValidationError("invalid_field", field="--bezoek", reason="dit bezoek hoort bij een ander")
            if visit.status != VisitStatus.GEPLAND.value:
                raise UserFacingError("visit_closed", id=visit_id)
            visit.status = VisitStatus.AFGELEGD.value
            asked_by = visit.created_by
        else:
            mine = _open_visit_of_mine(session, ctx, debtor_id)
            if mine is not None:
                mine.status = VisitStatus.AFGELEGD.value
                visit_id, asked_by = mine.id, mine.created_by
        entry = records.record_contact(
            session, ctx, debtor_id, kanaal=Kanaal.HUISBEZOEK, samenvatting=summary,
            met=Gesprekspartner.SCHULDENAAR, uitkomst=None if aangetroffen else Uitkomst.GEEN_CONTACT,
            omstandigheden=found, datum=day)
        report = VisitReport(debtor_id=debtor_id, visit_id=visit_id, contact_id=entry.id, bezocht_op=day,
                             aangetroffen=aangetroffen, advies=advice.value, woonsituatie=texts["woonsituatie"],
                             huishouden=texts["huishouden"], kwetsbaarheid=texts["kwetsbaarheid"],
                             goederen=texts["goederen"], bevindingen=texts["bevindingen"],
                             created_by=ctx.actor.login)
        session.add(report)
        session.flush()
        follow_up: list[str] = []
        if texts["risico"] and records.raise_flags(session, ctx, debtor_id, [vocab.RISICO], contact_id=entry.id,
                                                   day=day, toelichting=texts["risico"]):
            follow_up.append("risico_gemarkeerd")
        task = None
        if advice in FOLLOW_UP:
            what, place = FOLLOW_UP[advice]
            owner = _user_id(session, asked_by) or _caseworker_of(session, debtor_id, ctx) or ctx.actor.user_id
            task = task_service.create(
                session, ctx, debtor_id, TaskInput(what, _working_days_after(day, FOLLOW_UP_DAYS), plek=place),
                contact_id=entry.id, voor_id=owner)
            follow_up.append(f"taak:{task.id}")
        return _report_info(report, tuple(follow_up), task)


def _open_visit_of_mine(session: Session, ctx: Context, debtor_id: int) -> Visit | None:
    found = session.execute(
        select(Visit.id).where(Visit.debtor_id == debtor_id, Visit.bailiff_id == ctx.actor.user_id,
                               Visit.status == VisitStatus.GEPLAND.value).order_by(Visit.gepland_op).limit(1)
    ).scalar_one_or_none()
    return lock_for_update(session, Visit, found, entity="Huisbezoek") if found is not None else None


def _caseworker_of(session: Session, debtor_id: int, ctx: Context) -> int | None:
    """Who handles the debtor's case: the behandelaar once teams record one, else who last spoke with them."""
    from caseworker_app.db.models import ContactEntry, UserRole

    debtor = session.get(Debtor, debtor_id)
    behandelaar = getattr(debtor, "behandelaar_id", None)
    if behandelaar:
        return int(behandelaar)
    return session.execute(
        select(User.id)
        .join(ContactEntry, ContactEntry.created_by == User.login)
        .join(UserRole, UserRole.user_id == User.id)
        .where(ContactEntry.debtor_id == debtor_id, ContactEntry.kanaal != Kanaal.HUISBEZOEK.value,
               User.active.is_(True), UserRole.role == "caseworker", User.id != ctx.actor.user_id)
        .order_by(ContactEntry.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def _user_id(session: Session, login: str | None) -> int | None:
    if not login:
        return None
    return session.execute(select(User.id).where(User.login == login, User.active.is_(True))).scalar_one_or_none()


def _working_days_after(day: dt.date, days: int) -> dt.date:
    out = max(day, records.today())
    while days:
        out += dt.timedelta(days=1)
        if out.weekday() < 5:
            days -= 1
    return out


def _summary(aangetroffen: bool, advice: Advies, bevindingen: str | None) -> str:
    head = "Huisbezoek: " + ("schuldenaar aangetroffen" if aangetroffen else "niemand aangetroffen")
    head += f"; advies: {vocab.label(advice)}."
    return f"{head}\n{bevindingen}" if bevindingen else head


def _report_info(r: VisitReport, follow_up: tuple[str, ...] = (), task: Any = None) -> VisitReportInfo:
    return VisitReportInfo(id=r.id, debtor_id=r.debtor_id, visit_id=r.visit_id, contact_id=r.contact_id,
                           bezocht_op=r.bezocht_op, aangetroffen=r.aangetroffen, advies=r.advies,
                           woonsituatie=r.woonsituatie, huishouden=r.huishouden, kwetsbaarheid=r.kwetsbaarheid,
                           goederen=r.goederen, bevindingen=r.bevindingen, door=r.created_by, opvolging=follow_up,
                           taak=task)


def reports_of(ctx: Context, debtor_id: int) -> list[VisitReportInfo]:
    with ctx.read() as session:
        return [_report_info(r) for r in repo.visit_report_rows(session, debtor_id)]


def get_report(ctx: Context, report_id: int) -> VisitReportInfo:
    with ctx.read() as session:
        report = session.get(VisitReport, report_id)
        if report is None:
            raise NotFoundError("Bezoekverslag", report_id)
        return _report_info(report)


def visit_report_data(ctx: Context, report_id: int) -> Any:
    """The printable report's data (``reports/visit_report.py``): no special personal data, only that it exists."""
    from caseworker_app.reports.visit_report import VisitReportData

    with ctx.read() as session:
        report = session.get(VisitReport, report_id)
        if report is None:
            raise NotFoundError("Bezoekverslag", report_id)
        debtor = session.get(Debtor, report.debtor_id)
        assert debtor is not None
        bailiff = session.execute(select(User.display_name).where(User.login == report.created_by)).scalar()
        risk = repo.risk_debtors(session, [debtor.id]).get(debtor.id)
        follow_up = session.execute(
            select(Task.omschrijving, User.display_name).join(User, User.id == Task.voor_id)
            .where(Task.contact_id == report.contact_id).order_by(Task.id)
        ).first()
        recorded = session.execute(
            select(func.count()).select_from(DebtorFlag).where(DebtorFlag.contact_id == report.contact_id,
                                                               DebtorFlag.code.like(vocab.FLAG_PREFIX + "%"))
        ).scalar_one()
        return VisitReportData(
            report_id=report.id, debtor_name=display_name(debtor), bsn=debtor.bsn, address=format_address(debtor),
            bezocht_op=report.bezocht_op, bailiff=bailiff or report.created_by, aangetroffen=report.aangetroffen,
            advies=vocab.label(Advies(report.advies)), woonsituatie=report.woonsituatie, huishouden=report.huishouden,
            kwetsbaarheid=report.kwetsbaarheid, goederen=report.goederen, bevindingen=report.bevindingen,
            risico=risk, opvolging=f"Taak voor {follow_up[1]}: {follow_up[0]}" if follow_up else None,
            omstandigheden_vastgelegd=bool(recorded),
        )


def write_visit_report(ctx: Context, report_id: int, target: str, *, force: bool = False) -> Path:
    """The printable visit report as a PDF at ``target``; the file exists if and only if its audit row committed."""
    from caseworker_app.reports.visit_report import render_visit_report

    from caseworker_app.services import audit, output

    data = visit_report_data(ctx, report_id)
    issued = records.today()
    with output.staged_file(
        target, lambda fh: render_visit_report(data, fh, issued_on=issued), force=force,
        protect=output.database_files(ctx.db),
    ) as staged, ctx.unit_of_work(Permission.VIEW_CASES, operation="report.bezoekverslag") as session:
        audit.record(session, "report.bezoekverslag", "visit_reports", report_id, None,
                     {"file": str(staged.real), "issued_on": issued})
        session.flush()
        return staged.publish()
