"""All ``calc`` rules by name, in the order ``caseworker calc --list`` shows them; run one on JSON input."""

from __future__ import annotations

from caseworker_app.errors import ValidationError

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
    """Run rule ``name`` on JSON-like input; ``{"result": {...}, "explanation": [...]}``."""
    rule = get_rule(name)
    values = parse_input(rule, data)
    result, steps = rule.run(values)
    return {"result": result, "explanation": [step.to_json() for step in steps]}


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
