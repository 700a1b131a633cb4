"""The bailiff's printable visit report (bezoekverslag huisbezoek), A4, for the case file (issue 11).

Input is :class:`VisitReportData`, plain frozen data the service builds from a saved visit report; this module
imports only the domain and reportlab.  DejaVu Sans is embedded (every name and the text as typed -- emoji aside,
which the font lacks -- stays real, searchable text); long findings flow over pages, with "pagina X van Y".
Special personal data (bijzondere omstandigheden) is not printed: the report names that a special category was
recorded, never which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from caseworker_app.domain.money import format_date

from caseworker_app.reports.fonts import register_fonts
from caseworker_app.reports.schuldoverzicht import _NumberedCanvas, a4_document

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
ACCENT = colors.HexColor("#154273")
WARN = colors.HexColor("#a4262c")
RULE = colors.HexColor("#b8c4d0")


@dataclass(frozen=True)
class VisitReportData:
    report_id: int
    debtor_name: str
    bsn: str | None
    address: str
    bezocht_op: date
    bailiff: str
    aangetroffen: bool
    advies: str  # the Dutch label
    woonsituatie: str | None
    huishouden: str | None
    kwetsbaarheid: str | None
    goederen: str | None
    bevindingen: str | None
    risico: str | None = None  # the risk-to-staff reason, if the debtor is marked
    opvolging: str | None = None  # what the advice set going, in one Dutch line
    omstandigheden_vastgelegd: bool = False


def _styles() -> dict[str, ParagraphStyle]:
    fonts = register_fonts()
    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=14)
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=fonts.bold, fontSize=16, leading=20, textColor=ACCENT, spaceAfter=4 * mm
        ),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=fonts.bold,
            fontSize=11,
            leading=15,
            textColor=ACCENT,
            spaceBefore=4 * mm,
            spaceAfter=1 * mm,
        ),
        "label": ParagraphStyle("label", parent=base, fontName=fonts.bold),
        "warn": ParagraphStyle("warn", parent=base, fontName=fonts.bold, textColor=WARN),
    }


def _text(value: str | None) -> str:
    """Plain text as typed, safe for a Paragraph: escaped, line breaks kept."""
    return escape(value or "—").replace("\r\n", "\n").replace("\n", "<br/>")


def build_story(data: VisitReportData) -> list[object]:
    s = _styles()
    story: list[object] = [Paragraph("Bezoekverslag huisbezoek", s["title"])]
    rows = [
        ("Schuldenaar", data.debtor_name),
        ("BSN", data.bsn or "—"),
        ("Adres", data.address or "—"),
        ("Datum bezoek", format_date(data.bezocht_op)),
        ("Deurwaarder", data.bailiff),
        ("Aangetroffen", "ja" if data.aangetroffen else "nee, niemand aangetroffen"),
        ("Advies", data.advies),
        ("Verslagnummer", str(data.report_id)),
    ]
    table = Table(
        [[Paragraph(k, s["label"]), Paragraph(_text(v), s["body"])] for k, v in rows],
        colWidths=[40 * mm, CONTENT_WIDTH - 40 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), register_fonts().regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story.append(table)
    if data.risico:
        story += [Spacer(1, 3 * mm), Paragraph("Let op: risico voor medewerkers — " + _text(data.risico), s["warn"])]
    for title, value in (
        ("Woonsituatie", data.woonsituatie),
        ("Huishouden", data.huishouden),
        ("Signalen van kwetsbaarheid", data.kwetsbaarheid),
        ("Zichtbare goederen van waarde", data.goederen),
        ("Bevindingen", data.bevindingen),
    ):
        story += [Paragraph(title, s["head"]), Paragraph(_text(value), s["body"])]
    if data.omstandigheden_vastgelegd:
        story += [
            Spacer(1, 3 * mm),
            Paragraph(
                "Bij dit bezoek zijn bijzondere omstandigheden vastgelegd. Die staan niet in dit verslag: wie ze nodig "
                "heeft, ziet ze in Caseworker (elke inzage wordt vastgelegd).",
                s["body"],
            ),
        ]
    if data.opvolging:
        story += [Paragraph("Opvolging", s["head"]), Paragraph(_text(data.opvolging), s["body"])]
    return story


def render_visit_report(data: VisitReportData, target: str | Path | IO[bytes], *, issued_on: date) -> None:
    out: str | IO[bytes] = str(target) if isinstance(target, str | Path) else target
    doc = a4_document(
        out,
        title=f"Bezoekverslag {data.debtor_name} {format_date(data.bezocht_op)}",
        author="Belastingdienst",
        subject="Verslag van een huisbezoek door de belastingdeurwaarder",
    )
    footer = (
        f"Bezoekverslag {data.debtor_name} — bezoek {format_date(data.bezocht_op)} — gemaakt {format_date(issued_on)}"
    )
    canvas_class = type("_Canvas", (_NumberedCanvas,), {"footer_text": footer})
    doc.build(build_story(data), canvasmaker=canvas_class)
