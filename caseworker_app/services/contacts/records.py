"""Recording contacts, their bijzondere omstandigheden, referrals and the flags they raise (issue 11).

* :func:`add_contact` -- one unit of work: the contact, its omstandigheden (sensitive table), the flags they raise,
  an optional follow-up task and an optional referral (whose follow-up date becomes a task).  It lands completely or
  not at all.
* :func:`correct_contact` -- a saved contact is never edited: the correction is a new entry with ``corrigeert``.
  Only the newest entry of a chain can be corrected (the database's unique key makes two corrections of one entry
  impossible, also when two officers try at once).
* :func:`omstandigheden_of` -- the omstandigheden of a debtor, for the roles that may see them; every view is logged
  (``services/inzage.read_sensitive``).
* :func:`end_flag`, :func:`mark_risk` -- a flag stays until someone ends it with a reason (a new row).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from caseworker_app.errors import NotFoundError, UserFacingError, ValidationError

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Gesprekspartner, Kanaal, Omstandigheid, Uitkomst, Verwijzing
from caseworker_app.domain.permissions import Permission

from caseworker_app.db.models import ContactEntry, Debtor, DebtorFlag, FlagEnding, OmstandigheidEntry, Referral
from caseworker_app.db.repositories import contacts as repo

from caseworker_app.services import inzage
from caseworker_app.services.contacts import tasks as task_service
from caseworker_app.services.contacts.dto import ContactInfo, FlagInfo, OmstandigheidInfo, ReferralInfo, TaskInfo
from caseworker_app.services.context import Context

E = TypeVar("E", bound=StrEnum)


def today() -> dt.date:
    return dt.datetime.now().astimezone().date()


def code(enum: type[E], value: str | None, field: str) -> E:
    """``value`` as a code of ``enum``, or a one-line Dutch refusal listing the codes."""
    try:
        return vocab.parse_code(enum, value.strip().lower() if isinstance(value, str) else value)
    except ValueError as exc:
        raise ValidationError(
            "invalid_field", field=field, reason=f"'{str(value)[:40]}' is geen bekende code; kies uit {exc}"
        ) from None


def text(value: str | None, field: str, *, required: bool = True) -> str | None:
    try:
        return vocab.clean_text(value, required=required)
    except vocab.TextProblem as exc:
        raise ValidationError("invalid_field", field=field, reason=str(exc)) from None


def contact_date(value: dt.date | None) -> dt.date:
    day = value or today()
    if day > today():
        raise ValidationError("invalid_field", field="datum", reason="een contact kan niet in de toekomst liggen")
    if day < dt.date(1990, 1, 1):
        raise ValidationError("invalid_field", field="datum", reason="kies een datum na 1 januari 1990")
    return day


@dataclass(frozen=True)
class TaskInput:
    """A follow-up task to make with a contact: what, when, for whom (login; None: the officer)."""

    omschrijving: str
    datum: dt.date
    voor: str | None = None
    plek: str = "contacten"


@dataclass(frozen=True)
class ReferralInput:
    naar: str
    toestemming: bool
    opvolgdatum: dt.date
    organisatie: str | None = None


def _debtor(session: Session, debtor_id: int) -> Debtor:
    debtor = session.get(Debtor, debtor_id)
    if debtor is None:
        raise NotFoundError("Schuldenaar", debtor_id)
    return debtor


def _info(entry: ContactEntry, gecorrigeerd_door: int | None = None) -> ContactInfo:
    return ContactInfo(
        id=entry.id,
        debtor_id=entry.debtor_id,
        datum=entry.datum,
        kanaal=entry.kanaal,
        met=entry.met,
        samenvatting=entry.samenvatting,
        uitkomst=entry.uitkomst,
        door=entry.created_by,
        corrigeert=entry.corrigeert,
        gecorrigeerd_door=gecorrigeerd_door,
    )


def raise_flags(
    session: Session, ctx: Context, debtor_id: int, codes: Iterable[str], *, contact_id: int | None, day: dt.date,
    toelichting: str | None = None,
) -> list[int]:
    """Raise each flag code not already raised (and not ended) on the debtor; the ids of the new flags."""
    active = repo.active_flag_codes(session, debtor_id)
    new: list[int] = []
    for flag in dict.fromkeys(codes):
        if flag in active:
            continue
        row = DebtorFlag(debtor_id=debtor_id, code=flag, toelichting=toelichting, contact_id=contact_id,
                         raised_on=day, raised_by=ctx.actor.login)
        session.add(row)
        session.flush()
        active[flag] = row.id
        new.append(row.id)
    return new


def record_contact(
    session: Session,
    ctx: Context,
    debtor_id: int,
    *,
    kanaal: Kanaal,
    samenvatting: str,
    met: Gesprekspartner,
    uitkomst: Uitkomst | None,
    omstandigheden: Sequence[tuple[Omstandigheid, str | None]],
    datum: dt.date,
    corrigeert: int | None = None,
) -> ContactEntry:
    """Insert a contact and its omstandigheden (and raise their flags) inside the caller's unit of work."""
    entry = ContactEntry(debtor_id=debtor_id, datum=datum, kanaal=kanaal.value, met=met.value,
                         samenvatting=samenvatting, uitkomst=uitkomst.value if uitkomst else None,
                         corrigeert=corrigeert, created_by=ctx.actor.login)
    session.add(entry)
    session.flush()
    for omstandigheid, toelichting in omstandigheden:
        session.add(OmstandigheidEntry(debtor_id=debtor_id, contact_id=entry.id, code=omstandigheid.value,
                                       toelichting=toelichting, created_by=ctx.actor.login))
    if omstandigheden:
        session.flush()
        raise_flags(session, ctx, debtor_id, (vocab.flag_code(o) for o, _t in omstandigheden),
                    contact_id=entry.id, day=datum)
    return entry


