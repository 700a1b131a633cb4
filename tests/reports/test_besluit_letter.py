"""The decision letter about a measure (issue 10): plain Dutch for the citizen, made from the CLI, audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from caseworker_app import cli
from caseworker_app.errors import UserFacingError
from tests.factories import add_claim, add_debtor, login_as, open_context
from tests.reports.pdftext import pdf_text

from caseworker_app.domain.types import Role

from caseworker_app.services import maatwerk, position
from caseworker_app.services.maatwerk import letter

TODAY = position.today()
BSN = "111222333"


@pytest.fixture
def decided(migrated_sqlite_url: str) -> tuple[str, object, int, int]:
    ctx = open_context(migrated_sqlite_url)
    debtor_id = add_debtor(ctx, bsn=BSN, voornamen="Zoë", achternaam="Müller")
    add_claim(ctx, debtor_id, amount="5000.00", dagtekening=TODAY - dt.timedelta(days=300), reference="IB-2024-001")
    bea = login_as(ctx, migrated_sqlite_url, "bea", Role.CASEWORKER)
    tom = login_as(ctx, migrated_sqlite_url, "tom", Role.TEAMLEAD)
    approved = maatwerk.propose(bea, BSN, soort="invorderingspauze", van=TODAY, tot=TODAY + dt.timedelta(days=90),
                                onderdelen=("dwang", "rente"), reden="Ziek", reden_code="ziekte_of_overlijden").measure
    maatwerk.decide(tom, approved.id, "goedgekeurd", "Akkoord")
    refused = maatwerk.propose(bea, BSN, soort="geen_verrekening", van=TODAY, tot=TODAY + dt.timedelta(days=30),
                               reden="Bestaansminimum").measure
    maatwerk.decide(tom, refused.id, "afgewezen", "Uw inkomen ligt ruim boven de beslagvrije voet.")
    return migrated_sqlite_url, ctx, approved.id, refused.id


def test_the_letter_of_an_approved_pause_says_what_it_means_in_plain_dutch(decided, tmp_path: Path) -> None:
    url, _ctx, approved, _refused = decided
    target = tmp_path / "besluit.pdf"
    assert cli.main(["report", "besluit", str(approved), "-o", str(target), "--database", url]) == 0
    text = " ".join(pdf_text(target, layout=False).split())
    assert "Beste Zoë Müller" in text and "Kenmerk: Maatwerk" in text
    assert "Wij hebben besloten tot een pauze in de invordering" in text
    assert "Over deze periode rekenen wij geen invorderingsrente" in text
    assert "Wij vragen u in deze periode niet om te betalen" not in text  # that switch was not chosen
    assert "al uw schulden" in text
    for code in ("ziekte_of_overlijden", "geen_rente", "_"):
        assert code not in text  # words, not codes
    assert cli.main(["report", "besluit", str(approved), "-o", str(target), "--database", url]) == 2  # no overwrite


def test_a_refusal_gives_the_team_leads_reason_and_what_the_citizen_can_do(decided) -> None:
    _url, ctx, _approved, refused = decided
    data = letter.besluit_data(ctx, refused)
    assert "niet doorgaat" in data.besluit and data.waarom.startswith("Uw inkomen")
    assert any("betalingsregeling" in line for line in data.vervolg)


def test_an_undecided_proposal_has_no_letter(decided) -> None:
    _url, ctx, _approved, _refused = decided
    waiting = maatwerk.propose(ctx, BSN, soort="geen_dwang", van=TODAY, tot=TODAY + dt.timedelta(days=9),
                               reden="Wacht").measure
    with pytest.raises(UserFacingError, match="besluitbrief"):
        letter.besluit_data(ctx, waiting.id)
