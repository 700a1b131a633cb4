from datetime import date
from decimal import Decimal

import pytest

from caseworker_app.domain.params import param
from caseworker_app.domain.rules.position import ClaimFacts, evaluate_claim
from caseworker_app.domain.rules.rente import rente_exact
from caseworker_app.domain.rules.termijnen import betaaltermijn, va_termijnen
from caseworker_app.domain.types import ClaimKind, EnforcementStep, Middel


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


# ------------------------------------------------------------------------------- terms of issue 8 item 7


def test_an_aansprakelijkstelling_by_toeslagen_is_invorderbaar_after_six_weeks() -> None:
    toeslagen = betaaltermijn(ClaimKind.AANSPRAKELIJKSTELLING, date(2026, 3, 1), Middel.HT)
    assert toeslagen.result.uiterste_betaaldatum == date(2026, 4, 12)
    assert any("Awir art. 33 lid 4" in (s.source or "") for s in toeslagen.steps)
    belastingdienst = betaaltermijn(ClaimKind.AANSPRAKELIJKSTELLING, date(2026, 3, 1), Middel.LH)
    assert belastingdienst.result.uiterste_betaaldatum == date(2026, 4, 1)  # the beschikking states it


def test_a_naheffingsaanslag_bpm_is_terstond_invorderbaar() -> None:
    bpm = betaaltermijn(ClaimKind.NAHEFFINGSAANSLAG, date(2026, 3, 1), Middel.BPM)
    assert bpm.result.uiterste_betaaldatum == date(2026, 3, 1)
    assert "terstond" in bpm.steps[0].description
    assert betaaltermijn(ClaimKind.NAHEFFINGSAANSLAG, date(2026, 3, 1), Middel.OB).result.uiterste_betaaldatum == date(
        2026, 3, 15)


def test_a_voorlopige_aanslag_in_its_own_year_is_paid_in_termijnen() -> None:
    assert va_termijnen(date(2026, 3, 15), 2026) == tuple(date(2026, m, 15) for m in range(4, 13))  # IW 9 lid 5
    assert va_termijnen(date(2025, 12, 10), 2026)[0] == date(2026, 1, 31)  # lid 7: dated before the year
    assert va_termijnen(date(2025, 12, 10), 2026)[-1] == date(2026, 12, 31)
    assert va_termijnen(date(2026, 11, 2), 2026) == ()  # one termijn or none: the 6 weeks of lid 1
    assert va_termijnen(date(2027, 2, 1), 2026) == ()
    explained = betaaltermijn(ClaimKind.AANSLAG, date(2026, 3, 15), Middel.IB, voorlopig_jaar=2026)
    assert explained.result.uiterste_betaaldatum == date(2026, 12, 15)
    assert len(explained.result.termijnen) == 9


def test_a_voorlopige_aanslag_in_termijnen_accrues_rente_only_after_the_last_termijn() -> None:
    va = ClaimFacts(kind=ClaimKind.AANSLAG, middel=Middel.IB, dagtekening=date(2026, 3, 15), bedrag=Decimal("9000"),
                    voorlopig=True, tijdvak_jaar=2026)
    ev = evaluate_claim(va, date(2026, 11, 26))
    assert ev.uiterste_betaaldatum == date(2026, 12, 15)
    assert ev.rente_accrued == 0  # eight termijnen have passed, but rente waits for the last one (IW 28 lid 1)
    assert ev.next_step.step is EnforcementStep.AANMANING and ev.next_step.allowed  # the missed termijnen are due
    later = evaluate_claim(va, date(2027, 6, 1))
    assert later.rente_accrued == int(rente_exact(Decimal(9000), date(2026, 12, 15), date(2027, 6, 1)))
    assert ev.verjaringsdatum == date(2031, 12, 15)


def test_the_waiting_term_after_a_refused_kwijtschelding_is_the_current_leidraad() -> None:
    now = param("wachttijd_na_afwijzing_kwijtschelding", date(2026, 11, 20))
    assert now.text == "14 dagen" and now.status == "OFFICIAL" and "2026" in now.source
    assert param("wachttijd_na_afwijzing_kwijtschelding", date(2014, 6, 1)).text == "10 dagen"  # the 2015 text
