from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from caseworker_app.errors import UserFacingError

from caseworker_app.domain import params
from caseworker_app.domain.params import STATUSES, load_parameters, param, reload_parameters


def test_every_row_has_a_source_and_a_known_status() -> None:
    rows = load_parameters().rows()
    assert len(rows) > 50
    for row in rows:
        assert row.source.strip(), row
        assert row.status in STATUSES, row


def test_every_table_is_contiguous_or_declared_without_rows() -> None:
    for table in load_parameters().tables.values():
        for earlier, later in zip(table.rows, table.rows[1:]):
            assert earlier.valid_to is not None
            assert (later.valid_from - earlier.valid_to).days == 1, (table.name, earlier, later)


def test_unconfirmed_tariffs_after_2023_are_marked_placeholder() -> None:
    row = param("dwangbevel_basis", date(2026, 3, 1))
    assert row.status == "PLACEHOLDER"
    assert row.value == Decimal(46)
    assert param("dwangbevel_basis", date(2023, 3, 1)).status != "PLACEHOLDER"


def test_a_date_without_a_figure_is_refused_with_the_parameter_named() -> None:
    with pytest.raises(UserFacingError) as info:
        param("aanmaningskosten_laag", date(2010, 1, 1))
    assert info.value.code == "parameter_missing"
    assert "aanmaningskosten_laag" in info.value.message
    assert "01-01-2010" in info.value.message


TABLE = """
[parameter.x]
description = "test"
unit = "euro"

[[row]]
parameter = "x"
valid_from = 2025-01-01
valid_to = 2025-12-31
value = 1.5
source = "test"
status = "OFFICIAL"

[[row]]
parameter = "x"
valid_from = 2026-01-01
value = 2
source = "test"
status = "PLACEHOLDER"
"""


@pytest.fixture
def param_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(params.ENV_DIR, str(tmp_path))
    yield tmp_path
    monkeypatch.delenv(params.ENV_DIR)
    reload_parameters()


def test_a_product_owner_adds_a_year_without_code(param_dir: Path) -> None:
    (param_dir / "x.toml").write_text(TABLE, encoding="utf-8")
    reload_parameters()
    assert param("x", date(2025, 6, 1)).value == Decimal("1.5")
    assert param("x", date(2030, 6, 1)).status == "PLACEHOLDER"
    with pytest.raises(UserFacingError):
        param("x", date(2024, 12, 31))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('status = "PLACEHOLDER"', 'status = "GUESS"'), "status"),
        (('source = "test"\nstatus = "OFFICIAL"', 'status = "OFFICIAL"'), "source"),
        (("valid_from = 2026-01-01", "valid_from = 2025-06-01"), "overlapt"),
        (('parameter = "x"\nvalid_from = 2026', 'parameter = "y"\nvalid_from = 2026'), "gedeclareerd"),
        (("value = 2", "value = 2\ncolour = 3"), "onbekende"),
        (("[[row]]", "[[row]"), "ongeldig"),
    ],
)
def test_a_broken_table_gives_a_clear_message(param_dir: Path, change: tuple[str, str], message: str) -> None:
    (param_dir / "x.toml").write_text(TABLE.replace(*change, 1), encoding="utf-8")
    with pytest.raises(UserFacingError) as info:
        reload_parameters()
    assert info.value.code == "parameter_file_invalid"
    assert "x.toml" in info.value.message or "y" in info.value.message
    assert message in info.value.message
