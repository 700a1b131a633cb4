"""Correcting income, fixed costs and the household: validated, audited, dated, and reflected in the capacity."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from caseworker_app.errors import ConflictError, NotFoundError, ValidationError
from tests.factories import add_debtor, open_context

from caseworker_app.db.models import AuditEntry

from caseworker_app.services import capacity, position

AS_OF = dt.date(2026, 11, 26)


def test_a_recorded_situation_feeds_the_capacity_and_is_audited(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    capacity.record_financial_situation(ctx, debtor_id, {
        "peildatum": "01-09-2026", "inkomen_maand": "2.150,00", "inkomen_bron": "loon",
        "woonlasten_maand": "812,50", "zorgpremie_maand": "158",
    })
    first = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert first is not None and first.inkomen_maand == Decimal("2150.00") and first.peildatum == dt.date(2026, 9, 1)
    # a correction is a new record with the date of the new information; the old one stays
    capacity.record_financial_situation(ctx, debtor_id, {"peildatum": "2026-11-01", "inkomen_maand": "1400"})
    second = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert second is not None and second.inkomen_maand == Decimal("1400.00")
    assert second.beslagvrije_voet is not None and first.beslagvrije_voet is not None
    assert second.beslagvrije_voet <= first.beslagvrije_voet  # never more than 95% of a lower income
    earlier = position.get_position(ctx, debtor_id, dt.date(2026, 10, 1)).capacity
    assert earlier is not None and earlier.inkomen_maand == Decimal("2150.00")  # as it was known then
    with ctx.db.session_factory() as session:
        rows = session.execute(select(AuditEntry).where(AuditEntry.entity == "financial_situations")).scalars().all()
    assert len(rows) == 2 and all(r.actor == ctx.actor.login and r.action == "insert" for r in rows)
    assert rows[1].after is not None and rows[1].after["inkomen_maand"] == "1400.00"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"inkomen_maand": "1000"}, "peildatum"),
        ({"peildatum": "2026-10-01"}, "inkomen_maand"),
        ({"peildatum": "31-02-2026", "inkomen_maand": "1000"}, "peildatum"),
        ({"peildatum": "2999-01-01", "inkomen_maand": "1000"}, "peildatum"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "veel"}, "inkomen_maand"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "-5"}, "inkomen_maand"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "10.12345"}, "inkomen_maand"),
        ({"peildatum": "2026-10-01", "inkomen_maand": "10", "salaris": "5"}, "salaris"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(migrated_db_url: str, values: dict[str, str],
                                                     field: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    with pytest.raises(ValidationError) as info:
        capacity.record_financial_situation(ctx, debtor_id, values)
    assert info.value.params["field"] == field
    assert position.get_position(ctx, debtor_id, AS_OF).capacity is None


def test_unknown_debtor(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    with pytest.raises(NotFoundError):
        capacity.record_financial_situation(ctx, 999, {"peildatum": "2026-10-01", "inkomen_maand": "10"})


def test_household_changes_move_the_norm_and_conflicts_are_caught(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    capacity.record_financial_situation(ctx, debtor_id, {"peildatum": "2026-10-01", "inkomen_maand": "3000",
                                                         "belastbaar_inkomen_jaar": "36000"})
    before = position.get_position(ctx, debtor_id, AS_OF)
    assert before.debtor.household is not None and before.capacity is not None
    old_version, shown = _household(ctx, debtor_id)
    version = capacity.update_household(ctx, debtor_id, old_version, {
        "leefsituatie": "gehuwd_met_kinderen", "aantal_kinderen": "2", "beschermd_bestaansminimum": True,
        "notes": "Partner ziek, huurachterstand",
    }, base=shown)
    after = position.get_position(ctx, debtor_id, AS_OF)
    assert after.capacity is not None and before.capacity.beslagvrije_voet is not None
    assert after.capacity.beslagvrije_voet is not None
    assert after.capacity.beslagvrije_voet > before.capacity.beslagvrije_voet  # a family needs more to live on
    assert "bestaansminimum" in {f.code for f in after.flags}
    # someone else's editor still shows the old version and sets other values
    with pytest.raises(ConflictError) as info:
        capacity.update_household(ctx, debtor_id, old_version, {"aantal_kinderen": 1}, base=shown)
    assert [c.field for c in info.value.conflicts] == ["aantal_kinderen"]
    with pytest.raises(ValidationError) as bad:
        capacity.update_household(ctx, debtor_id, version, {"leefsituatie": "samenwonend"}, base=shown)
    assert "alleenstaande" in bad.value.message


def test_a_household_is_recorded_when_there_was_none(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    with pytest.raises(ValidationError):
        capacity.update_household(ctx, debtor_id, None, {"aantal_kinderen": 1})
    capacity.update_household(ctx, debtor_id, None, {"leefsituatie": "alleenstaande_ouder", "aantal_kinderen": 1})
    household = position.get_position(ctx, debtor_id, AS_OF).debtor.household
    assert household is not None and household.leefsituatie == "alleenstaande_ouder"


def test_a_long_or_odd_source_of_income_is_refused_with_the_field_named(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    base = {"peildatum": "2026-10-01", "inkomen_maand": "1000"}
    for bad, words in (("x" * 61, "hoogstens 60 tekens (nu 61)"), ("loon\x00", "stuurteken"), (12345, "tekst")):
        with pytest.raises(ValidationError) as info:
            capacity.record_financial_situation(ctx, debtor_id, {**base, "inkomen_bron": bad})
        assert info.value.params["field"] == "inkomen_bron" and words in info.value.message, bad
    assert position.get_position(ctx, debtor_id, AS_OF).capacity is None
    capacity.record_financial_situation(ctx, debtor_id, {**base, "inkomen_bron": "  " + "é" * 60 + " "})
    capacity_now = position.get_position(ctx, debtor_id, AS_OF).capacity
    assert capacity_now is not None and capacity_now.inkomen_bron == "é" * 60  # stored whole, trimmed


def _household(ctx, debtor_id: int) -> tuple[int, dict[str, object]]:
    form = capacity.load_correction(ctx, debtor_id, AS_OF)
    assert form.household_version is not None
    return form.household_version, dict(form.household)


def test_two_officers_correct_the_same_household(migrated_db_url: str) -> None:
    """Three-way merge through services.concurrency: another field changed meanwhile is kept, the same field
    changed to something else is a conflict, and a household recorded by someone else is never overwritten."""
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)  # alleenstaande, no children
    version, shown = _household(ctx, debtor_id)
    # officer B saves first: two children
    capacity.update_household(ctx, debtor_id, version, {"aantal_kinderen": 2}, base=shown)
    # officer A, whose screen still shows the old household, changes another field: merged, B's change stays
    capacity.update_household(ctx, debtor_id, version, {"kostendelers": 1, "aantal_kinderen": 0}, base=shown)
    household = position.get_position(ctx, debtor_id, AS_OF).debtor.household
    assert household is not None and (household.aantal_kinderen, household.kostendelers) == (2, 1)
    # officer A again on the old screen: the same field to another value is a conflict, nothing written
    with pytest.raises(ConflictError) as info:
        capacity.update_household(ctx, debtor_id, version, {"aantal_kinderen": 3}, base=shown)
    assert [(c.field, c.mine, c.theirs) for c in info.value.conflicts] == [("aantal_kinderen", 3, 2)]
    assert position.get_position(ctx, debtor_id, AS_OF).debtor.household.aantal_kinderen == 2  # type: ignore[union-attr]


def test_a_household_recorded_meanwhile_is_not_overwritten(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, leefsituatie=None)
    # officer A opened the editor when there was no household; officer B records one first
    capacity.update_household(ctx, debtor_id, None, {"leefsituatie": "alleenstaande_ouder", "aantal_kinderen": 1})
    with pytest.raises(ConflictError) as info:
        capacity.update_household(ctx, debtor_id, None, {"leefsituatie": "alleenstaande"})
    assert [c.field for c in info.value.conflicts] == ["leefsituatie"]
    household = position.get_position(ctx, debtor_id, AS_OF).debtor.household
    assert household is not None and household.leefsituatie == "alleenstaande_ouder"
    # the same value B recorded is no conflict
    capacity.update_household(ctx, debtor_id, None, {"leefsituatie": "alleenstaande_ouder"})


def test_a_household_correction_without_what_the_editor_showed_is_a_programming_error(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    version, _shown = _household(ctx, debtor_id)
    with pytest.raises(TypeError):
        capacity.update_household(ctx, debtor_id, version, {"aantal_kinderen": 1})