def parse_omstandigheden(values: Iterable[str | tuple[str, str | None]]) -> list[tuple[Omstandigheid, str | None]]:
    out: list[tuple[Omstandigheid, str | None]] = []
    for value in values:
        raw, toelichting = (value, None) if isinstance(value, str) else value
        item = (code(Omstandigheid, raw, "--omstandigheid"), text(toelichting, "toelichting", required=False))
        if item[0] not in {o for o, _t in out}:
            out.append(item)
    return out


def add_contact(
    ctx: Context,
    debtor_id: int,
    *,
    kanaal: str,
    samenvatting: str,
    met: str | None = None,
    uitkomst: str | None = None,
    omstandigheden: Iterable[str | tuple[str, str | None]] = (),
    datum: dt.date | None = None,
    taak: TaskInput | None = None,
    verwijzing: ReferralInput | None = None,
) -> ContactInfo:
    """Record a contact with everything that came out of it, in one transaction (see the module docstring)."""
    channel = code(Kanaal, kanaal, "--kanaal")
    who = code(Gesprekspartner, met or Gesprekspartner.SCHULDENAAR.value, "--met")
    outcome = code(Uitkomst, uitkomst, "--uitkomst") if uitkomst not in (None, "") else None
    summary = text(samenvatting, "--samenvatting")
    assert summary is not None
    found = parse_omstandigheden(omstandigheden)
    day = contact_date(datum)
    task_input = task_service.check_input(taak) if taak is not None else None
    referral = _check_referral(verwijzing) if verwijzing is not None else None
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="contact.add", action="contact vastleggen") as session:
        _debtor(session, debtor_id)
        entry = record_contact(session, ctx, debtor_id, kanaal=channel, samenvatting=summary, met=who,
                               uitkomst=outcome, omstandigheden=found, datum=day)
        task: TaskInfo | None = None
        if task_input is not None:
            task = task_service.create(session, ctx, debtor_id, task_input, contact_id=entry.id)
        referral_info: ReferralInfo | None = None
        if referral is not None:
            referral_info = _record_referral(session, ctx, debtor_id, entry.id, referral)
        info = _info(entry)
    return ContactInfo(**{**info.__dict__, "omstandigheden": tuple(o.value for o, _t in found), "taak": task,
                          "verwijzing": referral_info})


def _check_referral(value: ReferralInput) -> ReferralInput:
    naar = code(Verwijzing, value.naar, "--verwijzing")
    if value.opvolgdatum < today():
        raise ValidationError("invalid_field", field="opvolgdatum", reason="de datum ligt in het verleden")
    organisatie = text(value.organisatie, "organisatie", required=False)
    return ReferralInput(naar.value, bool(value.toestemming), value.opvolgdatum, organisatie)


def _record_referral(session: Session, ctx: Context, debtor_id: int, contact_id: int,
                     value: ReferralInput) -> ReferralInfo:
    where = vocab.label(Verwijzing(value.naar))
    if value.organisatie:
        where += f" ({value.organisatie})"
    consent = "met toestemming" if value.toestemming else "zonder toestemming om gegevens te delen"
    task = task_service.create(
        session, ctx, debtor_id,
        TaskInput(f"Nagaan of de doorverwijzing naar {where} is gelukt ({consent})", value.opvolgdatum),
        contact_id=contact_id,
    )
    row = Referral(debtor_id=debtor_id, contact_id=contact_id, naar=value.naar, organisatie=value.organisatie,
                   toestemming=value.toestemming, opvolgdatum=value.opvolgdatum, task_id=task.id,
                   created_by=ctx.actor.login)
    session.add(row)
    session.flush()
    return ReferralInfo(row.id, row.naar, row.organisatie, row.toestemming, row.opvolgdatum, row.task_id)


