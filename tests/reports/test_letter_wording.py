"""What the letter says will happen next: every kenmerk a deurwaarder acts on is named."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from caseworker_app.domain.types import EnforcementStep

from caseworker_app.services.position import citizen_next_steps

AS_OF = dt.date(2026, 11, 26)


def _claim(reference: str, step: EnforcementStep, earliest: dt.date | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        reference=reference, open=Decimal("100.00"), verjaard=False, under_regeling=False, paused=False,
        next_step=SimpleNamespace(step=step.value, earliest=earliest),
    )


def test_every_kenmerk_that_faces_the_deurwaarder_is_named() -> None:
    beslag = [_claim(f"804987634O{2000 + i}", EnforcementStep.BESLAG) for i in range(9)]
    later = [_claim(f"TS{700000 + i}", EnforcementStep.HERNIEUWD_BEVEL, AS_OF + dt.timedelta(days=10))
             for i in range(6)]
    position = SimpleNamespace(as_of=AS_OF, claims=(*beslag, *later))
    sentences = citizen_next_steps(position)  # type: ignore[arg-type]
    text = " ".join(sentences)
    for claim in (*beslag, *later):
        assert claim.reference in text, claim.reference
    assert "andere" not in text  # no "… en 6 andere": the citizen must know which ones
    assert any("deurwaarder" in s for s in sentences)


def test_other_steps_may_summarise_long_lists() -> None:
    aanmaning = [_claim(f"T{i:09d}", EnforcementStep.AANMANING) for i in range(8)]
    sentences = citizen_next_steps(SimpleNamespace(as_of=AS_OF, claims=tuple(aanmaning)))  # type: ignore[arg-type]
    assert len(sentences) == 1
    assert "aanmaning" in sentences[0]


def test_a_tijdvak_reads_as_people_say_it() -> None:
    from caseworker_app.services.position.letter import _citizen_period

    d = dt.date
    assert _citizen_period(d(2024, 1, 1), d(2024, 12, 31)) == "2024"
    assert _citizen_period(d(2018, 7, 1), d(2018, 9, 30)) == "3e kwartaal 2018"
    assert _citizen_period(d(2025, 10, 1), d(2025, 12, 31)) == "4e kwartaal 2025"
    assert _citizen_period(d(2024, 2, 1), d(2024, 2, 29)) == "februari 2024"
    assert _citizen_period(d(2024, 2, 3), d(2024, 5, 20)) == "03-02-2024 t/m 20-05-2024"
    assert _citizen_period(d(2023, 6, 1), d(2024, 5, 31)) == "2023-2024"
    assert _citizen_period(None, d(2024, 5, 31)) == ""
