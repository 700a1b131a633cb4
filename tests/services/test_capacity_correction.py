"""Correcting income, costs and household in one go: nothing recorded is lost, one transaction, conflicts seen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from caseworker_app.errors import ConflictError, ValidationError
from tests.factories import add_debtor, open_context

from caseworker_app.db.models import AuditEntry, FinancialSituation

from caseworker_app.services import capacity
from caseworker_app.services.context import Context

FULL = {
    "peildatum": "01-10-2026", "inkomen_maand": "1.650,00", "inkomen_bron": "bijstand gemeente Hoorn",
    "bijstand": True, "belastbaar_inkomen_jaar": "19.800,00", "partner_inkomen_maand": "0",
    "woonlasten_maand": "712,40", "zorgpremie_maand": "151,00", "vaste_lasten_maand": "80", "vermogen": "1.250",
}


@pytest.fixture
def recorded(migrated_db_url: str) -> tuple[Context, int]:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie="alleenstaande_ouder")
    capacity.record_financial_situation(ctx, debtor_id, FULL)
    return ctx, debtor_id


def _situations(ctx: Context, debtor_id: int) -> list[FinancialSituation]:
    with ctx.db.session_factory() as session:
        return list(session.execute(
            select(FinancialSituation).where(FinancialSituation.debtor_id == debtor_id)
            .order_by(FinancialSituation.id)).scalars())


def test_the_form_has_every_recorded_field(recorded: tuple[Context, int]) -> None:
    ctx, debtor_id = recorded
    form = capacity.load_correction(ctx, debtor_id)
    assert form.financial["bijstand"] is True
    assert form.financial["belastbaar_inkomen_jaar"] == Decimal("19800.00")
    assert form.financial["inkomen_bron"] == "bijstand gemeente Hoorn"
    assert form.financial["vermogen"] == Decimal("1250.00")
    assert form.household["leefsituatie"] == "alleenstaande_ouder"
    assert form.situation_id is not None and form.household_version is not None


def test_changing_one_figure_keeps_every_other_one(recorded: tuple[Context, int]) -> None:
    ctx, debtor_id = recorded
    form = capacity.load_correction(ctx, debtor_id)
    typed = {**FULL, "inkomen_maand": "1.720,00", "peildatum": "2026-11-01", "leefsituatie": "alleenstaande_ouder",
             "aantal_kinderen": 0}
    changes = capacity.typed_changes(form, typed)
    assert set(changes) == {"inkomen_maand", "peildatum"}  # the same value typed differently is no change
    capacity.correct_capacity(ctx, form, changes)
    old, new = _situations(ctx, debtor_id)
    assert new.inkomen_maand == Decimal("1720.00") and new.peildatum == dt.date(2026, 11, 1)
    for name in ("bijstand", "belastbaar_inkomen_jaar", "inkomen_bron", "woonlasten_maand", "vermogen"):
        assert getattr(new, name) == getattr(old, name), name


def test_household_and_income_are_one_transaction(recorded: tuple[Context, int]) -> None:
    ctx, debtor_id = recorded
    form = capacity.load_correction(ctx, debtor_id)
    done = capacity.correct_capacity(ctx, form, {"inkomen_maand": "1800", "aantal_kinderen": 2})
    assert done.form.household["aantal_kinderen"] == 2 and done.form.financial["inkomen_maand"] == Decimal("1800.00")
    with ctx.db.session_factory() as session:
        rows = session.execute(select(AuditEntry).where(AuditEntry.entity.in_(
            ["financial_situations", "households"])).order_by(AuditEntry.id)).scalars().all()
    last_two = rows[-2:]
    assert {r.entity for r in last_two} == {"financial_situations", "households"}
    assert len({r.operation_id for r in last_two}) == 1  # one unit of work, audited as one operation
    # a bad figure next to a good household change: neither is saved
    form = done.form
    with pytest.raises(ValidationError) as bad:
        capacity.correct_capacity(ctx, form, {"aantal_kinderen": 3, "woonlasten_maand": "-10"})
    assert bad.value.params["field"] == "woonlasten_maand"
    assert capacity.load_correction(ctx, debtor_id).household["aantal_kinderen"] == 2


def test_the_same_situation_changed_meanwhile_is_a_conflict(recorded: tuple[Context, int]) -> None:
    ctx, debtor_id = recorded
    mine = capacity.load_correction(ctx, debtor_id)
    theirs = capacity.load_correction(ctx, debtor_id)
    capacity.correct_capacity(ctx, theirs, {"inkomen_maand": "1500", "kostendelers": 1})
    count = len(_situations(ctx, debtor_id))
    with pytest.raises(ConflictError) as info:
        capacity.correct_capacity(ctx, mine, {"inkomen_maand": "1600", "kostendelers": 2})
    assert sorted(c.field for c in info.value.conflicts) == ["inkomen_maand", "kostendelers"]
    conflict = {c.field: c for c in info.value.conflicts}["inkomen_maand"]
    assert (conflict.base, conflict.mine, conflict.theirs) == (Decimal("1650.00"), Decimal("1600.00"),
                                                                Decimal("1500.00"))
    assert len(_situations(ctx, debtor_id)) == count  # nothing written
    # a field only I changed is merged onto theirs: their income stays, my housing costs are added
    merged = capacity.correct_capacity(ctx, mine, {"woonlasten_maand": "699"})
    assert merged.form.financial["inkomen_maand"] == Decimal("1500.00")
    assert merged.form.financial["woonlasten_maand"] == Decimal("699.00")
    assert "inkomen_maand" in merged.merged_fields


def test_nothing_changed_writes_nothing(recorded: tuple[Context, int]) -> None:
    ctx, debtor_id = recorded
    form = capacity.load_correction(ctx, debtor_id)
    assert capacity.typed_changes(form, {**FULL, "leefsituatie": "alleenstaande_ouder"}) == {}
    done = capacity.correct_capacity(ctx, form, {})
    assert done.situation_id is None and len(_situations(ctx, debtor_id)) == 1


@pytest.mark.parametrize(("field", "value"), [
    ("inkomen_maand", "9" * 16), ("inkomen_bron", "x" * 20_000), ("peildatum", "2999-01-01"),
    ("peildatum", ""), ("aantal_kinderen", "veel"), ("inkomen_maand", "12,3456"), ("inkomen_maand", ""),
    ("woonlasten_maand", "€ 😀"),
])
def test_extreme_input_names_the_field(recorded: tuple[Context, int], field: str, value: str) -> None:
    ctx, debtor_id = recorded
    form = capacity.load_correction(ctx, debtor_id)
    with pytest.raises(ValidationError) as info:
        capacity.correct_capacity(ctx, form, {field: value})
    assert info.value.params["field"] == field
    assert len(_situations(ctx, debtor_id)) == 1


def test_first_information_and_first_household(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    form = capacity.load_correction(ctx, debtor_id)
    assert form.situation_id is None and form.household_id is None
    with pytest.raises(ValidationError) as missing:
        capacity.correct_capacity(ctx, form, {"woonlasten_maand": "500"})
    assert missing.value.params["field"] in ("peildatum", "inkomen_maand")
    done = capacity.correct_capacity(ctx, form, {"peildatum": "2026-11-01", "inkomen_maand": "1200",
                                                 "leefsituatie": "alleenstaande", "kostendelers": 1})
    assert done.form.financial["inkomen_maand"] == Decimal("1200.00") and done.form.household["kostendelers"] == 1
    with ctx.db.session_factory() as session:
        assert session.execute(select(func.count()).select_from(FinancialSituation)).scalar_one() == 1
