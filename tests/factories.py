"""Small builders for test data, written through the services' audited unit of work."""

from __future__ import annotations

import datetime as dt
import itertools
from contextlib import AbstractContextManager
from decimal import Decimal

from sqlalchemy.orm import Session

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.search import search_name
from caseworker_app.domain.types import (
    BookingKind,
    ClaimKind,
    Creditor,
    Doelgroep,
    EnforcementStep,
    Middel,
    PersonKind,
    Role,
)

from caseworker_app.db.models import Booking, Claim, Debtor, EnforcementAction, Household

from caseworker_app.services import admin, users
from caseworker_app.services.context import LOCAL_PROFILE_ROLES, Context, Database

# valid BSNs (11-proef), distinct, for tests
BSNS = ["111222333", "123456782", "249566758", "999993653", "100000009", "100000010"]
_refs = itertools.count(1)


def open_context(url: str, login: str | None = None) -> Context:
    """Upgrade ``url`` and log in; the first user gets every working role on both backends.

    (On PostgreSQL the bootstrap user is only an admin, as in production; tests want one person
    who can do everything, like the SQLite local profile.)
    """
    admin.upgrade(url)
    ctx = Database.open(url).login(login)
    if ctx.db.is_shared and Role.CASEWORKER not in ctx.actor.roles:
        users.set_roles(ctx, ctx.actor.login, LOCAL_PROFILE_ROLES)
        ctx = ctx.db.login(login)
    return ctx


def writing(
    ctx: Context, permission: Permission = Permission.MANAGE_DATABASE, operation: str = "test.setup"
) -> AbstractContextManager[Session]:
    """A unit of work for writing test data directly (audited), as the demo generator does: needs the admin role."""
    return ctx.unit_of_work(permission, operation=operation)


def add_debtor(
    ctx: Context,
    *,
    bsn: str = "111222333",
    voornamen: str = "Jan",
    tussenvoegsel: str | None = None,
    achternaam: str = "Jansen",
    postcode: str = "3511AB",
    huisnummer: int = 12,
    woonplaats: str = "Utrecht",
    leefsituatie: str | None = "alleenstaande",
) -> int:
    with writing(ctx) as session:
        household = Household(leefsituatie=leefsituatie) if leefsituatie else None
        debtor = Debtor(
            kind=PersonKind.NATUURLIJK_PERSOON,
            doelgroep=Doelgroep.PARTICULIER,
            bsn=bsn,
            voornamen=voornamen,
            tussenvoegsel=tussenvoegsel,
            achternaam=achternaam,
            search_name=search_name(achternaam, voornamen, tussenvoegsel),
            geboortedatum=dt.date(1980, 5, 17),
            straat="Oudegracht",
            huisnummer=huisnummer,
            postcode=postcode,
            woonplaats=woonplaats,
            household=household,
        )
        session.add(debtor)
        session.flush()
        return debtor.id


def add_claim(
    ctx: Context,
    debtor_id: int,
    *,
    middel: Middel = Middel.IB,
    amount: str = "1000.00",
    dagtekening: dt.date = dt.date(2025, 3, 1),
    payments: tuple[tuple[dt.date, str], ...] = (),
    verrekeningen: tuple[tuple[dt.date, str], ...] = (),
    steps: tuple[tuple[EnforcementStep, dt.date, str], ...] = (),
    reference: str | None = None,
) -> int:
    soort = ClaimKind.TERUGVORDERING if middel.creditor is Creditor.TOESLAGEN else ClaimKind.AANSLAG
    with writing(ctx) as session:
        claim = Claim(
            debtor_id=debtor_id,
            creditor=middel.creditor,
            middel=middel,
            soort=soort,
            reference=reference or f"T{next(_refs):09d}",
            tijdvak_van=dt.date(dagtekening.year - 1, 1, 1),
            tijdvak_tot=dt.date(dagtekening.year - 1, 12, 31),
            dagtekening=dagtekening,
            vervaldatum=dagtekening + dt.timedelta(weeks=6),
            original_amount=Decimal(amount),
        )
        session.add(claim)
        session.flush()
        session.add(
            Booking(
                claim_id=claim.id,
                kind=BookingKind.AANSLAG,
                amount=Decimal(amount),
                booking_date=dagtekening,
                created_by=ctx.actor.login,
            )
        )
        for date, value in payments:
            session.add(
                Booking(
                    claim_id=claim.id,
                    kind=BookingKind.BETALING,
                    amount=-Decimal(value),
                    booking_date=date,
                    created_by=ctx.actor.login,
                )
            )
        for date, value in verrekeningen:
            session.add(
                Booking(
                    claim_id=claim.id,
                    kind=BookingKind.VERREKENING,
                    amount=-Decimal(value),
                    booking_date=date,
                    source="teruggaaf IB",
                    created_by=ctx.actor.login,
                )
            )
        for step, date, cost in steps:
            session.add(
                EnforcementAction(
                    claim_id=claim.id, step=step, action_date=date, costs=Decimal(cost), created_by=ctx.actor.login
                )
            )
            if Decimal(cost) > 0:
                session.add(
                    Booking(
                        claim_id=claim.id,
                        kind=BookingKind.KOSTEN,
                        amount=Decimal(cost),
                        booking_date=date,
                        source=step.value,
                        created_by=ctx.actor.login,
                    )
                )
        session.flush()
        return claim.id
