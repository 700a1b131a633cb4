from datetime import date, timedelta
from decimal import Decimal

import pytest

from caseworker_app.domain.rules.betalingsregeling import betalingsregeling
from caseworker_app.domain.rules.capaciteit import Uitgaven, betalingscapaciteit
from caseworker_app.domain.rules.kwijtschelding import kwijtschelding
from caseworker_app.domain.rules.verrekening import verrekening_toeslag
from caseworker_app.domain.types import Creditor, Leefsituatie

D = Decimal
DAY = date(2026, 3, 1)
L = Leefsituatie


@pytest.mark.parametrize(
    ("leefsituatie", "kvb"),
    [(L.ALLEENSTAANDE, D("1261.35")), (L.ALLEENSTAANDE_OUDER, D("1261.35")), (L.GEHUWD_MET_KINDEREN, D("1801.92"))],
)
def test_kosten_van_bestaan_2026(leefsituatie: Leefsituatie, kvb: D) -> None:
    result = betalingscapaciteit(peildatum=DAY, leefsituatie=leefsituatie, netto_besteedbaar_inkomen_maand=D(0))
    assert result.result.kosten_van_bestaan == kvb
    assert result.result.betalingscapaciteit_maand == 0  # never negative


def test_kwijtschelding_formula() -> None:
    result = kwijtschelding(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D("1400"),
        vermogen=D("500"),
        openstaand=D("3000"),
    ).result
    assert result.betalingscapaciteit_maand == D("138.65")  # 1,400 - 1,261.35
    assert result.af_te_dragen == D("500") + D("1331.04")  # vermogen + 80% x 12 x 138.65
    assert result.kwijtschelding == D("3000") - D("1831.04")


def test_full_kwijtschelding_without_capacity_or_vermogen() -> None:
    result = kwijtschelding(
        peildatum=DAY,
        leefsituatie=L.GEHUWD_ZONDER_KINDEREN,
        netto_besteedbaar_inkomen_maand=D("1700"),
        vermogen=D(0),
        openstaand=D("800"),
    ).result
    assert result.kwijtschelding == D("800")


def test_no_kwijtschelding_when_vermogen_covers_the_debt() -> None:
    result = kwijtschelding(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D("1000"),
        vermogen=D("5000"),
        openstaand=D("800"),
    ).result
    assert result.kwijtschelding == 0 and result.af_te_dragen == D("800")


def test_bvv_method_applies_only_in_the_persons_favour() -> None:
    # NBI 1,800, belastbaar inkomen low enough for no compensation: legal BC 538.65;
    # bvv method 1,800 - 1,331.43 = 468.57 -> lower, so it applies
    favour = betalingscapaciteit(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(1800),
        methode="bvv",
        belastbaar_inkomen_jaar=D(15000),
    )
    assert favour.result.methode == "bvv"
    assert favour.result.betalingscapaciteit_maand == D("468.57")
    # without the belastbaar inkomen the bvv is taken at its (favourable) maximum: only 5% of income remains
    unknown = betalingscapaciteit(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, netto_besteedbaar_inkomen_maand=D(1800), methode="bvv"
    )
    assert unknown.result.betalingscapaciteit_maand == D("90.00")
    # NBI 1,300: legal BC 38.65; bvv method 1,300 - 95% x 1,300 = 65 -> not lower, the legal rule stays
    legal = betalingscapaciteit(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, netto_besteedbaar_inkomen_maand=D(1300), methode="bvv"
    )
    assert legal.result.methode == "wettelijk"
    assert legal.result.betalingscapaciteit_maand == D("38.65")
    assert any("niet gunstiger" in s.description for s in legal.steps)
    default = betalingscapaciteit(peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, netto_besteedbaar_inkomen_maand=D(1800))
    assert default.result.methode == "wettelijk"


def test_belastingdienst_regeling_within_twelve_months() -> None:
    result = betalingsregeling(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, netto_besteedbaar_inkomen_maand=D(1800), schuld=D(3000)
    ).result
    # capacity 80% x 538.65 = 430.92 -> 7 months of 428.58
    assert result.besluit == "toegekend"
    assert result.maanden == 7
    assert result.termijnbedrag == D("428.58")
    assert result.kort_uitstel_mogelijk


