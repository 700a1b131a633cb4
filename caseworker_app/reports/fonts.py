"""The TrueType fonts every PDF uses, registered with reportlab once.

reportlab's built-in Helvetica only knows Latin-1 and is never embedded, so names such as
"Özdemir" or "Ngọc" and the euro sign would depend on the reader's machine.  We ship DejaVu Sans
(Bitstream Vera licence, which allows redistribution) in ``resources/fonts/`` and register it from
there, so a PDF looks the same on every machine and the text stays selectable and searchable.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from caseworker_app import paths

REGULAR = "CaseworkerSans"
BOLD = "CaseworkerSans-Bold"

_FILES = {REGULAR: "fonts/DejaVuSans.ttf", BOLD: "fonts/DejaVuSans-Bold.ttf"}
#: Debian's copy, used only when the shipped one is missing (a broken install).
_SYSTEM_FALLBACK = Path("/usr/share/fonts/truetype/dejavu")

_lock = threading.Lock()
_registered = False


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str


def font_path(name: str) -> Path:
    """Where the TTF for ``name`` (:data:`REGULAR` or :data:`BOLD`) is read from."""
    rel = _FILES[name]
    shipped = paths.resource(rel)
    if shipped.exists():
        return shipped
    fallback = _SYSTEM_FALLBACK / Path(rel).name
    if fallback.exists():
        return fallback
    raise FileNotFoundError(f"font {rel} is missing: expected it at {shipped}")


def register_fonts() -> FontSet:
    """Register the fonts (idempotent, thread-safe) and return their reportlab names."""
    global _registered
    with _lock:
        if not _registered:
            for name in (REGULAR, BOLD):
                pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
            # <b> in a Paragraph maps to the bold face of the same family
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = True
    return FontSet(REGULAR, BOLD)
