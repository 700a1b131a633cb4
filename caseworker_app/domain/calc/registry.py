"""All ``calc`` rules by name, in the order ``caseworker calc --list`` shows them; run one on JSON input."""

from __future__ import annotations

from datetime import date
from typing import Any

from caseworker_app.errors import UserFacingError, ValidationError

from caseworker_app.domain.calc import capaciteit, identifiers, kosten, positie, regeling, rente, signalen, termijnen
from caseworker_app.domain.calc.fields import Json, Rule, parse_input

_ORDERED: tuple[Rule, ...] = (
    *identifiers.RULES,
    termijnen.BETAALTERMIJN_RULE,
    *kosten.RULES,
    *rente.RULES,
    capaciteit.BVV_RULE,
    capaciteit.BC_RULE,
    capaciteit.KWIJTSCHELDING_RULE,
    regeling.REGELING_RULE,
    capaciteit.VERREKENING_RULE,
    termijnen.VERJARING_RULE,
    *signalen.RULES,
    *positie.RULES,
)

RULES: dict[str, Rule] = {rule.name: rule for rule in _ORDERED}


def get_rule(name: str) -> Rule:
    try:
        return RULES[name]
    except KeyError:
        raise ValidationError("unknown_rule", rule=name, choices=", ".join(RULES), field="RULE") from None


def calculate(name: str, data: object) -> Json:
    """Run rule ``name`` on JSON-like input; ``{"result": {...}, "explanation": [...]}``.

    A date for which a figure is not in the parameter tables is reported naming the input's date field.
    """
    rule = get_rule(name)
    values = parse_input(rule, data)
    try:
        result, steps = rule.run(values)
    except UserFacingError as exc:
        if exc.code != "parameter_missing" or isinstance(exc, ValidationError):
            raise
        raise _figure_missing(rule, values, exc) from None
    return {"result": result, "explanation": [step.to_json() for step in steps]}


def _figure_missing(rule: Rule, values: dict[str, Any], exc: UserFacingError) -> ValidationError:
    day = exc.params.get("day")
    dates: list[tuple[str, date]] = [
        (f.name, values[f.name]) for f in rule.fields if f.kind == "datum" and isinstance(values.get(f.name), date)
    ]
    field = next((name for name, value in dates if value == day), None)
    if field is None and dates:  # a date the rule computed from an input (a term, a due date): the earliest input
        field = min(dates, key=lambda item: item[1])[0]
    first = exc.params.get("first")
    what = str(exc.params.get("parameter"))
    if "_" in what and " " not in what:  # a raiser that passed the table's key: say it in words
        from caseworker_app.domain.params import _what, load_parameters

        try:
            table = load_parameters().table(what)
        except KeyError:
            pass
        else:
            what = _what(table.description)
            first = first or (table.rows[0].valid_from if table.rows else None)
    since = (
        f"; de tabel begint op {first.day:02d}-{first.month:02d}-{first.year:04d}" if isinstance(first, date) else ""
    )
    return ValidationError(
        "invalid_field",
        field=field or "invoer",
        reason=f"voor {exc.params.get('date')} ontbreekt het cijfer '{what}'{since}",
    )


def list_rules() -> list[Json]:
    return [
        {
            "rule": rule.name,
            "description": rule.description,
            "fields": [
                {
                    "name": f.name,
                    "type": f.kind,
                    "required": f.required,
                    **({"choices": list(f.choices)} if f.choices else {}),
                    **({"default": f.default_text()} if not f.required else {}),
                    **({"description": f.description} if f.description else {}),
                }
                for f in rule.fields
            ],
            "result": list(rule.result_fields),
        }
        for rule in RULES.values()
    ]
