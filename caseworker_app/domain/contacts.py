"""Contacts, bijzondere omstandigheden, follow-up tasks and home visits: the vocabulary and the pure rules (issue 11).

Codes are the stored strings (fixed: the command line and outside checks use them); the Dutch labels are what an
officer reads.  Policy (invorderingsstrategie §5.1.1, §5.3.2, §5.5.1; Toeslagen VM3, VM34-37): more contact moments,
personal contact at the enforcement stages, referral to the gemeente or schuldhulp, the bailiff's oog- en
oorfunctie.

* :class:`Kanaal` -- how the contact went; :data:`PERSONAL_CHANNELS` are the ones that count as *personal* contact
  for the ladder's proportionality guard (phone, counter, home visit).
* :class:`Omstandigheid` -- bijzondere omstandigheden.  Each raises a flag on the debtor until someone ends it with
  a reason.  The ones that are special personal data (AVG art. 9: health) raise a flag that does not say which
  one (:data:`ART9`): the flag is seen by everyone who sees the case, the omstandigheid only by who needs it.
* :func:`clean_text` -- a text is stored exactly as typed (emoji, right-to-left, up to :data:`MAX_TEXT` characters);
  only what a database cannot store (NUL, lone surrogates) is refused, never silently changed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # the rules engine is imported when a contact is turned into a ladder fact, not at start-up
    from caseworker_app.domain.rules.ladder import Contact

E = TypeVar("E", bound=StrEnum)

#: The longest text a summary, finding or task may have (characters, not bytes).
MAX_TEXT = 20_000


class Kanaal(StrEnum):
    TELEFOON_IN = "telefoon_in"
    TELEFOON_UIT = "telefoon_uit"
    BRIEF = "brief"
    EMAIL = "email"  # e-mail or Berichtenbox
    BALIE = "balie"
    HUISBEZOEK = "huisbezoek"
    INTERMEDIAIR = "intermediair"


class Gesprekspartner(StrEnum):
    SCHULDENAAR = "schuldenaar"
    PARTNER = "partner"
    BEWINDVOERDER = "bewindvoerder"
    SCHULDHULPVERLENER = "schuldhulpverlener"
    GEMEENTE = "gemeente"
    ANDERS = "anders"


class Uitkomst(StrEnum):
    REGELING_AFGESPROKEN = "regeling_afgesproken"
    BETALING_TOEGEZEGD = "betaling_toegezegd"
    KWIJTSCHELDING_GEADVISEERD = "kwijtschelding_geadviseerd"
    DOORVERWEZEN = "doorverwezen"
    INFORMATIE_GEGEVEN = "informatie_gegeven"
    GEGEVENS_OPGEVRAAGD = "gegevens_opgevraagd"
    TERUGBELLEN = "terugbellen"
    GEEN_CONTACT = "geen_contact"  # tried, nobody reached
    GEWEIGERD = "geweigerd"  # the debtor would not talk about the debt


class Omstandigheid(StrEnum):
    ZIEKTE = "ziekte"
    OVERLIJDEN_PARTNER = "overlijden_partner"
    SCHEIDING = "scheiding"
    WERKLOOSHEID = "werkloosheid"
    SCHULDHULP = "schuldhulp"  # schuldhulpverlening or WSNP
    BEWINDVOERING = "bewindvoering"
    VERSLAVING = "verslaving"
    DAKLOOSHEID = "dakloosheid"
    PSYCHISCH = "psychisch"
    LAAGGELETTERDHEID = "laaggeletterdheid"
    GEDUPEERDE_TOESLAGEN = "gedupeerde_toeslagen"  # recognised gedupeerde of the toeslagenaffaire
    VEEL_SCHULDEISERS = "veel_schuldeisers"
    MANTELZORG = "mantelzorg"
    ANDERS = "anders"


class Advies(StrEnum):
    """The bailiff's advice after a home visit."""

    MAATWERK = "maatwerk"
    STELLA = "stella"
    DOORVERWIJZEN = "doorverwijzen"
    INVORDERING_VOORTZETTEN = "invordering_voortzetten"


class Verwijzing(StrEnum):
    """To whom a debtor is referred."""

    GEMEENTE = "gemeente"
    SCHULDHULP = "schuldhulp"
    BEWINDVOERDER = "bewindvoerder"
    ANDERS = "anders"


class TaskStatus(StrEnum):
    OPEN = "open"
    GEDAAN = "gedaan"


class TaskEventKind(StrEnum):
    AANGEMAAKT = "aangemaakt"
    OVERGEDRAGEN = "overgedragen"
    GEDAAN = "gedaan"
    HEROPEND = "heropend"


