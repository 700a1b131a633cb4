"""Maatwerk: what each soort does to the computed position, in euros, before anything is saved (issue 10)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text

from caseworker_app.errors import UserFacingError, ValidationError
from tests.factories import add_claim, add_debtor, open_context, writing

from caseworker_app.domain.maatwerk import SOORTEN
from caseworker_app.domain.types import EnforcementStep

from caseworker_app.db.models import Debtor, FinancialSituation
from caseworker_app.db.session import create_engine_for_url

from caseworker_app.services import maatwerk, position
from caseworker_app.services.context import Context

TODAY = dt.date(2026, 11, 26)
BSN = "111222333"


def _case(url: str, *, situation: bool = False) -> tuple[Context, int, str]:
    """A debtor with one claim past its aanmaning (next: dwangbevel), rente running since May 2025."""
    ctx = open_context(url)
    debtor_id = add_debtor(ctx, bsn=BSN)
    add_claim(ctx, debtor_id, amount="5000.00", dagtekening=dt.date(2025, 3, 1), reference="IB-2024-001",
              steps=((EnforcementStep.AANMANING, dt.date(2025, 5, 1), "22.00"),))
    if situation:
        with writing(ctx) as session:
            session.add(FinancialSituation(debtor_id=debtor_id, peildatum=dt.date(2026, 10, 1),
                                           inkomen_maand=Decimal("1800")))
    return ctx, debtor_id, "IB-2024-001"


def _effect(ctx: Context, soort: str, **fields: object) -> maatwerk.MeasureEffect:
    fields.setdefault("van", dt.date(2026, 11, 1))
    fields.setdefault("tot", dt.date(2027, 1, 31))
    fields.setdefault("reden", "Schuldenaar is opgenomen in het ziekenhuis")
    _pos, _draft, effect = maatwerk.draft_for(ctx, BSN, soort=soort, today=TODAY, **fields)  # type: ignore[arg-type]
    return effect


def test_a_pause_keeps_rente_off_stops_the_next_step_and_reverses_what_accrued_since_its_start(
    migrated_db_url: str,
) -> None:
    ctx, _d, ref = _case(migrated_db_url)
    effect = _effect(ctx, "invorderingspauze")
    assert effect.peildatum == dt.date(2027, 1, 31)
    assert effect.rente_vermeden > 0 and effect.verschil == effect.rente_vermeden
    assert effect.stappen_opgeschort == (f"{ref}: dwangbevel",)
    assert effect.kosten_volgende_stap_vermeden > 0  # the dwangbevel's costs are not made
    # it began on 1 November: the rente of November is reversed today
    assert effect.open_vandaag_zonder - effect.open_vandaag_met > 0
    words = " ".join(s.description for s in effect.explanation)
    assert "Invorderingsrente die niet wordt berekend" in words and "Teruggedraaid tot vandaag" in words


def test_a_pause_without_its_rente_switch_leaves_the_rente(migrated_db_url: str) -> None:
    ctx, _d, _ref = _case(migrated_db_url)
    effect = _effect(ctx, "invorderingspauze", onderdelen=("dwang", "contact"))
    assert effect.rente_vermeden == 0 and effect.verschil == 0
    assert effect.stappen_opgeschort  # but no enforcement


@pytest.mark.parametrize("soort", ["geen_dwang", "buiten_invordering", "eerst_contact"])
def test_measures_that_hold_the_ladder_stop_the_next_step_but_not_the_rente(migrated_db_url: str, soort: str) -> None:
    ctx, _d, ref = _case(migrated_db_url)
    effect = _effect(ctx, soort)
    assert effect.stappen_opgeschort == (f"{ref}: dwangbevel",)
    assert effect.rente_vermeden == 0


def test_kosten_vermindering_waives_the_costs_booked_all_or_up_to_an_amount(migrated_db_url: str) -> None:
    ctx, _d, _ref = _case(migrated_db_url)
    assert _effect(ctx, "kosten_vermindering").kosten_vermeden == Decimal("22.00")
    assert _effect(ctx, "kosten_vermindering", bedrag=Decimal("10.00")).kosten_vermeden == Decimal("10.00")
    assert _effect(ctx, "kosten_vermindering").stappen_opgeschort == ()  # it holds no step


def test_rente_vermindering_waives_the_rente_up_to_its_end(migrated_db_url: str) -> None:
    ctx, _d, _ref = _case(migrated_db_url)
    effect = _effect(ctx, "rente_vermindering")
    without = _effect(ctx, "niet_stuiten")  # changes no euro: the rente stays as it is
    assert without.verschil == 0
    assert effect.rente_vermeden == without.open_zonder - Decimal("5022.00")  # every euro of rente
    assert _effect(ctx, "rente_vermindering", bedrag=Decimal("25.00")).rente_vermeden == Decimal("25.00")


def test_geen_verrekening_sets_the_monthly_ceiling(migrated_db_url: str) -> None:
    ctx, _d, _ref = _case(migrated_db_url)
    assert _effect(ctx, "geen_verrekening").verrekening_per_maand == 0
    limited = _effect(ctx, "geen_verrekening", bedrag=Decimal("50.00"))
    assert limited.verrekening_per_maand == Decimal("50.00")
    assert any("ten hoogste € 50,00" in (s.value or "") for s in limited.explanation)


def test_bvv_verhoging_raises_the_beslagvrije_voet_by_its_amount(migrated_db_url: str) -> None:
    ctx, debtor_id, _ref = _case(migrated_db_url, situation=True)
    bvv = position.get_position(ctx, debtor_id, TODAY).capacity
    assert bvv is not None and bvv.beslagvrije_voet is not None
    effect = _effect(ctx, "bvv_verhoging", bedrag=Decimal("150.00"))
    assert effect.beslagvrije_voet_zonder == bvv.beslagvrije_voet
    assert effect.beslagvrije_voet_met == bvv.beslagvrije_voet + Decimal("150.00")
    with pytest.raises(ValidationError, match="beslagvrije voet omhoog"):
        _effect(ctx, "bvv_verhoging")  # the amount is what it is about


@pytest.mark.parametrize("soort", ["niet_stuiten", "stuiten"])
def test_stuiting_measures_change_no_euro_and_say_what_they_do(migrated_db_url: str, soort: str) -> None:
    ctx, _d, _ref = _case(migrated_db_url)
    effect = _effect(ctx, soort)
    assert effect.verschil == 0 and effect.stappen_opgeschort == ()
    assert "stuit" in effect.explanation[-1].description.lower()


def test_every_soort_has_an_effect_test() -> None:
    covered = {"invorderingspauze", "geen_dwang", "buiten_invordering", "eerst_contact", "kosten_vermindering",
               "rente_vermindering", "geen_verrekening", "bvv_verhoging", "niet_stuiten", "stuiten"}
    assert covered == set(SOORTEN)


def test_a_measure_on_chosen_claims_leaves_the_others(migrated_db_url: str) -> None:
    ctx, debtor_id, ref = _case(migrated_db_url)
    add_claim(ctx, debtor_id, amount="800.00", dagtekening=dt.date(2025, 6, 1), reference="OB-2024-002",
              steps=((EnforcementStep.AANMANING, dt.date(2025, 8, 1), "9.00"),))
    both = _effect(ctx, "geen_dwang")
    one = _effect(ctx, "geen_dwang", vorderingen=("OB-2024-002",))
    assert len(both.stappen_opgeschort) == 2
    assert one.stappen_opgeschort == ("OB-2024-002: dwangbevel",) and len(one.claims) == 1
    assert ref not in " ".join(one.stappen_opgeschort)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"soort": "vakantie"}, "geen soort maatwerk"),
        ({"tot": dt.date(2026, 10, 1)}, "einddatum ligt voor de begindatum"),
        ({"van": dt.date(1900, 1, 1)}, "meer dan een jaar terug"),
        ({"van": dt.date(9999, 12, 31), "tot": None}, "meer dan een jaar vooruit"),
        ({"tot": dt.date(9999, 12, 31)}, "ten hoogste vijf jaar"),
        ({"reden": "x" * 20_000}, "20000 tekens"),
        ({"reden": "   "}, "'reden' ontbreekt"),
        ({"vorderingen": ("BESTAAT-NIET",)}, "'BESTAAT-NIET' hoort niet bij deze schuldenaar"),
        ({"onderdelen": ("vakantie",)}, "geen onderdeel van een invorderingspauze"),
        ({"soort": "geen_dwang", "onderdelen": ("dwang",)}, "alleen een invorderingspauze"),
        ({"bedrag": Decimal("10")}, "heeft geen bedrag"),
        ({"soort": "kosten_vermindering", "bedrag": Decimal("1e12")}, "niet aannemelijk"),
        ({"reden_code": "zomaar"}, "geen reden uit de lijst"),
    ],
)
def test_wrong_input_is_refused_in_dutch_and_nothing_is_stored(
    migrated_sqlite_url: str, fields: dict[str, object], words: str
) -> None:
    ctx, _d, _ref = _case(migrated_sqlite_url)
    values: dict[str, object] = {"soort": "invorderingspauze", "van": dt.date(2026, 11, 1),
                                 "tot": dt.date(2027, 1, 31), "reden": "Ziek"}
    values.update(fields)
    with pytest.raises(UserFacingError) as caught:
        maatwerk.propose(ctx, BSN, today=TODAY, **values)  # type: ignore[arg-type]
    assert words in caught.value.message
    assert "\n" not in caught.value.message
    assert maatwerk.list_measures(ctx, today=TODAY) == []


def test_an_open_ended_measure_gets_a_review_date(migrated_db_url: str) -> None:
    ctx, _d, _ref = _case(migrated_db_url)
    proposal = maatwerk.propose(ctx, BSN, soort="geen_dwang", van=TODAY, tot=None, reden="Schuldhulp loopt",
                                reden_code="problematische_schulden", today=TODAY)
    assert proposal.measure.tot is None and proposal.measure.herzien_op == TODAY + dt.timedelta(days=91)
    assert proposal.effect.peildatum == proposal.measure.herzien_op


def test_a_fraud_marked_debt_cannot_be_put_buiten_invordering(migrated_db_url: str) -> None:
    ctx, debtor_id, _ref = _case(migrated_db_url)
    with writing(ctx) as session:
        debtor = session.get(Debtor, debtor_id)
        assert debtor is not None
        debtor.fraude_markering = True
    with pytest.raises(ValidationError, match="fraudemarkering kan een schuld niet buiten invordering"):
        _effect(ctx, "buiten_invordering")
    assert _effect(ctx, "geen_dwang").stappen_opgeschort  # other measures stay open


def test_a_proposal_is_stored_shown_on_the_debtor_and_changes_nothing_yet(migrated_db_url: str) -> None:
    ctx, debtor_id, _ref = _case(migrated_db_url)
    proposal = maatwerk.propose(ctx, BSN, soort="invorderingspauze", van=dt.date(2026, 11, 1),
                                tot=dt.date(2027, 1, 31), onderdelen=("rente", "dwang"), reden="Ziek",
                                reden_code="ziekte_of_overlijden", today=TODAY)
    m = proposal.measure
    assert (m.status.value, m.onderdelen, m.voorgesteld_door) == ("voorgesteld", ("dwang", "rente"), ctx.actor.login)
    pos = position.get_position(ctx, debtor_id, TODAY)
    assert not pos.claims[0].paused  # a proposal is not a measure
    assert "maatwerk_voorstel" in {f.code for f in pos.flags}
    doc = position.position_to_json(pos, explain=False)
    (entry,) = doc["maatwerk"]
    assert {k: entry[k] for k in ("id", "soort", "status", "van", "tot", "vorderingen", "reden",
                                  "voorgesteld_door", "besloten_door")} == {
        "id": m.id, "soort": "invorderingspauze", "status": "voorgesteld", "van": "2026-11-01",
        "tot": "2027-01-31", "vorderingen": [], "reden": "Ziek", "voorgesteld_door": ctx.actor.login,
        "besloten_door": None}
    assert maatwerk.list_measures(ctx, status="voorgesteld", identifier=BSN, today=TODAY)[0].id == m.id
    assert maatwerk.list_measures(ctx, status="actief", today=TODAY) == []


@pytest.mark.parametrize("table", ["measures", "measure_claims"])
def test_a_proposal_is_history_the_database_refuses_to_change_it(migrated_db_url: str, table: str) -> None:
    ctx, _d, ref = _case(migrated_db_url)
    maatwerk.propose(ctx, BSN, soort="geen_dwang", van=TODAY, tot=TODAY + dt.timedelta(days=30), reden="Ziek",
                     vorderingen=(ref,), today=TODAY)
    engine = create_engine_for_url(migrated_db_url)
    try:
        for statement in (f"UPDATE {table} SET measure_id = measure_id" if table == "measure_claims"
                          else f"UPDATE {table} SET reden = 'anders'", f"DELETE FROM {table}"):
            with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        engine.dispose()