def test_too_little_capacity_becomes_a_kwijtscheldingsverzoek() -> None:
    result = betalingsregeling(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, netto_besteedbaar_inkomen_maand=D(1400), schuld=D(3000)
    ).result
    assert result.besluit == "kwijtscheldingsverzoek"
    assert "kwijtscheldingsverzoek" in result.reden


def test_belastingdienst_applies_vermogen_first_and_regulates_the_rest() -> None:
    """LI 25.5.5: vermogen is used first; only the rest is regulated (it no longer refuses the whole request)."""
    common = {"peildatum": DAY, "leefsituatie": L.ALLEENSTAANDE, "netto_besteedbaar_inkomen_maand": D(1800)}
    result = betalingsregeling(schuld=D(3000), vermogen=D(2000), **common).result  # type: ignore[arg-type]
    assert result.besluit == "toegekend"
    assert result.vermogen_aangewend == D(2000)
    assert result.totaal == D(1000)
    enough = betalingsregeling(schuld=D(3000), vermogen=D(3500), **common).result  # type: ignore[arg-type]
    assert enough.besluit == "geweigerd" and "genoeg" in enough.reden


def test_no_kort_uitstel_from_20000_or_after_a_betekend_dwangbevel() -> None:
    common = {"peildatum": DAY, "leefsituatie": L.ALLEENSTAANDE, "netto_besteedbaar_inkomen_maand": D(9000)}
    assert not betalingsregeling(schuld=D(20000), **common).result.kort_uitstel_mogelijk  # type: ignore[arg-type]
    assert betalingsregeling(schuld=D("19999.99"), **common).result.kort_uitstel_mogelijk  # type: ignore[arg-type]
    assert not betalingsregeling(
        schuld=D(500),
        dwangbevel_betekend=True,
        **common,  # type: ignore[arg-type]
    ).result.kort_uitstel_mogelijk


def test_toeslagen_standard_regeling_24_months() -> None:
    result = betalingsregeling(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(3000),
        schuld=D(2400),
        schuldeiser=Creditor.TOESLAGEN,
    ).result
    assert (result.besluit, result.soort, result.maanden, result.termijnbedrag) == (
        "toegekend",
        "standaard",
        24,
        D(100),
    )


def test_toeslagen_small_debt_uses_the_minimum_instalment() -> None:
    result = betalingsregeling(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(3000),
        schuld=D(100),
        schuldeiser=Creditor.TOESLAGEN,
    ).result
    assert result.termijnbedrag == D(20) and result.maanden == 5


def test_toeslagen_persoonlijke_betalingsregeling_on_capacity() -> None:
    result = betalingsregeling(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(1300),
        schuld=D(3000),
        schuldeiser=Creditor.TOESLAGEN,
    ).result
    assert result.soort == "persoonlijk"
    assert result.termijnbedrag == D("30.92")  # 80% of 38.65
    # vermogen blocks it only when it suffices to pay the debt (Uitvoeringsregeling Awir art. 7 lid 5)
    common = {
        "peildatum": DAY,
        "leefsituatie": L.ALLEENSTAANDE,
        "netto_besteedbaar_inkomen_maand": D(1300),
        "schuld": D(3000),
        "schuldeiser": Creditor.TOESLAGEN,
    }
    small = betalingsregeling(vermogen=D(10), **common).result  # type: ignore[arg-type]
    assert small.soort == "persoonlijk" and small.besluit == "toegekend"
    refused = betalingsregeling(vermogen=D(3000), **common).result  # type: ignore[arg-type]
    assert refused.besluit == "geweigerd" and "vermogen" in refused.reden


def test_verrekening_respects_minimum_and_bestaansminimum() -> None:
    result = verrekening_toeslag(peildatum=DAY, schuld=D(600), toeslag_maand=D(150)).result
    assert result.verrekend_per_maand == D(25) and result.maanden == 24  # older BD example: EUR 600 -> EUR 25
    capped = verrekening_toeslag(peildatum=DAY, schuld=D(600), toeslag_maand=D(150), ruimte_boven_bvv=D(10)).result
    assert capped.verrekend_per_maand == 0  # below the minimum once capped: offer a regeling instead
    assert "minimum" in capped.reden


