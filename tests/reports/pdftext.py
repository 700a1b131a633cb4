"""Reading a PDF back the way a person (or a screen reader) would: poppler's pdftotext, pdffonts and pdfinfo.

poppler-utils is a test dependency (``apt-get install poppler-utils``); without it these helpers fail with
that instruction instead of skipping.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from caseworker_app.reports.schuldoverzicht import SUMMARY_ROWS, summary_label


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise AssertionError(f"{name} is missing: install poppler-utils (apt-get install -y poppler-utils)")
    return path


def pdf_text(pdf: Path, *, layout: bool = True) -> str:
    args = [_tool("pdftotext"), "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    out = subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    return out.stdout


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """One dict per font: name, type, emb (yes/no)."""
    out = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True, timeout=60)
    fonts = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        if not parts:
            continue
        # name type [type2] encoding emb sub uni object ID -> emb is the 5th field from the end
        fonts.append({"name": parts[0], "emb": parts[-5]})
    return fonts


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True, timeout=60)
    info = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


_AMOUNT = re.compile(r"€\s*(-?[\d.]+,\d{2})")


def parse_eur(text: str) -> Decimal:
    """'€ 1.234,56' -> Decimal('1234.56')."""
    match = _AMOUNT.search(text)
    if match is None:
        raise AssertionError(f"no euro amount in {text!r}")
    return Decimal(match.group(1).replace(".", "").replace(",", "."))


def summary_amounts(pdf: Path, as_of: date) -> dict[str, Decimal]:
    """The amounts in the PDF's summary box, by ``PositionTotals`` key (rows that are not printed are absent)."""
    lines = pdf_text(pdf).splitlines()
    found: dict[str, Decimal] = {}
    for key, *_rest in SUMMARY_ROWS:
        caption = summary_label(key, as_of)
        for line in lines:
            stripped = line.strip()
            if stripped.startswith(caption) and "€" in stripped[len(caption):]:
                found[key] = parse_eur(stripped[len(caption):])
                break
    return found


@dataclass(frozen=True)
class Word:
    """One word as poppler places it on a page (PDF points, origin top left)."""

    page: int
    text: str
    x_min: float
    x_max: float
    y_min: float
    y_max: float


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def pdf_words(pdf: Path) -> list[Word]:
    """Every word with its box (``pdftotext -bbox``): what overlaps on paper can be measured, not only read."""
    out = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True, timeout=60)
    words: list[Word] = []
    page = 0
    for line in out.stdout.splitlines():
        if "<page " in line:
            page += 1
            continue
        match = _WORD.search(line)
        if match:
            x0, y0, x1, y1, text = match.groups()
            text = html.unescape(text)
            words.append(Word(page, text, float(x0), float(x1), float(y0), float(y1)))
    return words


AMOUNT_WORD = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d{2}$")


def lines_of_words(words: list[Word], tolerance: float = 1.5) -> list[list[Word]]:
    """Words grouped into printed lines (same page, same baseline within ``tolerance``), left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.page, round(w.y_max), w.x_min)):
        last = lines[-1] if lines else None
        if last and last[0].page == word.page and abs(last[0].y_max - word.y_max) <= tolerance:
            last.append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x_min) for line in lines]
