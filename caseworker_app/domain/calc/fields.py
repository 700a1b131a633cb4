"""What a rule is for ``caseworker calc``: its input fields (:class:`Field`), its run function and result keys
(:class:`Rule`), how input is checked against the fields (:func:`parse_input`), and the output helpers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain.calc import parsing, structured
from caseworker_app.domain.explain import Step
from caseworker_app.domain.types import Creditor, Doelgroep

Json = dict[str, Any]
RunResult = tuple[Json, tuple[Step, ...]]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # bedrag, datum, bool, keuze, tekst, getal, datums, perioden, termijnen, claims, boekingen, stappen
    required: bool = True
    default: Any = None
    choices: tuple[str, ...] = ()
    description: str = ""
    allow_negative: bool = False
    maximum: int | None = None  # for "getal": the largest whole number accepted

    def describe(self) -> str:
        text = f"{self.name} ({self.kind}"
        if self.choices:
            text += ": " + " | ".join(self.choices)
        text += ")" if self.required else f", optioneel, standaard {self.default_text()})"
        return text

    def default_text(self) -> str:
        if self.default is None:
            return "leeg"
        if isinstance(self.default, bool):
            return "true" if self.default else "false"
        return str(self.default)


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    fields: tuple[Field, ...]
    run: Callable[[dict[str, Any]], RunResult]
    result_fields: tuple[str, ...]


def parse_field(spec: Field, value: object) -> Any:
    name = spec.name
    kind = spec.kind
    if kind == "bedrag":
        return parsing.amount(value, name, spec.allow_negative)
    if kind == "datum":
        return parsing.parse_date(value, name)
    if kind == "bool":
        return parsing.boolean(value, name)
    if kind == "keuze":
        return parsing.choice(value, name, spec.choices)
    if kind == "tekst":
        return parsing.text(value, name)
    if kind == "getal":
        return parsing.whole_number(value, name, spec.maximum)
    parser = structured.PARSERS.get(kind)
    if parser is None:  # pragma: no cover - a programming error in a rule table
        raise AssertionError(f"unknown field kind {kind}")
    return parser(value, name)


def parse_input(rule: Rule, data: object) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise parsing.invalid("invoer", 'de invoer moet een JSON-object zijn, bijvoorbeeld {"nummer": "111222333"}')
    known = {f.name for f in rule.fields}
    unknown = sorted(set(data) - known)
    if unknown:
        raise parsing.invalid(
            parsing.shown(unknown[0]), f"onbekend veld voor '{rule.name}'; bekend zijn {', '.join(sorted(known))}"
        )
    values: dict[str, Any] = {}
    for spec in rule.fields:
        if spec.name not in data or data[spec.name] is None:
            if spec.required:
                raise ValidationError("missing_field", field=spec.name)
            values[spec.name] = spec.default
            continue
        values[spec.name] = parse_field(spec, data[spec.name])
    return values


# --- output helpers -------------------------------------------------------------------------------------------


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def pct(value: Decimal) -> str:
    return format(value.normalize(), "f")


# --- fields several rules share -------------------------------------------------------------------------------

PEILDATUM = Field("peildatum", "datum", description="de datum waarvoor de figuren gelden")
SCHULDEISER = Field("schuldeiser", "keuze", False, "belastingdienst", tuple(c.value for c in Creditor))
DOELGROEP = Field(
    "doelgroep",
    "keuze",
    False,
    "particulier",
    tuple(d.value for d in Doelgroep),
    "kader van de schuld; privéschulden van een ondernemer vallen onder particulier",
)
