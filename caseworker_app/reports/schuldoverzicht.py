"""The schuldoverzicht: a letter-style PDF a citizen can read, with every open claim explained.

Input is :class:`SchuldoverzichtData`, plain frozen data that the services build from the debt
position (``services.position.schuldoverzicht_data``); this module imports only the domain, so the
same PDF can be made from tests or any other source.  The totals are the same
:class:`~caseworker_app.domain.position_totals.PositionTotals` object the screen and the JSON show.

Layout: A4 portrait, DejaVu Sans embedded (every glyph of every name, and the euro sign, is real
text: searchable, selectable, readable by a screen reader), a summary first, then a table per
creditor with a subtotal, then "Wat gebeurt er nu?", "Kunt u niet alles betalen?" and how to
reach us.  Page footer "pagina X van Y".  Language: plain Dutch (B1), short sentences, "u".
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tables import LongTable

from caseworker_app.domain.explain import Step
from caseworker_app.domain.money import ZERO, format_date, format_eur
from caseworker_app.domain.position_totals import PositionTotals
from caseworker_app.domain.types import Creditor, label

from caseworker_app.reports.fonts import register_fonts

# Binary font and page streams: ASCII85 only makes a PDF 25% larger and slower to write (pure Python without
# the optional rl_accel package); every PDF reader handles binary streams.
rl_config.useA85 = 0

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#b8c4d0")
HEADER_BG = colors.HexColor("#e4ebf2")
SUBTOTAL_BG = colors.HexColor("#f2f5f8")
ACCENT = colors.HexColor("#154273")  # Rijkshuisstijl donkerblauw


@dataclass(frozen=True)
class ContactInfo:
    """How the citizen reaches us; shown at the end of the letter."""

    telefoon: str = "0800 - 0543"
    telefoon_toelichting: str = "BelastingTelefoon, gratis, maandag tot en met vrijdag van 8.00 tot 17.00 uur"
    website_belastingdienst: str = "belastingdienst.nl"
    website_toeslagen: str = "toeslagen.nl"


@dataclass(frozen=True)
class OverzichtClaim:
    """One claim as the citizen sees it."""

    reference: str
    creditor: str  # Creditor value
    omschrijving: str  # "inkomstenbelasting 2024 (aanslag)"
    vervaldatum: date
    original_amount: Decimal
    paid: Decimal
    verrekend: Decimal
    reduced: Decimal  # verminderd or kwijtgescholden
    costs: Decimal
    rente: Decimal  # booked + accrued up to the date of the overview
    open: Decimal
    stage: str | None = None  # "aanmaning verstuurd op 03-04-2026"
    under_regeling: bool = False
    paused: bool = False
    #: the claim is verjaard: it is not collected any more and not part of what the citizen must pay
    verjaard: bool = False


@dataclass(frozen=True)
class ClaimExplanation:
    """How one claim's amount was worked out: the rules engine's steps for it (the same the screen explains)."""

    reference: str
    omschrijving: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class SchuldoverzichtData:
    """Everything the PDF shows.  ``totals`` must be computed from the same claims (one DTO for all surfaces)."""

    name: str
    address_lines: tuple[str, ...]
    identifier_label: str  # "BSN" or "RSIN"
    identifier: str | None
    as_of: date
    totals: PositionTotals
    claims: tuple[OverzichtClaim, ...]
    next_steps: tuple[str, ...] = ()
    contact: ContactInfo = field(default_factory=ContactInfo)
    #: opzet or grove schuld is established: Dienst Toeslagen offers no standard or persoonlijke regeling,
    #: only instalments on what the citizen can pay each month (Uitvoeringsregeling Awir art. 7 lid 6)
    fraude: bool = False
    #: "Hoe hebben wij dit berekend?": the steps of the open claims (the first ones; see ``explained_left_out``)
    explanations: tuple[ClaimExplanation, ...] = ()
    explained_left_out: int = 0
    #: the beslagvrije voet used and how it was found (the last steps: the amount and the subtraction)
    bvv_steps: tuple[Step, ...] = ()
    #: a figure behind the beslagvrije voet is not confirmed (the screen marks it too): the letter says so
    bvv_unconfirmed: bool = False


# ------------------------------------------------------------------------------------------------------ styles


def _styles() -> dict[str, ParagraphStyle]:
    fonts = register_fonts()
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=10, leading=14, textColor=INK)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=fonts.bold, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=2 * mm
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, textColor=MUTED, spaceAfter=5 * mm),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=13,
            leading=17,
            textColor=ACCENT,
            keepWithNext=1,
            spaceBefore=6 * mm,
            spaceAfter=2 * mm,
        ),
        "body": ParagraphStyle("body", parent=base, spaceAfter=2 * mm),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.6, leading=9.4),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=fonts.bold, fontSize=7.6, leading=9.4),
        "head": ParagraphStyle("head", parent=base, fontName=fonts.bold, fontSize=7.2, leading=9),
        "head_num": ParagraphStyle(
            "head_num", parent=base, fontName=fonts.bold, fontSize=7.2, leading=9, alignment=TA_RIGHT
        ),
        "num": ParagraphStyle("num", parent=base, fontSize=7.6, leading=9.4, alignment=TA_RIGHT),
        "num_bold": ParagraphStyle(
            "num_bold", parent=base, fontName=fonts.bold, fontSize=7.6, leading=9.4, alignment=TA_RIGHT
        ),
        "sum_label": ParagraphStyle("sum_label", parent=base, fontSize=10, leading=13),
        "sum_label_bold": ParagraphStyle("sum_label_bold", parent=base, fontName=fonts.bold, fontSize=11, leading=14),
        "sum_num": ParagraphStyle("sum_num", parent=base, fontSize=10, leading=13, alignment=TA_RIGHT),
        "sum_num_bold": ParagraphStyle(
            "sum_num_bold", parent=base, fontName=fonts.bold, fontSize=11, leading=14, alignment=TA_RIGHT
        ),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _eur(amount: Decimal) -> str:
    # a non-breaking space keeps "€" and the number on one line in narrow cells
    return format_eur(amount, nbsp=True)


# --------------------------------------------------------------------------------------------------- sections


def _address_block(data: SchuldoverzichtData, st: dict[str, ParagraphStyle]) -> Flowable:
    left = [Paragraph(_esc(data.name), st["base"]), *(Paragraph(_esc(line), st["base"]) for line in data.address_lines)]
    right_lines = [f"Datum: {format_date(data.as_of)}"]
    if data.identifier:
        right_lines.append(f"{data.identifier_label}: {data.identifier}")
    right = [Paragraph(_esc(line), st["base"]) for line in right_lines]
    table = Table([[left, right]], colWidths=[CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.4])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st["base"].fontName, st["base"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


#: The summary box: (key of ``PositionTotals.amounts()``, Dutch label, indented).  Tests read the PDF back
#: with these labels and compare every amount with the JSON; rows with a zero amount and ``optional`` are left out.
SUMMARY_ROWS: tuple[tuple[str, str, bool, bool], ...] = (
    ("open", "U moet in totaal nog betalen", False, False),
    ("open_belastingdienst", "aan de Belastingdienst", True, False),
    ("open_toeslagen", "aan Dienst Toeslagen", True, False),
    ("costs", "Kosten die erbij zijn gekomen", False, False),
    ("rente_total", "Invorderingsrente tot en met {date}", False, False),
    ("paid", "U heeft al betaald", False, False),
    ("verrekend", "Al verrekend met geld dat u van ons kreeg", False, False),
    ("under_regeling", "Hiervan valt onder een betalingsregeling", False, True),
    ("paused", "Hiervan is de invordering gepauzeerd", False, True),
    ("verjaard", "Verjaard: dit hoeft u niet meer te betalen", False, True),
)


def summary_label(key: str, as_of: date) -> str:
    return next(text for k, text, _i, _o in SUMMARY_ROWS if k == key).format(date=format_date(as_of))


def _summary(data: SchuldoverzichtData, st: dict[str, ParagraphStyle]) -> Flowable:
    amounts = data.totals.amounts()
    rows: list[tuple[str, Decimal, bool]] = []
    for key, text, indented, optional in SUMMARY_ROWS:
        amount = amounts[key]
        if optional and not amount:
            continue
        caption = text.format(date=format_date(data.as_of))
        rows.append(("  " + caption if indented else caption, amount, key == "open"))
    cells = [
        [
            Paragraph(
                _esc(text).replace("  ", "&nbsp;&nbsp;&nbsp;&nbsp;"), st["sum_label_bold" if bold else "sum_label"]
            ),
            Paragraph(_eur(amount), st["sum_num_bold" if bold else "sum_num"]),
        ]
        for text, amount, bold in rows
    ]
    table = Table(cells, colWidths=[CONTENT_WIDTH * 0.62, CONTENT_WIDTH * 0.28], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st["base"].fontName, st["base"].fontSize),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


#: The claim table: the kenmerk with what it is for, the date to pay by, then the amounts (in euro, no sign).
_TEXT_TITLE = "Kenmerk en waarvoor"
_DATE_TITLE = "Betalen vóór"
_AMOUNT_TITLES = ("Bedrag", "Betaald", "Verrekend", "Kosten", "Rente", "Nog open")
#: font sizes the table may use, largest first: the largest at which every amount fits its column wins
_TABLE_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
#: the text column gets at least this much (an aanslagnummer "1234.56.789.H.46" in bold is 30 mm at 8.5 pt; a
#: description such as "omzetbelasting 2e kwartaal 2024" should take one or two lines, not four)
_MIN_TEXT_WIDTH = 48 * mm
_PADDING = 3.0  # points left and right in every cell: two amounts side by side are always 6 pt apart


def _amount(amount: Decimal) -> str:
    """Table cells: "1.234,56" without the euro sign (the caption says the amounts are in euro)."""
    return format_eur(amount).replace("€", "").strip()


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width (a long word is cut): plain table cells stay cheap to lay out.

    Only ordinary spaces break a line: a non-breaking space ("€ 3.645,00") keeps its neighbours together.
    """
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while stringWidth(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


class _Lines(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A table cell of a few lines, each with its own font and colour; far cheaper to lay out than a Paragraph."""

    def __init__(self, lines: Sequence[tuple[str, str, Any]], size: float, leading: float) -> None:
        super().__init__()
        self.lines, self.size, self.leading = lines, size, leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, len(self.lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for i, (text, font, colour) in enumerate(self.lines):
            canvas.setFont(font, self.size)
            canvas.setFillColor(colour)
            canvas.drawString(0, self.height - i * self.leading - self.size, text)


def _open_amount(claim: OverzichtClaim) -> Decimal:
    """What the citizen still has to pay for ``claim``: nothing once it is verjaard."""
    return ZERO if claim.verjaard else claim.open


def _claim_amounts(claim: OverzichtClaim) -> tuple[Decimal, ...]:
    return (claim.original_amount, claim.paid, claim.verrekend, claim.costs, claim.rente, _open_amount(claim))


def _column_widths(
    claims: Sequence[OverzichtClaim], sums: Sequence[Decimal], regular: str, bold: str
) -> tuple[float, list[float]]:
    """The table's font size and column widths, measured from the amounts it will print.

    Each amount column is as wide as its widest figure (the subtotal in bold included) or its title's longest
    word, plus the padding; the text column gets the rest.  When that leaves the text column too narrow, the
    next smaller font size is tried.  A figure therefore never runs into its neighbour, however large.
    """
    columns: list[list[Decimal]] = [[total] for total in sums]
    for claim in claims:
        for column, value in zip(columns, _claim_amounts(claim), strict=True):
            column.append(value)
    # the longest printed figure of a column is its largest or (with a minus sign) its most negative value
    extremes = [(max(column), min(column)) for column in columns]
    for size in _TABLE_SIZES:
        head = size - 0.5
        date = stringWidth("00-00-0000", regular, size)
        widths = [max(date, *(stringWidth(w, bold, head) for w in _DATE_TITLE.split())) + 2 * _PADDING]
        for title, (high, low) in zip(_AMOUNT_TITLES, extremes, strict=True):
            figure = max(stringWidth(_amount(high), bold, size), stringWidth(_amount(low), bold, size))
            words = stringWidth(title, bold, head)  # a title stays on one line ("Nog open")
            widths.append(max(figure, words) + 2 * _PADDING)
        rest = CONTENT_WIDTH - sum(widths)
        if rest >= _MIN_TEXT_WIDTH or size == _TABLE_SIZES[-1]:
            return size, [max(rest, _MIN_TEXT_WIDTH), *widths]
    raise AssertionError("unreachable")


_DATE_AFTER_WORD = re.compile(r" (\d{2}-\d{2}-\d{4})")


def _claim_lines(
    claim: OverzichtClaim, regular: str, bold: str, size: float, width: float
) -> list[tuple[str, str, Any]]:
    lines: list[tuple[str, str, Any]] = [(text, bold, INK) for text in _wrap(claim.reference, bold, size, width)]
    lines += [(text, regular, INK) for text in _wrap(claim.omschrijving, regular, size, width)]
    notes = []
    if claim.verjaard and claim.open > ZERO:
        notes.append(f"verjaard: {_eur(claim.open)} hoeft u niet meer te betalen")
    if claim.reduced:
        notes.append(f"verminderd met {_eur(claim.reduced)}")
    if claim.stage:
        notes.append(claim.stage)
    if claim.under_regeling:
        notes.append("onder betalingsregeling")
    if claim.paused:
        notes.append("invordering gepauzeerd")
    for note in notes:
        note = _DATE_AFTER_WORD.sub("\xa0\\1", note)  # "beslag gelegd op 02-08-2025": the date keeps its "op"
        lines += [(text, regular, MUTED) for text in _wrap(note, regular, size, width)]
    return lines


def _claim_table(claims: Sequence[OverzichtClaim], st: dict[str, ParagraphStyle], creditor_label: str) -> Table:
    regular, bold = st["cell"].fontName, st["cell_bold"].fontName
    sums = [ZERO] * 6
    for claim in claims:
        sums = [a + b for a, b in zip(sums, _claim_amounts(claim), strict=True)]
    size, widths = _column_widths(claims, sums, regular, bold)
    leading = size * 1.24
    head = ParagraphStyle("table_head", parent=st["head"], fontSize=size - 0.5, leading=(size - 0.5) * 1.25)
    head_num = ParagraphStyle("table_head_num", parent=head, alignment=TA_RIGHT)
    header = [Paragraph(_esc(_TEXT_TITLE), head), Paragraph(_esc(_DATE_TITLE), head),
              *(Paragraph(_esc(title), head_num) for title in _AMOUNT_TITLES)]
    rows: list[list[Any]] = [header]
    text_width = widths[0] - 2 * _PADDING
    for claim in claims:
        # Amounts and dates are plain strings and never wrap; the text cell is a light-weight flowable: a
        # Paragraph per cell costs ~10x more to lay out and a 500-claim overview must render in well under a second.
        amounts = [_amount(a) for a in _claim_amounts(claim)]
        if claim.verjaard and claim.open > ZERO:
            amounts[-1] = "verjaard"
        rows.append([_Lines(_claim_lines(claim, regular, bold, size, text_width), size, leading),
                     format_date(claim.vervaldatum), *amounts])
    total_label = _wrap(f"Totaal {creditor_label}", bold, size, text_width)
    rows.append([_Lines([(t, bold, INK) for t in total_label], size, leading), "", *(_amount(a) for a in sums)])
    # LongTable: splits a long table over pages without re-measuring every remaining row at each page
    table = LongTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    last = len(rows) - 1
    first_amount = 2
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular, size),
                ("FONT", (-1, 1), (-1, -1), bold, size),
                ("FONT", (0, last), (-1, last), bold, size),
                ("ALIGN", (first_amount, 1), (-1, -1), "RIGHT"),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
                ("LINEBELOW", (0, 1), (-1, last - 1), 0.25, RULE),
                ("BACKGROUND", (0, last), (-1, last), SUBTOTAL_BG),
                # the subtotal never stands alone under a repeated header on a new page
                ("NOSPLIT", (0, max(1, last - 1)), (-1, last)),
                ("LINEABOVE", (0, last), (-1, last), 0.6, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEADING", (0, 1), (-1, -1), leading),
                ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
            ]
        )
    )
    return table


def _bullets(items: Sequence[str], st: dict[str, ParagraphStyle]) -> Flowable:
    return ListFlowable(
        [ListItem(Paragraph(item, st["body"]), leftIndent=12, value="•") for item in items],
        bulletType="bullet",
        start="•",
        leftIndent=12,
        bulletFontName=st["base"].fontName,
    )


def _verjaard_sentence(claims: Sequence[OverzichtClaim]) -> str | None:
    verjaard = [c for c in claims if c.verjaard and c.open > ZERO]
    if not verjaard:
        return None
    refs = [_esc(c.reference) for c in verjaard]
    listed = refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " en " + refs[-1]
    noun = "Het bedrag met kenmerk" if len(refs) == 1 else "De bedragen met kenmerk"
    verb = "is" if len(refs) == 1 else "zijn"
    return (f"{noun} {listed} {verb} verjaard. Dat betekent dat wij {'dit' if len(refs) == 1 else 'deze'} niet "
            "meer bij u innen. U hoeft dit niet meer te betalen.")


def _next_steps(data: SchuldoverzichtData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Wat gebeurt er nu?", st["h2"])]
    verjaard = _verjaard_sentence(data.claims)
    if data.totals.open <= ZERO:
        out.append(Paragraph("U hoeft niets meer te betalen. U hoeft ook niets te doen.", st["body"]))
        if verjaard:
            out.append(Paragraph(verjaard, st["body"]))
        return out
    out.append(
        Paragraph(
            "Kunt u betalen? Betaal dan het bedrag dat nog open staat zo snel mogelijk. Zet bij elke betaling het "
            "kenmerk uit de tabel. Zo weten wij waarvoor u betaalt.",
            st["body"],
        )
    )
    steps = [_esc(s) for s in data.next_steps]
    if verjaard:
        steps.append(verjaard)
    steps.append(
        f"De invorderingsrente in dit overzicht is berekend tot en met {format_date(data.as_of)}. "
        "Betaalt u later, dan wordt de rente hoger."
    )
    out.append(_bullets(steps, st))
    return out


def _cannot_pay(data: SchuldoverzichtData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    c = data.contact
    out: list[Flowable] = [Paragraph("Kunt u niet alles betalen?", st["h2"])]
    out.append(
        Paragraph(
            "Neem dan zo snel mogelijk contact met ons op. Dat kan altijd, ook als u al een aanmaning of een "
            "dwangbevel heeft gekregen. Wij zoeken samen met u naar een oplossing die past bij uw situatie. "
            "U houdt altijd genoeg geld over om van te leven.",
            st["body"],
        )
    )
    has_toeslagen = any(claim.creditor == Creditor.TOESLAGEN for claim in data.claims)
    if data.fraude:
        regeling = (
            "<b>In delen betalen.</b> U kunt vragen om in delen te betalen. Wij kijken dan samen met u naar wat u "
            "elke maand kunt betalen."
        )
        if has_toeslagen:
            regeling += (
                " Bij uw toeslagschuld is vastgesteld dat er sprake was van opzet of grove schuld. Daarom kunt u "
                "daarvoor geen regeling met een vaste looptijd krijgen. U betaalt dan elke maand wat u kunt missen."
            )
        items = [regeling]
    else:
        items = [
            "<b>Betalingsregeling.</b> U betaalt dan in delen, elke maand een vast bedrag. "
            "Bij de Belastingdienst duurt een regeling meestal hoogstens 12 maanden. "
            "Bij Dienst Toeslagen is dat meestal 24 maanden. Tijdens de regeling loopt de rente wel door.",
        ]
    items.append(
        "<b>Kwijtschelding.</b> Heeft u weinig inkomen en geen geld op de bank of ander bezit? "
        "Dan hoeft u een deel of alles misschien niet te betalen. Vraag dit aan met het formulier "
        f"'Verzoek om kwijtschelding' op {_esc(c.website_belastingdienst)}."
    )
    if not data.fraude:
        items.append(
            "<b>Toeslagschuld.</b> Kunt u een terugbetaling van een toeslag niet in 24 maanden betalen? "
            f"Vraag dan een persoonlijke betalingsregeling aan via {_esc(c.website_toeslagen)}."
        )
    items.append(
        "<b>Hulp bij geldzorgen.</b> Maakt u zich zorgen over geld, of heeft u ook andere schulden? Uw gemeente "
        "helpt u gratis. Op geldfit.nl vindt u hulp bij u in de buurt. Wilt u dat wij u daarbij helpen? "
        "Zeg het ons."
    )
    items.append(
        "<b>Krijgt u al hulp?</b> Helpt een schuldhulpverlener of bewindvoerder u met uw geldzaken? Geef dit "
        "overzicht dan aan hem of haar. Met uw toestemming kan die ook met ons bellen."
    )
    out.append(_bullets(items, st))
    return out


def _step_rows(steps: Sequence[Step], st: dict[str, ParagraphStyle]) -> list[list[Flowable]]:
    """One row per step: the sentence with the law under it in small print, and the figure.  Only a figure that
    really is not confirmed says so ("niet bevestigd", "te herzien"); a confirmed one needs no word."""
    rows: list[list[Flowable]] = []
    for step in steps:
        text = _esc(step.plain_description)
        extra = [step.legal_source] if step.legal_source else []
        if step.unconfirmed and step.status_label:
            extra.append(f"cijfer {step.status_label}")
        if extra:
            text += f"<br/><font size=6.8 color='#555555'>{_esc('; '.join(extra))}</font>"
        value = _esc(step.value or "").replace("€ ", "€\u00a0")  # an amount never breaks from its €
        rows.append([Paragraph(text, st["cell"]), Paragraph(value, st["num"])])
    return rows


def _steps_table(steps: Sequence[Step], st: dict[str, ParagraphStyle]) -> Table:
    table = Table(_step_rows(steps, st), colWidths=[CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.4], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def _explained(data: SchuldoverzichtData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """"Hoe hebben wij dit berekend?": every subtraction visible, the law named, the beslagvrije voet used."""
    if not data.explanations and not data.bvv_steps:
        return []
    out: list[Flowable] = [
        CondPageBreak(50 * mm),
        Paragraph("Hoe hebben wij dit berekend?", st["h2"]),
        Paragraph("Per schuld ziet u hoe het bedrag is opgebouwd en op welke wet het berust. Staat bij een cijfer "
                  "'niet bevestigd', dan controleren wij dat cijfer nog.", st["small"]),
    ]
    for explanation in data.explanations:
        heading = Paragraph(f"<b>{_esc(explanation.reference)}</b> – {_esc(explanation.omschrijving)}", st["body"])
        out.append(KeepTogether([Spacer(1, 2 * mm), heading, _steps_table(explanation.steps, st)]))
    if data.explained_left_out:
        n = data.explained_left_out
        out.append(Spacer(1, 2 * mm))
        out.append(Paragraph(
            f"De berekening van {'de andere schuld' if n == 1 else f'de {n} andere schulden'} sturen wij u op "
            "verzoek toe.", st["small"]))
    if data.bvv_steps:
        out.append(KeepTogether([
            Spacer(1, 3 * mm),
            Paragraph("<b>Wat u in elk geval overhoudt: de beslagvrije voet</b>", st["body"]),
            Paragraph("Leggen wij beslag op uw inkomen, dan houdt u elke maand ten minste dit bedrag over."
                      + (" Een paar cijfers waarmee dit bedrag is berekend, zijn nog niet bevestigd; wij controleren "
                         "ze nog." if data.bvv_unconfirmed else ""), st["small"]),
            _steps_table(data.bvv_steps, st),
        ]))
    return out


def _contact(data: SchuldoverzichtData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    c = data.contact
    body = (
        f"Bel ons op <b>{_esc(c.telefoon)}</b> ({_esc(c.telefoon_toelichting)}). "
        "Houd dit overzicht en uw "
        f"{_esc(data.identifier_label)} bij de hand. "
        f"Meer informatie vindt u op {_esc(c.website_belastingdienst)} en {_esc(c.website_toeslagen)}."
    )
    return [Paragraph("Vragen?", st["h2"]), Paragraph(body, st["body"])]


def _intro(data: SchuldoverzichtData, st: dict[str, ParagraphStyle]) -> Flowable:
    if data.totals.claim_count == 0:
        text = "Wij hebben geen openstaande bedragen van u gevonden."
    else:
        text = (
            f"In dit overzicht ziet u wat u op {format_date(data.as_of)} nog moet betalen aan de Belastingdienst "
            "en aan Dienst Toeslagen. Per aanslag en per terugvordering ziet u het bedrag, wat u al heeft betaald, "
            "wat wij hebben verrekend, welke kosten en rente erbij zijn gekomen en wat er nog open staat. "
            "Kunt u niet alles betalen? Lees dan verderop wat u kunt doen. Wij helpen u graag."
        )
    return Paragraph(text, st["body"])


# ------------------------------------------------------------------------------------------------- the document


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with "…" so that it fits ``width`` (the page footer has one line)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Draws "pagina X van Y" once the page count is known."""

    footer_text = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        fonts = register_fonts()
        self.saveState()
        self.setFont(fonts.regular, 7.5)
        self.setFillColor(MUTED)
        self.setStrokeColor(RULE)
        self.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
        page = f"pagina {self._pageNumber} van {total}"
        room = CONTENT_WIDTH - stringWidth(page, fonts.regular, 7.5) - 6 * mm
        self.drawString(MARGIN, 9 * mm, _fit(self.footer_text, fonts.regular, 7.5, room))
        self.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, page)
        self.restoreState()


def build_story(data: SchuldoverzichtData) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [
        Paragraph("Overzicht van uw schulden", st["title"]),
        Paragraph("bij de Belastingdienst en Dienst Toeslagen", st["subtitle"]),
        _address_block(data, st),
        Spacer(1, 6 * mm),
        _intro(data, st),
        Spacer(1, 2 * mm),
        _summary(data, st),
    ]
    for creditor in (Creditor.BELASTINGDIENST, Creditor.TOESLAGEN):
        claims = [c for c in data.claims if c.creditor == creditor]
        if not claims:
            continue
        creditor_label = label(creditor)
        open_count = sum(1 for c in claims if c.open > ZERO)
        story.append(CondPageBreak(45 * mm))
        story.append(Paragraph(f"{_esc(creditor_label)}", st["h2"]))
        noun = "terugvordering" if creditor == Creditor.TOESLAGEN else "aanslag"
        plural = "terugvorderingen" if creditor == Creditor.TOESLAGEN else "aanslagen"
        story.append(
            Paragraph(
                f"{len(claims)} {noun if len(claims) == 1 else plural}, waarvan {open_count} nog (deels) open. "
                "Alle bedragen zijn in euro.",
                st["small"],
            )
        )
        story.append(Spacer(1, 1.5 * mm))
        story.append(_claim_table(claims, st, creditor_label))
    story += _next_steps(data, st)
    story += _cannot_pay(data, st)
    story.append(KeepTogether(_contact(data, st)))
    story += _explained(data, st)
    return story


def a4_document(out: str | IO[bytes], *, title: str, author: str, subject: str) -> BaseDocTemplate:
    """An A4 document of one body frame (the footer's room below it), with the metadata a PDF reader shows and
    DejaVu Sans embedded; the letters to a citizen and the visit report share it."""
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=20 * mm,
        title=title,
        author=author,
        subject=subject,
        creator="Caseworker",
        lang="nl-NL",
        displayDocTitle=True,
        invariant=True,
        initialFontName=register_fonts().regular,
    )
    frame = Frame(
        MARGIN,
        20 * mm,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN - 20 * mm,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def render_schuldoverzicht(
    data: SchuldoverzichtData, target: str | Path | IO[bytes], *, issued_on: date | None = None
) -> None:
    """Write the PDF to ``target`` (a path or a binary file object).

    ``issued_on`` is the print date in the metadata and footer (default: the overview's date).
    """
    issued = issued_on or data.as_of
    out: str | IO[bytes] = str(target) if isinstance(target, str | Path) else target
    doc = a4_document(
        out,
        title=f"Schuldoverzicht {data.name} per {format_date(data.as_of)}",
        author="Belastingdienst / Dienst Toeslagen",
        subject="Overzicht van openstaande belasting- en toeslagschulden",
    )

    footer = f"Schuldoverzicht {data.name} — stand {format_date(data.as_of)} — gemaakt {format_date(issued)}"
    canvas_class = type("_Canvas", (_NumberedCanvas,), {"footer_text": footer})
    doc.build(build_story(data), canvasmaker=canvas_class)


def render_to_bytes(data: SchuldoverzichtData, *, issued_on: date | None = None) -> bytes:
    buffer = io.BytesIO()
    render_schuldoverzicht(data, buffer, issued_on=issued_on)
    return buffer.getvalue()
