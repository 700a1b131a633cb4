"""The list-of-objects input kinds: ``perioden``, ``termijnen``, ``claims``, ``boekingen``, ``stappen``, ``datums``.

Each element is checked for unknown and missing keys; errors name the position (``uitstel[0].tot``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain.calc.parsing import amount, boolean, choice, invalid, lst, obj, parse_date, require
from caseworker_app.domain.measures import PAUZE_ONDERDELEN, ClaimEffect, MeasureKind, effects_of
from caseworker_app.domain.rules import signalen, verjaring
from caseworker_app.domain.rules.ladder import Contact, StepTaken
from caseworker_app.domain.rules.position import Booking
from caseworker_app.domain.types import BookingKind, EnforcementStep, Middel


def datums(value: object, name: str) -> list[date]:
    return [parse_date(item, f"{name}[{i}]") for i, item in enumerate(lst(value, name))]


def perioden(value: object, name: str) -> list[verjaring.Periode]:
    periods = []
    for i, item in enumerate(lst(value, name)):
        where = f"{name}[{i}]"
        o = obj(item, where, ("van", "tot"))
        if "van" not in o or "tot" not in o:
            raise ValidationError("missing_field", field=f"{where}.{'van' if 'van' not in o else 'tot'}")
        van, tot = parse_date(o["van"], f"{where}.van"), parse_date(o["tot"], f"{where}.tot")
        if tot < van:
            raise invalid(where, "'tot' ligt voor 'van'")
        periods.append(verjaring.Periode(van, tot))
    return periods


def termijnen(value: object, name: str) -> list[tuple[date, Decimal]]:
    items = []
    for i, item in enumerate(lst(value, name)):
        where = f"{name}[{i}]"
        o = obj(item, where, ("datum", "bedrag"))
        require(o, where, ("datum", "bedrag"))
        items.append((parse_date(o["datum"], f"{where}.datum"), amount(o["bedrag"], f"{where}.bedrag")))
    return items


def claims(value: object, name: str) -> list[signalen.SignalClaim]:
    keys = ("middel", "open", "aanmaning_verstuurd", "uitstel", "ambtshalve", "kenmerk")
    found = []
    for i, item in enumerate(lst(value, name)):
        where = f"{name}[{i}]"
        o = obj(item, where, keys)
        require(o, where, ("middel", "open"))
        found.append(
            signalen.SignalClaim(
                middel=Middel(choice(o["middel"], f"{where}.middel", tuple(m.value for m in Middel))),
                open=amount(o["open"], f"{where}.open", allow_negative=True),
                aanmaning_verstuurd=boolean(o.get("aanmaning_verstuurd", False), f"{where}.aanmaning_verstuurd"),
                uitstel=boolean(o.get("uitstel", False), f"{where}.uitstel"),
                ambtshalve=boolean(o.get("ambtshalve", False), f"{where}.ambtshalve"),
                kenmerk=str(o["kenmerk"]) if o.get("kenmerk") is not None else None,
            )
        )
    return found


def boekingen(value: object, name: str) -> list[Booking]:
    bookings = []
    for i, item in enumerate(lst(value, name)):
        where = f"{name}[{i}]"
        o = obj(item, where, ("soort", "bedrag", "datum"))
        require(o, where, ("soort", "bedrag", "datum"))
        soort = BookingKind(choice(o["soort"], f"{where}.soort", tuple(b.value for b in BookingKind)))
        value_ = amount(o["bedrag"], f"{where}.bedrag")
        bookings.append(Booking(soort, value_ if soort.is_debit else -value_, parse_date(o["datum"], f"{where}.datum")))
    return bookings


def stappen(value: object, name: str) -> list[StepTaken]:
    steps = []
    for i, item in enumerate(lst(value, name)):
        where = f"{name}[{i}]"
        o = obj(item, where, ("stap", "datum", "per_post", "alleen_stuiten", "stuit"))
        require(o, where, ("stap", "datum"))
        steps.append(
            StepTaken(
                EnforcementStep(choice(o["stap"], f"{where}.stap", tuple(s.value for s in EnforcementStep))),
                parse_date(o["datum"], f"{where}.datum"),
                per_post=boolean(o.get("per_post", True), f"{where}.per_post"),
                alleen_stuiten=boolean(o.get("alleen_stuiten", False), f"{where}.alleen_stuiten"),
                stuit=None if o.get("stuit") is None else boolean(o["stuit"], f"{where}.stuit"),
            )
        )
    return steps


def maatregelen(value: object, name: str) -> list[ClaimEffect]:
    """Measures on the claim, ``{"soort", "van", "tot", "onderdelen", "bedrag"}`` each: their effects, in order."""
    effects: list[ClaimEffect] = []
    for i, item in enumerate(lst(value, name)):
        where = f"{name}[{i}]"
        o = obj(item, where, ("soort", "van", "tot", "onderdelen", "bedrag"))
        require(o, where, ("soort", "van"))
        soort = choice(o["soort"], f"{where}.soort", tuple(k.value for k in MeasureKind))
        van = parse_date(o["van"], f"{where}.van")
        tot = None if o.get("tot") is None else parse_date(o["tot"], f"{where}.tot")
        onderdelen = None
        if o.get("onderdelen") is not None:
            onderdelen = [choice(x, f"{where}.onderdelen[{j}]", tuple(PAUZE_ONDERDELEN))
                          for j, x in enumerate(lst(o["onderdelen"], f"{where}.onderdelen"))]
        bedrag = None if o.get("bedrag") is None else amount(o["bedrag"], f"{where}.bedrag")
        try:
            effects += effects_of(soort, van, tot, onderdelen=onderdelen, amount=bedrag, measure_id=i + 1)
        except ValidationError as exc:  # name the position of the measure, not only its field
            raise invalid(f"{where}.{exc.params.get('field', 'soort')}", str(exc.params.get("reason", exc))) from None
    return effects


def contacten(value: object, name: str) -> list[Contact]:
    """Personal contact moments, ``{"datum", "bereikt"}`` each (``bereikt`` false: tried, nobody reached)."""
    found = []
    for i, item in enumerate(lst(value, name)):
        where = f"{name}[{i}]"
        o = obj(item, where, ("datum", "bereikt"))
        require(o, where, ("datum",))
        day = parse_date(o["datum"], f"{where}.datum")
        found.append(Contact(day, boolean(o.get("bereikt", True), f"{where}.bereikt")))
    return found


PARSERS: dict[str, Any] = {
    "datums": datums,
    "perioden": perioden,
    "termijnen": termijnen,
    "claims": claims,
    "boekingen": boekingen,
    "stappen": stappen,
    "maatregelen": maatregelen,
    "contacten": contacten,
}