def correct_contact(ctx: Context, contact_id: int, *, samenvatting: str, uitkomst: str | None = None) -> ContactInfo:
    """A new entry correcting ``contact_id`` (the old one stays, both visible).  Only the newest of a chain."""
    summary = text(samenvatting, "--samenvatting")
    assert summary is not None
    outcome = code(Uitkomst, uitkomst, "--uitkomst") if uitkomst else None
    try:
        with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="contact.correct",
                              action="contact corrigeren") as session:
            old = session.get(ContactEntry, contact_id)
            if old is None:
                raise NotFoundError("Contact", contact_id)
            newer = session.execute(
                select(ContactEntry.id).where(ContactEntry.corrigeert == contact_id)
            ).scalar_one_or_none()
            if newer is not None:
                raise UserFacingError("contact_corrected", id=contact_id, newer=newer)
            entry = ContactEntry(debtor_id=old.debtor_id, datum=old.datum, kanaal=old.kanaal, met=old.met,
                                 samenvatting=summary, uitkomst=(outcome.value if outcome else old.uitkomst),
                                 corrigeert=old.id, created_by=ctx.actor.login)
            session.add(entry)
            session.flush()
            return ContactInfo(**{**_info(entry).__dict__, "omstandigheden": ()})
    except UserFacingError as exc:
        if isinstance(exc.__cause__, IntegrityError) or "corrigeert" in str(exc.params.get("detail", "")):
            raise UserFacingError("contact_corrected", id=contact_id, newer="een andere correctie") from None
        raise


def list_contacts(ctx: Context, debtor_id: int) -> list[ContactInfo]:
    """Every contact of the debtor, newest first, corrections included (each names what it corrects)."""
    with ctx.read() as session:
        return [_row_info(row) for row in repo.contact_rows(session, debtor_id)]


def _row_info(row: repo.Row) -> ContactInfo:
    return ContactInfo(id=row.id, debtor_id=row.debtor_id, datum=row.datum, kanaal=row.kanaal, met=row.met,
                       samenvatting=row.samenvatting, uitkomst=row.uitkomst, door=row.created_by,
                       corrigeert=row.corrigeert, created_at=row.created_at, gecorrigeerd_door=row.gecorrigeerd_door)


def may_see_omstandigheden(ctx: Context) -> bool:
    return ctx.can(Permission.RECORD_CONTACT)


def omstandigheden_of(ctx: Context, debtor_id: int) -> list[OmstandigheidInfo]:
    """The debtor's bijzondere omstandigheden (AVG art. 9), for who may see them; the view is logged first."""
    rows = inzage.read_sensitive(ctx, "omstandigheden", debtor_id, Permission.RECORD_CONTACT)
    return [OmstandigheidInfo(id=r["id"], debtor_id=r["debtor_id"], contact_id=r["contact_id"], code=r["code"],
                              toelichting=r["toelichting"], door=r["created_by"]) for r in rows]


def flags_of(ctx: Context, debtor_id: int, *, active_only: bool = False) -> list[FlagInfo]:
    with ctx.read() as session:
        return [flag_info(row) for row in repo.flag_rows(session, debtor_id, active_only=active_only)]


def flag_info(row: repo.Row) -> FlagInfo:
    return FlagInfo(id=row.id, debtor_id=row.debtor_id, code=row.code, label=vocab.flag_label(row.code),
                    toelichting=row.toelichting, raised_on=row.raised_on, raised_by=row.raised_by,
                    ended_on=row.ended_on, ended_by=row.ended_by, reden=row.reden)


def end_flag(ctx: Context, flag_id: int, reden: str) -> FlagInfo:
    """End a flag with a reason (a new row; the flag's history stays)."""
    reason = text(reden, "reden")
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="flag.end", reason=reason,
                          action="markering beëindigen") as session:
        flag = session.get(DebtorFlag, flag_id)
        if flag is None:
            raise NotFoundError("Markering", flag_id)
        if session.execute(select(FlagEnding.id).where(FlagEnding.flag_id == flag_id)).first() is not None:
            raise UserFacingError("flag_ended", id=flag_id)
        session.add(FlagEnding(flag_id=flag_id, reden=reason, ended_on=today(), ended_by=ctx.actor.login))
        session.flush()
        debtor_id = flag.debtor_id
    return next(f for f in flags_of(ctx, debtor_id) if f.id == flag_id)


def mark_risk(ctx: Context, debtor_id: int, reden: str) -> FlagInfo:
    """Mark the debtor "risk to staff" with the reason (shown on every screen of the debtor and the visit list)."""
    reason = text(reden, "reden")
    with ctx.unit_of_work(Permission.RECORD_CONTACT, operation="flag.risk", reason=reason,
                          action="risico markeren") as session:
        _debtor(session, debtor_id)
        if vocab.RISICO in repo.active_flag_codes(session, debtor_id):
            raise UserFacingError("risk_marked")
        raise_flags(session, ctx, debtor_id, [vocab.RISICO], contact_id=None, day=today(), toelichting=reason)
    return next(f for f in flags_of(ctx, debtor_id, active_only=True) if f.code == vocab.RISICO)
