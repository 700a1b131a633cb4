"""Dated parameter tables: every yearly figure the rules use, with validity, source and status.

The tables are TOML files in ``caseworker_app/domain/parameters/``.  Each file declares parameters and
their rows::

    [parameter.invorderingsrente_percentage]
    description = "Percentage invorderingsrente (IW 1990 art. 29)"
    unit = "procent"

    [[row]]
    parameter = "invorderingsrente_percentage"
    valid_from = 2026-01-01
    # valid_to left out: valid until a later row starts (open-ended)
    value = 4.3
    source = "Stb. 2025, 383"
    status = "OFFICIAL"
    note = "optional remark shown to the user"

A declaration may name the law behind the figure (``legal_source = "Kostenwet invordering rijksbelastingen,
art. 2"``); without it the citation in its description is spelled out (:mod:`caseworker_app.domain.legal`).

**Review by.** Each file has a top-level ``review_by`` date (a declaration may override it): the day the next
figure is expected (the next 1 January or 1 July for indexed figures).  A figure used for a date on or after it,
from an open-ended row, comes back with ``review_due`` set: the explanation shows it as "te herzien" instead of
silently carrying last year's figure into the new year.  :func:`overdue` lists the tables whose review date has
passed; ``scripts/dev/param_review.py`` prints them as a warning (never a failure) in every ``make test`` /
``make lint`` (``scripts/check.sh``).

A product owner adds next year's figure by adding a row (and closing the previous one with
``valid_to``) and moving ``review_by``; no code changes.  ``CASEWORKER_PARAMETERS_DIR`` points the loader at
another directory with the same layout (a corrected copy, or a test fixture).

Lookups (:func:`param`) are a cached load plus a bisect; a date without a row raises
``UserFacingError('parameter_missing')`` naming the parameter and the date.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from caseworker_app.errors import UserFacingError

from caseworker_app.domain.legal import citation

STATUSES = ("OFFICIAL", "OFFICIAL*", "OFFICIAL-OLD", "SECONDARY", "DERIVED", "PLACEHOLDER")
_DECLARATION_KEYS = {"description", "unit", "legal_source", "review_by"}
_ROW_KEYS = {"parameter", "valid_from", "valid_to", "value", "source", "status", "note"}
ENV_DIR = "CASEWORKER_PARAMETERS_DIR"


@dataclass(frozen=True, slots=True)
class ParamValue:
    """One row of a parameter table: the figure valid on a date, and where it comes from."""

    name: str
    value: Decimal | str
    valid_from: date
    valid_to: date | None
    source: str
    status: str
    note: str | None = None
    unit: str | None = None
    legal_source: str | None = None
    #: True when this (open-ended) row is used for a date on or after its table's review date
    review_due: bool = False

    @property
    def decimal(self) -> Decimal:
        if not isinstance(self.value, Decimal):
            raise TypeError(f"parameter {self.name} is not a number: {self.value!r}")
        return self.value

    @property
    def text(self) -> str:
        return str(self.value)

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ParameterTable:
    name: str
    description: str
    unit: str | None
    rows: tuple[ParamValue, ...]
    file: str
    legal_source: str | None = None
    review_by: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [row.valid_from for row in self.rows])
        last = self.rows[-1] if self.rows else None
        flagged = None
        if last is not None and last.valid_to is None and self.review_by is not None:
            flagged = replace(last, review_due=True)
        object.__setattr__(self, "_flagged_last", flagged)

    def at(self, day: date) -> ParamValue | None:
        rows = self.rows
        if rows and day >= rows[-1].valid_from:  # the common case: a current date in the latest row
            last = rows[-1]
            if last.valid_to is None:
                flagged: ParamValue | None = self._flagged_last  # type: ignore[attr-defined]
                if flagged is not None and self.review_by is not None and day >= self.review_by:
                    return flagged
                return last
            return last if day <= last.valid_to else None
        starts: list[date] = self._starts  # type: ignore[attr-defined]
        index = bisect.bisect_right(starts, day) - 1
        if index < 0:
            return None
        row = self.rows[index]
        if row.valid_to is not None and day > row.valid_to:
            return None
        return row

    def changes_between(self, start: date, end: date) -> list[ParamValue]:
        """All rows overlapping ``start..end`` inclusive, in date order (gaps are not filled)."""
        starts: list[date] = self._starts  # type: ignore[attr-defined]
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        found = []
        for row in self.rows[index:]:
            if row.valid_from > end:
                break
            if row.valid_to is not None and row.valid_to < start:
                continue
            found.append(row)
        return found


class ParameterFileError(UserFacingError):
    """A parameter file does not follow the layout (shown to whoever edited it)."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__("parameter_file_invalid", file=file, reason=reason)


