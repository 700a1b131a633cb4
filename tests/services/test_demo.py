"""The demo-data generator: reproducible, valid, realistic, findable, and safe to run on a database that has data."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool

from caseworker_app.errors import PermissionDeniedError, ValidationError
from tests.factories import add_debtor, open_context
from tests.oracles import ledger_sums

from caseworker_app.domain.identifiers import is_valid_bsn, is_valid_kvk, is_valid_rsin
from caseworker_app.domain.rules.termijnen import uiterste_betaaldatum
from caseworker_app.domain.search import search_name
from caseworker_app.domain.types import ClaimKind, Creditor, Middel, Role

from caseworker_app.db.models import (
    AuditEntry,
    Booking,
    Claim,
    Debtor,
    EnforcementAction,
    FinancialSituation,
    Household,
    Payment,
    PaymentAllocation,
    User,
)

from caseworker_app.services import demo, users
from caseworker_app.services.context import Context, Database
from caseworker_app.services.debtors import search_debtors

REFERENCE = dt.date(2026, 11, 26)
N = 400

_VOLATILE = {"created_at", "updated_at"}
_TABLES = (Household, Debtor, FinancialSituation, Claim, Booking, EnforcementAction, Payment, PaymentAllocation)


def _dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every demo row, minus the load timestamps, in a backend-neutral form."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for model in _TABLES:
            table = model.__table__
            columns = [c for c in table.columns if c.name not in _VOLATILE]  # type: ignore[attr-defined]
            rows = conn.execute(select(*columns).order_by(table.c.id)).all()  # type: ignore[attr-defined]
            out[table.name] = [tuple(_neutral(v) for v in row) for row in rows]  # type: ignore[attr-defined]
    return out


def _neutral(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture
def ctx(db_url: str) -> Context:
    return open_context(db_url)


@pytest.fixture
def loaded(ctx: Context) -> tuple[Context, demo.DemoSummary]:
    summary = demo.generate(ctx, N, 7, reference_date=REFERENCE)
    return ctx, summary


def test_same_seed_gives_identical_rows_on_both_backends(
    loaded: tuple[Context, demo.DemoSummary], tmp_path: Path
) -> None:
    ctx, _summary = loaded
    other = open_context(f"sqlite:///{tmp_path / 'second.sqlite'}")
    demo.generate(other, N, 7, reference_date=REFERENCE)
    first, second = _dump(ctx.db.engine), _dump(other.db.engine)
    for table in first:
        assert len(first[table]) > 0, table
        assert first[table] == second[table], f"{table} differs between two runs with the same seed"


def test_another_seed_gives_other_people(tmp_path: Path) -> None:
    one = open_context(f"sqlite:///{tmp_path / 'one.sqlite'}")
    two = open_context(f"sqlite:///{tmp_path / 'two.sqlite'}")
    demo.generate(one, 50, 1, reference_date=REFERENCE)
    demo.generate(two, 50, 2, reference_date=REFERENCE)
    bsns = [{row[3] for row in _dump(c.db.engine)["debtors"]} for c in (one, two)]
    assert not bsns[0] & bsns[1]


def test_summary_matches_what_is_stored(loaded: tuple[Context, demo.DemoSummary]) -> None:
    ctx, summary = loaded
    dump = _dump(ctx.db.engine)
    assert summary.debtors == N == len(dump["debtors"])
    assert summary.households == len(dump["households"])
    assert summary.claims == len(dump["claims"])
    assert summary.bookings == len(dump["bookings"])
    assert summary.enforcement_actions == len(dump["enforcement_actions"])
    assert summary.claims > 2 * N  # several claims per debtor on average
    with ctx.read() as session:
        entries = session.execute(select(AuditEntry).where(AuditEntry.action == "demo.generate")).scalars().all()
        assert len(entries) == 1
        assert entries[0].after is not None and entries[0].after["debtors"] == N and entries[0].after["seed"] == 7
        assert entries[0].actor == ctx.actor.login
        logins = set(session.execute(select(User.login)).scalars())
        assert {"a.jansen", "k.bakker", "j.vandenberg", "l.visser", "r.mulder"} <= logins


def test_identifiers_names_and_addresses_are_valid(loaded: tuple[Context, demo.DemoSummary]) -> None:
    ctx, _summary = loaded
    with ctx.read() as session:
        debtors = session.execute(select(Debtor)).scalars().all()
        for d in debtors:
            if d.bsn is not None:
                assert is_valid_bsn(d.bsn) and len(d.bsn) == 9, d.bsn
            else:
                assert d.rsin is not None and is_valid_rsin(d.rsin), d.rsin
            if d.kvk_nummer is not None:
                assert is_valid_kvk(d.kvk_nummer)
            assert d.search_name == search_name(d.achternaam, d.voornamen, d.tussenvoegsel)
            if d.land == "NL":
                assert d.postcode and len(d.postcode) == 6 and d.postcode[:4].isdigit() and d.postcode[4:].isalpha()
        kinds = Counter(d.doelgroep for d in debtors)
        assert kinds["particulier"] > 0 and kinds["ondernemer"] > 0 and kinds["niet_natuurlijk_persoon"] > 0
        assert all(d.kvk_nummer for d in debtors if d.doelgroep != "particulier")
        assert any(d.tussenvoegsel for d in debtors)
        # households: singles, single parents, couples, and couples where both partners owe
        members = Counter(d.household_id for d in debtors if d.household_id is not None)
        assert 2 in members.values()
        situations = {h.leefsituatie for h in session.execute(select(Household)).scalars()}
        assert situations == {"alleenstaande", "alleenstaande_ouder", "gehuwd_zonder_kinderen", "gehuwd_met_kinderen"}
        incomes = session.execute(select(FinancialSituation)).scalars().all()
        assert {"loon", "bijstand"} <= {f.inkomen_bron for f in incomes}
        assert all(f.inkomen_maand > 0 for f in incomes)


def test_claims_ledgers_and_steps_are_consistent(loaded: tuple[Context, demo.DemoSummary]) -> None:
    ctx, _summary = loaded
    with ctx.read() as session:
        claims = session.execute(select(*Claim.__table__.columns)).all()  # type: ignore[attr-defined]
        bookings: dict[int, list[Any]] = defaultdict(list)
        for b in session.execute(select(*Booking.__table__.columns)):  # type: ignore[attr-defined]
            bookings[b.claim_id].append(b)
        actions: dict[int, list[Any]] = defaultdict(list)
        for a in session.execute(select(*EnforcementAction.__table__.columns)):  # type: ignore[attr-defined]
            actions[a.claim_id].append(a)
    assert len({c.reference for c in claims}) == len(claims)
    open_claims = paid_claims = 0
    for c in claims:
        assert c.dagtekening <= REFERENCE
        assert c.vervaldatum == uiterste_betaaldatum(ClaimKind(c.soort), c.dagtekening)
        assert Middel(c.middel).creditor.value == c.creditor
        if c.creditor == Creditor.TOESLAGEN:
            assert c.reference.startswith("TS") and c.soort in ("terugvordering", "aansprakelijkstelling")
        ledger = sorted(bookings[c.id], key=lambda b: (b.booking_date, b.id))
        # the assessed amount lives in original_amount only (revision 0008): no aanslag booking repeats it
        assert not [b for b in ledger if b.kind == "aanslag"]
        running = Decimal(c.original_amount)
        for b in ledger:
            assert b.booking_date <= REFERENCE
            running += b.amount
            assert running >= 0, f"claim {c.reference} goes below zero on {b.booking_date}"
        if running > 0:
            open_claims += 1
        else:
            paid_claims += 1
        # every step with costs has its kosten booking on the same day
        for a in actions[c.id]:
            assert a.action_date <= REFERENCE
            if a.costs > 0:
                assert any(
                    b.kind == "kosten" and b.amount == a.costs and b.booking_date == a.action_date for b in ledger
                ), (c.reference, a.step)
            if a.step == "aanmaning":
                # the Kostenwet tariffs of the aanmaning's year (rules.md §0b: 2020-2026)
                assert a.costs in {Decimal(n) for n in (7, 8, 9, 10, 16, 17, 18, 19, 21, 22)}
                assert a.action_date > c.vervaldatum
            if a.step == "betalingsherinnering":
                assert a.costs == 0 and not a.stuit
    assert open_claims > 0.2 * len(claims) and paid_claims > 0.2 * len(claims)
    kinds = Counter(b.kind for ledger in bookings.values() for b in ledger)
    assert {"betaling", "verrekening", "kosten", "vermindering"} <= set(kinds)
    sources = {b.source for ledger in bookings.values() for b in ledger if b.kind == "verrekening"}
    assert any(s and s.startswith("teruggaaf IB") for s in sources)
    steps = Counter(a.step for acts in actions.values() for a in acts)
    assert {"aanmaning", "dwangbevel", "vordering"} <= set(steps)
    assert Counter(c.middel for c in claims).keys() >= {"ib", "zt", "ht", "kgb", "ob"}
    assert any(c.ambtshalve for c in claims)


def test_complex_cases_exist(loaded: tuple[Context, demo.DemoSummary]) -> None:
    ctx, summary = loaded
    assert summary.complex_cases >= 1
    with ctx.read() as session:
        per_debtor = Counter(session.execute(select(Claim.debtor_id)).scalars())
        heavy = [debtor_id for debtor_id, count in per_debtor.items() if count >= 15]
        assert len(heavy) >= summary.complex_cases
        stacked = Counter(
            session.execute(select(Claim.debtor_id).where(Claim.ambtshalve.is_(True), Claim.middel == "ib")).scalars()
        )
        assert any(stacked[d] >= 3 for d in heavy), "a complex case has stacked ambtshalve aanslagen"
        assert session.execute(select(Debtor.id).where(Debtor.fraude_markering.is_(True))).first() is not None
        creditors = set(session.execute(select(Claim.creditor).where(Claim.debtor_id == heavy[0])).scalars())
        assert creditors == {"belastingdienst", "toeslagen"}


def test_generated_debtors_are_found_through_the_service(loaded: tuple[Context, demo.DemoSummary]) -> None:
    ctx, _summary = loaded
    with ctx.read() as session:
        sample = session.execute(
            select(*Debtor.__table__.columns)  # type: ignore[attr-defined]
            .where(Debtor.bsn.is_not(None), Debtor.postcode.is_not(None))
            .order_by(Debtor.id)
            .limit(5)
        ).all()
        reference = session.execute(select(Claim.reference, Claim.debtor_id).limit(1)).one()
    for d in sample:
        assert d.bsn is not None and d.postcode is not None
        assert [r.id for r in search_debtors(ctx, d.bsn)] == [d.id]
        spaced = f"{d.bsn[:4]}.{d.bsn[4:6]}.{d.bsn[6:]}"  # as printed on a letter
        assert [r.id for r in search_debtors(ctx, spaced)] == [d.id]
        assert d.id in [r.id for r in search_debtors(ctx, d.search_name, limit=500)]
        assert d.id in [r.id for r in search_debtors(ctx, d.achternaam, limit=500)]
        assert d.id in [r.id for r in search_debtors(ctx, f"{d.postcode[:4]} {d.postcode[4:]} {d.huisnummer}")]
    assert [r.id for r in search_debtors(ctx, reference[0])] == [reference[1]]
    # the claims read back with sensible totals
    claims = ledger_sums(ctx, sample[0].id)
    assert claims and all(c.ledger_balance >= 0 for c in claims.values())


def test_demo_adds_to_a_database_that_has_data(ctx: Context) -> None:
    own = add_debtor(ctx, bsn="111222333", achternaam="Eigen")
    first = demo.generate(ctx, 60, 3, reference_date=REFERENCE)
    second = demo.generate(ctx, 60, 3, reference_date=REFERENCE)  # same seed again: new people, no clashes
    assert first.first_debtor_id == own + 1
    assert second.first_debtor_id == first.last_debtor_id + 1
    with ctx.read() as session:
        bsns = list(session.execute(select(Debtor.bsn).where(Debtor.bsn.is_not(None))).scalars())
        assert (
            len(bsns)
            == len(set(bsns))
            == 1 + first.debtors + second.debtors - first.rechtspersonen - second.rechtspersonen
        )
        assert len(session.execute(select(AuditEntry).where(AuditEntry.action == "demo.generate")).all()) == 2
    # the id sequences moved past the bulk-loaded rows: an ordinary insert still works
    later = add_debtor(ctx, bsn="123456782", achternaam="Later")
    assert later > second.last_debtor_id


def test_bad_counts_are_refused_before_anything_is_written(ctx: Context) -> None:
    for bad in (0, -5, demo.MAX_DEBTORS + 1):
        with pytest.raises(ValidationError) as info:
            demo.generate(ctx, bad, 1, reference_date=REFERENCE)
        assert "debtors" in info.value.message
    with pytest.raises(ValidationError):
        demo.generate(ctx, 10, -1, reference_date=REFERENCE)
    with ctx.read() as session:
        assert session.execute(select(Debtor.id)).first() is None


def test_progress_is_reported(tmp_path: Path) -> None:
    ctx = open_context(f"sqlite:///{tmp_path / 'p.sqlite'}")
    seen: list[tuple[int, int]] = []
    demo.generate(ctx, 30, 1, progress=lambda done, total: seen.append((done, total)), reference_date=REFERENCE)
    assert seen[0] == (0, 30) and seen[-1] == (30, 30)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_only_an_admin_may_load_demo_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'perm.sqlite'}"
    ctx = open_context(url)
    demo.generate(ctx, 5, 1, reference_date=REFERENCE)  # creates the auditor r.mulder
    auditor = ctx.db.login("r.mulder")
    with pytest.raises(PermissionDeniedError) as info:
        demo.generate(auditor, 5, 2, reference_date=REFERENCE)
    assert "beheerder" in info.value.message
    with ctx.read() as session:
        assert len(session.execute(select(Debtor.id)).all()) == 5


def test_a_row_breaking_a_check_constraint_rolls_the_whole_load_back(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite loads with CHECKs deferred to one set-based pass; a bad row must still stop everything."""
    original = demo._Generator.batch

    def corrupt(self: demo._Generator, count: int) -> Any:
        batch = original(self, count)
        index = next(i for i, row in enumerate(batch.bookings) if row[2] == "betaling")
        batch.bookings[index] = (*batch.bookings[index][:3], 100, *batch.bookings[index][4:])  # a positive payment
        return batch

    monkeypatch.setattr(demo._Generator, "batch", corrupt)
    with pytest.raises(Exception, match=r"(?i)check|amount_sign"):
        demo.generate(ctx, 50, 1, reference_date=REFERENCE)
    with ctx.read() as session:
        assert session.execute(select(Debtor.id)).first() is None
        assert session.execute(select(Booking.id)).first() is None
    # and the database checks again afterwards
    with pytest.raises(IntegrityError), ctx.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO households (leefsituatie, aantal_kinderen, kostendelers, beschermd_bestaansminimum, version) "
            "VALUES ('kasteel', 0, 0, false, 1)"
        )


