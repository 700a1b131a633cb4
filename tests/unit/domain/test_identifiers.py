import pytest

from caseworker_app.errors import ValidationError

from caseworker_app.domain.identifiers import (
    is_valid_bsn,
    is_valid_btw_id,
    is_valid_kvk,
    is_valid_omzetbelastingnummer,
    is_valid_rsin,
    is_valid_vestigingsnummer,
    normalize_bsn,
    validate_bsn,
    validate_rsin,
)


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "249566758", "999993653", "1112.22.333", " 123 456 782 "])
def test_valid_bsns(bsn: str) -> None:
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize("bsn", ["123456789", "000000000", "12345678a", "1234567890", ""])
def test_invalid_bsns(bsn: str) -> None:
    assert not is_valid_bsn(bsn)


def test_eight_digit_bsn_gets_a_leading_zero() -> None:
    assert normalize_bsn("12345672") == "012345672"


def test_validate_bsn_names_the_reason_in_dutch() -> None:
    assert validate_bsn("1234.56.782") == "123456782"
    with pytest.raises(ValidationError) as info:
        validate_bsn("123456789")
    assert info.value.code == "invalid_bsn"
    assert "elfproef" in info.value.message
    with pytest.raises(ValidationError) as info:
        validate_bsn("12345")
    assert "9 cijfers" in info.value.message


def test_rsin_uses_the_same_elfproef() -> None:
    assert is_valid_rsin("111222333")
    assert not is_valid_rsin("123456789")
    with pytest.raises(ValidationError) as info:
        validate_rsin("abc")
    assert info.value.code == "invalid_rsin"


def test_kvk_and_vestigingsnummer_are_format_only() -> None:
    assert is_valid_kvk("12345678")
    assert is_valid_kvk("1234 5678")
    assert not is_valid_kvk("1234567")
    assert not is_valid_kvk("1234567a")
    assert is_valid_vestigingsnummer("000012345678")
    assert not is_valid_vestigingsnummer("12345678")


def test_btw_id() -> None:
    assert is_valid_btw_id("NL000099998B57")
    assert is_valid_btw_id("nl 0000.99998.b57")
    assert not is_valid_btw_id("NL000099998B58")
    assert not is_valid_btw_id("000099998B57")  # the NL prefix is part of the btw-id
    assert not is_valid_btw_id("")


def test_omzetbelastingnummer_is_bsn_plus_b_suffix() -> None:
    assert is_valid_omzetbelastingnummer("123456782B01")
    assert not is_valid_omzetbelastingnummer("123456789B01")
    assert not is_valid_omzetbelastingnummer("123456782B00")
