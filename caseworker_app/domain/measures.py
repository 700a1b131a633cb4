"""Measures and the effects the rules engine honours (issue 9: "measures with effects, in the domain").

A *measure* is what a person decided for a debtor: an invorderingspauze, a betalingsregeling, uitstel, a
kwijtscheldingsverzoek under treatment, maatwerk such as ``geen_verrekening`` or ``kosten_vermindering``.
Where it is stored, who proposed and who approved it, and for which claims, is the services' business.
What it *does* is the domain's: :func:`effects_of` turns one measure into its :class:`ClaimEffect` values,
and the rules engine reads nothing else (``ClaimFacts.effects``).  Several measures on one claim are just
more effects in the tuple: they combine, they never overwrite each other (a regeling and a pause on one
claim keep both).

Usage::

    effects = (
        *effects_of(MeasureKind.BETALINGSREGELING, date(2026, 1, 5), date(2027, 1, 4), measure_id=7),
        *effects_of(MeasureKind.INVORDERINGSPAUZE, date(2026, 6, 1), None, onderdelen=("dwang", "rente")),
    )
    facts = ClaimFacts(..., effects=effects)

Effects and what the engine does with them (``domain/rules/position.py``, ``ladder.py``):

=====================  ==================================================================================
``geen_dwang``         no next enforcement step while active (the ladder stops where it is)
``geen_contact``       no contact about payment while active (no reminders, no calls asking for payment)
``geen_rente``         no invorderingsrente accrues on the days of the period (by period, not all or nothing)
``geen_kosten``        costs booked on a day of the period are not charged; the next step's costs are nil
``kosten_kwijt``       costs booked up to the end of the period waived: all of them, or up to ``amount``
``rente_kwijt``        rente waived: with ``amount`` up to that amount; without, all rente booked or
                       accruing up to the end of the period
``geen_verrekening``   no verrekening; with ``amount``: verrekening only up to that amount a month
``geen_stuiting``      "niet stuiten": the stuiting advice is never "stuiten"
``stuiting_toegestaan`` the exception to "niet stuiten, tenzij", with a recorded good reason
``bvv_verhoging``      the beslagvrije voet is raised by ``amount`` a month (costs the norm misses)
``buiten_invordering`` the (rest)debt is not collected (with ``geen_dwang`` and ``geen_contact``)
``eerst_contact``      no step before someone has spoken with the debtor since the measure started
``uitstel``            uitstel van betaling: no dwang (IW 1990 art. 25) and the verjaring is extended by
                       its duration (Awb 4:111); a running betalingsregeling is uitstel
``kwijtscheldingsverzoek`` a request is being treated: no dwang (URIW art. 9)
=====================  ==================================================================================

A period is ``van`` t/m ``tot`` (both inclusive); ``tot=None`` is open-ended.  Pure: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from caseworker_app.errors import ValidationError


class MeasureKind(StrEnum):
    """The kinds of measure a caseworker proposes or a capability records (issue 10; strategy §5.1.3)."""

    INVORDERINGSPAUZE = "invorderingspauze"
    GEEN_DWANG = "geen_dwang"
    GEEN_VERREKENING = "geen_verrekening"
    KOSTEN_VERMINDERING = "kosten_vermindering"
    RENTE_VERMINDERING = "rente_vermindering"
    NIET_STUITEN = "niet_stuiten"
    STUITEN = "stuiten"  # the exception to "niet stuiten, tenzij", with a recorded good reason (VM 43)
    BVV_VERHOGING = "bvv_verhoging"
    BUITEN_INVORDERING = "buiten_invordering"
    EERST_CONTACT = "eerst_contact"
    BETALINGSREGELING = "betalingsregeling"
    UITSTEL = "uitstel"
    KWIJTSCHELDINGSVERZOEK = "kwijtscheldingsverzoek"


class Effect(StrEnum):
    """What a measure does to a claim; the rules engine honours each (see the module docstring)."""

    GEEN_DWANG = "geen_dwang"
    GEEN_CONTACT = "geen_contact"
    GEEN_RENTE = "geen_rente"
    GEEN_KOSTEN = "geen_kosten"
    KOSTEN_KWIJT = "kosten_kwijt"
    RENTE_KWIJT = "rente_kwijt"
    GEEN_VERREKENING = "geen_verrekening"
    GEEN_STUITING = "geen_stuiting"
    STUITING_TOEGESTAAN = "stuiting_toegestaan"
    BVV_VERHOGING = "bvv_verhoging"
    BUITEN_INVORDERING = "buiten_invordering"
    EERST_CONTACT = "eerst_contact"
    UITSTEL = "uitstel"
    KWIJTSCHELDINGSVERZOEK = "kwijtscheldingsverzoek"


#: The switches of an invorderingspauze (issue 10: ``--onderdelen dwang,contact,rente,kosten``).
PAUZE_ONDERDELEN: dict[str, Effect] = {
    "dwang": Effect.GEEN_DWANG,
    "contact": Effect.GEEN_CONTACT,
    "rente": Effect.GEEN_RENTE,
    "kosten": Effect.GEEN_KOSTEN,
}

_SIMPLE: dict[MeasureKind, tuple[Effect, ...]] = {
    MeasureKind.GEEN_DWANG: (Effect.GEEN_DWANG,),
    MeasureKind.GEEN_VERREKENING: (Effect.GEEN_VERREKENING,),
    MeasureKind.KOSTEN_VERMINDERING: (Effect.KOSTEN_KWIJT,),
    MeasureKind.RENTE_VERMINDERING: (Effect.RENTE_KWIJT,),
    MeasureKind.NIET_STUITEN: (Effect.GEEN_STUITING,),
    MeasureKind.STUITEN: (Effect.STUITING_TOEGESTAAN,),
    MeasureKind.BVV_VERHOGING: (Effect.BVV_VERHOGING,),
    MeasureKind.BUITEN_INVORDERING: (Effect.BUITEN_INVORDERING, Effect.GEEN_DWANG, Effect.GEEN_CONTACT),
    MeasureKind.EERST_CONTACT: (Effect.EERST_CONTACT,),
    MeasureKind.BETALINGSREGELING: (Effect.UITSTEL,),
    MeasureKind.UITSTEL: (Effect.UITSTEL,),
    MeasureKind.KWIJTSCHELDINGSVERZOEK: (Effect.KWIJTSCHELDINGSVERZOEK,),
}

#: Effects whose ``amount`` means something; for the others an amount is refused.
_AMOUNT_EFFECTS = frozenset({Effect.KOSTEN_KWIJT, Effect.RENTE_KWIJT, Effect.GEEN_VERREKENING, Effect.BVV_VERHOGING})


@dataclass(frozen=True, slots=True)
class ClaimEffect:
    """One effect of one measure on one claim, for ``van`` t/m ``tot`` (``tot=None``: open-ended)."""

    effect: Effect
    van: date
    tot: date | None
    amount: Decimal | None
    kind: MeasureKind
    measure_id: object = None

    def active_on(self, day: date) -> bool:
        return self.van <= day and (self.tot is None or day <= self.tot)

    def end(self, today: date) -> date:
        """The last day the effect has worked by ``today`` (its ``tot``, or ``today`` while it runs)."""
        return self.tot if self.tot is not None and self.tot < today else max(today, self.van)


def _invalid(field: str, reason: str) -> ValidationError:
    return ValidationError("invalid_field", field=field, reason=reason)


def effects_of(
    kind: MeasureKind | str,
    van: date,
    tot: date | None = None,
    *,
    onderdelen: Iterable[str] | None = None,
    amount: Decimal | None = None,
    measure_id: object = None,
) -> tuple[ClaimEffect, ...]:
    """The effects of one measure of ``kind`` for ``van`` t/m ``tot``.

    ``onderdelen`` (only for an invorderingspauze) chooses its switches among ``dwang``, ``contact``, ``rente``
    and ``kosten``; left out, the pause has all four.  ``amount`` is the sum a ``kosten_vermindering`` or
    ``rente_vermindering`` waives (left out: everything), the monthly ceiling of a ``geen_verrekening``
    (left out: no verrekening at all) and the monthly raise of a ``bvv_verhoging`` (required).  Wrong input
    raises ``ValidationError`` with a Dutch reason naming the field.
    """
    try:
        kind = MeasureKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in MeasureKind)
        raise _invalid("soort", f"'{kind}' is geen soort maatregel; kies uit {choices}") from None
    if tot is not None and tot < van:
        raise _invalid("tot", "de einddatum ligt voor de begindatum")
    if kind is MeasureKind.INVORDERINGSPAUZE:
        chosen = tuple(PAUZE_ONDERDELEN) if onderdelen is None else tuple(dict.fromkeys(onderdelen))
        unknown = [o for o in chosen if o not in PAUZE_ONDERDELEN]
        if unknown or not chosen:
            choices = ", ".join(PAUZE_ONDERDELEN)
            raise _invalid(
                "onderdelen",
                f"'{', '.join(unknown)}' is geen onderdeel van een invorderingspauze; kies uit {choices}"
                if unknown
                else f"kies ten minste één onderdeel: {choices}",
            )
        effects: tuple[Effect, ...] = tuple(PAUZE_ONDERDELEN[o] for o in chosen)
    else:
        if onderdelen is not None:
            raise _invalid("onderdelen", "alleen een invorderingspauze heeft onderdelen")
        effects = _SIMPLE[kind]
    if amount is not None:
        if not any(e in _AMOUNT_EFFECTS for e in effects):
            raise _invalid("bedrag", f"een maatregel '{kind.value}' heeft geen bedrag")
        if amount < 0:
            raise _invalid("bedrag", "een bedrag hier mag niet negatief zijn")
    elif kind is MeasureKind.BVV_VERHOGING:
        raise _invalid("bedrag", "geef aan met hoeveel euro per maand de beslagvrije voet omhoog gaat")
    return tuple(
        ClaimEffect(effect, van, tot, amount if effect in _AMOUNT_EFFECTS else None, kind, measure_id)
        for effect in effects
    )


def flag_effects(kind: MeasureKind | str, day: date, measure_id: object = None) -> tuple[ClaimEffect, ...]:
    """The effects of a measure known only to hold on ``day`` (a yes/no flag without a period).

    It stops the ladder on that day like the measure itself, but changes nothing that needs its period: no
    verjaring extension, no days without rente, nothing waived.  (``caseworker calc positie`` takes such flags.)
    """
    kind = MeasureKind(kind)
    if kind is MeasureKind.KWIJTSCHELDINGSVERZOEK:
        return (ClaimEffect(Effect.KWIJTSCHELDINGSVERZOEK, day, day, None, kind, measure_id),)
    return (ClaimEffect(Effect.GEEN_DWANG, day, day, None, kind, measure_id),)


# ----------------------------------------------------------------------------------- reading a set of effects


def active(effects: Iterable[ClaimEffect], day: date, effect: Effect | None = None) -> tuple[ClaimEffect, ...]:
    """The effects that work on ``day`` (of one kind of effect, when given)."""
    return tuple(e for e in effects if (effect is None or e.effect is effect) and e.active_on(day))


def has_active(effects: Iterable[ClaimEffect], day: date, kind: MeasureKind, effect: Effect | None = None) -> bool:
    """Whether a measure of ``kind`` works on ``day`` (``under_regeling``, ``paused`` are derived this way)."""
    return any(e.kind is kind and (effect is None or e.effect is effect) and e.active_on(day) for e in effects)


def bvv_verhoging(effects: Iterable[ClaimEffect], day: date) -> Decimal:
    """By how much the beslagvrije voet is raised on ``day`` (the raises of several measures add up)."""
    return sum((e.amount or Decimal(0) for e in active(effects, day, Effect.BVV_VERHOGING)), Decimal(0))


def verrekening_ruimte(effects: Iterable[ClaimEffect], day: date) -> Decimal | None:
    """How much may be verrekend a month on ``day``: ``None`` without limit, ``0`` not at all (the lowest wins)."""
    limits = [e.amount if e.amount is not None else Decimal(0) for e in active(effects, day, Effect.GEEN_VERREKENING)]
    return min(limits) if limits else None


__all__ = [
    "PAUZE_ONDERDELEN",
    "ClaimEffect",
    "Effect",
    "MeasureKind",
    "active",
    "bvv_verhoging",
    "effects_of",
    "flag_effects",
    "has_active",
    "verrekening_ruimte",
]
