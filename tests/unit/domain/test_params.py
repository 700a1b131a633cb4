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


def test_kostenwet_tariffs_follow_rules_md_0b() -> None:
    row = param("dwangbevel_basis", date(2026, 3, 1))
    assert (row.value, row.status) == (Decimal(56), "OFFICIAL*")
    assert param("dwangbevel_stap", date(2025, 3, 1)).value == Decimal(5)
    assert param("dwangbevel_maximum", date(2024, 3, 1)).value == Decimal(14597)
    assert (
        param("aanmaningskosten_laag", date(2026, 3, 1)).value,
        param("aanmaningskosten_hoog", date(2026, 3, 1)).value,
    ) == (
        Decimal(10),
        Decimal(22),
    )


def test_a_date_without_a_figure_is_refused_with_the_parameter_named() -> None:
    with pytest.raises(UserFacingError) as info:
        param("aanmaningskosten_laag", date(2010, 1, 1))
    assert info.value.code == "parameter_missing"
    # the figure in words, not its key; the key stays in the details
    assert "kosten aanmaning bij een gevorderd bedrag onder de drempel" in info.value.message
    assert "aanmaningskosten_laag" not in info.value.message
    assert info.value.params["key"] == "aanmaningskosten_laag"
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


def test_every_packaged_table_has_a_review_date_and_a_readable_citation() -> None:
    for table in load_parameters().tables.values():
        assert table.review_by is not None, table.name
        assert table.legal_source, f"{table.name}: no citation in its declaration"
        assert "_" not in table.legal_source, table.legal_source


#: what the bvv, kwijtschelding and betalingscapaciteit need on every date since the current bvv law (1-1-2021)
NEEDED_SINCE_2021 = (
    "bijstandsnorm_alleenstaande",
    "bijstandsnorm_gehuwden",
    "bijstandsnorm_aow_alleenstaande",
    "bijstandsnorm_aow_gehuwden",
    "kostendelersnorm_basis_percentage",
    "kostendelersnorm_per_persoon_percentage",
    "aow_leeftijd_maanden",
    "pw_23_2_alleenstaande",
    "pw_23_2_gehuwden",
    "bvv_percentage",
    "bvv_geen_woonadres_percentage",
    "bvv_partner_korting_max_deel",
    "bvv_max_alleenstaande",
    "bvv_max_alleenstaande_ouder",
    "bvv_max_gehuwd_zonder_kinderen",
    "bvv_max_gehuwd_met_kinderen",
    "kosten_van_bestaan_percentage",
    "betalingscapaciteit_aanwending_percentage",
)
COSTS_AND_RENTE_SINCE_2019 = (
    "aanmaning_drempel",
    "aanmaningskosten_laag",
    "aanmaningskosten_hoog",
    "dwangbevel_basis",
    "dwangbevel_stap",
    "dwangbevel_eenheid",
    "dwangbevel_maximum",
    "hernieuwd_bevel_kosten",
    "kwitantie_kosten",
    "beslag_kosten",
    "verkoop_kosten",
    "aanplakbiljet_kosten",
    "invorderingsrente_percentage",
)


def _half_years(first: int) -> list[date]:
    return [date(year, month, day) for year in range(first, 2027) for month, day in ((1, 1), (6, 30), (7, 1), (12, 31))]


def test_figures_exist_half_yearly_from_2021_and_costs_and_rente_from_2019() -> None:
    for name in NEEDED_SINCE_2021:
        for day in _half_years(2021):
            assert param(name, day), (name, day)
    for name in COSTS_AND_RENTE_SINCE_2019:
        for day in _half_years(2019):
            assert param(name, day), (name, day)


def test_the_bvv_maxima_have_the_rows_rules_md_0b_adds() -> None:
    assert param("bvv_max_alleenstaande", date(2024, 7, 1)).value == Decimal("2019.60")
    assert param("bvv_max_gehuwd_met_kinderen", date(2024, 12, 31)).value == Decimal("2775.82")
    assert param("bvv_max_alleenstaande", date(2026, 7, 1)).value == Decimal("2208.48")
    assert param("bvv_max_gehuwd_met_kinderen", date(2026, 9, 1)).value == Decimal("3179.68")
    assert param("bvv_max_alleenstaande", date(2022, 3, 1)).value == Decimal("1691.66")


