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
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session, selectinload

from caseworker_app.errors import ConflictError, FieldConflict, NotFoundError, ValidationError

from caseworker_app.domain.calc import parse_date
from caseworker_app.domain.money import ZERO, to_money
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.types import Leefsituatie, label

from caseworker_app.db.models import Debtor, FinancialSituation, Household
from caseworker_app.db.repositories import debtors as debtor_queries

from caseworker_app.services import validation
from caseworker_app.services.concurrency import Merge, lock_for_update, merge_fields, retrying
from caseworker_app.services.context import Context
from caseworker_app.services.debtors import display_name

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


#: the largest amount a NUMERIC(14, 2) column holds
MAX_AMOUNT = Decimal("999999999999.99")
#: the longest source of income the database keeps (the column's length)
MAX_SOURCE_LENGTH = validation.text_limits(FinancialSituation)["inkomen_bron"]


def _clean_financial_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """Clean the financial fields present in ``values`` (any subset); every problem names its field."""
    unknown = set(values) - set(FINANCIAL_FIELDS)
    if unknown:
        raise ValidationError("invalid_field", field=", ".join(sorted(unknown)), reason="dit veld bestaat niet")
    out: dict[str, Any] = {}
    if "peildatum" in values:
        if values["peildatum"] in (None, ""):
            raise ValidationError("missing_field", field="peildatum")
        peildatum = parse_date(values["peildatum"], "peildatum")
        if peildatum > _today():
            raise ValidationError("invalid_field", field="peildatum",
                                  reason="de datum van de gegevens ligt in de toekomst")
        out["peildatum"] = peildatum
    for name in AMOUNT_FIELDS:
        if name not in values:
            continue
        raw = values[name]
        if raw in (None, ""):
            if name == "inkomen_maand":  # the one figure every calculation needs: an empty field is not "0"
                raise ValidationError("missing_field", field=name)
            out[name] = None if name == "belastbaar_inkomen_jaar" else ZERO
            continue
        amount = to_money(raw, name)
        if amount < ZERO:
            raise ValidationError("invalid_field", field=name, reason="een bedrag kan niet negatief zijn")
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError("invalid_field", field=name, reason="gebruik hoogstens twee decimalen")
        if amount > MAX_AMOUNT:
            raise ValidationError("invalid_field", field=name, reason="dit bedrag is te groot")
        out[name] = amount.quantize(Decimal("0.01"))  # stored and audited as "1400.00", as it is shown
    if "inkomen_bron" in values:
        # the model's length and the shared checks: refused in words, never cut off (services/validation.py)
        out["inkomen_bron"] = validation.clean_text(FinancialSituation, "inkomen_bron", values["inkomen_bron"])
    if "bijstand" in values:
        out["bijstand"] = bool(values["bijstand"])
    return out


def _complete_financial(values: Mapping[str, Any]) -> dict[str, Any]:
    """A whole financial situation from cleaned ``values``: the two required fields present, the rest defaulted."""
    for required in ("peildatum", "inkomen_maand"):
        if values.get(required) is None:
            raise ValidationError("missing_field", field=required)
    out = {name: values.get(name) for name in FINANCIAL_FIELDS}
    for name in AMOUNT_FIELDS:
        if out[name] is None and name != "belastbaar_inkomen_jaar":
            out[name] = ZERO
    out["bijstand"] = bool(out["bijstand"])
    return out


