"""The schuldoverzicht a citizen receives: readable text, the right numbers, A4, fonts embedded."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.reports.pdftext import parse_eur, pdf_fonts, pdf_info, pdf_text, summary_amounts

from caseworker_app.domain.money import format_eur
from caseworker_app.domain.position_totals import compute_totals

from caseworker_app.reports.schuldoverzicht import OverzichtClaim, SchuldoverzichtData, render_schuldoverzicht

AS_OF = date(2026, 11, 26)


@dataclasses.dataclass(frozen=True)
class _Amounts:
    """What compute_totals reads, taken from an OverzichtClaim (the rente column is booked + accrued)."""

    creditor: str
    open: Decimal
    costs: Decimal
    rente_booked: Decimal
    rente_accrued: Decimal
    paid: Decimal
    verrekend: Decimal
    under_regeling: bool
    paused: bool


def _claim(i: int, creditor: str = "belastingdienst", **changes: object) -> OverzichtClaim:
    original = Decimal(1000 + 37 * i) + Decimal("0.45")
    paid, verrekend, costs, rente = Decimal(100 + i), Decimal(20), Decimal(19), Decimal(7 + i % 5)
    base = OverzichtClaim(
        reference=f"1234.56.{i:03d}.H.{40 + i % 50}",
        creditor=creditor,
        omschrijving=(
            "zorgtoeslag 2024 (terugvordering)" if creditor == "toeslagen" else "inkomstenbelasting 2024 (aanslag)"
        ),
        vervaldatum=date(2025, 4, 12),
        original_amount=original,
        paid=paid,
        verrekend=verrekend,
        reduced=Decimal(0),
        costs=costs,
        rente=rente,
        open=original + costs + rente - paid - verrekend,
        stage="aanmaning op 03-06-2025" if i % 2 else None,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _data(claims: list[OverzichtClaim], **changes: object) -> SchuldoverzichtData:
    totals = compute_totals(
        _Amounts(c.creditor, c.open, c.costs, c.rente, Decimal(0), c.paid, c.verrekend, c.under_regeling, c.paused)
        for c in claims
    )
    base = SchuldoverzichtData(
        name="Ömer Çelik-de Vries",
        address_lines=("Oudegracht 12a", "3511 AB Utrecht"),
        identifier_label="BSN",
        identifier="111222333",
        as_of=AS_OF,
        totals=totals,
        claims=tuple(claims),
        next_steps=("Betaalt u 2 bedragen niet vóór 10-12-2026? Dan krijgt u een dwangbevel.",),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[SchuldoverzichtData, Path]:
    claims = [_claim(i) for i in range(3)] + [_claim(10 + i, "toeslagen") for i in range(2)]
    claims[1] = dataclasses.replace(claims[1], under_regeling=True)
    data = _data(claims)
    path = tmp_path / "overzicht.pdf"
    render_schuldoverzicht(data, path)
    return data, path


def test_the_citizen_can_read_every_claim_and_what_to_do(mixed: tuple[SchuldoverzichtData, Path]) -> None:
    data, path = mixed
    text = pdf_text(path)
    for heading in ("Overzicht van uw schulden", "Belastingdienst", "Dienst Toeslagen", "Wat gebeurt er nu?",
                    "Kunt u niet (alles) betalen?", "Betalingsregeling.", "Kwijtschelding.", "Vragen?"):
        assert heading in text, heading
    assert data.contact.telefoon in text
    assert "Ömer Çelik-de Vries" in text  # real text in an embedded Unicode font, not boxes or an image
    for claim in data.claims:
        assert claim.reference in text
    assert data.next_steps[0] in pdf_text(path, layout=False).replace("\n", " ")
    assert "onder betalingsregeling" in text


def test_summary_shows_exactly_the_totals(mixed: tuple[SchuldoverzichtData, Path]) -> None:
    data, path = mixed
    printed = summary_amounts(path, AS_OF)
    amounts = data.totals.amounts()
    assert set(printed) >= {"open", "open_belastingdienst", "open_toeslagen", "costs", "rente_total", "paid",
                            "verrekend", "under_regeling"}
    for key, value in printed.items():
        assert value == amounts[key].quantize(Decimal("0.01")), key
    assert "paused" not in printed  # nothing paused: the row is left out rather than showing € 0,00


def test_subtotal_per_creditor_adds_up_to_the_total(mixed: tuple[SchuldoverzichtData, Path]) -> None:
    data, path = mixed
    text = pdf_text(path)
    subtotals = {}
    for line in text.splitlines():
        stripped = line.strip()
        for creditor in ("Belastingdienst", "Dienst Toeslagen"):
            if stripped.startswith(f"Totaal {creditor}"):
                subtotals[creditor] = Decimal(stripped.split()[-1].replace(".", "").replace(",", "."))
    assert subtotals["Belastingdienst"] == data.totals.open_belastingdienst
    assert subtotals["Dienst Toeslagen"] == data.totals.open_toeslagen


def test_a4_fonts_embedded_and_metadata(mixed: tuple[SchuldoverzichtData, Path]) -> None:
    _, path = mixed
    info = pdf_info(path)
    assert "A4" in info["Page size"], info["Page size"]
    assert "Schuldoverzicht" in info["Title"]
    fonts = pdf_fonts(path)
    assert fonts, "no fonts: the text would be an image"
    assert all(f["emb"] == "yes" for f in fonts), fonts


def test_many_claims_flow_over_numbered_pages(tmp_path: Path) -> None:
    claims = [_claim(i, "toeslagen" if i % 4 == 0 else "belastingdienst") for i in range(120)]
    data = _data(claims)
    path = tmp_path / "groot.pdf"
    render_schuldoverzicht(data, path)
    pages = int(pdf_info(path)["Pages"])
    assert pages >= 3
    text = pdf_text(path)
    assert f"pagina 1 van {pages}" in text and f"pagina {pages} van {pages}" in text
    assert text.count("Kenmerk") >= pages - 1  # the table header repeats on every page it continues on
    assert all(c.reference in text for c in claims)
    assert summary_amounts(path, AS_OF)["open"] == data.totals.open


def test_nothing_open_says_so(tmp_path: Path) -> None:
    data = _data([])
    path = tmp_path / "leeg.pdf"
    render_schuldoverzicht(data, path)
    text = pdf_text(path)
    assert "geen openstaande bedragen" in text
    assert "U hoeft niets meer te betalen" in text
    assert summary_amounts(path, AS_OF)["open"] == Decimal("0.00")


def test_renders_into_a_buffer_and_escapes_markup(tmp_path: Path) -> None:
    claim = _claim(1, omschrijving="inkomstenbelasting <b>2024</b> & co")
    data = _data([claim], name="A & B <Holding>")
    buffer = io.BytesIO()
    render_schuldoverzicht(data, buffer)
    path = tmp_path / "buffer.pdf"
    path.write_bytes(buffer.getvalue())
    text = pdf_text(path)
    assert "A & B <Holding>" in text
    assert "<b>2024</b> & co" in text.replace("\n", " ")
    assert parse_eur(format_eur(data.totals.open)) == data.totals.open.quantize(Decimal("0.01"))
