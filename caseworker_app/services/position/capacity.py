"""The capacity of a position: beslagvrije voet and betalingscapaciteit from the latest financial situation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.explain import Step
from caseworker_app.domain.money import format_date, format_eur
from caseworker_app.domain.params import param
from caseworker_app.domain.rules import bvv as bvv_rules
from caseworker_app.domain.rules import capaciteit as capaciteit_rules
from caseworker_app.domain.rules.common import add_duration
from caseworker_app.domain.types import Leefsituatie

from caseworker_app.services.position.dto import CapacitySnapshot
from caseworker_app.services.position.load import Loaded


def capacity_of(loaded: Loaded, as_of: dt.date) -> CapacitySnapshot | None:
    """Beslagvrije voet and betalingscapaciteit from the latest recorded financial situation.

    Both are computed with the figures (norms, maxima) valid on ``as_of``: the officer sees what the
    recorded household and income mean *today*.  The information itself ages: a bvv determination
    rests on data at most ``bvv_geldigheid`` (12 months, Rv 475d lid 2) old, so information older than
    that is flagged to be renewed (``bvv_geldig_tot`` in the past).
    """
    fs = loaded.situation
    if fs is None:
        return None
    debtor = loaded.debtor
    household = debtor.household
    leefsituatie = household.leefsituatie if household is not None else None
    bvv_value: Decimal | None = None
    bc_value: Decimal | None = None
    bvv_steps: tuple[Step, ...] = ()
    bc_steps: tuple[Step, ...] = ()
    valid_until: dt.date | None = None
    note = ""
    if leefsituatie is None:
        note = "Leg eerst het huishouden (leefsituatie) vast; zonder leefsituatie is er geen norm."
    else:
        situation = Leefsituatie(leefsituatie)
        # each figure on its own: a missing parameter row for one must not hide the other
        try:
            bvv = bvv_rules.beslagvrije_voet(
                peildatum=as_of,
                leefsituatie=situation,
                inkomen_maand=fs.inkomen_maand,
                belastbaar_inkomen_jaar=fs.belastbaar_inkomen_jaar,
                bijstand=fs.bijstand,
                woonadres_in_nederland=(debtor.land or "NL") == "NL",
                partner_inkomen_maand=fs.partner_inkomen_maand,
            )
            bvv_value, bvv_steps = bvv.result.beslagvrije_voet, bvv.steps
            valid_until = add_duration(fs.peildatum, param("bvv_geldigheid", fs.peildatum))
            if valid_until < as_of:
                note = (
                    f"De gegevens zijn van {format_date(fs.peildatum)}, ouder dan twaalf maanden: "
                    "vraag actuele gegevens op en stel de beslagvrije voet opnieuw vast (Rv 475d lid 2)."
                )
        except UserFacingError as exc:  # e.g. no parameter row for the date
            note = exc.message
        try:
            # URIW art. 15: only the woonlasten above the basishuur (up to the rekenhuur) and the zorgpremie above the
            # normpremie count; other recorded fixed costs do not (unless the ontvanger accepts them, onder h)
            nbi = fs.inkomen_maand + fs.partner_inkomen_maand
            bc = capaciteit_rules.betalingscapaciteit(
                peildatum=as_of,
                leefsituatie=situation,
                netto_besteedbaar_inkomen_maand=nbi,
                uitgaven=capaciteit_rules.Uitgaven(woonlasten=fs.woonlasten_maand, zorgpremie=fs.zorgpremie_maand),
                aow=capaciteit_rules.aow_bereikt(debtor.geboortedatum, as_of),
                kostendelers=household.kostendelers if household is not None else 0,
                belastbaar_inkomen_jaar=fs.belastbaar_inkomen_jaar,
            )
            bc_value = bc.result.betalingscapaciteit_maand
            bc_steps = bc.steps
            if fs.vaste_lasten_maand:
                bc_steps = (
                    *bc_steps,
                    Step(
                        "Vastgelegde vaste lasten tellen niet mee: alleen de uitgaven die de wet noemt worden "
                        "afgetrokken (andere noodzakelijke uitgaven alleen als de ontvanger ze aanvaardt)",
                        format_eur(fs.vaste_lasten_maand),
                        legal_source="Uitvoeringsregeling Invorderingswet 1990, art. 15 lid 1",
                    ),
                )
        except UserFacingError as exc:
            note = f"{note} {exc.message}".strip() if exc.message not in note else note
    return CapacitySnapshot(
        financial_situation_id=fs.id,
        version=fs.version,
        peildatum=fs.peildatum,
        inkomen_maand=fs.inkomen_maand,
        inkomen_bron=fs.inkomen_bron,
        partner_inkomen_maand=fs.partner_inkomen_maand,
        woonlasten_maand=fs.woonlasten_maand,
        zorgpremie_maand=fs.zorgpremie_maand,
        vaste_lasten_maand=fs.vaste_lasten_maand,
        vermogen=fs.vermogen,
        leefsituatie=leefsituatie,
        beslagvrije_voet=bvv_value,
        betalingscapaciteit=bc_value,
        bvv_geldig_tot=valid_until,
        bvv_explanation=bvv_steps,
        bc_explanation=bc_steps,
        note=note,
    )
