"""What the search field makes of a typed name: the orders people type names in."""

from __future__ import annotations

from caseworker_app.domain.search import QueryKind, name_prefixes, parse_query


def test_names_in_the_orders_people_type_them() -> None:
    assert name_prefixes("van loon") == ("van loon", "loon van")
    assert name_prefixes("frank van loon") == ("frank van loon", "loon van frank")
    assert name_prefixes("fleur jacobs") == ("fleur jacobs", "jacobs fleur")
    assert name_prefixes("jan in 't veld") == ("jan in 't veld", "veld in 't jan")
    assert name_prefixes("van der berg jan") == ("van der berg jan", "berg van der jan")
    assert name_prefixes("jansen") == ("jansen",)
    assert name_prefixes("van") == ("van",)


def test_a_long_text_is_only_searched_as_typed() -> None:
    text = " ".join(["jan"] * 50)
    assert name_prefixes(text) == (text,)


def test_the_parsed_query_carries_the_alternatives() -> None:
    query = parse_query("Frank van Loon")
    assert query.kind is QueryKind.NAME
    assert query.names == ("frank van loon", "loon van frank")


def test_postcode_with_huisnummer_glued_on() -> None:
    for text in ("1621GX1", "1621gx1", "1621 GX 1", "1621gx-1", "1621GX1a"):
        query = parse_query(text)
        assert (query.kind, query.postcode, query.huisnummer) == (QueryKind.POSTCODE, "1621GX", 1), text
    assert parse_query("1621GX123456").kind is not QueryKind.POSTCODE  # no such house number
