"""``caseworker calc positie`` with measures and the new inputs; its published keys stay (issue 8 item 8)."""

from typing import Any

import pytest

from caseworker_app.errors import UserFacingError, ValidationError

from caseworker_app.domain.calc import calculate

BASE: dict[str, Any] = {
    "peildatum": "2026-11-26",
    "soort": "aanslag",
    "middel": "ib",
    "dagtekening": "2026-01-05",
    "bedrag": "20000",
    "stappen": [{"stap": "aanmaning", "datum": "2026-06-01"}],
}
PUBLISHED = {
    "uiterste_betaaldatum", "hoofdsom", "betaald", "verrekend", "kosten", "rente_in_rekening", "open_hoofdsom",
    "open_kosten", "open_rente", "openstaand", "rente_lopend", "verjaringsdatum", "verjaard", "stuiten",
    "huidige_stap", "volgende_stap", "toegestaan", "vanaf", "kosten_volgende_stap", "blokkades",
}


def positie(**extra: Any) -> dict[str, Any]:
    return calculate("positie", {**BASE, **extra})["result"]


def test_published_keys_stay_and_new_ones_are_added() -> None:
    result = positie()
    assert set(result) >= PUBLISHED
    assert {"te_betalen", "kosten_vervallen", "rente_vervallen", "onder_regeling", "gepauzeerd"} <= set(result)


def test_a_regeling_and_a_pause_given_as_measures_both_hold() -> None:
    result = positie(maatregelen=[
        {"soort": "betalingsregeling", "van": "2026-03-01"},
        {"soort": "invorderingspauze", "van": "2026-10-01", "tot": "2026-12-31", "onderdelen": ["dwang", "rente"]},
    ])
    assert result["onder_regeling"] and result["gepauzeerd"]
    assert result["maatregelen_actief"] == ["betalingsregeling", "invorderingspauze"]
    assert not result["toegestaan"] and len(result["blokkades"]) == 2
    assert float(result["rente_lopend"]) < float(positie()["rente_lopend"])


def test_the_old_flags_still_work() -> None:
    result = positie(regeling_lopend=True, pauze=True)
    assert result["onder_regeling"] and result["gepauzeerd"] and not result["toegestaan"]
    assert result["verjaringsdatum"] == positie()["verjaringsdatum"]  # a flag has no period to extend it by


def test_contacts_vooraankondiging_and_a_step_that_did_not_stuit() -> None:
    steps = [{"stap": "aanmaning", "datum": "2026-05-01"}, {"stap": "dwangbevel", "datum": "2026-06-01"}]
    blocked = positie(stappen=steps, bvv_vastgesteld_op="2026-10-01")
    assert blocked["volgende_stap"] == "vordering" and len(blocked["blokkades"]) == 2  # contact, vooraankondiging
    ok = positie(stappen=steps, bvv_vastgesteld_op="2026-10-01", contacten=[{"datum": "2026-05-20", "bereikt": False}],
                 vooraankondiging_op="2026-11-01")
    assert ok["toegestaan"], ok["blokkades"]
    not_stuit = positie(stappen=[{"stap": "aanmaning", "datum": "2026-06-01", "stuit": False}])
    assert not_stuit["verjaringsdatum"] == "2031-02-16"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"maatregelen": [{"soort": "vakantie", "van": "2026-01-01"}]}, "maatregelen[0].soort"),
        ({"maatregelen": [{"soort": "invorderingspauze"}]}, "maatregelen[0].van"),
        ({"maatregelen": [{"soort": "invorderingspauze", "van": "2026-01-01", "onderdelen": ["bellen"]}]},
         "maatregelen[0].onderdelen[0]"),
        ({"maatregelen": [{"soort": "geen_dwang", "van": "2026-02-01", "tot": "2026-01-01"}]}, "maatregelen[0].tot"),
        ({"maatregelen": [{"soort": "bvv_verhoging", "van": "2026-02-01"}]}, "maatregelen[0].bedrag"),
        ({"maatregelen": [{"soort": "uitstel", "van": "2026-02-01", "reden": "x"}]}, "maatregelen[0]"),
        ({"contacten": [{"bereikt": True}]}, "contacten[0].datum"),
        ({"dagtekening": "9999-12-01"}, "dagtekening"),
        ({"peildatum": "9999-12-31"}, "peildatum"),
        ({"tijdvak_jaar": "99999999999999999999"}, "tijdvak_jaar"),
        ({"stappen": [{"stap": "aanmaning", "datum": "2026-06-01", "stuit": "soms"}]}, "stappen[0].stuit"),
    ],
)
def test_bad_input_is_one_dutch_line_naming_the_field(extra: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        calculate("positie", {**BASE, **extra})
    assert info.value.params["field"] == field
    assert "\n" not in info.value.message and info.value.message.startswith("Het veld")


def test_huge_amounts_and_an_old_date_give_figures_or_a_clear_message() -> None:
    huge = positie(bedrag="999999999999.99")
    assert huge["openstaand"] == "999999999999.99"
    with pytest.raises(UserFacingError) as info:
        calculate("positie", {**BASE, "dagtekening": "1901-01-01", "stappen": []})
    assert "ontbreekt het cijfer" in info.value.message


def test_betaaltermijn_knows_the_middel_and_voorlopige_aanslagen() -> None:
    bpm = calculate("betaaltermijn", {"soort": "naheffingsaanslag", "dagtekening": "2026-03-01", "middel": "bpm"})
    assert bpm["result"]["uiterste_betaaldatum"] == "2026-03-01"
    partner = calculate("betaaltermijn",
                        {"soort": "aansprakelijkstelling", "dagtekening": "2026-03-01", "middel": "zt"})
    assert partner["result"]["uiterste_betaaldatum"] == "2026-04-12"
    va = calculate("betaaltermijn",
                   {"soort": "aanslag", "dagtekening": "2026-03-15", "middel": "ib", "voorlopig_jaar": 2026})
    assert va["result"]["uiterste_betaaldatum"] == "2026-12-15" and len(va["result"]["termijnen"]) == 9
    plain = calculate("betaaltermijn", {"soort": "aanslag", "dagtekening": "2026-03-01"})
    assert plain["result"]["termijnen"] == [] and plain["result"]["uiterste_betaaldatum"] == "2026-04-12"
    with pytest.raises(ValidationError) as info:
        calculate("betaaltermijn", {"soort": "aanslag", "dagtekening": "9999-12-31"})
    assert info.value.params["field"] == "dagtekening"