def test_ondernemer_regeling_needs_zekerheid_and_ends_12_months_after_the_vervaldag() -> None:
    from caseworker_app.domain.types import Doelgroep

    common = {
        "peildatum": date(2026, 3, 1),
        "leefsituatie": L.ALLEENSTAANDE,
        "netto_besteedbaar_inkomen_maand": D(3000),
        "schuld": D(6000),
        "doelgroep": Doelgroep.ONDERNEMER,
        "laatste_vervaldag": date(2026, 1, 1),
    }
    refused = betalingsregeling(**common).result  # type: ignore[arg-type]
    assert refused.besluit == "geweigerd" and "zekerheid" in refused.reden
    granted = betalingsregeling(zekerheid=True, **common).result  # type: ignore[arg-type]
    assert (granted.besluit, granted.maanden, granted.termijnbedrag) == ("toegekend", 10, D(600))  # March..Dec
    special = betalingsregeling(verklaring_derde_deskundige=True, **common).result  # type: ignore[arg-type]
    assert special.besluit == "toegekend" and special.soort == "bijzonder"


def test_no_kwijtschelding_of_business_taxes_outside_a_saneringsakkoord() -> None:
    from caseworker_app.domain.types import Doelgroep

    result = kwijtschelding(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(1000),
        vermogen=D(0),
        openstaand=D(800),
        doelgroep=Doelgroep.NIET_NATUURLIJK_PERSOON,
    )
    assert result.result.kwijtschelding == 0
    assert any("saneringsakkoord" in s.description for s in result.steps)


# --- URIW art. 15 and 16: only what the law lets count -----------------------------------------------------------


def capacity(**kwargs: object):  # type: ignore[no-untyped-def]
    base: dict[str, object] = {
        "peildatum": DAY,
        "leefsituatie": L.ALLEENSTAANDE,
        "netto_besteedbaar_inkomen_maand": D(2500),
    }
    base.update(kwargs)
    return betalingscapaciteit(**base)  # type: ignore[arg-type]


def test_woonlasten_count_above_the_basishuur_up_to_the_maximale_rekenhuur() -> None:
    result = capacity(uitgaven=Uitgaven(woonlasten=D(1200)))
    # min(1,200, 932.93) - 202.52 = 730.41, not the whole 1,200
    assert result.result.aftrekbare_uitgaven == D("730.41")
    assert result.result.betalingscapaciteit_maand == D("2500") - D("1261.35") - D("730.41")
    assert any(s.description.startswith("Woonlasten die tellen − basishuur") for s in result.steps)
    low = capacity(uitgaven=Uitgaven(woonlasten=D(150)))  # below the basishuur: nothing deductible
    assert low.result.aftrekbare_uitgaven == 0


def test_huurtoeslag_and_zorgtoeslag_are_subtracted_and_the_normpremie_is_not_deductible() -> None:
    result = capacity(uitgaven=Uitgaven(woonlasten=D(800), huurtoeslag=D(200), zorgpremie=D(150), zorgtoeslag=D(20)))
    woon = D(600) - D("202.52")
    zorg = D(150) - D(47) - D(20)
    assert result.result.aftrekbare_uitgaven == woon + zorg


def test_recorded_fixed_costs_are_not_all_deducted() -> None:
    """Before: woonlasten + zorgpremie + vaste lasten were all subtracted."""
    strict = capacity(uitgaven=Uitgaven(woonlasten=D(1000), zorgpremie=D(140)))
    assert strict.result.aftrekbare_uitgaven < D(1140)


def test_kostendelers_share_the_woonlasten_and_get_the_kostendelersnorm() -> None:
    result = capacity(kostendelers=1, uitgaven=Uitgaven(woonlasten=D(1000)))
    # Pw 22a: (40% + 2 x 30%) / 2 = 50% of 2,002.13 = 1,001.07; 90% = 900.96
    assert result.result.kosten_van_bestaan == D("900.96")
    # half the woonlasten, above the multi-person basishuur 200.71
    assert result.result.aftrekbare_uitgaven == D(500) - D("200.71")
    couple = capacity(leefsituatie=L.GEHUWD_ZONDER_KINDEREN, kostendelers=1)
    # (40% + 3 x 30%) / 3 = 43.33% of 2,002.13 = 867.59 each, both spouses 1,735.18; 90% = 1,561.66
    assert couple.result.kosten_van_bestaan == D("1561.66")


