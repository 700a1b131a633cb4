"""Small builders for test data, written through the services' audited unit of work."""

from __future__ import annotations

import datetime as dt
import itertools
from contextlib import AbstractContextManager
from decimal import Decimal

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

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


def set_up(url: str) -> None:
    """``caseworker db upgrade`` as a test's database administrator: on PostgreSQL naming the connecting login as the
    first administrator (a new shared database needs one), on SQLite as is."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        assert parsed.username, "a PostgreSQL test URL names its login"
        admin.upgrade(url, admin_login=parsed.username)
    else:
        admin.upgrade(url)


def make_login(url: str, name: str) -> str:
    """A login for a user called ``name``: on PostgreSQL a real login role (cluster-wide, so named after the test
    database, ``<database>_u_<name>`` -- never a group role's ``<database>_<role>`` -- and dropped with it by
    tests/conftest.py); on SQLite just ``name``."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return name
    login = f"{parsed.database}_u_{name}"
    server = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE ROLE "{login}" LOGIN'))
    finally:
        engine.dispose()
    return login


def login_as(builder: Context, url: str, name: str, *roles: Role) -> Context:
    """A context of a *real* login with ``roles`` (PostgreSQL: what the database allows that login is exactly what
    its group roles grant; on SQLite the local profile ``name``), added by ``builder`` (an admin) with user add.
    Use it to test a service as the role that will use it: a missing privilege in ``db/grants.py`` shows up."""
    login = make_login(url, name)
    users.add_user(builder, login, name, roles)
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return Database.open(parsed.set(username=login).render_as_string(hide_password=False)).login()
    return Database.open(url).login(login)


def open_context(url: str, login: str | None = None) -> Context:
    """Set ``url`` up and log in; the first user gets every working role on both backends.

    On PostgreSQL this is the production set-up path: ``db upgrade --admin LOGIN`` names the connecting login
    (the test server's superuser, which builds the test data) as the first administrator, who then gives
    themselves the working roles like the SQLite local profile has.  Tests of what the *database* refuses
    connect as real logins instead: see :func:`login_as`.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        assert parsed.username, "a PostgreSQL test URL names its login"
        if admin.status(url).schema_state == "current":
            admin.name_admin(url, parsed.username)
        else:
            set_up(url)
    else:
        set_up(url)
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
        session.flush()  # the assessed amount lives in original_amount only: no aanslag booking repeats it
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
