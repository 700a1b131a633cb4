"""Extreme input to a debtor edit: the same answer on SQLite and PostgreSQL, one Dutch line, nothing stored.

SQLite would store a 300-character name in a VARCHAR(200), a NUL character, or a 20-digit house number without
complaint while PostgreSQL refuses them with a driver error; the limits come from the model, in one place.
"""

from __future__ import annotations

import pytest

from caseworker_app.errors import ValidationError
from tests.factories import add_debtor, open_context

from caseworker_app.db.models import Debtor

from caseworker_app.services import debtors, validation
from caseworker_app.services.dto import DEBTOR_EDITABLE_FIELDS

#: editable text fields whose value is free text (postcode and land have a shape of their own)
FREE_TEXT = [f for f in DEBTOR_EDITABLE_FIELDS if f in validation.text_limits(Debtor) and f not in ("postcode", "land")]


def test_every_free_text_field_has_a_limit_from_the_model() -> None:
    assert set(FREE_TEXT) == {"voornamen", "tussenvoegsel", "achternaam", "straat", "huisnummer_toevoeging",
                              "woonplaats", "telefoon", "email"}
    assert validation.text_limits(Debtor)["achternaam"] == 200  # String(200) in the model


@pytest.mark.parametrize("field", FREE_TEXT)
def test_one_character_too_many_is_refused_on_both_backends(migrated_db_url: str, field: str) -> None:
    ctx = open_context(migrated_db_url)
    base = debtors.get_debtor(ctx, add_debtor(ctx))
    limit = validation.text_limits(Debtor)[field]
    with pytest.raises(ValidationError) as info:
        debtors.update_debtor(ctx, base, {field: "x" * (limit + 1)})
    assert field in info.value.message and f"hoogstens {limit} tekens" in info.value.message
    assert debtors.get_debtor(ctx, base.id) == base  # nothing stored
    saved = debtors.update_debtor(ctx, base, {field: "é" * limit}).debtor  # exactly the limit fits, in characters
    assert getattr(saved, field) == "é" * limit


def test_a_300_character_name_is_refused_on_sqlite_too(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    base = debtors.get_debtor(ctx, add_debtor(ctx))
    with pytest.raises(ValidationError) as info:
        debtors.update_debtor(ctx, base, {"achternaam": "J" * 300})
    assert info.value.message == "Het veld 'achternaam' is ongeldig: hoogstens 200 tekens (nu 300)."
    with pytest.raises(ValidationError):
        debtors.update_debtor(ctx, base, {"achternaam": "J" * 20_000})
    assert debtors.get_debtor(ctx, base.id).achternaam == "Jansen"


def test_the_longest_allowed_names_still_fit_the_search_key(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    base = debtors.get_debtor(ctx, add_debtor(ctx))
    longest = {"achternaam": "a" * 200, "voornamen": "b" * 120, "tussenvoegsel": "c" * 20}
    saved = debtors.update_debtor(ctx, base, longest).debtor
    assert (saved.achternaam, saved.voornamen, saved.tussenvoegsel) == ("a" * 200, "b" * 120, "c" * 20)
    assert [d.id for d in debtors.search_debtors(ctx, "a" * 50)] == [base.id]


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"achternaam": "Jan\x00sen"}, "stuurteken"),
        ({"straat": "Kerkstraat\n12"}, "regelovergang"),
        ({"telefoon": 612345678}, "vul tekst in"),
        ({"huisnummer": 10**30}, "tot en met 99.999"),
        ({"huisnummer": "99999999999999999999"}, "alleen cijfers"),
        ({"huisnummer": -1}, "van 1 tot en met"),
        ({"huisnummer": "١٢"}, "alleen cijfers"),  # Arabic-Indic digits are digits to Python, not to an address
        ({"postcode": "١٢٣٤AB"}, "postcode"),
        ({"postcode": "1234" + "A" * 20_000}, "postcode"),
        ({"land": "ÄÖ"}, "landcode"),
        ({"fraude_markering": "false"}, "ja of nee"),
    ],
)
def test_extreme_values_are_refused_the_same_way_on_both_backends(migrated_db_url: str, changes: dict[str, object],
                                                                  fragment: str) -> None:
    ctx = open_context(migrated_db_url)
    base = debtors.get_debtor(ctx, add_debtor(ctx))
    with pytest.raises(ValidationError) as info:
        debtors.update_debtor(ctx, base, changes)
    assert fragment in info.value.message
    assert len(info.value.message) < 200 and "\n" not in info.value.message  # one line, not the input echoed
    assert debtors.get_debtor(ctx, base.id) == base


def test_emoji_and_right_to_left_names_are_kept_as_typed(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    base = debtors.get_debtor(ctx, add_debtor(ctx))
    names = {"voornamen": "Zoë 🌷", "achternaam": "\u202bحداد\u202c", "huisnummer": 99_999, "fraude_markering": True}
    saved = debtors.update_debtor(ctx, base, names).debtor
    assert (saved.voornamen, saved.achternaam, saved.huisnummer, saved.fraude_markering) == (
        "Zoë 🌷", "\u202bحداد\u202c", 99_999, True)