def test_kosten_van_bestaan_use_the_aow_norm_from_the_aow_age() -> None:
    assert capacity(aow=True).result.kosten_van_bestaan == D("1408.22")  # 90% of 1,564.69
    assert capacity(aow=True, leefsituatie=L.GEHUWD_ZONDER_KINDEREN).result.kosten_van_bestaan == D("1929.74")


def test_the_bvv_method_does_not_count_housing_and_zorg_twice() -> None:
    def bvv_method(uitgaven: Uitgaven):  # type: ignore[no-untyped-def]
        return capacity(
            methode="bvv", belastbaar_inkomen_jaar=D(15000), uitgaven=uitgaven, netto_besteedbaar_inkomen_maand=D(1800)
        )

    plain = bvv_method(Uitgaven(alimentatie=D(100)))
    assert plain.result.beslagvrije_voet == D("1331.43")
    assert plain.result.methode == "bvv"  # 1,800 - 1,331.43 - 100 = 368.57 is below the legal 438.65
    assert plain.result.betalingscapaciteit_maand == D("368.57")
    housed = bvv_method(Uitgaven(woonlasten=D(1200), zorgpremie=D(150), alimentatie=D(100)))
    alt = next(s for s in housed.steps if "volgens de bvv-methode" in s.description and "=" in s.description)
    # the woonlasten and zorgpremie the bvv compensates are not subtracted again; the alimentatie is
    assert alt.value == "€ 1.800,00 − € 1.331,43 − € 100,00 = € 368,57"
    assert any("beslagvrije voet die de bvv-methode gebruikt" in s.description.lower() for s in housed.steps)


def test_a_betalingsregeling_at_the_belastingdienst_counts_the_actual_woonlasten() -> None:
    """LI 25.5.6: the actual rent or mortgage, not capped at the rekenhuur (URIW 15 caps it for kwijtschelding)."""
    uitgaven = Uitgaven(woonlasten=D(1500))
    regeling = betalingsregeling(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(3000),
        schuld=D(3000),
        uitgaven=uitgaven,
    ).result
    assert regeling.betalingscapaciteit_maand == D(3000) - D("1261.35") - (D(1500) - D("202.52"))
    toeslagen = betalingsregeling(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(3000),
        schuld=D(3000),
        uitgaven=uitgaven,
        schuldeiser=Creditor.TOESLAGEN,
    ).result
    assert toeslagen.betalingscapaciteit_maand == D(3000) - D("1261.35") - D("730.41")


def test_every_subtraction_is_visible() -> None:
    result = capacity(uitgaven=Uitgaven(woonlasten=D(1200)))
    final = next(s for s in result.steps if s.description.startswith("Inkomen − kosten van bestaan"))
    assert final.description == "Inkomen − kosten van bestaan − aftrekbare uitgaven = betalingscapaciteit"
    assert final.value == "€ 2.500,00 − € 1.261,35 − € 730,41 = € 508,24"
    assert final.legal_source == "Uitvoeringsregeling Invorderingswet 1990, art. 13"


def test_a_capacity_of_2022_is_computable_with_2022_figures() -> None:
    result = capacity(peildatum=date(2022, 3, 1), uitgaven=Uitgaven(woonlasten=D(900), zorgpremie=D(120)))
    assert result.result.kosten_van_bestaan == D("982.54")  # 90% of 1,091.71
    # no rekenhuur or basishuur for 2022 in the tables: resolved in the person's favour, marked not confirmed
    assert result.result.aftrekbare_uitgaven == D(900) + (D(120) - D(34))
    assert any(s.status_label == "niet bevestigd" for s in result.steps)


@pytest.mark.parametrize(
    ("born", "reached"),
    [
        (date(1955, 6, 1), date(2021, 10, 1)),  # 66 years and 4 months in 2021
        (date(1955, 10, 1), date(2022, 5, 1)),  # the age of the year it is reached: 66 and 7 months in 2022
        (date(1957, 9, 30), date(2024, 9, 30)),  # 67 from 2024
        (date(1961, 1, 1), date(2028, 4, 1)),  # 67 and 3 months in 2028
    ],
)
def test_the_aow_age_follows_aow_art_7a(born: date, reached: date) -> None:
    from caseworker_app.domain.rules.capaciteit import aow_bereikt, aow_datum

    assert aow_datum(born) == reached
    assert aow_bereikt(born, reached) and not aow_bereikt(born, reached - timedelta(days=1))
    assert not aow_bereikt(None, reached)