class Parameters:
    """All tables by name."""

    def __init__(self, tables: dict[str, ParameterTable]) -> None:
        self.tables = tables

    def table(self, name: str) -> ParameterTable:
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"unknown parameter {name!r}") from None

    def get(self, name: str, day: date) -> ParamValue:
        table = self.table(name)
        row = table.at(day)
        if row is None:
            first = table.rows[0].valid_from if table.rows else None
            raise UserFacingError(
                "parameter_missing",
                date=f"{day.day:02d}-{day.month:02d}-{day.year:04d}",
                parameter=_what(table.description),
                key=name,
                day=day,
                first=first,
            )
        return row

    def rows(self) -> list[ParamValue]:
        return [row for table in self.tables.values() for row in table.rows]

    def overdue(self, today: date) -> list[ParameterTable]:
        """Tables whose review date has passed (``today`` on or after ``review_by``), by file and name."""
        late = [t for t in self.tables.values() if t.review_by is not None and today >= t.review_by]
        return sorted(late, key=lambda t: (t.file, t.name))


def _what(description: str) -> str:
    """The figure in words for a message: the description without its citations, first letter lower-case."""
    from caseworker_app.domain.legal import without_citations

    text = without_citations(description).split(" - ")[0].rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _as_value(raw: Any, file: str, name: str) -> Decimal | str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, str):
        return raw
    raise ParameterFileError(file, f"waarde van {name} moet een getal of tekst zijn, niet {raw!r}")


