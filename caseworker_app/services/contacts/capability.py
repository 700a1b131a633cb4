"""The contacts capability: what contacts, flags, tasks and visits add to every debt position (issue 11).

* **ladder fact**: every current (not corrected) personal contact -- phone, counter, home visit -- becomes a
  :class:`~caseworker_app.domain.rules.ladder.Contact` of ``ExtensionFacts.contacten``, so the guard "personal
  contact after the aanmaning" before vordering, beslag and executie is met by what was recorded
  (:func:`caseworker_app.domain.contacts.ladder_contact` decides what counts and whether the debtor was reached);
* **flags**: the flags raised by omstandigheden and the risk-to-staff marking, until ended;
* **timeline**: contacts, home visits and flags raised or ended;
* **JSON sections** ``contacts`` (with corrections), ``tasks``, ``visits`` (the visit reports) and
  ``visits_planned``;
* **change token**: a new contact, flag, task change or visit makes open workspaces refresh.

Nothing here reads ``omstandigheden`` (special personal data): the case document gets them from
``commands/debtor.py`` through the logged inzage, and only for the roles that may see them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from caseworker_app.domain import contacts as vocab
from caseworker_app.domain.contacts import Advies, Gesprekspartner, Kanaal, Uitkomst
from caseworker_app.domain.money import format_date
from caseworker_app.domain.rules.ladder import Contact

from caseworker_app.db.repositories import contacts as repo

from caseworker_app.services.capabilities import Capabilities
from caseworker_app.services.changes import TokenSource
from caseworker_app.services.contacts.tasks import info_of
from caseworker_app.services.position.dto import Flag, TimelineEvent
from caseworker_app.services.position.extensions import ExtensionFacts

TIMELINE = {"contact": "Contacten", "huisbezoek": "Huisbezoeken", "markering": "Markeringen"}
_KANAAL = {k.value: vocab.label(k) for k in Kanaal}
_MET = {m.value: vocab.label(m) for m in Gesprekspartner}
_UITKOMST = {u.value: vocab.label(u) for u in Uitkomst}
_ADVIES = {a.value: vocab.label(a) for a in Advies}


def install(registry: Capabilities) -> None:
    registry.add_position_extension("contacts", extension)
    for n, _part in enumerate(repo.change_marker(0)):
        registry.add_token_source(f"contacts.{n}", _token_part(n))
    for kind, label in TIMELINE.items():
        registry.add_timeline_kind(kind, label)


def _token_part(n: int) -> TokenSource:
    def source(debtor_id: Any) -> Any:
        return repo.change_marker(debtor_id)[n].scalar_subquery()

    return source


def _first_line(value: str, limit: int = 160) -> str:
    line = value.strip().splitlines()[0] if value.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def extension(session: Session, debtor_id: int, as_of: dt.date) -> ExtensionFacts:
    rows = repo.contact_rows(session, debtor_id, as_of)
    ladder: list[Contact] = []
    timeline: list[TimelineEvent] = []
    contacts_json: list[dict[str, Any]] = []
    make_contact = vocab.ladder_contact
    event = TimelineEvent
    kanaal_label, met_label, uitkomst_label = _KANAAL, _MET, _UITKOMST
    add_json, add_event, add_fact = contacts_json.append, timeline.append, ladder.append
    huisbezoek = Kanaal.HUISBEZOEK.value
    for row in rows:  # unpacked by position: a debtor can have thousands of contacts
        (cid, _debtor, datum, kanaal, met, samenvatting, uitkomst, door, corrigeert, created_at, newer) = row
        current = newer is None
        if current:
            fact = make_contact(kanaal, met, uitkomst, datum)
            if fact is not None:
                add_fact(fact)
            if kanaal != huisbezoek:
                add_event(event(datum, "contact", f"Contact: {kanaal_label.get(kanaal, kanaal).capitalize()}",
                                f"met {met_label.get(met, met)}"
                                + (f" — {uitkomst_label[uitkomst]}" if uitkomst else "")
                                + f": {_first_line(samenvatting)}"))
        add_json({
            "id": cid,
            "datum": datum.isoformat(),
            "kanaal": kanaal,
            "met": met,
            "samenvatting": samenvatting,
            "uitkomst": uitkomst,
            "door": door,
            "corrigeert": corrigeert,
            "gecorrigeerd_door": newer,
            "actueel": current,
            "vastgelegd_op": created_at,
            "omstandigheden": None,  # special personal data: filled in by a logged inzage, for the roles allowed
        })
    flags: list[Flag] = []
    for f in repo.flag_rows(session, debtor_id):
        label = vocab.flag_label(f.code)
        if f.raised_on <= as_of:
            timeline.append(event(f.raised_on, "markering", f"Markering: {label}", f.toelichting or ""))
        if f.ended_on is not None and f.ended_on <= as_of:
            timeline.append(event(f.ended_on, "markering", f"Markering beëindigd: {label}", f.reden or ""))
            continue
        if f.raised_on > as_of:
            continue
        detail = f.toelichting if f.code == vocab.RISICO and f.toelichting else vocab.flag_detail(f.code)
        detail += f" (sinds {format_date(f.raised_on)}, {f.raised_by})"
        flags.append(Flag(f.code, label, detail, severity="warning"))
    tasks_json = []
    for t in repo.task_rows(session, debtor_id):
        info = info_of(t)
        tasks_json.append({"id": info.id, "omschrijving": info.omschrijving, "datum": info.datum.isoformat(),
                           "voor": info.voor, "voor_naam": info.voor_naam, "status": info.status,
                           "plek": info.plek, "contact_id": info.contact_id,
                           "te_laat": info.status == "open" and info.datum < as_of})
    planned = [{"id": v.id, "gepland_op": v.gepland_op.isoformat(), "status": v.status, "doel": v.doel,
                "deurwaarder": v.bailiff} for v in repo.visit_rows(session, debtor_id)]
    reports = []
    for v in repo.visit_report_rows(session, debtor_id):
        if v.bezocht_op > as_of:
            continue
        reports.append({"id": v.id, "bezoek_id": v.visit_id, "contact_id": v.contact_id,
                        "bezocht_op": v.bezocht_op.isoformat(), "aangetroffen": v.aangetroffen,
                        "advies": v.advies, "woonsituatie": v.woonsituatie, "huishouden": v.huishouden,
                        "kwetsbaarheid": v.kwetsbaarheid, "goederen": v.goederen, "bevindingen": v.bevindingen,
                        "door": v.created_by})
        timeline.append(event(v.bezocht_op, "huisbezoek",
                              "Huisbezoek: " + ("aangetroffen" if v.aangetroffen else "niemand aangetroffen"),
                              f"advies {_ADVIES.get(v.advies, v.advies)}"
                              + (f": {_first_line(v.bevindingen)}" if v.bevindingen else "")))
    return ExtensionFacts(
        flags=tuple(flags),
        timeline=tuple(timeline),
        contacten=tuple(ladder),
        sections={"contacts": contacts_json, "tasks": tasks_json, "visits": reports, "visits_planned": planned},
    )
