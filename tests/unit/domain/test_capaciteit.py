from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.domain.rules.capaciteit import (
    betalingscapaciteit,
    betalingsregeling,
    kwijtschelding,
    verrekening_toeslag,
)
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


def test_vermogen_blocks_a_belastingdienst_regeling() -> None:
    result = betalingsregeling(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(1800),
        schuld=D(3000),
        vermogen=D(2000),
    ).result
    assert result.besluit == "geweigerd"
    assert "Vermogen" in result.reden


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
    refused = betalingsregeling(
        peildatum=DAY,
        leefsituatie=L.ALLEENSTAANDE,
        netto_besteedbaar_inkomen_maand=D(1300),
        schuld=D(3000),
        schuldeiser=Creditor.TOESLAGEN,
        vermogen=D(10),
    ).result
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
