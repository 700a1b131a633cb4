"""GUI test harness: offscreen Qt, a fresh migrated SQLite database per test, a synchronous op runner."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import (toolchain.md)

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from caseworker_app import paths
from tests.factories import open_context, writing

from caseworker_app.domain.search import search_name

from caseworker_app.db.models import Booking, Claim, Debtor, EnforcementAction, Household

from caseworker_app.services.context import Context

from caseworker_app.gui import errors as gui_errors
from caseworker_app.gui import ops
from caseworker_app.gui import settings as gui_settings


@dataclass
class SeedIds:
    jansen: int
    de_vries: int
    bakker_bv: int
    jansen_claims: list[int]


def _debtor(**kw: object) -> Debtor:
    d = Debtor(**kw)
    d.search_name = search_name(d.achternaam, d.voornamen, d.tussenvoegsel)
    return d


def seed(ctx: Context) -> SeedIds:
    """A few debtors with claims, bookings and enforcement steps, written like the services write."""
    with writing(ctx) as s:
        household = Household(
            leefsituatie="gehuwd_met_kinderen", aantal_kinderen=2, kostendelers=0, beschermd_bestaansminimum=True
        )
        jansen = _debtor(
            kind="natuurlijk_persoon",
            doelgroep="particulier",
            bsn="111222333",
            voornamen="Jan",
            achternaam="Jansen",
            geboortedatum=dt.date(1980, 5, 17),
            straat="Dorpsstraat",
            huisnummer=12,
            huisnummer_toevoeging="a",
            postcode="1234AB",
            woonplaats="Utrecht",
            land="NL",
            telefoon="030-1234567",
            email="jan@example.nl",
            household=household,
        )
        partner = _debtor(
            kind="natuurlijk_persoon",
            doelgroep="particulier",
            bsn="123456782",
            voornamen="Marieke",
            achternaam="Jansen-Smit",
            straat="Dorpsstraat",
            huisnummer=12,
            huisnummer_toevoeging="a",
            postcode="1234AB",
            woonplaats="Utrecht",
            land="NL",
            household=household,
        )
        de_vries = _debtor(
            kind="natuurlijk_persoon",
            doelgroep="ondernemer",
            bsn="999998833",
            voornamen="Sanne",
            tussenvoegsel="de",
            achternaam="Vries",
            straat="Kerkweg",
            huisnummer=3,
            postcode="5611AA",
            woonplaats="Eindhoven",
            land="NL",
            fraude_markering=True,
        )
        bakker = _debtor(
            kind="niet_natuurlijk_persoon",
            doelgroep="niet_natuurlijk_persoon",
            rsin="002345678",
            achternaam="Bakkerij Müller B.V.",
            straat="Industrieweg",
            huisnummer=7,
            postcode="3011AB",
            woonplaats="Rotterdam",
            land="NL",
        )
        s.add_all([jansen, partner, de_vries, bakker])
        s.flush()
        ib = Claim(
            debtor_id=jansen.id,
            creditor="belastingdienst",
            middel="ib",
            soort="aanslag",
            reference="1234.56.789.H.46",
            tijdvak_van=dt.date(2024, 1, 1),
            tijdvak_tot=dt.date(2024, 12, 31),
            dagtekening=dt.date(2025, 6, 1),
            vervaldatum=dt.date(2025, 7, 13),
            original_amount=Decimal("1234.56"),
        )
        zt = Claim(
            debtor_id=jansen.id,
            creditor="toeslagen",
            middel="zt",
            soort="terugvordering",
            reference="BT2025000123",
            tijdvak_van=dt.date(2023, 1, 1),
            tijdvak_tot=dt.date(2023, 12, 31),
            dagtekening=dt.date(2025, 2, 10),
            vervaldatum=dt.date(2025, 3, 24),
            original_amount=Decimal("845.00"),
        )
        ob = Claim(
            debtor_id=de_vries.id,
            creditor="belastingdienst",
            middel="ob",
            soort="naheffingsaanslag",
            reference="NH2025OB0007",
            tijdvak_van=dt.date(2025, 4, 1),
            tijdvak_tot=dt.date(2025, 6, 30),
            dagtekening=dt.date(2025, 9, 1),
            vervaldatum=dt.date(2025, 9, 15),
            original_amount=Decimal("3120.00"),
        )
        s.add_all([ib, zt, ob])
        s.flush()
        who = ctx.actor.login
        s.add_all(
            [
                Booking(
                    claim_id=ib.id,
                    kind="betaling",
                    amount=Decimal("-200.00"),
                    booking_date=dt.date(2025, 7, 1),
                    created_by=who,
                ),
                Booking(
                    claim_id=ib.id,
                    kind="verrekening",
                    amount=Decimal("-34.56"),
                    booking_date=dt.date(2025, 8, 1),
                    created_by=who,
                    source="teruggaaf IB 2025",
                ),
                Booking(
                    claim_id=ib.id,
                    kind="kosten",
                    amount=Decimal("18.00"),
                    booking_date=dt.date(2025, 8, 20),
                    created_by=who,
                    source="aanmaning",
                ),
                Booking(
                    claim_id=ib.id,
                    kind="rente",
                    amount=Decimal("12.00"),
                    booking_date=dt.date(2025, 9, 30),
                    created_by=who,
                ),
                EnforcementAction(
                    claim_id=ib.id,
                    step="aanmaning",
                    action_date=dt.date(2025, 8, 20),
                    costs=Decimal("18.00"),
                    created_by=who,
                ),
            ]
        )
        return SeedIds(jansen=jansen.id, de_vries=de_vries.id, bakker_bv=bakker.id, jansen_claims=[ib.id, zt.id])


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings, logs and the default database under tmp_path, never the user's real folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("CASEWORKER_HOME", str(home))
    monkeypatch.delenv("CASEWORKER_DATABASE_URL", raising=False)
    paths.set_base_dir(home)
    gui_settings.reset_for_tests(None)
    gui_errors.set_headless(False)
    yield home
    gui_settings.reset_for_tests(None)
    paths.set_base_dir(None)


@pytest.fixture
def sync_ops() -> Iterator[None]:
    """Ops complete inside run(): tests read results right after the action."""
    ops.set_default_pool(ops.SyncPool())
    yield
    ops.set_default_pool(None)


#: ``db_url`` on SQLite only, for a test of what only SQLite has: the database *file* (corrupt, newer, gone,
#: reopened at the next start) and change polling (PostgreSQL has LISTEN/NOTIFY instead, tested in
#: workspace/test_workspace_postgres.py).  Every other test touching the database runs on both backends.
SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """A database at the head revision, once on SQLite and once on PostgreSQL (as every test touching one)."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_url"))
    return str(request.getfixturevalue("migrated_pg_url"))


@pytest.fixture
def ctx(db_url: str) -> Iterator[Context]:
    """The acting user with every working role on both backends (on PostgreSQL: the test server's login)."""
    context = open_context(db_url)
    yield context
    if context.db.is_shared:
        from caseworker_app.gui.workspace.refresh import NotifyHub

        NotifyHub.stop_all()  # the LISTEN threads of the workspaces this test opened
    context.db.dispose()


@pytest.fixture
def seeded(ctx: Context) -> SeedIds:
    return seed(ctx)


@pytest.fixture(scope="session", autouse=True)
def dutch_app(qapp):
    """The test QApplication set up like the real one: Dutch translations, icons, stylesheet."""
    from caseworker_app.gui import app as gui_app
    from caseworker_app.gui import i18n

    i18n.install(qapp, "nl")
    gui_app.setup_resources(qapp)
    return qapp


@pytest.fixture
def window(qtbot, sync_ops):
    from caseworker_app.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    return w
