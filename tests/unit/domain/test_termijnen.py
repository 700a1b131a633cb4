from datetime import date

import pytest

from caseworker_app.domain.rules.termijnen import betaaltermijn
from caseworker_app.domain.types import ClaimKind


@pytest.mark.parametrize(
    ("soort", "dagtekening", "uiterste"),
    [
        (ClaimKind.AANSLAG, date(2026, 3, 1), date(2026, 4, 12)),  # 6 weeks
        (ClaimKind.NAVORDERINGSAANSLAG, date(2026, 1, 31), date(2026, 2, 28)),  # 1 month, clamped
        (ClaimKind.NAHEFFINGSAANSLAG, date(2026, 3, 1), date(2026, 3, 15)),  # 14 days
        (ClaimKind.TERUGVORDERING, date(2026, 3, 1), date(2026, 4, 12)),  # 6 weeks (Awir 28)
    ],
)
def test_uiterste_betaaldatum_per_soort(soort: ClaimKind, dagtekening: date, uiterste: date) -> None:
    result = betaaltermijn(soort, dagtekening)
    assert result.result.uiterste_betaaldatum == uiterste
    assert (result.result.rente_vanaf - uiterste).days == 1
    assert result.steps[0].source
