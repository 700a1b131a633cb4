"""Two people editing the same debtor: disjoint changes are both kept, clashing ones are shown, nothing is lost."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.orm.exc import StaleDataError

from caseworker_app.errors import ConflictError
from tests.factories import add_debtor, open_context

from caseworker_app.db.models import Debtor

from caseworker_app.services import debtors
from caseworker_app.services.context import Database


def test_disjoint_edits_are_merged_without_asking(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    mine = debtors.get_debtor(ctx, debtor_id)
    theirs = debtors.get_debtor(ctx, debtor_id)
    debtors.update_debtor(ctx, theirs, {"telefoon": "030-1234567"})
    result = debtors.update_debtor(ctx, mine, {"email": "jan@example.nl"})
    assert result.merged_fields == ("telefoon",)
    saved = debtors.get_debtor(ctx, debtor_id)
    assert (saved.telefoon, saved.email) == ("030-1234567", "jan@example.nl")
    assert saved.version == mine.version + 2


def test_same_field_conflict_is_reported_field_by_field(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    mine = debtors.get_debtor(ctx, debtor_id)
    other = debtors.get_debtor(ctx, debtor_id)
    debtors.update_debtor(ctx, other, {"straat": "Lange Nieuwstraat", "huisnummer": 5, "telefoon": "0301"})
    with pytest.raises(ConflictError) as info:
        debtors.update_debtor(ctx, mine, {"straat": "Korte Jansstraat", "huisnummer": 5, "email": "a@b.nl"})
    conflicts = {c.field: c for c in info.value.conflicts}
    # huisnummer: both typed 5 -> no conflict; email: only mine -> no conflict
    assert set(conflicts) == {"straat"}
    c = conflicts["straat"]
    assert (c.base, c.mine, c.theirs) == ("Oudegracht", "Korte Jansstraat", "Lange Nieuwstraat")
    assert "intussen gewijzigd" in info.value.message
    # nothing of mine was written
    saved = debtors.get_debtor(ctx, debtor_id)
    assert (saved.straat, saved.email, saved.version) == ("Lange Nieuwstraat", None, info.value.current_version)
    # the user chooses their own street; saving on the refreshed base keeps the other's phone number
    result = debtors.update_debtor(ctx, saved, {"straat": "Korte Jansstraat", "email": "a@b.nl"})
    assert (result.debtor.straat, result.debtor.email, result.debtor.telefoon) == ("Korte Jansstraat", "a@b.nl", "0301")


def test_stale_update_is_detected_by_the_database(pg_url: str) -> None:
    """Two sessions on PostgreSQL load version 1; the second UPDATE finds version 2 and fails."""
    ctx = open_context(pg_url)
    debtor_id = add_debtor(ctx)
    factory = ctx.db.session_factory
    with factory() as first, factory() as second:
        first.info["actor"] = second.info["actor"] = ctx.actor.login
        a = first.get(Debtor, debtor_id)
        b = second.get(Debtor, debtor_id)
        assert a is not None and b is not None and a.version == b.version == 1
        a.telefoon = "first"
        first.commit()
        b.telefoon = "second"
        with pytest.raises(StaleDataError):
            second.commit()
    assert debtors.get_debtor(ctx, debtor_id).telefoon == "first"


def test_concurrent_service_saves_on_postgres_lose_nothing(pg_url: str) -> None:
    """Two users save different fields at the same moment from separate connections: both survive."""
    ctx_a = open_context(pg_url)
    debtor_id = add_debtor(ctx_a)
    ctx_b = Database.open(pg_url).login()
    base = debtors.get_debtor(ctx_a, debtor_id)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    fields = {"a": ("telefoon", "0201111111"), "b": ("email", "b@example.nl")}

    def save(ctx: object, key: str) -> None:
        try:
            barrier.wait()
            for _ in range(3):  # a conflict would be a bug here: the fields differ
                debtors.update_debtor(ctx, base, {fields[key][0]: fields[key][1]})  # type: ignore[arg-type]
                break
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(c, k)) for c, k in ((ctx_a, "a"), (ctx_b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, errors
    saved = debtors.get_debtor(ctx_a, debtor_id)
    assert (saved.telefoon, saved.email) == ("0201111111", "b@example.nl")
    assert saved.version == base.version + 2
