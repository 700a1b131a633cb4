from datetime import date
from decimal import Decimal

from caseworker_app.domain.rules.signalen import SignalClaim, vroegsignalering
from caseworker_app.domain.types import Middel

D = Decimal
DAY = date(2026, 3, 1)


def fired(**kwargs: object) -> set[str]:
    return {s.code for s in vroegsignalering(peildatum=DAY, **kwargs) if s.afgegaan}  # type: ignore[arg-type]


def test_unpaid_aanmaning_without_debt_history_means_call() -> None:
    claims = [SignalClaim(Middel.IB, D(300), aanmaning_verstuurd=True)]
    assert "bellen_na_aanmaning" in fired(claims=claims)
    assert "bellen_na_aanmaning" not in fired(claims=claims, schuldhistorie=True)


def test_gemeente_signal_from_600_ib_ob_lh_after_aanmaning_without_uitstel() -> None:
    at = [SignalClaim(Middel.IB, D(400), aanmaning_verstuurd=True), SignalClaim(Middel.OB, D(200), True)]
    assert "signaal_gemeente" in fired(claims=at)
    below = [SignalClaim(Middel.IB, D("599.99"), aanmaning_verstuurd=True)]
    assert "signaal_gemeente" not in fired(claims=below)
    with_uitstel = [SignalClaim(Middel.IB, D(900), aanmaning_verstuurd=True, uitstel=True)]
    assert "signaal_gemeente" not in fired(claims=with_uitstel)
    other_tax = [SignalClaim(Middel.MRB, D(900), aanmaning_verstuurd=True)]
    assert "signaal_gemeente" not in fired(claims=other_tax)


def test_samenloop_stapeling_schuldeisers_and_letters() -> None:
    claims = [
        SignalClaim(Middel.IB, D(100), ambtshalve=True),
        SignalClaim(Middel.VPB, D(100), ambtshalve=True),
        SignalClaim(Middel.ZT, D(50)),
    ]
    found = fired(claims=claims, aantal_schuldeisers=3, brieven_laatste_maand=3)
    assert {"samenloop", "stapeling_ambtshalve", "veel_schuldeisers", "veel_brieven"} <= found
    assert fired(claims=claims[:1]) == set()


def test_every_signal_says_why() -> None:
    signals = vroegsignalering(peildatum=DAY, claims=[SignalClaim(Middel.IB, D(700), aanmaning_verstuurd=True)])
    assert len(signals) == 6
    gemeente = next(s for s in signals if s.code == "signaal_gemeente")
    assert gemeente.afgegaan and "€ 700,00" in gemeente.reden
    assert gemeente.step.source and "17636" in gemeente.step.source
