"""The flags of a position: what changes how the case must be treated (workspace header, JSON ``flags``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from caseworker_app.domain.money import ZERO, format_date, format_eur
from caseworker_app.domain.params import param
from caseworker_app.domain.position_totals import PositionTotals
from caseworker_app.domain.rules.common import add_duration
from caseworker_app.domain.types import Leefsituatie, label_of

from caseworker_app.services.position.dto import ClaimPosition, Flag
from caseworker_app.services.position.load import Loaded


def flags_of(
    loaded: Loaded, totals: PositionTotals, claims: Sequence[ClaimPosition], as_of: dt.date
) -> list[Flag]:
    d = loaded.debtor
    flags: list[Flag] = []
    if d.fraude_markering:
        flags.append(Flag("fraude", "Fraudemarkering",
                          "Geen standaard betalingsregeling; stuiten is toegestaan bij fraude."))
    household = d.household
    if household is not None and household.beschermd_bestaansminimum:
        detail = f"Leefsituatie {label_of(Leefsituatie, household.leefsituatie)}"
        if household.notes:
            detail += f": {household.notes}"
        flags.append(Flag("bestaansminimum", "Bestaansminimum beschermd", detail))
    if totals.samenloop:
        flags.append(Flag(
            "samenloop", "Samenloop belasting- en toeslagschuld",
            f"Belastingdienst {format_eur(totals.open_belastingdienst)}, "
            f"Dienst Toeslagen {format_eur(totals.open_toeslagen)}: één aanpak voor beide schuldeisers.",
        ))
    if d.land and d.land != "NL":
        flags.append(Flag("buitenland", "Geen Nederlands woonadres",
                          f"Woonland {d.land}: de beslagvrije voet is een vast percentage van de norm (Rv 475db)."))
    open_claims = [c for c in claims if c.open > ZERO]
    verjaard = [c for c in open_claims if c.verjaard]
    if verjaard:
        flags.append(Flag("verjaard", "Verjaarde vordering",
                          ", ".join(c.reference for c in verjaard[:5]) + (" …" if len(verjaard) > 5 else "")
                          + ": niet meer invorderen, de burger informeren."))
    window = param("stuiting_signaal_voor_verjaring", as_of)
    horizon = add_duration(as_of, window)
    soon = sorted(
        ((c.verjaringsdatum, c.reference) for c in open_claims
         if not c.verjaard and c.verjaringsdatum is not None and c.verjaringsdatum <= horizon),
    )
    if soon:
        flags.append(Flag("verjaring_nadert", "Verjaring nadert",
                          f"{len(soon)} vordering(en) verjaren binnen {window.text}; eerste op "
                          f"{format_date(soon[0][0])} ({soon[0][1]}).", severity="info"))
    failed = [c for c in claims if c.calculation_error]
    if failed:
        flags.append(Flag("berekening_onvolledig", "Berekening onvolledig",
                          f"{failed[0].reference}: {failed[0].calculation_error}"
                          + (f" (en {len(failed) - 1} andere)" if len(failed) > 1 else "")))
    flags.extend(loaded.facts.flags)
    return flags

