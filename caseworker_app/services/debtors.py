"""Finding debtors, reading their details, and saving edits without losing anybody's change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVarTuple

from sqlalchemy import Select, literal, select, text, union_all
from sqlalchemy.orm import Session, aliased, selectinload

from caseworker_app.errors import NotFoundError, ValidationError

from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.search import QueryKind, SearchQuery, format_postcode, parse_query, search_name

from caseworker_app.db.models import Claim, Debtor

from caseworker_app.services import concurrency, validation
from caseworker_app.services.context import Context
from caseworker_app.services.dto import (
    DEBTOR_EDITABLE_FIELDS,
    DebtorDetail,
    DebtorSummary,
    HouseholdInfo,
    SaveResult,
)

DEFAULT_LIMIT = 50
_Ts = TypeVarTuple("_Ts")


def display_name(d: Debtor) -> str:
    if d.voornamen:
        middle = f" {d.tussenvoegsel}" if d.tussenvoegsel else ""
        return f"{d.voornamen}{middle} {d.achternaam}"
    return d.achternaam


def format_address(d: Debtor) -> str:
    if not d.straat:
        return d.woonplaats or ""
    number = f"{d.huisnummer or ''}{d.huisnummer_toevoeging or ''}"
    line = f"{d.straat} {number}".strip()
    place = " ".join(p for p in (format_postcode(d.postcode), d.woonplaats or "") if p)
    if d.land and d.land != "NL":
        place = f"{place} ({d.land})".strip()
    return f"{line}, {place}" if place else line


def _search_statement(query: SearchQuery, limit: int, backend: str = "sqlite") -> Select[Any] | None:
    stmt = select(Debtor)
    if query.kind is QueryKind.IDENTIFIER:
        return stmt.where((Debtor.bsn == query.text) | (Debtor.rsin == query.text)).limit(limit)
    if query.kind is QueryKind.POSTCODE:
        stmt = stmt.where(Debtor.postcode == query.postcode)
        if query.huisnummer is not None:
            stmt = stmt.where(Debtor.huisnummer == query.huisnummer)
        return stmt.order_by(Debtor.huisnummer, Debtor.search_name).limit(limit)
    if query.kind is QueryKind.REFERENCE:
        claim_debtor = select(Claim.debtor_id).where(Claim.reference == query.text).scalar_subquery()
        return stmt.where(Debtor.id == claim_debtor).limit(limit)
    if query.kind is QueryKind.NAME:
        prefixes = query.names or (query.text,)
        if len(prefixes) == 1:
            return _name_prefix(select(Debtor), prefixes[0], limit, backend)
        # one statement, one round trip: each order people type a name in is its own index range with its own
        # limit (answered like a single prefix), the branches glued with UNION ALL; the text as typed ranks first
        branches: list[Select[Any]] = []
        for rank, prefix in enumerate(prefixes):
            rows = select(*Debtor.__table__.columns, literal(rank).label("search_rank"))
            branches.append(_name_prefix(rows, prefix, limit, backend).subquery().select())
        found = union_all(*branches).subquery()
        debtor = aliased(Debtor, found)
        return select(debtor).order_by(found.c.search_rank, found.c.search_name)
    return None


def _name_prefix(stmt: Select[*_Ts], prefix: str, limit: int, backend: str) -> Select[*_Ts]:
    """``stmt`` limited to debtors whose search key starts with ``prefix``, in key order, at most ``limit``."""
    # escape LIKE wildcards: the user's text is matched literally
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    stmt = stmt.where(Debtor.search_name.like(pattern, escape="\\"))
    if backend == "postgresql":
        # the text_pattern_ops index gives rows in ~<~ order: PostgreSQL stops after `limit` rows
        # instead of sorting every match ("jan" matches thousands)
        return stmt.order_by(text("debtors.search_name USING ~<~")).limit(limit)
    # SQLite's LIKE is case-insensitive and cannot use the index; search_name is already folded to
    # lower case, so a range on the same prefix can, and the LIKE keeps the match exact
    return (
        stmt.where(Debtor.search_name >= prefix, Debtor.search_name < prefix + "\U0010ffff")
        .order_by(Debtor.search_name)
        .limit(limit)
    )


def _summary(d: Debtor, matched_by: str, matched_reference: str | None = None) -> DebtorSummary:
    return DebtorSummary(
        id=d.id,
        display_name=display_name(d),
        bsn=d.bsn,
        rsin=d.rsin,
        doelgroep=d.doelgroep,
        geboortedatum=d.geboortedatum,
        address=format_address(d),
        postcode=d.postcode,
        huisnummer=d.huisnummer,
        matched_by=matched_by,
        matched_reference=matched_reference,
    )


def search_debtors(ctx: Context, text: str, limit: int = DEFAULT_LIMIT) -> list[DebtorSummary]:
    """Debtors matching a BSN/RSIN, a claim reference, a postcode (+ huisnummer) or a name prefix.

    Any text is accepted; text that cannot match anything returns an empty list.
    """
    query = parse_query(text)
    limit = max(1, min(limit, 500))
    stmt = _search_statement(query, limit, ctx.db.backend)
    if stmt is None:
        return []
    reference = query.text if query.kind is QueryKind.REFERENCE else None
    out: list[DebtorSummary] = []
    seen: set[int] = set()  # one debtor can match two orders of the same name: it is listed once, at its best
    with ctx.read() as session:
        for debtor in session.execute(stmt).scalars():
            if debtor.id not in seen and len(out) < limit:
                seen.add(debtor.id)
                out.append(_summary(debtor, query.kind.value, reference))
    return out


def _load(session: Session, debtor_id: int) -> Debtor:
    debtor = session.get(Debtor, debtor_id, options=[selectinload(Debtor.household)])
    if debtor is None:
        raise NotFoundError("Schuldenaar", debtor_id)
    return debtor


def detail_of(session: Session, d: Debtor) -> DebtorDetail:
    """The DTO of a loaded debtor (inside a unit of work)."""
    household = None
    if d.household is not None:
        members = tuple((m.id, display_name(m)) for m in d.household.members if m.id != d.id)
        household = HouseholdInfo(
            id=d.household.id,
            leefsituatie=d.household.leefsituatie,
            aantal_kinderen=d.household.aantal_kinderen,
            kostendelers=d.household.kostendelers,
            beschermd_bestaansminimum=d.household.beschermd_bestaansminimum,
            members=members,
        )
    return DebtorDetail(
        id=d.id,
        version=d.version,
        kind=d.kind,
        doelgroep=d.doelgroep,
        bsn=d.bsn,
        rsin=d.rsin,
        kvk_nummer=d.kvk_nummer,
        voornamen=d.voornamen,
        tussenvoegsel=d.tussenvoegsel,
        achternaam=d.achternaam,
        display_name=display_name(d),
        geboortedatum=d.geboortedatum,
        straat=d.straat,
        huisnummer=d.huisnummer,
        huisnummer_toevoeging=d.huisnummer_toevoeging,
        postcode=d.postcode,
        woonplaats=d.woonplaats,
        land=d.land,
        telefoon=d.telefoon,
        email=d.email,
        fraude_markering=d.fraude_markering,
        household=household,
        address=format_address(d),
    )


def get_debtor(ctx: Context, debtor_id: int) -> DebtorDetail:
    with ctx.read() as session:
        return detail_of(session, _load(session, debtor_id))


#: the highest house number in the Dutch address register (BAG: 1 to 99999)
HUISNUMMER_MAX = 99_999


def _clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """The user's edits, checked the same way on both backends (lengths from the model, see services/validation)."""
    unknown = set(changes) - set(DEBTOR_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(
            "invalid_field", field=", ".join(sorted(unknown)), reason="dit veld kan niet worden gewijzigd"
        )
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "huisnummer":
            value = validation.clean_whole_number(
                Debtor, key, value, minimum=1, maximum=HUISNUMMER_MAX, what="een huisnummer"
            )
        elif key == "fraude_markering":
            if not isinstance(value, bool):
                raise ValidationError("invalid_field", field=key, reason="kies ja of nee")
        elif key == "postcode":
            value = _clean_postcode(value)
        elif key == "land":
            value = (validation.clean_text(Debtor, key, value, check_length=False) or "NL").upper()
            if len(value) != 2 or not (value.isascii() and value.isalpha()):
                raise ValidationError(
                    "invalid_field", field="land", reason="gebruik de landcode, bijvoorbeeld NL of BE"
                )
        else:
            value = validation.clean_text(Debtor, key, value)
        if key == "achternaam" and not value:
            raise ValidationError("missing_field", field="achternaam")
        cleaned[key] = value
    return cleaned


def _clean_postcode(value: Any) -> str | None:
    text = validation.clean_text(Debtor, "postcode", value, check_length=False)
    if text is None:
        return None
    compact = text.replace(" ", "").upper()
    if not (len(compact) == 6 and compact.isascii() and compact[:4].isdigit() and compact[4:].isalpha()):
        raise ValidationError("invalid_postcode", value=text[:20])
    return compact


def update_debtor(ctx: Context, base: DebtorDetail, changes: dict[str, Any]) -> SaveResult:
    """Save ``changes`` made on top of ``base`` (what the editor loaded).

    If somebody else saved in between: fields only they changed keep their value, fields only
    this user changed are applied, and fields both changed to different values raise
    :class:`ConflictError` listing base/mine/theirs -- nothing is silently overwritten.  To resolve,
    the client calls again with ``base`` refreshed (``get_debtor``) and the chosen values.
    Concurrent saves queue on the row (see :mod:`caseworker_app.services.concurrency`).
    """
    cleaned = _clean_changes(changes)

    def names_changed(_session: Session, debtor: Debtor, changed: Mapping[str, Any]) -> None:
        if {"achternaam", "voornamen", "tussenvoegsel"} & changed.keys():
            key = search_name(debtor.achternaam, debtor.voornamen, debtor.tussenvoegsel)
            debtor.search_name = key[: validation.text_limits(Debtor)["search_name"]]  # a prefix key: long names fit

    saved = concurrency.update_versioned(
        ctx,
        Debtor,
        base.id,
        entity="Schuldenaar",
        permission=Permission.EDIT_DEBTOR,
        operation="debtor.update",
        action="schuldenaar wijzigen",
        base=base.editable_values(),
        base_version=base.version,
        changes=cleaned,
        options=[selectinload(Debtor.household)],
        after_apply=names_changed,
        result=detail_of,
    )
    return SaveResult(debtor=saved.result, merged_fields=saved.merged_fields)
