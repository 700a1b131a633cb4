"""``calc`` rules for identifiers: BSN, RSIN, KvK-nummer, btw-id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain import identifiers
from caseworker_app.domain.calc.fields import Field, Rule, RunResult
from caseworker_app.domain.explain import Explanation


def _identifier(kind: str) -> Callable[[dict[str, Any]], RunResult]:
    def run(v: dict[str, Any]) -> RunResult:
        number: str = v["nummer"]
        steps = Explanation()
        if kind in ("bsn", "rsin"):
            normal = identifiers.normalize_bsn(number)
            ok = identifiers.is_valid_bsn(normal)
            steps.add("Spaties en punten verwijderd; 8 cijfers krijgen een voorloopnul", normal)
            steps.add(
                "Elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is deelbaar door 11 (rules.md §8)",
                "klopt" if ok else "klopt niet",
            )
            reason = None
            if not ok:
                try:
                    (identifiers.validate_bsn if kind == "bsn" else identifiers.validate_rsin)(number)
                except ValidationError as exc:
                    reason = str(exc.params.get("reason"))
            return {"geldig": ok, "nummer": normal, "reden": reason}, steps.freeze()
        if kind == "kvk":
            ok = identifiers.is_valid_kvk(number)
            steps.add("KvK-nummer: precies 8 cijfers, geen controlecijfer", "klopt" if ok else "klopt niet")
            return {"geldig": ok, "nummer": identifiers.normalize_kvk(number)}, steps.freeze()
        ok = identifiers.is_valid_btw_id(number)
        steps.add(
            "Btw-id: NL + 9 cijfers + B + 2 cijfers, mod-97- of elfproef (python-stdnum)",
            "klopt" if ok else "klopt niet",
        )
        return {"geldig": ok, "nummer": identifiers.normalize_btw_id(number) if ok else number}, steps.freeze()

    return run


_NUMMER = (Field("nummer", "tekst", description="het nummer, met of zonder spaties/punten"),)

RULES = (
    Rule("bsn", "BSN-elfproef", _NUMMER, _identifier("bsn"), ("geldig", "nummer", "reden")),
    Rule("rsin", "RSIN-elfproef", _NUMMER, _identifier("rsin"), ("geldig", "nummer", "reden")),
    Rule("kvk", "KvK-nummer (8 cijfers)", _NUMMER, _identifier("kvk"), ("geldig", "nummer")),
    Rule(
        "btw_id",
        "Btw-identificatienummer (NL + 9 cijfers + B + 2)",
        _NUMMER,
        _identifier("btw"),
        ("geldig", "nummer"),
    ),
)
