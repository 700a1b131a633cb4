"""Explanations an officer can read out: status in words, the law spelled out, every subtraction visible."""

from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.domain.calc import calculate
from caseworker_app.domain.explain import STATUS_LABELS, Explanation, Step
from caseworker_app.domain.legal import citation, without_citations
from caseworker_app.domain.params import param
from caseworker_app.domain.rules.kosten import dwangbevelkosten

D = Decimal


@pytest.mark.parametrize(
    ("status", "word"),
    [
        ("OFFICIAL", "bevestigd"),
        ("OFFICIAL*", "bevestigd"),
        ("OFFICIAL-OLD", "bevestigd"),
        ("SECONDARY", "voorlopig"),
        ("DERIVED", "voorlopig"),
        ("PLACEHOLDER", "niet bevestigd"),
    ],
)
def test_every_status_has_a_dutch_word(status: str, word: str) -> None:
    step = Step("x", "€ 1,00", parameter="p", status=status)
    assert step.status_label == word
    assert step.unconfirmed == (word == "niet bevestigd")
    assert step.provisional == (word == "voorlopig")
    assert set(STATUS_LABELS) >= {status}


def test_a_step_without_a_figure_has_no_status_word() -> None:
    assert Step("Totaal", "€ 5,00").status_label is None


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Rente loopt van ... (IW 1990 art. 28 lid 2)", "Invorderingswet 1990, art. 28 lid 2"),
        ("Kosten van bestaan (URIW art. 16)", "Uitvoeringsregeling Invorderingswet 1990, art. 16"),
        ("Vermogen eerst (LI 25.5.5)", "Leidraad Invordering 2008, art. 25.5.5"),
        ("Verjaring (Awb 4:104)", "Algemene wet bestuursrecht, art. 4:104"),
        ("Bijstand (Rv 475dc lid 2)", "Wetboek van Burgerlijke Rechtsvordering, art. 475dc lid 2"),
        (
            "Aanmaning (Kostenwet art. 2, IW 11)",
            "Kostenwet invordering rijksbelastingen, art. 2; Invorderingswet 1990, art. 11",
        ),
        ("Geen PBR (URAwir art. 7 lid 6)", "Uitvoeringsregeling Awir, art. 7 lid 6"),
        ("Elfproef (rules.md §8)", None),
        ("AOW-leeftijd bereikt", None),
    ],
)
def test_citations_are_spelled_out_and_research_notes_are_not_citations(text: str, cited: str | None) -> None:
    assert citation(text) == cited
    assert Step(text).legal_source == cited


def test_the_plain_description_leaves_the_citation_to_its_own_column() -> None:
    step = Step("Kosten van bestaan: 90% van de norm (URIW art. 16)", "€ 1.261,35")
    assert step.plain_description == "Kosten van bestaan: 90% van de norm"
    assert without_citations("Begrensd (bestaansminimum, VM 6)") == "Begrensd (bestaansminimum)"


def test_a_figure_step_carries_its_parameters_citation_and_keeps_the_research_note_separate() -> None:
    row = param("dwangbevel_maximum", date(2026, 1, 1))
    step = Step.of("Begrensd op het maximum", "€ 16.524,00", param=row)
    assert step.legal_source == "Kostenwet invordering rijksbelastingen, art. 3 lid 1"
    assert step.source is not None and "regelrecht" in step.source
    assert step.parameter == "dwangbevel_maximum" and step.status == "OFFICIAL*"


def test_json_has_the_words_and_keeps_the_codes_for_the_details_view() -> None:
    out = calculate("aanmaningskosten", {"openstaand": "100", "datum": "2026-03-01"})
    tariff = next(s for s in out["explanation"] if s["parameter"] == "aanmaningskosten_laag")
    assert tariff["status_label"] == "bevestigd" and tariff["status"] == "OFFICIAL*"
    assert tariff["legal_source"] == "Kostenwet invordering rijksbelastingen, art. 2"
    assert all("status_label" in s and "legal_source" in s for s in out["explanation"])


def test_the_sum_helper_shows_every_term() -> None:
    steps = Explanation()
    steps.sum([("inkomen", D("1800")), ("kosten van bestaan", D("-1261.35"))], ("betalingscapaciteit", D("538.65")))
    (step,) = steps.freeze()
    assert step.description == "Inkomen − kosten van bestaan = betalingscapaciteit"
    assert step.value == "€ 1.800,00 − € 1.261,35 = € 538,65"


def test_costs_show_their_tariff_with_source_and_status() -> None:
    result = dwangbevelkosten(D("135.00"), date(2026, 6, 1))
    tariffs = [s for s in result.steps if s.parameter]
    assert tariffs and all(s.status_label == "bevestigd" and s.legal_source for s in tariffs)
    assert all(s.source for s in tariffs)


def test_render_reads_as_words_without_codes() -> None:
    row = param("aanmaningskosten_hoog", date(2026, 3, 1))
    text = Step.of("Kosten aanmaning (hoog tarief)", "€ 22,00", param=row).render()
    assert text == "Kosten aanmaning (hoog tarief): € 22,00 (bevestigd; Kostenwet invordering rijksbelastingen, art. 2)"
    assert "OFFICIAL" not in text and "aanmaningskosten_hoog" not in text