class VisitStatus(StrEnum):
    GEPLAND = "gepland"
    AFGELEGD = "afgelegd"
    VERVALLEN = "vervallen"


#: (member, Dutch label); several vocabularies share a value ("anders", "gemeente", "schuldhulp"), and StrEnum
#: members with one value are equal, so the labels are keyed by (type, value), never by the member itself
_LABELLED: tuple[tuple[StrEnum, str], ...] = (
    (Kanaal.TELEFOON_IN, "telefoon (gebeld door de burger)"),
    (Kanaal.TELEFOON_UIT, "telefoon (wij belden)"),
    (Kanaal.BRIEF, "brief"),
    (Kanaal.EMAIL, "e-mail of Berichtenbox"),
    (Kanaal.BALIE, "balie"),
    (Kanaal.HUISBEZOEK, "huisbezoek"),
    (Kanaal.INTERMEDIAIR, "via een intermediair"),
    (Gesprekspartner.SCHULDENAAR, "de schuldenaar zelf"),
    (Gesprekspartner.PARTNER, "de partner"),
    (Gesprekspartner.BEWINDVOERDER, "de bewindvoerder"),
    (Gesprekspartner.SCHULDHULPVERLENER, "de schuldhulpverlener"),
    (Gesprekspartner.GEMEENTE, "de gemeente"),
    (Gesprekspartner.ANDERS, "iemand anders"),
    (Uitkomst.REGELING_AFGESPROKEN, "betalingsregeling afgesproken"),
    (Uitkomst.BETALING_TOEGEZEGD, "betaling toegezegd"),
    (Uitkomst.KWIJTSCHELDING_GEADVISEERD, "kwijtschelding aanvragen geadviseerd"),
    (Uitkomst.DOORVERWEZEN, "doorverwezen naar hulp"),
    (Uitkomst.INFORMATIE_GEGEVEN, "uitleg gegeven"),
    (Uitkomst.GEGEVENS_OPGEVRAAGD, "gegevens opgevraagd"),
    (Uitkomst.TERUGBELLEN, "terugbellen afgesproken"),
    (Uitkomst.GEEN_CONTACT, "geen contact gekregen"),
    (Uitkomst.GEWEIGERD, "wil niet over de schuld praten"),
    (Omstandigheid.ZIEKTE, "ziekte"),
    (Omstandigheid.OVERLIJDEN_PARTNER, "overlijden van de partner"),
    (Omstandigheid.SCHEIDING, "scheiding"),
    (Omstandigheid.WERKLOOSHEID, "werkloosheid"),
    (Omstandigheid.SCHULDHULP, "schuldhulpverlening of WSNP"),
    (Omstandigheid.BEWINDVOERING, "beschermingsbewind"),
    (Omstandigheid.VERSLAVING, "verslaving"),
    (Omstandigheid.DAKLOOSHEID, "dakloosheid"),
    (Omstandigheid.PSYCHISCH, "psychische problemen"),
    (Omstandigheid.LAAGGELETTERDHEID, "laaggeletterdheid"),
    (Omstandigheid.GEDUPEERDE_TOESLAGEN, "erkend gedupeerde toeslagenaffaire"),
    (Omstandigheid.VEEL_SCHULDEISERS, "veel schuldeisers"),
    (Omstandigheid.MANTELZORG, "zware mantelzorg"),
    (Omstandigheid.ANDERS, "andere bijzondere omstandigheid"),
    (Advies.MAATWERK, "maatwerk voorstellen"),
    (Advies.STELLA, "naar het Stella-team"),
    (Advies.DOORVERWIJZEN, "doorverwijzen naar hulp"),
    (Advies.INVORDERING_VOORTZETTEN, "invordering voortzetten"),
    (Verwijzing.GEMEENTE, "de gemeente"),
    (Verwijzing.SCHULDHULP, "schuldhulpverlening"),
    (Verwijzing.BEWINDVOERDER, "een bewindvoerder"),
    (Verwijzing.ANDERS, "een andere hulpverlener"),
    (TaskStatus.OPEN, "open"),
    (TaskStatus.GEDAAN, "gedaan"),
    (VisitStatus.GEPLAND, "gepland"),
    (VisitStatus.AFGELEGD, "afgelegd"),
    (VisitStatus.VERVALLEN, "vervallen"),
)
LABELS: dict[tuple[type[StrEnum], str], str] = {(type(m), m.value): text for m, text in _LABELLED}


def label(value: StrEnum) -> str:
    return LABELS[(type(value), value.value)]


#: Special personal data (AVG art. 9: health).  Their flag says "bijzonder persoonsgegeven", not which one.
ART9: frozenset[Omstandigheid] = frozenset({Omstandigheid.ZIEKTE, Omstandigheid.VERSLAVING, Omstandigheid.PSYCHISCH})

