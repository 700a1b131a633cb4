"""The contacts vocabulary (issue 11): every code has its own Dutch label, what counts as personal contact, texts."""

from __future__ import annotations

import datetime as dt

import pytest

from caseworker_app.domain import contacts as c

ENUMS = (c.Kanaal, c.Gesprekspartner, c.Uitkomst, c.Omstandigheid, c.Advies, c.Verwijzing, c.TaskStatus)
DAY = dt.date(2026, 12, 1)


def test_every_code_has_its_own_label_even_when_vocabularies_share_a_value() -> None:
    assert c.label(c.Omstandigheid.ANDERS) != c.label(c.Verwijzing.ANDERS) != c.label(c.Gesprekspartner.ANDERS)
    assert c.label(c.Omstandigheid.SCHULDHULP) == "schuldhulpverlening of WSNP"
    assert c.label(c.Verwijzing.GEMEENTE) == "de gemeente" and c.label(c.Gesprekspartner.GEMEENTE) == "de gemeente"
    for enum in ENUMS:
        for member in enum:
            assert c.label(member), member


def test_the_fixed_codes_exist() -> None:
    assert {"telefoon_in", "telefoon_uit", "brief", "email", "balie", "huisbezoek", "intermediair"} <= {
        k.value for k in c.Kanaal}
    assert {"ziekte", "overlijden_partner", "scheiding", "werkloosheid", "schuldhulp", "bewindvoering", "verslaving",
            "dakloosheid", "psychisch", "laaggeletterdheid", "gedupeerde_toeslagen", "veel_schuldeisers"} <= {
        o.value for o in c.Omstandigheid}
    assert {"maatwerk", "stella", "doorverwijzen", "invordering_voortzetten"} <= {a.value for a in c.Advies}


@pytest.mark.parametrize(
    ("kanaal", "met", "uitkomst", "expected"),
    [
        ("telefoon_uit", None, "terugbellen", (DAY, True)),
        ("balie", "bewindvoerder", None, (DAY, True)),
        ("huisbezoek", "schuldenaar", "geen_contact", (DAY, False)),  # tried: an attempt counts, not reached
        ("telefoon_uit", "partner", None, (DAY, False)),
        ("telefoon_uit", "gemeente", None, None),  # no contact with the debtor
        ("brief", None, None, None),
        ("email", None, None, None),
    ],
)
def test_what_counts_as_personal_contact(kanaal: str, met: str | None, uitkomst: str | None,
                                         expected: tuple[dt.date, bool] | None) -> None:
    found = c.ladder_contact(kanaal, met, uitkomst, DAY)
    assert (None if found is None else (found.datum, found.bereikt)) == expected


def test_art9_omstandigheden_raise_a_flag_that_names_none() -> None:
    assert c.flag_code(c.Omstandigheid.ZIEKTE) == c.flag_code(c.Omstandigheid.PSYCHISCH)
    assert "ziekte" not in c.flag_label(c.flag_code(c.Omstandigheid.ZIEKTE)).lower()
    assert c.flag_label(c.flag_code(c.Omstandigheid.BEWINDVOERING)) == "Bijzondere omstandigheid: beschermingsbewind"


def test_texts_are_kept_exactly_or_refused_with_a_reason() -> None:
    typed = "  twee spaties, een tab\t, 😊 en שלום  "
    assert c.clean_text(typed) == typed
    assert c.clean_text("x" * c.MAX_TEXT) == "x" * c.MAX_TEXT
    for bad in ("", "   ", "x" * (c.MAX_TEXT + 1), "nul\x00", "half \ud800 teken"):
        with pytest.raises(c.TextProblem):
            c.clean_text(bad)
    assert c.clean_text("  ", required=False) is None
