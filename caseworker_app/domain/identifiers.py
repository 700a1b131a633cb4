"""Dutch identifiers: BSN, RSIN, KvK-nummer, vestigingsnummer, btw-id and omzetbelastingnummer (rules.md §8).

python-stdnum does the checks it has (``stdnum.nl.bsn`` for the 11-proef, ``stdnum.nl.btw`` for the
btw-id incl. the mod-97 variant); RSIN uses the same 11-proef as the BSN; KvK-nummer and
vestigingsnummer have no check digit, so only their form is checked.  Numbers are kept as strings
(leading zeros matter).  Nothing here derives meaning from a number.
"""

from __future__ import annotations

import re

from stdnum.nl import bsn as _bsn
from stdnum.nl import btw as _btw

from caseworker_app.errors import ValidationError

_SEPARATORS = re.compile(r"[\s.\-]")


def _compact(value: str) -> str:
    return _SEPARATORS.sub("", value.strip())


def normalize_bsn(value: str) -> str:
    """Strip spaces, dots and dashes; give a historic 8-digit number its leading zero."""
    digits = _compact(value)
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def _elfproef_reason(digits: str) -> str | None:
    """The Dutch reason a 9-digit 11-proef number is wrong, or None when it is right."""
    if not digits:
        return "er is niets ingevuld"
    if not digits.isdigit():
        return "alleen cijfers zijn toegestaan"
    if len(digits) != 9:
        return f"het moet 9 cijfers hebben, dit zijn er {len(digits)}"
    if set(digits) == {"0"}:
        return "alleen nullen is geen nummer"
    if not _bsn.is_valid(digits):
        return "de elfproef klopt niet (controleer op een tikfout)"
    return None


def is_valid_bsn(value: str) -> bool:
    return _elfproef_reason(normalize_bsn(value)) is None


def validate_bsn(value: str) -> str:
    """The normalised BSN, or ``ValidationError('invalid_bsn', value=..., reason=...)``."""
    digits = normalize_bsn(value)
    reason = _elfproef_reason(digits)
    if reason is not None:
        raise ValidationError("invalid_bsn", value=value, reason=reason, field="bsn")
    return digits


def normalize_rsin(value: str) -> str:
    return normalize_bsn(value)


def is_valid_rsin(value: str) -> bool:
    """RSIN: 9 digits, the same 11-proef as the BSN (weights 9..2 and -1 on the last digit)."""
    return _elfproef_reason(normalize_rsin(value)) is None


def validate_rsin(value: str) -> str:
    digits = normalize_rsin(value)
    reason = _elfproef_reason(digits)
    if reason is not None:
        raise ValidationError("invalid_rsin", value=value, reason=reason, field="rsin")
    return digits


def normalize_kvk(value: str) -> str:
    return _compact(value)


def is_valid_kvk(value: str) -> bool:
    """KvK-nummer: exactly 8 digits, no check digit."""
    digits = normalize_kvk(value)
    return len(digits) == 8 and digits.isdigit()


def validate_kvk(value: str) -> str:
    digits = normalize_kvk(value)
    if not is_valid_kvk(digits):
        raise ValidationError("invalid_field", field="kvk", reason=f"'{value}' is geen KvK-nummer van 8 cijfers")
    return digits


def is_valid_vestigingsnummer(value: str) -> bool:
    """Vestigingsnummer: exactly 12 digits, no check digit."""
    digits = _compact(value)
    return len(digits) == 12 and digits.isdigit()


def normalize_btw_id(value: str) -> str:
    """``NL`` + 9 digits + ``B`` + 2 digits, upper case, no separators."""
    return "NL" + _btw.compact(value)


def is_valid_btw_id(value: str) -> bool:
    """Btw-identificatienummer ``NL`` + 9 digits + ``B`` + 2 digits (mod-97 or 11-proef, as stdnum checks)."""
    compact = _compact(value).upper()
    if not compact.startswith("NL"):
        return False
    return bool(_btw.is_valid(compact))


def validate_btw_id(value: str) -> str:
    if not is_valid_btw_id(value):
        raise ValidationError(
            "invalid_field", field="btw_id", reason=f"'{value}' is geen geldig btw-id (NL + 9 cijfers + B + 2 cijfers)"
        )
    return normalize_btw_id(value)


def is_valid_omzetbelastingnummer(value: str) -> bool:
    """Omzetbelastingnummer of an eenmanszaak: BSN + ``B01``..``B99`` (the BSN must pass the 11-proef)."""
    compact = _compact(value).upper()
    if compact.startswith("NL"):
        compact = compact[2:]
    match = re.fullmatch(r"(\d{9})B(\d{2})", compact)
    return bool(match) and match is not None and match.group(2) != "00" and is_valid_bsn(match.group(1))