#: The flag code of the risk-to-staff marking.
RISICO = "risico_medewerkers"
#: The flag code every art. 9 omstandigheid raises.
GEVOELIG = "bijzonder_persoonsgegeven"
#: Every flag code an omstandigheid raises starts with this (the position's own flags never do).
FLAG_PREFIX = "omstandigheid_"


def flag_code(omstandigheid: Omstandigheid) -> str:
    """The code of the flag an omstandigheid raises on the debtor (art. 9 ones share one that names none)."""
    return FLAG_PREFIX + (GEVOELIG if omstandigheid in ART9 else omstandigheid.value)


def flag_label(code: str) -> str:
    """The Dutch label of a flag raised by an omstandigheid or the risk marking."""
    if code == RISICO:
        return "Risico voor medewerkers"
    rest = code.removeprefix(FLAG_PREFIX)
    if rest == GEVOELIG:
        return "Bijzondere omstandigheid (bijzonder persoonsgegeven)"
    try:
        return "Bijzondere omstandigheid: " + label(Omstandigheid(rest))
    except ValueError:
        return code


def flag_detail(code: str) -> str:
    """What the flag asks of the officer, in one Dutch line."""
    if code == RISICO:
        return "Ga niet alleen op huisbezoek; lees de reden voor u contact opneemt."
    if code.removeprefix(FLAG_PREFIX) == GEVOELIG:
        return "Er is een bijzonder persoonsgegeven vastgelegd; wie het nodig heeft ziet het bij Contacten."
    return "Houd hier rekening mee bij elke stap; de vlag blijft staan tot iemand hem beëindigt met een reden."


#: Channels on which the officer speaks with the person (strategy §5.5.1: "persoonlijk contact").
PERSONAL_CHANNELS: frozenset[Kanaal] = frozenset(
    {Kanaal.TELEFOON_IN, Kanaal.TELEFOON_UIT, Kanaal.BALIE, Kanaal.HUISBEZOEK}
)
#: Who speaks for the debtor: talking with them is talking with the debtor.
SPEAKS_FOR_DEBTOR: frozenset[Gesprekspartner] = frozenset({Gesprekspartner.SCHULDENAAR, Gesprekspartner.BEWINDVOERDER})


_NOT_THE_DEBTOR = frozenset({Gesprekspartner.SCHULDHULPVERLENER.value, Gesprekspartner.GEMEENTE.value})


def ladder_contact(kanaal: str, met: str | None, uitkomst: str | None, datum: dt.date) -> Contact | None:
    """The ladder's :class:`~caseworker_app.domain.rules.ladder.Contact` for one recorded contact, or None.

    Only personal channels count.  Reached: the debtor (or their bewindvoerder) was spoken to.  A call that got
    nobody, or only a partner, is an attempt (``bereikt=False``), which the proportionality guard also accepts
    ("contact -- or an attempt that failed").  A letter, an e-mail or a talk with the gemeente is no personal contact.
    """
    if kanaal not in PERSONAL_CHANNELS:
        return None
    from caseworker_app.domain.rules.ladder import Contact

    who = met or Gesprekspartner.SCHULDENAAR.value
    if who in _NOT_THE_DEBTOR:
        return None
    reached = who in SPEAKS_FOR_DEBTOR and uitkomst != Uitkomst.GEEN_CONTACT
    return Contact(datum, bereikt=reached)


class TextProblem(ValueError):
    """Why a text cannot be stored (Dutch, for the message)."""


def clean_text(value: str | None, *, required: bool = True) -> str | None:
    """``value`` exactly as typed, or :class:`TextProblem` saying why it cannot be stored.

    Nothing is trimmed or normalised: what the officer typed is what the record says.  Empty (or only spaces)
    is refused when ``required``; an optional empty text is None.  Refused: more than :data:`MAX_TEXT` characters,
    a NUL character and lone surrogates (no database can store them; they come from broken pastes).
    """
    if value is None or not value.strip():
        if required:
            raise TextProblem("de tekst is leeg")
        return None
    if len(value) > MAX_TEXT:
        raise TextProblem(f"de tekst is {len(value):,} tekens; de grens is {MAX_TEXT:,}".replace(",", "."))
    if "\x00" in value:
        raise TextProblem("de tekst bevat een NUL-teken; plak hem opnieuw als platte tekst")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise TextProblem("de tekst bevat ongeldige tekens; plak hem opnieuw als platte tekst") from None
    return value


def parse_code(enum: type[E], value: str | None) -> E:
    """``value`` as a member of ``enum``; ValueError names the valid codes."""
    try:
        return enum(value or "")
    except ValueError:
        raise ValueError(", ".join(m.value for m in enum)) from None
