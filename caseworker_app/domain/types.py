"""The shared vocabulary: identifiers and enumerations every layer speaks.

Values are the stored strings (lowercase, Dutch domain terms); labels for the interface live in
:data:`LABELS` so that the domain stays free of Qt.  Adding a member is a schema change only where
a table constrains the column (see the ``db/models`` package).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NewType, TypeVar

from caseworker_app.domain.measures import MeasureKind

DebtorId = NewType("DebtorId", int)
ClaimId = NewType("ClaimId", int)
UserId = NewType("UserId", int)
HouseholdId = NewType("HouseholdId", int)


class PersonKind(StrEnum):
    NATUURLIJK_PERSOON = "natuurlijk_persoon"
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon"


class Doelgroep(StrEnum):
    """The three target groups of the invorderingsstrategie (rules.md §9)."""

    PARTICULIER = "particulier"
    ONDERNEMER = "ondernemer"  # ondernemer-natuurlijk persoon (eenmanszaak, zzp)
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon"


class Leefsituatie(StrEnum):
    """Leefsituatie for the beslagvrije voet and kosten van bestaan (Rv 475da)."""

    ALLEENSTAANDE = "alleenstaande"
    ALLEENSTAANDE_OUDER = "alleenstaande_ouder"
    GEHUWD_ZONDER_KINDEREN = "gehuwd_zonder_kinderen"
    GEHUWD_MET_KINDEREN = "gehuwd_met_kinderen"


class Creditor(StrEnum):
    BELASTINGDIENST = "belastingdienst"
    TOESLAGEN = "toeslagen"


class Middel(StrEnum):
    """Belastingmiddel or toeslag a claim is about (rules.md §14)."""

    # Belastingdienst
    IB = "ib"  # inkomstenbelasting/premie volksverzekeringen
    ZVW = "zvw"  # inkomensafhankelijke bijdrage Zvw
    OB = "ob"  # omzetbelasting
    LH = "lh"  # loonheffingen
    MRB = "mrb"  # motorrijtuigenbelasting
    BPM = "bpm"
    VPB = "vpb"  # vennootschapsbelasting
    ERF = "erf"  # erf- en schenkbelasting
    # Dienst Toeslagen
    ZT = "zt"  # zorgtoeslag
    HT = "ht"  # huurtoeslag
    KOT = "kot"  # kinderopvangtoeslag
    KGB = "kgb"  # kindgebonden budget

    @property
    def creditor(self) -> Creditor:
        return Creditor.TOESLAGEN if self in _TOESLAGEN else Creditor.BELASTINGDIENST


_TOESLAGEN = frozenset({Middel.ZT, Middel.HT, Middel.KOT, Middel.KGB})


class ClaimKind(StrEnum):
    """Soort aanslag or beschikking; decides the betaaltermijn (IW 9, Awir 28)."""

    AANSLAG = "aanslag"  # (definitieve or voorlopige) aanslag: 6 weeks
    NAVORDERINGSAANSLAG = "navorderingsaanslag"  # 1 month
    NAHEFFINGSAANSLAG = "naheffingsaanslag"  # 14 days
    TERUGVORDERING = "terugvordering"  # toeslag terugvorderingsbeschikking: 6 weeks
    AANSPRAKELIJKSTELLING = "aansprakelijkstelling"


class BookingKind(StrEnum):
    """Kinds of ledger bookings.  Debits raise the balance, credits lower it."""

    AANSLAG = "aanslag"
    KOSTEN = "kosten"
    RENTE = "rente"
    BETALING = "betaling"
    VERREKENING = "verrekening"
    VERMINDERING = "vermindering"
    KWIJTSCHELDING = "kwijtschelding"
    AFBOEKING = "afboeking"

    @property
    def is_debit(self) -> bool:
        return self in DEBIT_BOOKINGS


DEBIT_BOOKINGS = frozenset({BookingKind.AANSLAG, BookingKind.KOSTEN, BookingKind.RENTE})


class EnforcementStep(StrEnum):
    """Steps on the enforcement ladder (rules.md §5.1, §15), in ladder order."""

    BETALINGSHERINNERING = "betalingsherinnering"
    AANMANING = "aanmaning"
    DWANGBEVEL = "dwangbevel"
    HERNIEUWD_BEVEL = "hernieuwd_bevel"
    VORDERING = "vordering"
    BESLAG = "beslag"
    EXECUTIE = "executie"
    STUITINGSBRIEF = "stuitingsbrief"

    @property
    def rank(self) -> int:
        return _LADDER.index(self) if self in _LADDER else -1

    @property
    def stuit(self) -> bool:
        """Whether this step interrupts verjaring (Awb 4:105-4:106, IW 27)."""
        return self is not EnforcementStep.BETALINGSHERINNERING


_LADDER = [
    EnforcementStep.BETALINGSHERINNERING,
    EnforcementStep.AANMANING,
    EnforcementStep.DWANGBEVEL,
    EnforcementStep.HERNIEUWD_BEVEL,
    EnforcementStep.VORDERING,
    EnforcementStep.BESLAG,
    EnforcementStep.EXECUTIE,
]


class Role(StrEnum):
    CASEWORKER = "caseworker"
    BAILIFF = "bailiff"
    TEAMLEAD = "teamlead"
    STELLA = "stella"
    AUDITOR = "auditor"
    ADMIN = "admin"


#: Dutch labels for the interface, the command line and letters.  Keyed by member, looked up by (type, value):
#: the same word can be two things ("aanslag" is a kind of claim and a kind of booking; a "vordering" is a
#: claim in ordinary speech and a garnishment under IW 1990 art. 19), so a bare string is never enough.
LABELS: dict[StrEnum, str] = {
    PersonKind.NATUURLIJK_PERSOON: "natuurlijk persoon",
    PersonKind.NIET_NATUURLIJK_PERSOON: "niet-natuurlijk persoon",
    Doelgroep.PARTICULIER: "particulier",
    Doelgroep.ONDERNEMER: "ondernemer",
    Leefsituatie.ALLEENSTAANDE: "alleenstaande",
    Leefsituatie.ALLEENSTAANDE_OUDER: "alleenstaande ouder",
    Leefsituatie.GEHUWD_ZONDER_KINDEREN: "gehuwd of samenwonend, zonder kinderen",
    Leefsituatie.GEHUWD_MET_KINDEREN: "gehuwd of samenwonend, met kinderen",
    Creditor.BELASTINGDIENST: "Belastingdienst",
    Creditor.TOESLAGEN: "Dienst Toeslagen",
    Middel.IB: "inkomstenbelasting",
    Middel.ZVW: "bijdrage Zvw",
    Middel.OB: "omzetbelasting",
    Middel.LH: "loonheffingen",
    Middel.MRB: "motorrijtuigenbelasting",
    Middel.BPM: "bpm",
    Middel.VPB: "vennootschapsbelasting",
    Middel.ERF: "erf- en schenkbelasting",
    Middel.ZT: "zorgtoeslag",
    Middel.HT: "huurtoeslag",
    Middel.KOT: "kinderopvangtoeslag",
    Middel.KGB: "kindgebonden budget",
    ClaimKind.AANSLAG: "aanslag",
    ClaimKind.NAVORDERINGSAANSLAG: "navorderingsaanslag",
    ClaimKind.NAHEFFINGSAANSLAG: "naheffingsaanslag",
    ClaimKind.TERUGVORDERING: "terugvordering",
    ClaimKind.AANSPRAKELIJKSTELLING: "aansprakelijkstelling",
    BookingKind.KOSTEN: "kosten",
    BookingKind.RENTE: "invorderingsrente",
    BookingKind.BETALING: "betaling",
    BookingKind.VERREKENING: "verrekening",
    BookingKind.VERMINDERING: "vermindering",
    BookingKind.KWIJTSCHELDING: "kwijtschelding",
    BookingKind.AFBOEKING: "afboeking",
    EnforcementStep.BETALINGSHERINNERING: "betalingsherinnering",
    EnforcementStep.AANMANING: "aanmaning",
    EnforcementStep.DWANGBEVEL: "dwangbevel",
    EnforcementStep.HERNIEUWD_BEVEL: "hernieuwd bevel tot betaling",
    EnforcementStep.VORDERING: "vordering (IW art. 19)",
    EnforcementStep.BESLAG: "beslag",
    EnforcementStep.EXECUTIE: "executie",
    EnforcementStep.STUITINGSBRIEF: "stuitingsbrief",
    MeasureKind.INVORDERINGSPAUZE: "invorderingspauze",
    MeasureKind.GEEN_DWANG: "geen dwanginvordering",
    MeasureKind.GEEN_VERREKENING: "geen verrekening",
    MeasureKind.KOSTEN_VERMINDERING: "vermindering van kosten",
    MeasureKind.RENTE_VERMINDERING: "vermindering van invorderingsrente",
    MeasureKind.NIET_STUITEN: "niet stuiten",
    MeasureKind.STUITEN: "stuiten met reden",
    MeasureKind.BVV_VERHOGING: "verhoging van de beslagvrije voet",
    MeasureKind.BUITEN_INVORDERING: "buiten invordering",
    MeasureKind.EERST_CONTACT: "eerst persoonlijk contact",
    MeasureKind.BETALINGSREGELING: "betalingsregeling",
    MeasureKind.UITSTEL: "uitstel van betaling",
    MeasureKind.KWIJTSCHELDINGSVERZOEK: "kwijtscheldingsverzoek",
    Role.CASEWORKER: "invorderaar",
    Role.BAILIFF: "belastingdeurwaarder",
    Role.TEAMLEAD: "teamleider",
    Role.STELLA: "Stella-team",
    Role.AUDITOR: "auditor",
    Role.ADMIN: "beheerder",
}


_BY_TYPE: dict[tuple[type[StrEnum], str], str] = {(type(member), member.value): text for member, text in LABELS.items()}

E = TypeVar("E", bound=StrEnum)


def label(value: StrEnum) -> str:
    """The Dutch label of an enumeration member (its value when none is set).

    Only members: a stored string is first turned into its enum (``label(Middel(row.middel))``, or
    :func:`label_of`), so that a word that means two things is never labelled as the wrong one.
    """
    if not isinstance(value, StrEnum):
        raise TypeError(f"label() needs an enum member, not {value!r}: use label_of(EnumType, value)")
    return _BY_TYPE.get((type(value), value.value), value.value)


def label_of(enum: type[E], value: str) -> str:
    """The Dutch label of the stored ``value`` of ``enum`` (the value itself when it is not a member)."""
    try:
        return label(enum(value))
    except ValueError:
        return value
