"""The decision letter about a measure: its data in plain Dutch (``reports/besluit.py`` draws it) and writing the
PDF together with the audit row that says it was made (the file exists if and only if its row was committed)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import IO

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.maatwerk import Status
from caseworker_app.domain.money import format_eur
from caseworker_app.domain.permissions import Permission

from caseworker_app.reports.besluit import BesluitData, render_besluit, render_to_bytes

from caseworker_app.services import audit, output, position
from caseworker_app.services.context import Context
from caseworker_app.services.maatwerk.dto import MeasureDTO
from caseworker_app.services.maatwerk.service import get_measure

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")

#: what the soort is called in a letter ("een invorderingspauze")
_NAMES = {
    "invorderingspauze": "een pauze in de invordering",
    "geen_dwang": "het stoppen van dwanginvordering",
    "geen_verrekening": "het niet verrekenen van geld dat wij u betalen",
    "kosten_vermindering": "het kwijtschelden van kosten",
    "rente_vermindering": "het kwijtschelden van invorderingsrente",
    "niet_stuiten": "het niet verlengen van de termijn waarin wij uw schuld mogen innen",
    "stuiten": "het verlengen van de termijn waarin wij uw schuld mogen innen",
    "bvv_verhoging": "een hogere beslagvrije voet",
    "buiten_invordering": "het niet meer innen van uw schuld",
    "eerst_contact": "eerst contact met u, voordat wij een volgende stap zetten",
}

_PAUZE = {
    "dwang": "Wij nemen geen stappen om uw schuld af te dwingen, zoals een dwangbevel of beslag.",
    "contact": "Wij vragen u in deze periode niet om te betalen.",
    "rente": "Over deze periode rekenen wij geen invorderingsrente.",
    "kosten": "Er komen in deze periode geen nieuwe kosten bij.",
}


def long_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _meaning(m: MeasureDTO) -> tuple[str, ...]:
    amount = format_eur(m.bedrag) if m.bedrag is not None else None
    if m.soort == "invorderingspauze":
        lines = [_PAUZE[o] for o in (m.onderdelen or tuple(_PAUZE))]
        return (*lines, "Betaalt u toch? Dan halen wij dat gewoon van uw schuld af.")
    return {
        "geen_dwang": ("Wij nemen geen nieuwe stappen om uw schuld af te dwingen, zoals een dwangbevel of beslag.",
                       "Uw schuld blijft bestaan. U kunt altijd betalen."),
        "geen_verrekening": ((f"Geld dat wij u moeten betalen, zoals een teruggaaf of toeslag, verrekenen wij "
                              f"ten hoogste tot {amount} per maand met uw schuld.") if amount else
                             "Geld dat wij u moeten betalen, zoals een teruggaaf of toeslag, verrekenen wij niet "
                             "met uw schuld. U krijgt het gewoon uitbetaald.",),
        "kosten_vermindering": (f"U hoeft {amount} aan kosten niet te betalen." if amount else
                                "U hoeft de kosten die bij uw schuld zijn gekomen niet te betalen.",),
        "rente_vermindering": (f"U hoeft {amount} aan invorderingsrente niet te betalen." if amount else
                               "U hoeft de invorderingsrente niet te betalen.",),
        "niet_stuiten": ("Wij verlengen de termijn niet waarin wij uw schuld mogen innen. Na die termijn hoeft u "
                         "de schuld niet meer te betalen.",),
        "stuiten": ("Wij verlengen de termijn waarin wij uw schuld mogen innen. U moet de schuld dus nog "
                    "betalen.",),
        "bvv_verhoging": (f"Het deel van uw inkomen dat wij altijd met rust laten (de beslagvrije voet) gaat "
                          f"omhoog met {amount} per maand.",),
        "buiten_invordering": ("Wij vragen u niet meer om deze schuld te betalen en zetten er geen stappen meer "
                               "voor.",),
        "eerst_contact": ("Wij zetten pas een volgende stap nadat wij met u hebben gesproken.",),
    }.get(m.soort, ())


def _period(van: dt.date, tot: dt.date | None) -> str:
    return f"vanaf {long_date(van)}" if tot is None else f"van {long_date(van)} tot en met {long_date(tot)}"


def besluit_data(ctx: Context, measure_id: int, *, today: dt.date | None = None) -> BesluitData:
    """The letter's data for a decided measure; a measure still waiting for a decision has no letter."""
    day = today or position.today()
    m = get_measure(ctx, measure_id, today=day)
    if m.status in (Status.VOORGESTELD, Status.TERUGGESTUURD) or m.decision is None:
        raise UserFacingError("maatwerk_state", id=m.id, status=m.status_label, action="een besluitbrief maken",
                              needed="besloten")
    pos = position.get_position(ctx, m.debtor_id, day)
    letter = position.schuldoverzicht_data(pos)
    described = {c.reference: c.omschrijving for c in letter.claims}
    refs = m.vorderingen
    claims = tuple(f"{r}: {described.get(r, 'vordering')}" for r in refs) if refs else (
        "al uw schulden bij de Belastingdienst en Dienst Toeslagen",)
    name = _NAMES.get(m.soort, m.soort_label)
    reden = m.reden_label[0].lower() + m.reden_label[1:]
    d = m.decision
    ended = next((e for e in m.ends if e.decision is not None and e.decision.status == "goedgekeurd"), None)
    vervolg: tuple[str, ...]
    if m.status is Status.AFGEWEZEN:
        onderwerp = f"Besluit over uw verzoek: {m.soort_label}"
        besluit = f"Wij hebben besloten dat {name} niet doorgaat."
        waarom = d.toelichting or "Uw situatie geeft volgens ons geen reden om af te wijken van de gewone invordering."
        meaning: tuple[str, ...] = ("De invordering gaat op de gewone manier verder.",)
        periode = None
        vervolg = ("Kunt u niet (alles) betalen? Vraag dan een betalingsregeling of kwijtschelding aan.",
                   "Verandert uw situatie, of bent u het niet eens met dit besluit? Neem dan contact met ons op.")
    elif ended is not None and m.status is Status.BEEINDIGD:
        onderwerp = f"Besluit: {m.soort_label} stopt"
        besluit = f"Wij hebben besloten dat {name} eerder stopt dan afgesproken: de laatste dag is " \
                  f"{long_date(ended.einde)}."
        waarom = ended.reden
        meaning = ("Na deze datum gaat de invordering op de gewone manier verder.",)
        periode = None
        vervolg = ("Kunt u niet (alles) betalen? Neem dan contact met ons op. Dan kijken wij samen wat kan.",)
    else:
        onderwerp = f"Besluit over uw situatie: {m.soort_label}"
        besluit = f"Wij hebben besloten tot {name}."
        if d.voorwaarde:
            besluit += f" Daarbij geldt: {d.voorwaarde}"
        waarom = f"Wij houden rekening met uw situatie: {reden}."
        meaning = _meaning(m)
        periode = _period(m.van, m.werkt_tot)
        vervolg = ("Verandert uw situatie in deze periode? Laat het ons weten.",)
        review = m.herzien_op or m.werkt_tot
        if review is not None:
            vervolg = (f"Rond {long_date(review)} kijken wij opnieuw naar uw situatie.", *vervolg)
    return BesluitData(
        name=letter.name, address_lines=letter.address_lines, identifier_label=letter.identifier_label,
        identifier=letter.identifier, datum=day, kenmerk=f"Maatwerk {m.id}", onderwerp=onderwerp, besluit=besluit,
        periode=periode, vorderingen=claims, betekenis=meaning, waarom=waarom, vervolg=vervolg,
    )


