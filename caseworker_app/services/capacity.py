"""Correcting what the capacity panel is computed from: the financial situation and the household.

Both are audited through the unit of work like every change.  A financial situation is never edited in
place: a correction is a new record with the date of the information (``peildatum``), so the history of
what was known when stays visible and the bvv determined earlier can still be explained.  The position
uses the latest situation dated on or before its date.  The household is edited in place with optimistic
concurrency: saving over somebody else's newer version raises :class:`~caseworker_app.errors.ConflictError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from caseworker_app.errors import ConflictError, FieldConflict, NotFoundError, ValidationError

from caseworker_app.domain.calc import parse_date
from caseworker_app.domain.money import ZERO, to_money
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Leefsituatie, label

from caseworker_app.db.models import Debtor, FinancialSituation, Household

from caseworker_app.services.context import Context

#: Amount fields of a financial situation (all per month, except vermogen and the yearly taxable income).
AMOUNT_FIELDS = (
    "inkomen_maand",
    "partner_inkomen_maand",
    "woonlasten_maand",
    "zorgpremie_maand",
    "vaste_lasten_maand",
    "vermogen",
    "belastbaar_inkomen_jaar",
)
FINANCIAL_FIELDS = ("peildatum", *AMOUNT_FIELDS, "inkomen_bron", "bijstand")
HOUSEHOLD_FIELDS = ("leefsituatie", "aantal_kinderen", "kostendelers", "beschermd_bestaansminimum", "notes")


def _today() -> dt.date:
    return dt.datetime.now().astimezone().date()


def clean_financial(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate what a caseworker typed; every problem names its field (Dutch message)."""
    unknown = set(values) - set(FINANCIAL_FIELDS)
    if unknown:
        raise ValidationError("invalid_field", field=", ".join(sorted(unknown)), reason="dit veld bestaat niet")
    if values.get("peildatum") in (None, ""):
        raise ValidationError("missing_field", field="peildatum")
    peildatum = parse_date(values["peildatum"], "peildatum")
    if peildatum > _today():
        raise ValidationError("invalid_field", field="peildatum", reason="de datum van de gegevens ligt in de toekomst")
    if values.get("inkomen_maand") in (None, ""):
        raise ValidationError("missing_field", field="inkomen_maand")
    out: dict[str, Any] = {"peildatum": peildatum}
    for name in AMOUNT_FIELDS:
        raw = values.get(name)
        if raw in (None, ""):
            out[name] = None if name == "belastbaar_inkomen_jaar" else ZERO
            continue
        amount = to_money(raw, name)
        if amount < ZERO:
            raise ValidationError("invalid_field", field=name, reason="een bedrag kan niet negatief zijn")
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError("invalid_field", field=name, reason="gebruik hoogstens twee decimalen")
        out[name] = amount.quantize(Decimal("0.01"))  # stored and audited as "1400.00", as it is shown
    source = values.get("inkomen_bron")
    out["inkomen_bron"] = (str(source).strip()[:60] or None) if source is not None else None
    out["bijstand"] = bool(values.get("bijstand", False))
    return out


def record_financial_situation(ctx: Context, debtor_id: int, values: Mapping[str, Any]) -> int:
    """Record income and fixed costs as known on ``values['peildatum']``; returns the new record's id."""
    cleaned = clean_financial(values)
    with ctx.unit_of_work(
        Permission.EDIT_DEBTOR, operation="financial_situation.record", action="inkomen en lasten vastleggen"
    ) as session:
        if session.get(Debtor, debtor_id) is None:
            raise NotFoundError("Schuldenaar", debtor_id)
        situation = FinancialSituation(debtor_id=debtor_id, **cleaned)
        session.add(situation)
        session.flush()
        return situation.id


def clean_household(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise ValidationError("invalid_field", field=", ".join(sorted(unknown)), reason="dit veld bestaat niet")
    out: dict[str, Any] = {}
    if "leefsituatie" in values:
        try:
            out["leefsituatie"] = Leefsituatie(values["leefsituatie"]).value
        except ValueError:
            choices = ", ".join(label(v) for v in Leefsituatie)
            raise ValidationError("invalid_field", field="leefsituatie", reason=f"kies uit {choices}") from None
    for name in ("aantal_kinderen", "kostendelers"):
        if name in values:
            try:
                number = int(values[name])
            except (TypeError, ValueError):
                raise ValidationError("invalid_field", field=name, reason="alleen een geheel getal") from None
            if not 0 <= number <= 30:
                raise ValidationError("invalid_field", field=name, reason="kies een getal van 0 tot en met 30")
            out[name] = number
    if "beschermd_bestaansminimum" in values:
        out["beschermd_bestaansminimum"] = bool(values["beschermd_bestaansminimum"])
    if "notes" in values:
        notes = values["notes"]
        out["notes"] = (str(notes).strip() or None) if notes is not None else None
    return out


def update_household(ctx: Context, debtor_id: int, base_version: int | None, changes: Mapping[str, Any]) -> int:
    """Change the debtor's household (or record one when there is none); returns the household's new version.

    ``base_version`` is the version the editor showed (``None`` when it showed no household).  When somebody
    else saved the household in between, fields they changed differently raise :class:`ConflictError`.
    """
    cleaned = clean_household(changes)
    with ctx.unit_of_work(
        Permission.EDIT_DEBTOR, operation="household.update", action="huishouden wijzigen"
    ) as session:
        debtor = session.get(Debtor, debtor_id)
        if debtor is None:
            raise NotFoundError("Schuldenaar", debtor_id)
        household = debtor.household
        if household is None:
            if "leefsituatie" not in cleaned:
                raise ValidationError("missing_field", field="leefsituatie")
            household = Household(**cleaned)
            debtor.household = household
            session.flush()
            return household.version
        if base_version is not None and household.version != base_version:
            conflicts = [
                FieldConflict(field=name, base=None, mine=value, theirs=getattr(household, name))
                for name, value in cleaned.items()
                if getattr(household, name) != value
            ]
            if conflicts:
                raise ConflictError("Huishouden", household.id, conflicts, household.version)
        for name, value in cleaned.items():
            setattr(household, name, value)
        household.updated_at = dt.datetime.now(dt.UTC)
        session.flush()
        return household.version
