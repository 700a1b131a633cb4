"""The schuldoverzicht a citizen receives: readable text, the right numbers, A4, fonts embedded."""

from __future__ import annotations

import dataclasses
import io
import itertools
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.reports.pdftext import (
    AMOUNT_WORD,
    lines_of_words,
    parse_eur,
    pdf_fonts,
    pdf_info,
    pdf_text,
    pdf_words,
    summary_amounts,
)

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
    verjaard: bool


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
        _Amounts(c.creditor, c.open, c.costs, c.rente, Decimal(0), c.paid, c.verrekend, c.under_regeling, c.paused,
                 c.verjaard)
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
                    "Kunt u niet alles betalen?", "Betalingsregeling.", "Kwijtschelding.", "Vragen?"):
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


# ------------------------------------------------------------------------------------ what a reader sees on paper


def _large(i: int, creditor: str = "belastingdienst") -> OverzichtClaim:
    """A claim with six-figure amounts, as a business or a long-running case has them."""
    original = Decimal("38538.00") + i
    paid, verrekend, costs, rente = Decimal("25529.86"), Decimal("3216.00"), Decimal("1145.00"), Decimal("1569.00")
    return _claim(i, creditor, original_amount=original, paid=paid, verrekend=verrekend, costs=costs, rente=rente,
                  open=original + costs + rente - paid - verrekend)


def _assert_amounts_apart(path: Path, min_gap: float = 3.0) -> int:
    """No two amounts on a printed line touch or overlap ("105.978,0054.092,90"); returns how many were checked."""
    checked = 0
    for line in lines_of_words(pdf_words(path)):
        for left, right in itertools.pairwise(line):
            if AMOUNT_WORD.match(left.text.replace("\xa0", "")) and AMOUNT_WORD.match(right.text):
                checked += 1
                gap = right.x_min - left.x_max
                assert gap >= min_gap, f"page {left.page}: {left.text!r} and {right.text!r} are {gap:.1f} pt apart"
    return checked


def test_amounts_side_by_side_never_run_into_each_other(tmp_path: Path) -> None:
    claims = [_large(i) for i in range(21)] + [_large(40 + i, "toeslagen") for i in range(3)]
    data = _data(claims)
    path = tmp_path / "groot.pdf"
    render_schuldoverzicht(data, path)
    assert _assert_amounts_apart(path) == 5 * (len(claims) + 2)  # every row and both subtotal rows
    text = pdf_text(path)
    subtotal = sum((c.original_amount for c in claims if c.creditor == "belastingdienst"), Decimal(0))
    assert format_eur(subtotal).replace("€", "").strip() in text  # "809.508,00": a seven-figure subtotal fits


def test_an_amount_never_breaks_away_from_its_euro_sign(tmp_path: Path) -> None:
    claims = [
        _claim(i, reduced=Decimal("3645.00") + i, stage="vordering op loon, uitkering of bank verstuurd op 01-04-2025",
               omschrijving="loonheffingen 01-07-2018 t/m 30-09-2018 (naheffingsaanslag)")
        for i in range(12)
    ]
    path = tmp_path / "euro.pdf"
    render_schuldoverzicht(_data(claims), path)
    for line in lines_of_words(pdf_words(path)):
        for i, word in enumerate(line):
            if word.text.endswith("€"):
                assert i + 1 < len(line) and AMOUNT_WORD.match(line[i + 1].text), [w.text for w in line]
    assert "€" not in [line.rstrip()[-1:] for line in pdf_text(path).splitlines() if line.strip()]


def test_five_hundred_claims_and_a_very_long_name_and_address(tmp_path: Path) -> None:
    name = "Maria Magdalena Johanna Wilhelmina Theodora van den Berg-Schoonhoven tot Oosterhout-Vermeulen " * 2
    address = ("Burgemeester Van Nispen tot Sevenaerstraat 1234 bis, achterzijde, tweede verdieping links",
               "9999 ZZ Sint-Michielsgestel-Den Dungen")
    claims = [_claim(i, "toeslagen" if i % 3 == 0 else "belastingdienst") for i in range(500)]
    data = _data(claims, name=name.strip(), address_lines=address)
    path = tmp_path / "vijfhonderd.pdf"
    render_schuldoverzicht(data, path)
    pages = int(pdf_info(path)["Pages"])
    flat = " ".join(pdf_text(path, layout=False).split())
    assert name.strip() in flat  # wrapped, not clipped
    assert all(line in flat for line in address)
    words = pdf_words(path)
    assert all(c.reference in {w.text for w in words} for c in claims)
    right_edge = 595.3 - 18 / 25.4 * 72 + 1  # A4 width minus the margin, in points
    assert max(w.x_max for w in words) <= right_edge
    assert _assert_amounts_apart(path) > 0
    assert f"pagina {pages} van {pages}" in pdf_text(path)
    assert summary_amounts(path, AS_OF)["open"] == data.totals.open


def test_a_verjaarde_claim_is_explained_and_not_asked_for(tmp_path: Path) -> None:
    old = _claim(7, verjaard=True)
    fresh = _claim(8)
    # totals as the position computes them: without what is verjaard
    data = dataclasses.replace(_data([fresh]), claims=(old, fresh))
    path = tmp_path / "verjaard.pdf"
    render_schuldoverzicht(data, path)
    flat = " ".join(pdf_text(path, layout=False).split())
    assert "verjaard" in flat
    assert "U hoeft dit niet meer te betalen" in flat
    subtotal = next(line for line in pdf_text(path).splitlines() if line.strip().startswith("Totaal Belastingdienst"))
    assert subtotal.split()[-1] == format_eur(fresh.open).replace("€", "").strip()


def test_the_letter_offers_help_in_plain_words(mixed: tuple[SchuldoverzichtData, Path]) -> None:
    _, path = mixed
    flat = " ".join(pdf_text(path, layout=False).split())
    for phrase in ("schuldhulpverlener of bewindvoerder", "gemeente", "geldfit.nl", "gratis"):
        assert phrase in flat, phrase


def test_no_standard_regeling_is_offered_after_fraud(tmp_path: Path) -> None:
    claims = [_claim(1), _claim(2, "toeslagen")]
    path = tmp_path / "fraude.pdf"
    render_schuldoverzicht(_data(claims, fraude=True), path)
    flat = " ".join(pdf_text(path, layout=False).split())
    assert "24 maanden" not in flat and "persoonlijke betalingsregeling" not in flat
    assert "wat u elke maand kunt betalen" in flat
    render_schuldoverzicht(_data(claims), tmp_path / "gewoon.pdf")
    assert "24 maanden" in " ".join(pdf_text(tmp_path / "gewoon.pdf", layout=False).split())
