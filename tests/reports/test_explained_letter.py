"""The schuldoverzicht explains its amounts to a person: every subtraction visible, the law spelled out, costs with
their tariff's law, the beslagvrije voet used -- from the same steps the screen explains, marked only where a
figure really is unconfirmed."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context
from tests.reports.pdftext import pdf_text

from caseworker_app.domain.types import EnforcementStep

from caseworker_app.services import capacity, position
from caseworker_app.services.position.letter import schuldoverzicht_data

KEY = re.compile(r"\b[a-z]+(_[a-z0-9]+)+\b")
AS_OF = dt.date(2026, 11, 26)


def _case(url: str) -> str:
    ctx = open_context(url)
    debtor_id = add_debtor(ctx, bsn="249566758", voornamen="Ayşe", achternaam="Öztürk")
    add_claim(ctx, debtor_id, amount="2345.67", dagtekening=dt.date(2024, 2, 1), reference="IB2024A",
              payments=((dt.date(2024, 6, 3), "345.67"),),
              steps=((EnforcementStep.AANMANING, dt.date(2024, 4, 2), "19.00"),
                     (EnforcementStep.DWANGBEVEL, dt.date(2024, 5, 2), "102.00")))
    capacity.record_financial_situation(ctx, debtor_id, {
        "peildatum": "2026-10-01", "inkomen_maand": "2.150,00", "belastbaar_inkomen_jaar": "26.000,00",
        "woonlasten_maand": "812,50"})
    ctx.db.dispose()
    return "249566758"


def test_the_letter_shows_how_each_amount_was_worked_out(migrated_db_url: str, tmp_path: Path) -> None:
    bsn = _case(migrated_db_url)
    target = tmp_path / "overzicht.pdf"
    assert cli.main(["report", "schuldoverzicht", bsn, "-o", str(target), "--date", AS_OF.isoformat(),
                     "--database", migrated_db_url]) == 0
    text = pdf_text(target, layout=False)
    flat = " ".join(text.split())
    assert "Hoe hebben wij dit berekend?" in flat
    # every subtraction visible, ending in what is still to pay
    assert re.search(r"Bedrag van de aanslag − betaald \+ kosten .*= nog te betalen", flat), flat[-3000:]
    # the costs with the law of their tariff, the rente with its article, spelled out
    assert "Kosten aanmaning van 02-04-2024" in flat and "Kostenwet invordering rijksbelastingen, art. 2" in flat
    assert "Kosten dwangbevel van 02-05-2024" in flat and "art. 3 lid 1" in flat
    assert "Invorderingswet 1990, art. 29" in flat
    # the beslagvrije voet used, and the subtraction with the income
    ctx = open_context(migrated_db_url)
    pos = position.get_position_by_bsn(ctx, bsn, AS_OF)
    assert pos.capacity is not None and pos.capacity.beslagvrije_voet is not None
    from caseworker_app.domain.money import format_eur

    assert "beslagvrije voet" in flat.lower() and format_eur(pos.capacity.beslagvrije_voet) in flat
    # words, not codes or keys
    assert not KEY.search(text), KEY.search(text)
    assert not any(code in text for code in ("OFFICIAL", "SECONDARY", "PLACEHOLDER", "DERIVED"))
    # only a figure that really is unconfirmed says so, once per such figure
    data = schuldoverzicht_data(pos)
    shown = [s for e in data.explanations for s in e.steps] + list(data.bvv_steps)
    marked = sum(1 for s in shown if s.unconfirmed)
    assert flat.count("cijfer niet bevestigd") + flat.count("cijfer te herzien") == marked
    assert "cijfer voorlopig" not in flat and "cijfer bevestigd" not in flat
    # the beslagvrije voet rests on figures the screen marks as not confirmed: the letter does not hide that
    behind = any(s.unconfirmed for s in pos.capacity.bvv_explanation)
    assert ("zijn nog niet bevestigd; wij controleren ze nog" in flat) == behind
    ctx.db.dispose()


def test_the_explanation_is_the_screens_explanation(migrated_db_url: str) -> None:
    bsn = _case(migrated_db_url)
    ctx = open_context(migrated_db_url)
    pos = position.get_position_by_bsn(ctx, bsn, AS_OF)
    data = schuldoverzicht_data(pos)
    claim = next(c for c in pos.claims if c.reference == "IB2024A")
    screen = position.explain_claim(pos, claim.id)
    letter = next(e for e in data.explanations if e.reference == "IB2024A").steps
    assert letter == screen[: len(letter)] and letter[-1].value and letter[-1].value.endswith(
        format_eur_plain(claim.open))
    ctx.db.dispose()


def format_eur_plain(amount: Decimal) -> str:
    from caseworker_app.domain.money import format_eur

    return format_eur(amount)
