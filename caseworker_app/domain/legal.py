"""Readable legal citations: ``"URIW art. 16"`` -> ``"Uitvoeringsregeling Invorderingswet 1990, art. 16"``.

Rule code writes the short forms lawyers use ("IW 1990 art. 28 lid 2", "LI 25.5.5", "Awb 4:104", "Rv 475da lid 1",
"Kostenwet art. 2", "Stb. 2025, 383").  An officer reads the explanation to a citizen, so the screen and the letter
show the law's full name.  :func:`citation` finds every citation in a text and returns them spelled out, joined by
"; "; :func:`without_citations` removes the parenthesised citations from a sentence (the citation is then shown in
its own column).  Research notes ("rules.md §3", a web page) are not citations and are left out.
"""

from __future__ import annotations

import functools
import re

#: short form -> full name, longest first so "IW 1990" wins over "IW" and "URAwir" over "Awir"
LAWS: dict[str, str] = {
    "Leidraad Invordering 2008": "Leidraad Invordering 2008",
    "Invorderingswet 1990": "Invorderingswet 1990",
    "IW 1990": "Invorderingswet 1990",
    "URIW": "Uitvoeringsregeling Invorderingswet 1990",
    "URAwir": "Uitvoeringsregeling Awir",
    "Uitvoeringsregeling Awir": "Uitvoeringsregeling Awir",
    "Awir": "Algemene wet inkomensafhankelijke regelingen",
    "Awb": "Algemene wet bestuursrecht",
    "Kostenwet": "Kostenwet invordering rijksbelastingen",
    "Participatiewet": "Participatiewet",
    "Pw": "Participatiewet",
    "Wht": "Wet op de huurtoeslag",
    "Wzt": "Wet op de zorgtoeslag",
    "Wkb": "Wet op het kindgebonden budget",
    "AOW": "Algemene Ouderdomswet",
    "Rv": "Wetboek van Burgerlijke Rechtsvordering",
    "LI": "Leidraad Invordering 2008",
    "IW": "Invorderingswet 1990",
    "VM": "Verbetermaatregelen invordering Toeslagen",
    "BW": "Burgerlijk Wetboek",
}

_LAW = "|".join(re.escape(k) for k in sorted(LAWS, key=len, reverse=True))
_NUMBER = r"\d+[a-z]*(?::\d+[a-z]*)?(?:\.\d+[a-z]*)*"
_CITATION = re.compile(
    rf"(?<![\w-])(?P<law>{_LAW})\s+(?:art\.\s*|artikel\s+)?"
    rf"(?P<art>{_NUMBER}(?:\s*[-–]\s*{_NUMBER})?(?:\s*(?:,|en)\s*(?!lid){_NUMBER}(?!\s*(?:{_LAW})))*)"
    r"(?P<rest>(?:\s+lid\s+\d+(?:\s+onder\s+[a-z]\b(?:,\s*\d+°)?)?)|(?:\s+onder\s+[a-z]\b))?"
    r"(?![\w°])"
)
_PUBLICATION = re.compile(r"\b(?P<kind>Stb|Stcrt)\.\s*(?P<year>\d{4}),\s*(?P<number>\d+)")
_STRATEGY = re.compile(r"\binvorderingsstrategie\s*§\s*(?P<par>\d+(?:\.\d+)*)", re.IGNORECASE)
_PUBLICATIONS = {"Stb": "Staatsblad", "Stcrt": "Staatscourant"}

#: a parenthesised part that holds at least one citation, e.g. " (URIW art. 16)" or " (LI 25.5.6; rules.md §2)"
_PARENTHESISED = re.compile(r"\s*\(([^()]*)\)")


def _spell(match: re.Match[str]) -> str:
    law = LAWS[match.group("law")]
    article = re.sub(r"\s*[-–]\s*", "-", match.group("art"))
    rest = (match.group("rest") or "").strip()
    if match.group("law") == "VM":
        return f"{law}, VM {article}"
    return f"{law}, art. {article}" + (f" {rest}" if rest else "")


@functools.lru_cache(maxsize=4096)
def citations(text: str) -> tuple[str, ...]:
    """Every legal citation in ``text``, spelled out, in order of appearance, without repeats."""
    found: list[tuple[int, str]] = []
    for match in _CITATION.finditer(text):
        found.append((match.start(), _spell(match)))
    for match in _PUBLICATION.finditer(text):
        found.append(
            (match.start(), f"{_PUBLICATIONS[match.group('kind')]} {match.group('year')}, {match.group('number')}")
        )
    for match in _STRATEGY.finditer(text):
        found.append((match.start(), f"Invorderingsstrategie Belastingdienst, § {match.group('par')}"))
    seen: list[str] = []
    for _, cited in sorted(found):
        if cited not in seen:
            seen.append(cited)
    return tuple(seen)


def citation(text: str | None) -> str | None:
    """The citations in ``text`` joined by "; ", or ``None`` when it cites no law."""
    if not text:
        return None
    found = citations(text)
    if not found:
        return None
    grouped: list[str] = []
    for cited in found:  # "Rv, art. 475da lid 2; Rv, art. 475dc lid 1" -> "Rv, art. 475da lid 2 en art. 475dc lid 1"
        law, _, rest = cited.partition(", art. ")
        if grouped and rest and grouped[-1].startswith(law + ", art. "):
            grouped[-1] += f" en art. {rest}"
        else:
            grouped.append(cited)
    return "; ".join(grouped)


_RESEARCH_NOTE = re.compile(r"rules\.md|§|https?://|\.nl\b")


@functools.lru_cache(maxsize=4096)
def without_citations(text: str) -> str:
    """``text`` without the citations (and research notes) in its parentheses; other words there stay.

    ``"Kosten van bestaan (URIW art. 16)"`` -> ``"Kosten van bestaan"``;
    ``"Begrensd (bestaansminimum, VM 6)"`` -> ``"Begrensd (bestaansminimum)"``.
    """

    def drop(match: re.Match[str]) -> str:
        inner = match.group(1)
        if not citations(inner) and not _RESEARCH_NOTE.search(inner):
            return match.group(0)
        kept = [
            part.strip()
            for part in re.split(r"[;,]", inner)
            if part.strip()
            and not citations(part)
            and not _RESEARCH_NOTE.search(part)
            and not re.fullmatch(r"\d+[°e]?|lid \d+|onder [a-z]", part.strip())
        ]
        return f" ({', '.join(kept)})" if kept else ""

    return _PARENTHESISED.sub(drop, text).strip()
