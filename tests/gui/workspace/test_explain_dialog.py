"""The explanation dialog as an officer reads it out to a citizen: words, not codes; the law spelled out; only
what really is unconfirmed marked; the codes, keys and research notes one tick away under "Details"."""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import Qt

from caseworker_app.domain.explain import Step

from caseworker_app.services import position

from caseworker_app.gui.workspace import DebtorWorkspace
from caseworker_app.gui.workspace.explain_dialog import UNCONFIRMED_BACKGROUND, ExplanationDialog, StepsModel

pytestmark = pytest.mark.gui

KEY = re.compile(r"\b[a-z]+(_[a-z0-9]+)+\b")  # a parameter key such as invorderingsrente_percentage
CODES = ("OFFICIAL", "SECONDARY", "PLACEHOLDER", "DERIVED")
ABBREVIATED = re.compile(r"\((IW|LI|URIW|Awb|Rv|Awir) ")  # a citation in research-note shorthand


@pytest.fixture
def workspace(qtbot, ctx, seeded, sync_ops):
    from caseworker_app.services import capacity

    capacity.record_financial_situation(ctx, seeded.jansen, {
        "peildatum": "01-10-2025", "inkomen_maand": "2.650,00", "belastbaar_inkomen_jaar": "31.800,00",
        "woonlasten_maand": "712,40", "zorgpremie_maand": "151,00"})
    ws = DebtorWorkspace(ctx, seeded.jansen, watch=False)
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    ws.load()
    return ws


def _shown(dialog: ExplanationDialog) -> list[list[str]]:
    """The cells an officer sees (visible columns only), row by row."""
    model, view = dialog.model, dialog.view
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    # a non-breaking space keeps "€" with its amount on screen; read it as a space
    return [[(model.index(r, c).data() or "").replace("\u00a0", " ") for c in columns]
            for r in range(model.rowCount())]


def _claim_dialog(workspace: DebtorWorkspace, reference: str) -> tuple[ExplanationDialog, tuple[Step, ...]]:
    pos = workspace.position
    assert pos is not None
    claim = next(c for c in pos.claims if c.reference == reference)
    workspace.explain_claim(claim.id)
    dialog = workspace.explanation_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog, position.explain_claim(pos, claim.id)


def test_a_claims_explanation_speaks_words_and_names_the_law(workspace) -> None:
    dialog, steps = _claim_dialog(workspace, "1234.56.789.H.46")
    assert dialog.model.steps() == list(steps)  # the steps the figure was computed with, no second calculation
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.model.columnCount())
               if not dialog.view.isColumnHidden(c)]
    assert headers == ["Stap", "Waarde", "Zekerheid", "Wettelijke grondslag"]
    cells = _shown(dialog)
    text = "\n".join(" | ".join(row) for row in cells)
    assert not KEY.search(text), KEY.search(text)
    assert not any(code in text for code in CODES)
    assert not ABBREVIATED.search(text), ABBREVIATED.search(text)
    assert "Invorderingswet 1990, art. 29" in text  # the rente percentage's legal basis, spelled out
    assert {row[2] for row in cells} <= {"", "bevestigd", "voorlopig", "niet bevestigd", "te herzien"}
    assert [row[0] for row in cells] == [s.plain_description for s in steps]
    # every subtraction visible: what is still to pay is a sum with each term
    total = next(row for row in cells if row[0].endswith("= nog te betalen"))
    assert total[0].startswith("Bedrag van de aanslag − betaald") and "−" in total[1] and "=" in total[1]
    # the costs each with the law of their tariff
    costs = [row for row in cells if row[0].startswith("Kosten ")]
    assert costs and all(row[3].startswith("Kostenwet invordering rijksbelastingen") for row in costs), costs


def test_only_what_really_is_unconfirmed_is_marked(qtbot) -> None:
    steps = (
        Step("Rentepercentage vanaf 01-01-2023", "3%", parameter="invorderingsrente_percentage", status="SECONDARY",
             legal_source="Invorderingswet 1990, art. 29"),
        Step("Rentepercentage vanaf 01-01-2026", "4,3%", parameter="invorderingsrente_percentage", status="OFFICIAL",
             legal_source="Invorderingswet 1990, art. 29"),
        Step("Signaal voor stuiten", "6 maanden", parameter="stuiting_signaal_voor_verjaring", status="PLACEHOLDER",
             source="Beleidskeuze Caseworker"),
        Step("Nog te betalen", "€ 10,00"),
    )
    dialog = ExplanationDialog("Rente", steps)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    marked = [r for r in range(model.rowCount())
              if model.index(r, StepsModel.VALUE).data(Qt.ItemDataRole.BackgroundRole) is not None]
    assert marked == [2]  # "voorlopig" is said in words, not in red
    assert model.index(2, StepsModel.VALUE).data(Qt.ItemDataRole.BackgroundRole).color() == UNCONFIRMED_BACKGROUND
    assert [model.index(r, StepsModel.STATUS).data() for r in range(4)] == [
        "voorlopig", "bevestigd", "niet bevestigd", ""]
    assert dialog.warning.isVisibleTo(dialog) and "1 cijfer" in dialog.warning.text()
    assert "voorlopig" not in dialog.warning.text().lower()


def test_details_show_the_keys_codes_and_research_notes(workspace, qtbot) -> None:
    dialog, _steps = _claim_dialog(workspace, "1234.56.789.H.46")
    assert all(dialog.view.isColumnHidden(c) for c in StepsModel.DETAILS)
    dialog.details.setChecked(True)
    assert not any(dialog.view.isColumnHidden(c) for c in StepsModel.DETAILS)
    text = "\n".join(" | ".join(row) for row in _shown(dialog))
    assert "invorderingsrente_percentage" in text and any(code in text for code in CODES)
    dialog.details.setChecked(False)
    assert all(dialog.view.isColumnHidden(c) for c in StepsModel.DETAILS)


def test_the_bvv_explanation_shows_the_bvv_used_and_its_subtraction(workspace) -> None:
    workspace.explain_capacity("bvv")
    dialog = workspace.explanation_dialog
    assert dialog is not None
    capacity = workspace.position.capacity
    assert capacity is not None and capacity.beslagvrije_voet is not None
    cells = _shown(dialog)
    text = "\n".join(" | ".join(row) for row in cells)
    assert not KEY.search(text) and not any(code in text for code in CODES)
    from caseworker_app.domain.money import format_eur

    assert any(row[0].startswith("Beslagvrije voet") and row[1] == format_eur(capacity.beslagvrije_voet)
               for row in cells)
    assert any("−" in row[1] and "=" in row[1] for row in cells)  # inkomen − beslagvrije voet = af te dragen


def test_the_capacity_panel_uses_the_same_words(workspace) -> None:
    """The panel marks the bvv as the dialog does: "niet bevestigd" only when a figure behind it is."""
    capacity = workspace.position.capacity if workspace.position is not None else None
    assert capacity is not None
    shown = workspace.capacity.values["bvv"].text()
    unconfirmed = any(s.unconfirmed for s in capacity.bvv_explanation)
    assert ("(niet bevestigd)" in shown) == unconfirmed and "onbevestigd" not in shown
