"""``caseworker calc RULE --input FILE.json``: run one rule of the rules engine from the command line.

Prints ``{"result": {...}, "explanation": [...]}`` as JSON (amounts as strings with two decimals, dates ISO).
``--input -`` reads standard input; ``--list`` shows every rule with its input fields (``--json`` for
machine-readable output).  Wrong input exits non-zero with one Dutch line naming the field.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from caseworker_app.errors import ValidationError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "calc",
        parents=[common],
        help="reken een regel na (rente, kosten, beslagvrije voet, kwijtschelding, verjaring, ...)",
        description="Rekent één regel van de rekenkern en toont de uitkomst met uitleg als JSON. "
        "Gebruik --list voor alle regels en hun invoervelden.",
    )
    parser.add_argument("rule", nargs="?", metavar="RULE", help="naam van de regel, bijvoorbeeld invorderingsrente")
    parser.add_argument(
        "--input", "-i", metavar="FILE", default=None, help="JSON-bestand met de invoer, of - voor standaardinvoer"
    )
    parser.add_argument("--list", action="store_true", help="toon alle regels met hun invoervelden")
    parser.add_argument("--json", action="store_true", help="bij --list: als JSON")
    parser.set_defaults(func=run)


#: json's messages, in Dutch (the rest of the line already is)
_JSON_MESSAGES = {
    "Expecting value": "hier hoort een waarde",
    "Extra data": "na het einde van de JSON staat nog tekst",
    "Expecting ',' delimiter": "hier hoort een komma",
    "Expecting ':' delimiter": "hier hoort een dubbele punt",
    "Expecting property name enclosed in double quotes": "hier hoort een veldnaam tussen dubbele aanhalingstekens",
    "Unterminated string starting at": "een tekst zonder afsluitend aanhalingsteken",
    "Invalid control character at": "een ongeldig teken in een tekst",
    "Invalid \\escape": "een ongeldige escape (\\) in een tekst",
}

#: a calc input is a few kilobytes; anything this large is not a rule's input
MAX_INPUT_BYTES = 2_000_000


def read_input(source: str) -> Any:
    """Read and parse the JSON input; numbers become Decimal so amounts never pass through a float.

    Integers too long for Python's int conversion, ``NaN`` and ``Infinity`` are kept as values the field
    checks refuse with the field's name (:mod:`caseworker_app.domain.calc.parsing`); nesting too deep for the
    parser, a file that is too large or not UTF-8 is one Dutch line about the input file.
    """
    from caseworker_app.domain.calc.parsing import NonFinite, parse_json_int

    name = "standaardinvoer" if source == "-" else source
    try:
        if source == "-":
            text = sys.stdin.read(MAX_INPUT_BYTES + 1)
        else:
            path = Path(source)
            if path.is_dir():
                raise ValidationError("invalid_input_file", file=name, reason="dat is een map", field="--input")
            with path.open(encoding="utf-8-sig") as handle:
                text = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError("invalid_input_file", file=name, reason="bestand bestaat niet", field="--input") from None
    except UnicodeDecodeError:
        raise ValidationError(
            "invalid_input_file", file=name, reason="het is geen tekst in UTF-8", field="--input"
        ) from None
    except OSError as exc:
        raise ValidationError(
            "invalid_input_file", file=name, reason=exc.strerror or str(exc), field="--input"
        ) from None
    if len(text) > MAX_INPUT_BYTES:
        raise ValidationError(
            "invalid_input_file",
            file=name,
            reason="groter dan 2 MB; dat is geen invoer voor een rekenregel",
            field="--input",
        )
    try:
        return json.loads(
            text.removeprefix("\ufeff"), parse_float=Decimal, parse_int=parse_json_int, parse_constant=NonFinite
        )
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "invalid_input_file",
            file=name,
            reason=f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {_JSON_MESSAGES.get(exc.msg, exc.msg)})",
            field="--input",
        ) from None
    except RecursionError:
        raise ValidationError(
            "invalid_input_file", file=name, reason="de JSON is te diep genest", field="--input"
        ) from None


def format_list(rules: list[dict[str, Any]]) -> str:
    lines = []
    for rule in rules:
        lines.append(f"{rule['rule']}: {rule['description']}")
        for field in rule["fields"]:
            extra = ""
            if field.get("choices"):
                extra = " [" + " | ".join(field["choices"]) + "]"
            optional = "" if field["required"] else f" (optioneel, standaard {field['default']})"
            lines.append(f"    {field['name']}: {field['type']}{extra}{optional}")
        lines.append(f"    -> {', '.join(rule['result'])}")
    return "\n".join(lines)


def _emit(text: str) -> None:
    print(text)  # a reader that left (`caseworker calc --list | head -1`) is handled once, in cli.main


def run(args: argparse.Namespace) -> int:
    from caseworker_app.domain.calc import calculate, get_rule, list_rules

    if args.list:
        rules = list_rules()
        _emit(json.dumps(rules, ensure_ascii=False, indent=2) if args.json else format_list(rules))
        return 0
    if not args.rule:
        raise ValidationError("missing_field", field="RULE (of --list)")
    get_rule(args.rule)  # unknown rule -> one line before reading any input
    if args.input is None:
        raise ValidationError("missing_field", field="--input")
    output = calculate(args.rule, read_input(args.input))
    _emit(json.dumps(output, ensure_ascii=False, indent=2))
    return 0