def test_the_schema_is_the_same_after_a_bulk_load(ctx: Context) -> None:
    """The PostgreSQL load drops and re-creates foreign keys and indexes of fresh tables: nothing may go missing."""

    def schema() -> dict[str, Any]:
        inspector = inspect(ctx.db.engine)
        out: dict[str, Any] = {}
        for model in _TABLES:
            name = model.__tablename__
            out[name] = (
                sorted((i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(name)),
                sorted(
                    (f["name"] or "", tuple(f["constrained_columns"]), f["referred_table"])
                    for f in inspector.get_foreign_keys(name)
                ),
                sorted(u["name"] or "" for u in inspector.get_unique_constraints(name)),
                sorted(c["name"] or "" for c in inspector.get_check_constraints(name)),
            )
        return out

    before = schema()
    assert any(fks for _ix, fks, _uq, _ck in before.values())
    demo.generate(ctx, 30, 4, reference_date=REFERENCE)
    assert schema() == before
    # the foreign keys are back in force
    with pytest.raises(IntegrityError), ctx.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO bookings (claim_id, kind, amount, booking_date, created_by) "
            "VALUES (987654321, 'betaling', -1, '2026-01-01', 'test')"
        )


def test_postgresql_login_that_does_not_own_the_tables(pg_url: str, pg_admin_url: str) -> None:
    """A login with table privileges but without ownership loads through the ordinary path (no DROP/ALTER)."""
    owner_ctx = open_context(pg_url)
    role = f"cw_demo_{uuid.uuid4().hex[:10]}"
    admin_engine = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    db_engine = create_engine(pg_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin_engine.connect() as conn:
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        with db_engine.connect() as conn:
            for grant in (
                f"GRANT USAGE ON SCHEMA public TO {role}",
                f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {role}",
                f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
            ):
                conn.execute(text(grant))
        users.add_user(owner_ctx, role, "Beheerder zonder eigendom", (Role.ADMIN,))
        ctx = Database.open(make_url(pg_url).set(username=role).render_as_string(hide_password=False)).login()
        try:
            summary = demo.generate(ctx, 40, 2, reference_date=REFERENCE)
        finally:
            ctx.db.dispose()
        assert summary.debtors == 40
        with owner_ctx.read() as session:
            assert session.execute(select(func.count()).select_from(Debtor)).scalar_one() == 40
            actor = session.execute(select(AuditEntry.actor).where(AuditEntry.action == "demo.generate")).scalar_one()
            assert actor == role
    finally:
        owner_ctx.db.dispose()
        with db_engine.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
        db_engine.dispose()
        with admin_engine.connect() as conn:
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        admin_engine.dispose()


def test_every_demo_debtor_is_in_a_team_with_a_lead(loaded: tuple[Context, demo.DemoSummary]) -> None:
    from caseworker_app.services import teams

    ctx, summary = loaded
    listed = {t.code: t for t in teams.list_teams(ctx)}
    assert {"INV-UTR", "INV-AMS", "STELLA"} <= set(listed)
    assert listed["INV-UTR"].debtors + listed["INV-AMS"].debtors == summary.debtors
    for code in ("INV-UTR", "INV-AMS"):
        assert [m.login for m in listed[code].members if m.is_lead] == ["j.vandenberg"]
    with ctx.read() as session:
        unassigned = session.execute(
            select(func.count()).where(Debtor.team_id.is_(None) | Debtor.behandelaar_id.is_(None))
        ).scalar_one()
    assert unassigned == 0
