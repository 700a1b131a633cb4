"""The list-of-objects input kinds: ``perioden``, ``termijnen``, ``claims``, ``boekingen``, ``stappen``, ``datums``.

Each element is checked for unknown and missing keys; errors name the position (``uitstel[0].tot``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain.calc.parsing import amount, boolean, choice, invalid, lst, obj, parse_date, require
from caseworker_app.domain.rules import signalen, verjaring
from caseworker_app.domain.rules.ladder import StepTaken
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
        o = obj(item, where, ("stap", "datum", "per_post", "alleen_stuiten"))
        require(o, where, ("stap", "datum"))
        steps.append(
            StepTaken(
                EnforcementStep(choice(o["stap"], f"{where}.stap", tuple(s.value for s in EnforcementStep))),
                parse_date(o["datum"], f"{where}.datum"),
                per_post=boolean(o.get("per_post", True), f"{where}.per_post"),
                alleen_stuiten=boolean(o.get("alleen_stuiten", False), f"{where}.alleen_stuiten"),
            )
        )
    return steps


PARSERS: dict[str, Any] = {
    "datums": datums,
    "perioden": perioden,
    "termijnen": termijnen,
    "claims": claims,
    "boekingen": boekingen,
    "stappen": stappen,
}
