from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.domain.rules.bvv import beslagvrije_voet
from caseworker_app.domain.types import Leefsituatie

D = Decimal
DAY = date(2026, 3, 1)
L = Leefsituatie


def bvv(**kwargs: object) -> Decimal:
    base: dict[str, object] = {"peildatum": DAY, "leefsituatie": L.ALLEENSTAANDE, "inkomen_maand": D(5000)}
    base.update(kwargs)
    return beslagvrije_voet(**base).result.beslagvrije_voet  # type: ignore[arg-type]


def test_95_percent_of_the_norm_rounded_half_up() -> None:
    # 0.95 x 1,401.50 = 1,331.425 -> 1,331.43; a low belastbaar inkomen earns no compensation
    assert bvv(inkomen_maand=D(3000), belastbaar_inkomen_jaar=D(15000)) == D("1331.43")


def test_unknown_belastbaar_inkomen_is_resolved_in_the_debtors_favour() -> None:
    # without C the compensation cannot be computed: the maximum is assumed, never the lower 95% of the norm
    result = beslagvrije_voet(peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D(1800))
    assert result.result.beslagvrije_voet == D("1710.00")  # 95% of income stays the ceiling
    assert result.result.volledig is False
    assert any("voordeel van de schuldenaar" in step.description for step in result.steps)
    known = beslagvrije_voet(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D(1800), belastbaar_inkomen_jaar=D(26000)
    )
    assert known.result.beslagvrije_voet <= result.result.beslagvrije_voet


def test_the_95_percent_of_income_rule() -> None:
    # income equal to the norm: bvv is 95% of income, the creditor always gets 5%
    result = beslagvrije_voet(peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D("1000.00")).result
    assert result.beslagvrije_voet == D("950.00")
    assert result.afdracht == D("50.00")


@pytest.mark.parametrize(
    ("leefsituatie", "maximum"),
    [
        (L.ALLEENSTAANDE, D("2191.42")),
        (L.ALLEENSTAANDE_OUDER, D("2526.69")),
        (L.GEHUWD_ZONDER_KINDEREN, D("2881.41")),
        (L.GEHUWD_MET_KINDEREN, D("3155.31")),
    ],
)
def test_high_income_reaches_the_2026_maximum(leefsituatie: Leefsituatie, maximum: D) -> None:
    assert bvv(leefsituatie=leefsituatie, inkomen_maand=D(9000), belastbaar_inkomen_jaar=D(120000)) == maximum


def test_2026_maximum_alleenstaande_rebuilds_from_the_formula() -> None:
    """rules.md §0a: 0.95 A + (H - J) + zorg cap = 2,191.42 to the cent."""
    result = beslagvrije_voet(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D(9000), belastbaar_inkomen_jaar=D(120000)
    )
    formula = next(s for s in result.steps if s.description.startswith("Formule"))
    assert formula.value == "€ 2.191,42"


def test_middle_income_gets_compensation_below_the_maximum() -> None:
    result = beslagvrije_voet(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D(2500), belastbaar_inkomen_jaar=D(30000)
    ).result
    assert D("1331.43") < result.beslagvrije_voet < D("2191.42")
    assert result.volledig


def test_without_belastbaar_inkomen_the_result_is_marked_incomplete() -> None:
    result = beslagvrije_voet(peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D(2500))
    assert not result.result.volledig
    assert any("hoogste bedrag" in s.description for s in result.steps)


def test_no_dutch_address_is_47_5_percent_of_norm_b() -> None:
    # 0.475 x 2,002.13 = 951.01
    assert bvv(woonadres_in_nederland=False) == D("951.01")


def test_bijstand_is_95_percent_of_the_own_norm_without_compensation() -> None:
    assert bvv(bijstand=True, leefsituatie=L.GEHUWD_ZONDER_KINDEREN, belastbaar_inkomen_jaar=D(30000)) == D("1902.02")


def test_partner_income_reduces_by_at_most_half() -> None:
    low_c = D(15000)  # no compensation: the bvv is 95% of the norm, 1,331.425 unrounded
    full = bvv(inkomen_maand=D(3000), belastbaar_inkomen_jaar=low_c)
    assert bvv(inkomen_maand=D(3000), belastbaar_inkomen_jaar=low_c, partner_inkomen_maand=D(100)) == full - 100
    assert bvv(inkomen_maand=D(3000), belastbaar_inkomen_jaar=low_c, partner_inkomen_maand=D(5000)) == D("665.71")


def test_kgb_component_without_k_uses_the_favourable_maximum_and_says_so() -> None:
    result = beslagvrije_voet(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE_OUDER, inkomen_maand=D(9000), belastbaar_inkomen_jaar=D(40000)
    )
    assert any("in het voordeel van de schuldenaar" in s.description for s in result.steps)


def test_from_july_2026_the_new_norm_applies() -> None:
    result = beslagvrije_voet(
        peildatum=date(2026, 11, 26),
        leefsituatie=L.ALLEENSTAANDE,
        inkomen_maand=D(3000),
        belastbaar_inkomen_jaar=D(15000),
    )
    assert result.result.beslagvrije_voet == D("1348.49")  # 95% of 1,419.46 (rules.md §0b, 1-7-2026)
    norm = next(s for s in result.steps if s.parameter == "bijstandsnorm_alleenstaande")
    assert norm.status_label == "bevestigd"
    # the drempelinkomen D is not confirmed: that figure, and only figures like it, are marked
    d = next(s for s in result.steps if s.parameter == "bvv_drempelinkomen_zorgtoeslag")
    assert d.status_label == "niet bevestigd" and result.unconfirmed


def test_a_beslag_of_2024_is_computed_with_2024_figures() -> None:
    result = beslagvrije_voet(
        peildatum=date(2024, 9, 1),
        leefsituatie=L.ALLEENSTAANDE,
        inkomen_maand=D(5000),
        belastbaar_inkomen_jaar=D(40000),
    )
    # the 2024 formula inputs are not all known: the published maximum of 1-7-2024 applies
    assert result.result.beslagvrije_voet == D("2019.60")
    assert result.result.maximum == D("2019.60") and not result.result.volledig
    assert any("niet alle cijfers van de formule" in s.description for s in result.steps)


def test_every_half_year_since_2021_has_a_bvv() -> None:
    for year in range(2021, 2027):
        for month in (1, 7):
            result = beslagvrije_voet(
                peildatum=date(year, month, 15), leefsituatie=L.GEHUWD_MET_KINDEREN, inkomen_maand=D(9000)
            )
            assert D(2000) < result.result.beslagvrije_voet < D(3200), (year, month)
    assert bvv(peildatum=date(2021, 2, 1), inkomen_maand=D(9000)) == D("1661.40")
    assert bvv(peildatum=date(2023, 8, 1), inkomen_maand=D(9000)) == D("1892.73")


def test_a_2026_figure_used_in_2027_is_due_for_review() -> None:
    result = beslagvrije_voet(peildatum=date(2027, 1, 15), leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D(9000))
    maximum = next(s for s in result.steps if s.parameter == "bvv_max_alleenstaande")
    assert maximum.status_label == "te herzien" and maximum.unconfirmed


def test_the_afdracht_is_a_visible_subtraction() -> None:
    result = beslagvrije_voet(
        peildatum=DAY, leefsituatie=L.ALLEENSTAANDE, inkomen_maand=D(3000), belastbaar_inkomen_jaar=D(15000)
    )
    last = result.steps[-1]
    assert last.description == "Inkomen − beslagvrije voet = af te dragen per maand"
    assert last.value == "€ 3.000,00 − € 1.331,43 = € 1.668,57"