def besluit_pdf(ctx: Context, measure_id: int, *, today: dt.date | None = None) -> bytes:
    """The letter as PDF bytes (the GUI's preview); saving it goes through :func:`save_besluit`."""
    return render_to_bytes(besluit_data(ctx, measure_id, today=today))


def write_besluit(ctx: Context, measure_id: int, target: str | os.PathLike[str], *, force: bool = False,
                  today: dt.date | None = None) -> Path:
    """Render the decision letter to ``target`` and audit it, in one step (``services/output.py`` file rules)."""
    ctx.require(Permission.VIEW_CASES)
    data = besluit_data(ctx, measure_id, today=today)
    return _publish(ctx, measure_id, data.datum, target, lambda fh: render_besluit(data, fh), force=force)


def save_besluit(ctx: Context, measure_id: int, pdf: bytes, target: str | os.PathLike[str], *,
                 issued_on: dt.date, force: bool = False) -> Path:
    ctx.require(Permission.VIEW_CASES)

    def write(fh: IO[bytes]) -> None:
        fh.write(pdf)

    return _publish(ctx, measure_id, issued_on, target, write, force=force)


def _publish(ctx: Context, measure_id: int, issued_on: dt.date, target: str | os.PathLike[str],
             render: object, *, force: bool) -> Path:
    with output.staged_file(target, render, force=force,  # type: ignore[arg-type]
                            protect=output.database_files(ctx.db)) as staged, \
            ctx.unit_of_work(Permission.VIEW_CASES, operation="report.besluit") as session:
        audit.record(session, "report.besluit", "measures", measure_id, None,
                     {"issued_on": issued_on, "file": str(staged.real)})
        session.flush()
        return staged.publish()
