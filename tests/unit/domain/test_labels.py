"""Labels are looked up by enum type: the same stored word can mean two different things."""

from __future__ import annotations

import pytest

from caseworker_app.domain.types import BookingKind, ClaimKind, EnforcementStep, Middel, label, label_of


def test_a_garnishment_is_not_labelled_as_a_claim() -> None:
    # "vordering" is what a claim is called in ordinary speech, and the IW 1990 art. 19 garnishment on the ladder
    assert label(EnforcementStep.VORDERING) == "vordering (IW art. 19)"
    assert label_of(EnforcementStep, "vordering") == "vordering (IW art. 19)"


def test_same_value_in_two_enums_gets_each_its_own_label() -> None:
    assert ClaimKind.AANSLAG.value == BookingKind.AANSLAG.value
    assert label(ClaimKind.AANSLAG) == "aanslag"
    assert label(BookingKind.RENTE) == "invorderingsrente"


def test_a_bare_string_is_refused() -> None:
    with pytest.raises(TypeError, match="label_of"):
        label("ib")  # type: ignore[arg-type]
    assert label_of(Middel, "ib") == "inkomstenbelasting"
    assert label_of(Middel, "onbekend") == "onbekend"  # a stored value this build does not know stays readable