def test_statuses_follow_rules_md_0b() -> None:
    def status(name: str, day: date) -> str:
        return param(name, day).status

    assert status("bijstandsnorm_alleenstaande", date(2021, 3, 1)) == "SECONDARY"
    assert status("bijstandsnorm_alleenstaande", date(2024, 9, 1)) == "OFFICIAL*"
    assert status("bijstandsnorm_alleenstaande", date(2026, 9, 1)) == "OFFICIAL*"
    assert param("bijstandsnorm_alleenstaande", date(2026, 9, 1)).value == Decimal("1419.46")
    assert status("bvv_basishuur_een", date(2026, 3, 1)) == "DERIVED"
    assert status("bvv_standaardpremie_zvw", date(2026, 3, 1)) == "SECONDARY"
    assert status("bvv_drempelinkomen_zorgtoeslag", date(2026, 3, 1)) == "PLACEHOLDER"
    assert status("invorderingsrente_percentage", date(2020, 4, 1)) == "SECONDARY"
    assert status("invorderingsrente_percentage", date(2020, 7, 1)) == "OFFICIAL"
    assert status("toeslagen_min_termijnbedrag", date(2026, 3, 1)) == "SECONDARY"


def test_only_really_unconfirmed_figures_are_red_in_2026() -> None:
    """An officer who sees red on every line learns to ignore it: on 1-9-2026 few figures are not confirmed."""
    from caseworker_app.domain.explain import Step

    day = date(2026, 9, 1)
    red = []
    for table in load_parameters().tables.values():
        row = table.at(day)
        if row is not None and Step.of("x", param=row).unconfirmed:
            red.append(table.name)
    assert set(red) <= {
        "bvv_drempelinkomen_zorgtoeslag",
        "bvv_zorgtoeslag_percentage",
        "bvv_ijkpunt_een",
        "bvv_ijkpunt_meer",
        "betaaltermijn_aansprakelijkstelling",
        "stuiting_signaal_voor_verjaring",
        "vm42_lopend_toeslagjaar",  # a policy switch the product owner has not set yet (shipped: the legal rule)
        "signaal_veel_schuldeisers",
        "signaal_stapeling_ambtshalve",
        "afloscapaciteit_percentage",
        "afloscapaciteit_max_maanden",
    }, red


REVIEW = """
review_by = 2027-01-01

[parameter.x]
description = "test (Kostenwet art. 2)"
unit = "euro"

[parameter.y]
description = "test y (IW 1990 art. 28)"
unit = "euro"
review_by = 2030-01-01
legal_source = "Invorderingswet 1990, art. 28 lid 1"

[[row]]
parameter = "x"
valid_from = 2025-01-01
valid_to = 2025-12-31
value = 1
source = "test"
status = "OFFICIAL"

[[row]]
parameter = "x"
valid_from = 2026-01-01
value = 2
source = "test"
status = "OFFICIAL*"

[[row]]
parameter = "y"
valid_from = 2026-01-01
value = 3
source = "test"
status = "SECONDARY"
"""


def test_review_dates_mark_carried_figures_and_list_overdue_tables(param_dir: Path) -> None:
    (param_dir / "x.toml").write_text(REVIEW, encoding="utf-8")
    reload_parameters()
    assert not param("x", date(2026, 12, 31)).review_due
    assert param("x", date(2027, 1, 1)).review_due  # the open-ended 2026 row carried into 2027
    assert not param("x", date(2025, 6, 1)).review_due  # a closed row is confirmed for its period
    assert not param("y", date(2027, 6, 1)).review_due  # its own review date
    assert param("y", date(2027, 6, 1)).legal_source == "Invorderingswet 1990, art. 28 lid 1"
    assert param("x", date(2026, 6, 1)).legal_source == "Kostenwet invordering rijksbelastingen, art. 2"
    assert [t.name for t in params.overdue(date(2026, 12, 31))] == []
    assert [t.name for t in params.overdue(date(2027, 1, 1))] == ["x"]
    assert [t.name for t in params.overdue(date(2031, 1, 1))] == ["x", "y"]


def test_a_bad_review_date_or_declaration_key_is_refused(param_dir: Path) -> None:
    (param_dir / "x.toml").write_text(REVIEW.replace("review_by = 2027-01-01", 'review_by = "soon"'), encoding="utf-8")
    with pytest.raises(UserFacingError) as info:
        reload_parameters()
    assert "review_by" in info.value.message
    (param_dir / "x.toml").write_text(
        REVIEW.replace('unit = "euro"\n\n[parameter.y]', 'unit = "euro"\nuniet = 1\n\n[parameter.y]'), encoding="utf-8"
    )
    with pytest.raises(UserFacingError) as info:
        reload_parameters()
    assert "uniet" in info.value.message


SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "dev" / "param_review.py"


def test_the_review_report_warns_without_failing() -> None:
    """scripts/check.sh runs this report in every make test: it prints the overdue tables and exits 0."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--today", "2027-02-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "WAARSCHUWING" in out.stdout and "kosten.toml" in out.stdout and "2027-01-01" in out.stdout
    quiet = subprocess.run(
        [sys.executable, str(SCRIPT), "--today", "2026-12-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert quiet.returncode == 0 and "WAARSCHUWING" not in quiet.stdout
