"""The betalingsregeling of issue 8: fraud closes the soft routes, the regeling is for the total debt including
expected rente, and the terms (24 months after the vervaldag, vermogen, after kort uitstel)."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker_app.domain.calc import calculate
from caseworker_app.domain.rules.betalingsregeling import betalingsregeling
from caseworker_app.domain.rules.kwijtschelding import kwijtschelding
from caseworker_app.domain.rules.regelingsroutes import open_routes
from caseworker_app.domain.types import Creditor, Leefsituatie

D = Decimal
DAY = date(2026, 3, 1)
L = Leefsituatie
T = Creditor.TOESLAGEN


def regeling(**kwargs: object):  # type: ignore[no-untyped-def]
    base: dict[str, object] = {
        "peildatum": DAY,
        "leefsituatie": L.ALLEENSTAANDE,
        "netto_besteedbaar_inkomen_maand": D(1800),
        "schuld": D(3000),
    }
    base.update(kwargs)
    return betalingsregeling(**base)  # type: ignore[arg-type]


# --- 1. fraud ----------------------------------------------------------------------------------------------------


def test_fraud_at_toeslagen_gives_no_standard_or_personal_regeling_only_afloscapaciteit() -> None:
    honest = regeling(schuldeiser=T, netto_besteedbaar_inkomen_maand=D(3000), schuld=D(2400)).result
    assert honest.soort == "standaard"
    fraud = regeling(schuldeiser=T, netto_besteedbaar_inkomen_maand=D(3000), schuld=D(2400), fraude=True).result
    assert fraud.soort == "afloscapaciteit" and fraud.besluit == "toegekend"
    assert fraud.routes is not None
    assert not fraud.routes.is_open("standaard") and not fraud.routes.is_open("persoonlijk")
    assert not fraud.routes.is_open("buiten_invordering")
    assert "buiten invordering" in fraud.reden


def test_fraud_without_capacity_is_never_left_uncollected() -> None:
    honest = regeling(schuldeiser=T, netto_besteedbaar_inkomen_maand=D(1200), schuld=D(2400)).result
    assert "buiten invordering" in honest.reden and "kan besluiten" in honest.reden
    fraud = regeling(schuldeiser=T, netto_besteedbaar_inkomen_maand=D(1200), schuld=D(2400), fraude=True).result
    assert fraud.besluit == "geweigerd" and fraud.soort != "standaard"
    assert "niet buiten invordering" in fraud.reden


def test_the_old_opzet_field_means_fraud_too() -> None:
    result = regeling(schuldeiser=T, netto_besteedbaar_inkomen_maand=D(3000), opzet_of_grove_schuld=True).result
    assert result.soort == "afloscapaciteit"


@settings(max_examples=60, deadline=None)
@given(
    nbi=st.integers(min_value=0, max_value=8000),
    schuld=st.integers(min_value=0, max_value=60000),
    vermogen=st.integers(min_value=0, max_value=20000),
    schuldeiser=st.sampled_from(list(Creditor)),
    leefsituatie=st.sampled_from(list(Leefsituatie)),
)
def test_with_fraud_the_answer_is_never_the_standard_regeling(
    nbi: int, schuld: int, vermogen: int, schuldeiser: Creditor, leefsituatie: Leefsituatie
) -> None:
    result = regeling(
        netto_besteedbaar_inkomen_maand=D(nbi),
        schuld=D(schuld),
        vermogen=D(vermogen),
        schuldeiser=schuldeiser,
        leefsituatie=leefsituatie,
        fraude=True,
    ).result
    assert result.soort != "standaard"
    assert result.soort in ("kort_uitstel", "regeling", "afloscapaciteit", "geen")


def test_the_routes_for_the_schuldoverzicht_do_not_offer_a_standard_regeling_to_a_fraud_marked_debtor() -> None:
    assert open_routes(schuldeiser=T, peildatum=DAY).result.standaard_regeling_aanbieden
    routes = open_routes(schuldeiser=T, peildatum=DAY, fraude=True)
    assert not routes.result.standaard_regeling_aanbieden
    assert routes.result.open_soorten == ("afloscapaciteit",)
    assert all(r.reden and r.legal_source for r in routes.result.routes)
    assert any("Uitvoeringsregeling Awir, art. 7 lid 6" in r.legal_source for r in routes.result.routes)


def test_fraud_closes_kwijtschelding_at_the_belastingdienst() -> None:
    common = {
        "peildatum": DAY,
        "leefsituatie": L.ALLEENSTAANDE,
        "netto_besteedbaar_inkomen_maand": D(1300),
        "vermogen": D(0),
        "openstaand": D(3000),
    }
    assert kwijtschelding(**common).result.kwijtschelding > 0  # type: ignore[arg-type]
    assert kwijtschelding(fraude=True, **common).result.kwijtschelding == 0  # type: ignore[arg-type]
    # too little capacity with fraud: not "handled as a kwijtscheldingsverzoek", refused, collection goes on
    result = regeling(netto_besteedbaar_inkomen_maand=D(1300), fraude=True).result
    assert result.besluit == "geweigerd" and "opzet of grove schuld" in result.reden
    assert regeling(netto_besteedbaar_inkomen_maand=D(1300)).result.besluit == "kwijtscheldingsverzoek"


def test_calc_betalingsregeling_takes_fraude_and_never_answers_standaard() -> None:
    data = {
        "peildatum": "2026-03-01",
        "leefsituatie": "alleenstaande",
        "netto_besteedbaar_inkomen_maand": "3000",
        "schuld": "2400",
        "schuldeiser": "toeslagen",
    }
    assert calculate("betalingsregeling", data)["result"]["soort"] == "standaard"
    fraud = calculate("betalingsregeling", {**data, "fraude": True})["result"]
    assert fraud["soort"] == "afloscapaciteit" and fraud["fraude"] is True
    assert {r["soort"]: r["open"] for r in fraud["routes"]}["standaard"] is False


# --- 3. the regeling is for the total debt including expected rente ------------------------------------------


def test_expected_rente_is_in_the_total_and_in_the_instalments() -> None:
    without = regeling().result
    assert (without.maanden, without.termijnbedrag, without.rente_meegeteld) == (7, D("428.58"), False)
    result = regeling(uiterste_betaaldatum=date(2026, 1, 1))
    res = result.result
    assert res.rente_meegeteld and res.verwachte_rente is not None and res.verwachte_rente > 0
    assert res.totaal == D(3000) + res.verwachte_rente
    assert res.termijnbedrag * (res.maanden - 1) + (res.laatste_termijn or 0) == res.totaal
    assert res.termijnbedrag <= D("430.92")  # 80% of the capacity
    assert "verwachte invorderingsrente" in res.reden
    assert any("schuld + verwachte invorderingsrente = totaal" in s.description.lower() for s in result.steps)


def test_the_12_month_test_counts_the_expected_rente() -> None:
    # 5,100 fits in 12 months of 430.92 without rente; with a year and a half of rente it does not
    assert regeling(schuld=D(5100)).result.besluit == "toegekend"
    result = regeling(schuld=D(5100), uiterste_betaaldatum=date(2025, 1, 1)).result
    assert result.besluit == "kwijtscheldingsverzoek"
    assert result.verwachte_rente is not None and "inclusief verwachte rente" in result.reden


def test_without_the_uiterste_betaaldatum_the_result_says_the_rente_is_not_counted() -> None:
    result = regeling()
    assert not result.result.rente_meegeteld and result.result.verwachte_rente is None
    assert any("niet meegeteld" in s.description for s in result.steps)


# --- 4. terms ------------------------------------------------------------------------------------------------------


def test_toeslagen_standard_regeling_ends_24_months_after_the_vervaldag() -> None:
    result = regeling(
        schuldeiser=T, netto_besteedbaar_inkomen_maand=D(3000), schuld=D(2400), uiterste_betaaldatum=date(2025, 6, 1)
    ).result
    assert result.soort == "standaard"
    assert result.laatste_termijn_datum is not None and result.laatste_termijn_datum <= date(2027, 6, 1)
    assert result.maanden == 16  # March 2026 .. June 2027
    late = regeling(
        schuldeiser=T, netto_besteedbaar_inkomen_maand=D(3000), schuld=D(2400), uiterste_betaaldatum=date(2023, 6, 1)
    ).result
    assert late.soort == "persoonlijk"  # the 24 months are over: no standard regeling any more


def test_kort_uitstel_when_it_pays_the_debt_and_a_warning_when_it_would_close_the_regeling() -> None:
    quick = regeling(schuld=D(1500)).result
    assert quick.soort == "kort_uitstel" and quick.maanden <= 4
    long = regeling().result
    assert long.soort == "regeling" and "LI 25.5.4" in long.reden


def test_after_kort_uitstel_the_policy_switch_decides() -> None:
    refused = regeling(kort_uitstel_verleend=True).result
    assert refused.besluit == "geweigerd" and "kort uitstel" in refused.reden
    allowed = regeling(kort_uitstel_verleend=True, na_kort_uitstel="regeling", kort_uitstel_vanaf=date(2026, 1, 1))
    assert allowed.result.besluit == "toegekend" and allowed.result.soort == "regeling"
    assert any("vanaf het kort uitstel" in s.description for s in allowed.steps)
    # the 12 months run from the kort uitstel: 3,000 at 430.92 a month needs 7 months and 10 are left
    short = regeling(
        kort_uitstel_verleend=True, na_kort_uitstel="regeling", kort_uitstel_vanaf=date(2025, 6, 1), schuld=D(3000)
    ).result
    assert short.besluit == "kwijtscheldingsverzoek"