def clean_financial(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a whole financial situation as typed; every problem names its field (Dutch message)."""
    if values.get("peildatum") in (None, ""):
        raise ValidationError("missing_field", field="peildatum")
    if values.get("inkomen_maand") in (None, ""):
        raise ValidationError("missing_field", field="inkomen_maand")
    return _complete_financial(_clean_financial_fields(values))


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


def update_household(
    ctx: Context,
    debtor_id: int,
    base_version: int | None,
    changes: Mapping[str, Any],
    *,
    base: Mapping[str, Any] | None = None,
) -> int:
    """Change the debtor's household (or record one when there is none); returns the household's new version.

    ``base_version`` and ``base`` are the version and the values (:data:`HOUSEHOLD_FIELDS`) the editor showed;
    ``base_version=None`` when it showed no household.  Saved through :mod:`services.concurrency`: the row is
    locked, a field only somebody else changed since ``base`` keeps their value, a field both changed to
    different values raises :class:`ConflictError` and nothing is written.  A household somebody else recorded
    while the editor showed none is theirs in every field: it is never overwritten without a conflict.
    """
    if base_version is not None and base is None:
        raise TypeError("update_household needs the values the editor showed (base=) for a three-way merge")
    cleaned = clean_household(changes)

    def attempt() -> int:
        with ctx.unit_of_work(
            Permission.EDIT_DEBTOR, operation="household.update", action="huishouden wijzigen"
        ) as session:
            debtor = lock_for_update(session, Debtor, debtor_id, entity="Schuldenaar",
                                     options=[selectinload(Debtor.household)])
            household = debtor.household
            if household is None:
                if base_version is not None:  # the editor showed one that is gone: say so rather than guess
                    raise NotFoundError("Huishouden", debtor_id)
                if "leefsituatie" not in cleaned:
                    raise ValidationError("missing_field", field="leefsituatie")
                household = Household(**cleaned)
                debtor.household = household
                session.flush()
                return household.version
            household = lock_for_update(session, Household, household.id, entity="Huishouden")
            shown = base if base_version is not None and base is not None else {}
            merge = merge_fields(
                "Huishouden", display_name(debtor),
                base={name: shown.get(name) for name in HOUSEHOLD_FIELDS},
                base_version=base_version if base_version is not None else -1,
                mine=cleaned, current=_household_values(household), current_version=household.version,
            )
            for name, value in merge.changes.items():
                setattr(household, name, value)
            if merge.changes:
                household.updated_at = dt.datetime.now(dt.UTC)
                session.flush()
            return household.version

    return retrying(attempt)


# ------------------------------------------------------------------------------------- correcting both at once


@dataclass(frozen=True)
class CapacityForm:
    """What the correction dialog shows, and the base its save is merged onto.

    ``financial`` holds every field of :data:`FINANCIAL_FIELDS` of the situation the position uses (the latest
    dated on or before the day it was loaded; empty when none is recorded), ``household`` every field of
    :data:`HOUSEHOLD_FIELDS` (empty when no household is recorded).  The ids and versions say which records the
    officer saw: a save finds out from them whether somebody else changed the same situation meanwhile.
    """

    debtor_id: int
    display_name: str
    as_of: dt.date
    situation_id: int | None
    situation_version: int | None
    financial: Mapping[str, Any]
    household_id: int | None
    household_version: int | None
    household: Mapping[str, Any]


@dataclass(frozen=True)
class Correction:
    """The outcome of :func:`correct_capacity`."""

    form: CapacityForm  # what is stored now: the base for a next correction
    situation_id: int | None  # the financial situation recorded, None when only the household changed
    merged_fields: tuple[str, ...]  # fields somebody else changed meanwhile; their values were kept


def _financial_values(situation: FinancialSituation | None) -> dict[str, Any]:
    return {} if situation is None else {name: getattr(situation, name) for name in FINANCIAL_FIELDS}


def _household_values(household: Household | None) -> dict[str, Any]:
    return {} if household is None else {name: getattr(household, name) for name in HOUSEHOLD_FIELDS}


def _form(session: Session, debtor: Debtor, as_of: dt.date) -> CapacityForm:
    situation = debtor_queries.latest_financial_situation(session, debtor.id, as_of)
    household = debtor.household
    return CapacityForm(
        debtor_id=debtor.id,
        display_name=display_name(debtor),
        as_of=as_of,
        situation_id=situation.id if situation is not None else None,
        situation_version=situation.version if situation is not None else None,
        financial=_financial_values(situation),
        household_id=household.id if household is not None else None,
        household_version=household.version if household is not None else None,
        household=_household_values(household),
    )


def load_correction(ctx: Context, debtor_id: int, as_of: dt.date | None = None) -> CapacityForm:
    """What the correction dialog prefills: every recorded field of the situation and the household."""
    day = as_of or _today()
    with ctx.read() as session:
        debtor = session.get(Debtor, debtor_id, options=[selectinload(Debtor.household)])
        if debtor is None:
            raise NotFoundError("Schuldenaar", debtor_id)
        return _form(session, debtor, day)


def typed_changes(base: CapacityForm, typed: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the officer changed compared with ``base``, cleaned (Dutch message naming the field if not).

    ``typed`` may hold any of :data:`FINANCIAL_FIELDS` and :data:`HOUSEHOLD_FIELDS` as typed ("1.400,00",
    "01-11-2026"); a value that means the same as the recorded one is not a change.
    """
    unknown = set(typed) - set(FINANCIAL_FIELDS) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise ValidationError("invalid_field", field=", ".join(sorted(unknown)), reason="dit veld bestaat niet")
    financial = {k: v for k, v in typed.items() if k in FINANCIAL_FIELDS}
    household = {k: v for k, v in typed.items() if k in HOUSEHOLD_FIELDS}
    cleaned = {**_clean_financial_fields(financial), **clean_household(household)}
    recorded = {**base.financial, **base.household}
    return {k: v for k, v in cleaned.items() if k not in recorded or recorded[k] != v}


def _merge_part(
    entity: str, key: object, base: Mapping[str, Any], base_version: int, mine: Mapping[str, Any],
    current: Mapping[str, Any], current_version: int,
) -> tuple[Merge | None, list[FieldConflict]]:
    try:
        return merge_fields(entity, key, base=base, base_version=base_version, mine=mine, current=current,
                            current_version=current_version), []
    except ConflictError as conflict:
        return None, list(conflict.conflicts)


def correct_capacity(ctx: Context, base: CapacityForm, changes: Mapping[str, Any]) -> Correction:
    """Record the officer's ``changes`` (from :func:`typed_changes`) to income, costs and household at once.

    One unit of work, audited as one operation: a changed financial field records a new financial situation
    (every field: the recorded ones overlaid with the changes, never a half one); a changed household field
    updates the household (or records it when there was none).  Merged onto what is stored *now*: a field
    only somebody else changed since ``base`` keeps their value; a field both changed to different values
    raises one :class:`ConflictError` listing all such fields, and nothing is written.
    """
    mine = typed_changes(base, changes)  # idempotent on cleaned values: callers may pass typed text too
    mine_financial = {k: v for k, v in mine.items() if k in FINANCIAL_FIELDS}
    mine_household = {k: v for k, v in mine.items() if k in HOUSEHOLD_FIELDS}

    def attempt() -> Correction:
        with ctx.unit_of_work(
            Permission.EDIT_DEBTOR, operation="capacity.correct", action="inkomen en huishouden corrigeren"
        ) as session:
            debtor = lock_for_update(session, Debtor, base.debtor_id, entity="Schuldenaar",
                                     options=[selectinload(Debtor.household)])
            name = display_name(debtor)
            conflicts: list[FieldConflict] = []
            merged: list[str] = []
            situation_id: int | None = None
            if mine_financial:
                # the debtor's row lock serialises corrections of one debtor: "current" cannot move under us
                current = debtor_queries.latest_financial_situation(session, debtor.id, base.as_of)
                seen = (base.situation_id, base.situation_version)
                now_key = (current.id, current.version) if current is not None else (None, None)
                baseline = dict(base.financial) or dict.fromkeys(FINANCIAL_FIELDS)
                now = _financial_values(current) or baseline
                merge, found = _merge_part("Inkomen en lasten", name, baseline, 0, mine_financial, now,
                                           0 if now_key == seen else 1)
                conflicts += found
                if merge is not None:
                    merged += merge.merged_fields
                    situation = FinancialSituation(debtor_id=debtor.id,
                                                   **_complete_financial({**now, **merge.changes}))
                    session.add(situation)
                    session.flush()
                    situation_id = situation.id
            if mine_household:
                household = debtor.household
                if household is None:
                    if base.household_id is not None:  # removed meanwhile: say so rather than guess
                        raise NotFoundError("Huishouden", base.household_id)
                    if "leefsituatie" not in mine_household:
                        raise ValidationError("missing_field", field="leefsituatie")
                    debtor.household = Household(**{"aantal_kinderen": 0, "kostendelers": 0, **mine_household})
                else:
                    household = lock_for_update(session, Household, household.id, entity="Huishouden")
                    known = base.household_id == household.id
                    # a household recorded by somebody else since the dialog opened: every field of it is theirs
                    baseline = dict(base.household) if known else dict.fromkeys(HOUSEHOLD_FIELDS)
                    base_version = (base.household_version or 0) if known else -1
                    merge, found = _merge_part("Huishouden", name, baseline, base_version, mine_household,
                                               _household_values(household), household.version)
                    conflicts += found
                    if merge is not None:
                        merged += merge.merged_fields
                        for field_name, value in merge.changes.items():
                            setattr(household, field_name, value)
                        if merge.changes:
                            household.updated_at = dt.datetime.now(dt.UTC)
            if conflicts:
                raise ConflictError("het inkomen en huishouden van", name, conflicts, 0)
            session.flush()
            return Correction(form=_form(session, debtor, base.as_of), situation_id=situation_id,
                              merged_fields=tuple(dict.fromkeys(merged)))

    return retrying(attempt)
