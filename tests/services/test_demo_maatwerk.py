"""The demo data has maatwerk in every state (issue 10), on both backends, within the database's four-eyes rules."""

from __future__ import annotations

from tests.factories import open_context

from caseworker_app.domain.maatwerk import Status

from caseworker_app.services import demo, maatwerk, position


def test_the_demo_has_a_measure_in_every_state(migrated_db_url: str) -> None:
    ctx = open_context(migrated_db_url)
    summary = demo.generate(ctx, 60, 7, reference_date=position.today())
    measures = maatwerk.list_measures(ctx)
    assert summary.measures == len(measures) > 0
    assert {m.status for m in measures} == set(Status)
    for m in measures:
        if m.besloten_door is not None and m.soort != "eerst_contact":
            assert m.besloten_door != m.voorgesteld_door  # four eyes, also in the demo