def _load_dir(directory: Path) -> Parameters:
    declared: dict[str, tuple[str, str | None, str, str | None, date | None]] = {}
    rows: dict[str, list[ParamValue]] = {}
    files = sorted(p for p in directory.iterdir() if p.suffix == ".toml")
    if not files:
        raise ParameterFileError(str(directory), "geen .toml-bestanden gevonden")
    for path in files:
        file = path.name
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise ParameterFileError(file, str(exc)) from None
        file_review = data.get("review_by")
        if file_review is not None and not isinstance(file_review, date):
            raise ParameterFileError(file, "review_by moet een datum zijn (jjjj-mm-dd)")
        unknown_top = set(data) - {"parameter", "row", "review_by"}
        if unknown_top:
            raise ParameterFileError(file, f"onbekende sleutel(s) {sorted(unknown_top)} bovenaan het bestand")
        for name, meta in data.get("parameter", {}).items():
            if name in declared:
                raise ParameterFileError(file, f"parameter {name} staat ook in {declared[name][2]}")
            if "description" not in meta:
                raise ParameterFileError(file, f"parameter {name} heeft geen description")
            unknown_meta = set(meta) - _DECLARATION_KEYS
            if unknown_meta:
                raise ParameterFileError(file, f"parameter {name}: onbekende sleutel(s) {sorted(unknown_meta)}")
            review = meta.get("review_by", file_review)
            if review is not None and not isinstance(review, date):
                raise ParameterFileError(file, f"parameter {name}: review_by moet een datum zijn (jjjj-mm-dd)")
            cited = meta.get("legal_source") or citation(str(meta["description"]))
            declared[name] = (str(meta["description"]), meta.get("unit"), file, cited, review)
        for raw in data.get("row", []):
            unknown = set(raw) - _ROW_KEYS
            if unknown:
                raise ParameterFileError(file, f"onbekende sleutel(s) {sorted(unknown)} in een rij")
            for key in ("parameter", "valid_from", "value", "source", "status"):
                if key not in raw or raw[key] in ("", None):
                    raise ParameterFileError(file, f"rij van {raw.get('parameter', '?')} mist '{key}'")
            name = raw["parameter"]
            if raw["status"] not in STATUSES:
                allowed = ", ".join(STATUSES)
                raise ParameterFileError(file, f"{name}: status {raw['status']!r} is niet een van {allowed}")
            valid_from, valid_to = raw["valid_from"], raw.get("valid_to")
            if not isinstance(valid_from, date) or (valid_to is not None and not isinstance(valid_to, date)):
                raise ParameterFileError(file, f"{name}: valid_from/valid_to moeten datums zijn (jjjj-mm-dd)")
            if valid_to is not None and valid_to < valid_from:
                raise ParameterFileError(file, f"{name}: valid_to {valid_to} ligt voor valid_from {valid_from}")
            rows.setdefault(name, []).append(
                ParamValue(
                    name=name,
                    value=_as_value(raw["value"], file, name),
                    valid_from=valid_from,
                    valid_to=valid_to,
                    source=str(raw["source"]),
                    status=str(raw["status"]),
                    note=raw.get("note"),
                )
            )
    tables: dict[str, ParameterTable] = {}
    for name, (description, unit, file, cited, review) in declared.items():
        ordered = sorted(rows.pop(name, []), key=lambda r: r.valid_from)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
                raise ParameterFileError(
                    file, f"{name}: de rij vanaf {earlier.valid_from} overlapt met de rij vanaf {later.valid_from}"
                )
        with_unit = tuple(replace(r, unit=unit, legal_source=cited) for r in ordered)
        tables[name] = ParameterTable(name, description, unit, with_unit, file, cited, review)
    if rows:
        raise ParameterFileError(", ".join(sorted(rows)), "rijen voor een parameter die nergens is gedeclareerd")
    return Parameters(tables)


@functools.cache
def _packaged_dir() -> str:
    return str(resources.files("caseworker_app.domain.parameters"))


def parameters_dir() -> Path:
    return Path(os.environ.get(ENV_DIR) or _packaged_dir())


@functools.cache
def _cached(directory: str) -> Parameters:
    return _load_dir(Path(directory))


_current: list[Parameters] = []


def load_parameters() -> Parameters:
    """The parameter tables, loaded once (from ``CASEWORKER_PARAMETERS_DIR`` or the package) and then cached.

    The directory is read at the first call and at :func:`reload_parameters`; this call is cheap.
    """
    if not _current:
        _current.append(_cached(os.environ.get(ENV_DIR) or _packaged_dir()))
    return _current[0]


def overdue(today: date) -> list[ParameterTable]:
    """Parameter tables whose review date has passed on ``today`` (see the module docstring)."""
    return load_parameters().overdue(today)


def figure_words(name: str) -> str:
    """The figure of table ``name`` in words, for a message ("percentage invorderingsrente per jaar"), never its key."""
    try:
        return _what(load_parameters().table(name).description)
    except KeyError:
        return name.replace("_", " ")


def param(name: str, day: date) -> ParamValue:
    """The row of ``name`` valid on ``day``; ``UserFacingError('parameter_missing')`` when there is none."""
    return (_current[0] if _current else load_parameters()).get(name, day)


_RELOAD_HOOKS: list[Callable[[], None]] = []


def on_reload(hook: Callable[[], None]) -> None:
    """Register a cache that depends on parameter values, so :func:`reload_parameters` clears it too."""
    _RELOAD_HOOKS.append(hook)


def reload_parameters() -> Parameters:
    """Drop the caches (after a product owner edited a table while the app runs, or in tests)."""
    _cached.cache_clear()
    _current.clear()
    for hook in _RELOAD_HOOKS:
        hook()
    return load_parameters()
