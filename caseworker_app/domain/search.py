"""Understanding what a caseworker typed in the one search field.

Pure and total: any text (empty, 10,000 characters, emoji, SQL) gives a :class:`SearchQuery`; the
worst case is a query that matches nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

MAX_QUERY_LENGTH = 200


class QueryKind(StrEnum):
    EMPTY = "empty"
    IDENTIFIER = "identifier"  # BSN or RSIN: 8-9 digits
    POSTCODE = "postcode"  # postcode, optionally with huisnummer
    REFERENCE = "reference"  # aanslagnummer / beschikkingsnummer
    NAME = "name"  # prefix of "achternaam voornamen", accents ignored


@dataclass(frozen=True)
class SearchQuery:
    kind: QueryKind
    text: str  # the normalised text used for matching
    postcode: str | None = None
    huisnummer: int | None = None
    #: NAME: the prefixes of the stored search key to look for, best first (``text`` itself first)
    names: tuple[str, ...] = ()


# the huisnummer may follow the letters directly ("1621GX1", as people copy it from a form)
_POSTCODE = re.compile(r"^(\d{4})\s?([a-z]{2})(?:[\s,-]*(\d{1,5})\s*[a-z]?(?:[\s-].*)?)?$", re.IGNORECASE)
_DIGITS = re.compile(r"^\d{8,9}$")
_REFERENCE = re.compile(r"^[a-z0-9]*\d[a-z0-9]*$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, accents removed, whitespace collapsed: 'Müller-Özdemir ' -> 'muller-ozdemir'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def search_name(achternaam: str, voornamen: str | None = None, tussenvoegsel: str | None = None) -> str:
    """The stored prefix-search key: surname first, so 'jan' and 'jansen' both work as prefixes.

    The tussenvoegsel follows the surname ('berg van den jan'), which is how Dutch registers sort.
    """
    parts = [achternaam, tussenvoegsel or "", voornamen or ""]
    return fold(" ".join(p for p in parts if p))


#: Dutch (and a few neighbouring) tussenvoegsels; a sequence of them ("van der", "in 't") is one tussenvoegsel.
TUSSENVOEGSELS = frozenset({
    "van", "de", "der", "den", "het", "'t", "te", "ten", "ter", "in", "op", "aan", "bij", "onder", "over", "uit",
    "'s", "d'", "l'", "la", "le", "les", "du", "da", "di", "del", "della", "des", "dos", "von", "vom", "zu", "zum",
    "zur", "am", "auf", "dem",
})
#: at most this many words are re-ordered (a longer text is searched as typed only)
MAX_NAME_WORDS = 6


def _leading_tussenvoegsel(words: list[str]) -> int:
    count = 0
    while count < len(words) and words[count] in TUSSENVOEGSELS:
        count += 1
    return count


def name_prefixes(cleaned: str) -> tuple[str, ...]:
    """The stored search keys ("achternaam tussenvoegsel voornamen") that what was typed may be the start of.

    People type names in more than one order.  Besides the text as typed ("jansen pi", "berg van den jo"):

    * tussenvoegsel first: "van loon" -> "loon van", "van der berg jan" -> "berg van der jan";
    * first names first: "fleur jacobs" -> "jacobs fleur", "frank van loon" -> "loon van frank".

    Every alternative is a plain prefix, so each is answered by the same index as the text as typed.
    """
    words = cleaned.split(" ")
    out: list[str] = [cleaned]
    if len(words) < 2 or len(words) > MAX_NAME_WORDS:
        return tuple(out)

    def add(parts: list[str]) -> None:
        key = " ".join(parts)
        if key not in out:
            out.append(key)

    lead = _leading_tussenvoegsel(words)
    if 0 < lead < len(words):
        add([words[lead], *words[:lead], *words[lead + 1 :]])
    for split in range(1, len(words)):
        first, rest = words[:split], words[split:]
        if any(w in TUSSENVOEGSELS for w in first):
            continue
        lead = _leading_tussenvoegsel(rest)
        surname = rest[lead:]
        if len(surname) != 1:  # one surname word after the first names ("Jansen-Smit" is one word)
            continue
        add([*surname, *rest[:lead], *first])
    return tuple(out)


def format_postcode(postcode: str | None) -> str:
    """A stored postcode ("1234AB") as people write it: "1234 AB"."""
    if not postcode:
        return ""
    return f"{postcode[:4]} {postcode[4:]}" if len(postcode) == 6 else postcode


def normalize_reference(text: str) -> str:
    return re.sub(r"[\s.\-/]", "", text).upper()


def parse_query(text: str) -> SearchQuery:
    raw = (text or "")[:MAX_QUERY_LENGTH].strip()
    if not raw:
        return SearchQuery(QueryKind.EMPTY, "")
    compact = re.sub(r"[\s.]", "", raw)
    if _DIGITS.match(compact):
        return SearchQuery(QueryKind.IDENTIFIER, compact.zfill(9))
    match = _POSTCODE.match(raw)
    if match:
        postcode = (match.group(1) + match.group(2)).upper()
        number = int(match.group(3)) if match.group(3) else None
        return SearchQuery(QueryKind.POSTCODE, postcode, postcode=postcode, huisnummer=number)
    reference = normalize_reference(raw)
    if len(reference) >= 6 and _REFERENCE.match(reference) and sum(ch.isdigit() for ch in reference) >= 4:
        return SearchQuery(QueryKind.REFERENCE, reference)
    folded = fold(raw)
    # keep letters, digits, spaces, hyphen and apostrophe; anything else cannot be part of a name
    cleaned = " ".join(re.sub(r"[^\w\s'\-]", " ", folded).split())
    if not cleaned:
        return SearchQuery(QueryKind.EMPTY, "")
    return SearchQuery(QueryKind.NAME, cleaned, names=name_prefixes(cleaned))
