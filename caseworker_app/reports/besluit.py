"""The decision letter (besluit) about a maatwerk measure, to the debtor: plain Dutch, one or two pages A4.

Input is :class:`BesluitData`, plain frozen data the services build from a decided measure
(``services/maatwerk/letter.py``); this module imports only the domain and the fonts.  The wording is for the
citizen: what we decided, for which debts, from when until when, what it means for them, why, and what they can
do.  No codes, no parameter names.  Layout and fonts as the schuldoverzicht (DejaVu Sans embedded).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from caseworker_app.domain.money import format_date

from caseworker_app.reports.fonts import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#154273")
RULE = colors.HexColor("#b8c4d0")


@dataclass(frozen=True)
class BesluitData:
    """Everything the letter says (built by ``services/maatwerk/letter.py``)."""

    name: str
    address_lines: tuple[str, ...]
    identifier_label: str  # "BSN" or "RSIN"
    identifier: str | None
    datum: date  # the date of the letter
    kenmerk: str  # "Maatwerk 12"
    onderwerp: str  # "Besluit over uw verzoek: invorderingspauze"
    besluit: str  # one sentence: what we decided
    periode: str | None  # "van 1 november 2026 tot en met 31 januari 2027"
    vorderingen: tuple[str, ...]  # "IB-2024-001 (inkomstenbelasting)", or ("al uw schulden bij ons",)
    betekenis: tuple[str, ...]  # what it means for the citizen, one point a line
    waarom: str  # the reason in plain words
    vervolg: tuple[str, ...]  # what happens next / what they can do
    contact: str = ("Heeft u vragen? Bel de BelastingTelefoon: 0800 - 0543 (gratis, maandag tot en met vrijdag van "
                    "8.00 tot 17.00 uur). Houd dit kenmerk bij de hand.")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _styles() -> dict[str, ParagraphStyle]:
    fonts = register_fonts()
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=10.5, leading=15, textColor=INK)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName=fonts.bold, fontSize=16, leading=21, textColor=ACCENT,
                                spaceBefore=10 * mm, spaceAfter=4 * mm),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.bold, fontSize=12, leading=16, textColor=ACCENT,
                             spaceBefore=5 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        "body": ParagraphStyle("body", parent=base, spaceAfter=2 * mm),
        "bold": ParagraphStyle("bold", parent=base, fontName=fonts.bold, spaceAfter=2 * mm),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
    }


def _bullets(lines: tuple[str, ...], st: ParagraphStyle) -> ListFlowable:
    return ListFlowable([ListItem(Paragraph(_esc(line), st), leftIndent=12) for line in lines],
                        bulletType="bullet", start="•", leftIndent=12, bulletFontName=st.fontName)


def build_story(data: BesluitData) -> list[object]:
    st = _styles()
    left = [Paragraph(_esc(data.name), st["base"]), *(Paragraph(_esc(x), st["base"]) for x in data.address_lines)]
    right_lines = [f"Datum: {format_date(data.datum)}", f"Kenmerk: {data.kenmerk}"]
    if data.identifier:
        right_lines.append(f"{data.identifier_label}: {data.identifier}")
    head = Table([[left, [Paragraph(_esc(x), st["base"]) for x in right_lines]]],
                 colWidths=[CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.4])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[object] = [head, Paragraph(_esc(data.onderwerp), st["title"])]
    story.append(Paragraph(f"Beste {_esc(data.name)},", st["body"]))
    story.append(Paragraph(_esc(data.besluit), st["bold"]))
    if data.periode:
        story.append(Paragraph(f"Dit geldt {_esc(data.periode)}.", st["body"]))
    story.append(Paragraph("Voor welke schulden?", st["h2"]))
    story.append(_bullets(data.vorderingen, st["body"]))
    if data.betekenis:
        story.append(Paragraph("Wat betekent dit voor u?", st["h2"]))
        story.append(_bullets(data.betekenis, st["body"]))
    story.append(Paragraph("Waarom?", st["h2"]))
    story.append(Paragraph(_esc(data.waarom), st["body"]))
    if data.vervolg:
        story.append(Paragraph("Wat kunt u doen?", st["h2"]))
        story.append(_bullets(data.vervolg, st["body"]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(_esc(data.contact), st["body"]))
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph("Met vriendelijke groet,", st["body"]))
    story.append(Paragraph("Belastingdienst / Dienst Toeslagen, afdeling invordering", st["body"]))
    return story


def render_besluit(data: BesluitData, target: str | Path | IO[bytes]) -> None:
    out: str | IO[bytes] = str(target) if isinstance(target, str | Path) else target
    fonts = register_fonts()

    def footer(c: Canvas, _doc: object) -> None:
        c.saveState()
        c.setFont(fonts.regular, 8)
        c.setFillColor(MUTED)
        c.drawString(MARGIN, 12 * mm, f"{data.kenmerk} — {format_date(data.datum)}")
        c.drawRightString(PAGE_WIDTH - MARGIN, 12 * mm, f"pagina {c.getPageNumber()}")
        c.restoreState()

    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=22 * mm,
        title=f"{data.onderwerp} ({data.kenmerk})", author="Belastingdienst / Dienst Toeslagen",
        subject="Besluit over maatwerk bij de invordering", creator="Caseworker", lang="nl-NL",
        displayDocTitle=True, invariant=True, initialFontName=fonts.regular,
    )
    doc.build(build_story(data), onFirstPage=footer, onLaterPages=footer)


def render_to_bytes(data: BesluitData) -> bytes:
    buffer = io.BytesIO()
    render_besluit(data, buffer)
    return buffer.getvalue()
