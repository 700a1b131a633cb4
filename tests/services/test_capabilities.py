"""Capabilities register with the opened database, so every client of it sees the same ones."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, literal, select

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context

from caseworker_app.db.models import Claim

from caseworker_app.services import capabilities, changes, position
from caseworker_app.services.context import Context

AS_OF = dt.date(2026, 11, 26)


def _proef(registry: capabilities.Capabilities) -> None:
    """A capability as a real one installs itself: a position extension, a token source, a timeline kind."""

    def extension(session: Any, debtor_id: int, as_of: dt.date) -> position.ExtensionFacts:
        claims = session.execute(select(func.count()).where(Claim.debtor_id == debtor_id)).scalar_one()
        return position.ExtensionFacts(
            flags=(position.Flag("proef", "Proefcapaciteit", f"{claims} vordering(en)", severity="info"),),
            timeline=(position.TimelineEvent(as_of, "proef", "Proef gestart"),),
            pending=(position.PendingDecision(7, "maatwerk", "Invorderingspauze van 3 maanden", "Bea Bakker",
                                              dt.date(2026, 11, 20), claim_ids=(1,)),),
            sections={"proef": {"claims": claims}},
        )

    registry.add_position_extension("proef", extension)
    registry.add_token_source("proef", lambda _debtor_id: select(literal(4242)).scalar_subquery())
    registry.add_timeline_kind("proef", "Proeven")


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(capabilities, "installers", lambda: (_proef,))


def test_a_database_opened_without_installers_has_no_extensions(
    migrated_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(capabilities, "installers", lambda: ())
    ctx = open_context(migrated_db_url)
    assert ctx.db.capabilities.names() == {
        "position_extensions": (),
        "token_sources": (),
        "timeline_kinds": (),
        "decision_handlers": (),
    }


def test_every_shipped_capability_is_installed(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    assert {"contacts", "maatwerk"} <= set(ctx.db.capabilities.names()["position_extensions"])
    assert "payments" in ctx.db.capabilities.names()["position_extensions"]
    assert "payments" in ctx.db.capabilities.names()["token_sources"]
    assert ctx.db.capabilities.timeline_kinds()["contact"] == "Contacten"
    assert ctx.db.capabilities.timeline_kinds()["maatwerk"] == "Maatwerk"


def test_the_command_line_and_the_gui_see_the_same_capabilities(
    migrated_db_url: str, installed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id)
    capsys.readouterr()
    # the command line opens its own Database, as a user's second program would
    assert cli.main(["debtor", "show", "111222333", "--json", "--no-explanation", "--date", AS_OF.isoformat(),
                     "--database", migrated_db_url]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["proef"] == {"claims": 1}
    assert "proef" in {f["code"] for f in doc["flags"]}
    assert doc["pending"] == [{"id": 7, "kind": "maatwerk", "title": "Invorderingspauze van 3 maanden", "detail": "",
                               "proposed_by": "Bea Bakker", "proposed_on": "2026-11-20", "claim_ids": [1]}]
    assert any(e["kind"] == "proef" for e in doc["timeline"])
    # the GUI opens the database through its backend, on the DB worker: the same registry, the same facts
    from caseworker_app.gui import backend

    gui_ctx = backend.open_context(migrated_db_url, ctx.actor.login)
    try:
        assert gui_ctx.db.capabilities.names() == ctx.db.capabilities.names()
        pos = position.get_position(gui_ctx, debtor_id, AS_OF)
        assert position.position_to_json(pos, explain=False) == doc
        assert pos.timeline_kinds["proef"] == "Proeven"
        assert changes.change_token(gui_ctx, debtor_id).endswith(".4242")  # the capability's part of the token
    finally:
        gui_ctx.db.dispose()


def test_two_capabilities_cannot_claim_one_section_or_a_key_of_the_position(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    ctx.db.capabilities.add_position_extension("a", lambda *_: position.ExtensionFacts(sections={"proefsectie": []}))
    ctx.db.capabilities.add_position_extension("b", lambda *_: position.ExtensionFacts(sections={"proefsectie": [1]}))
    with pytest.raises(position.ExtensionConflictError, match="'a' and 'b' both return 'proefsectie'"):
        position.get_position(ctx, debtor_id, AS_OF)
    other = open_context(migrated_db_url)
    other.db.capabilities.add_position_extension("c", lambda *_: position.ExtensionFacts(sections={"claims": []}))
    with pytest.raises(position.ExtensionConflictError, match="own key 'claims'"):
        position.get_position(other, debtor_id, AS_OF)


def test_a_name_is_registered_once(migrated_sqlite_url: str) -> None:
    registry = capabilities.Capabilities()
    registry.add_position_extension("x", lambda *_: position.ExtensionFacts())
    with pytest.raises(ValueError, match="twice"):
        registry.add_position_extension("x", lambda *_: position.ExtensionFacts())
    with pytest.raises(ValueError, match="own"):
        registry.add_timeline_kind("betaling", "Betalingen")


def test_debtor_level_facts_combine_carefully(migrated_db_url: str) -> None:
    """The latest bvv determination counts; one capability doubting the betalingsperspectief is enough."""
    ctx: Context = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx)
    add_claim(ctx, debtor_id)
    for name, facts in (
        ("one", position.ExtensionFacts(betalingsperspectief=True, bvv_vastgesteld_op=dt.date(2026, 9, 1))),
        ("two", position.ExtensionFacts(betalingsperspectief=False, bvv_vastgesteld_op=dt.date(2026, 3, 1))),
        ("three", position.ExtensionFacts(betalingsperspectief=None)),
    ):
        ctx.db.capabilities.add_position_extension(name, lambda *_a, f=facts: f)
    pos = position.get_position(ctx, debtor_id, AS_OF)
    (claim,) = pos.claims
    assert claim.facts is not None
    assert (claim.facts.betalingsperspectief, claim.facts.bvv_vastgesteld_op) == (False, dt.date(2026, 9, 1))
