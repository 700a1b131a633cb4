"""Recently opened debtors, one click away: kept per database in the settings, newest first.

The list is stored as JSON text (one setting) so it survives a restart; entries of another database are kept but
not shown.  :class:`RecentDebtors` only knows the data; the main window shows it as a menu and a toolbar.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caseworker_app.services.dto import DebtorSummary

LIMIT = 10


def _to_json(database: str, summary: DebtorSummary) -> dict[str, Any]:
    values = asdict(summary)
    values["geboortedatum"] = summary.geboortedatum.isoformat() if summary.geboortedatum else None
    values["matched_by"] = "recent"
    values.pop("matched_reference", None)  # a recent debtor opens as it is, not on the claim once searched for
    return {"database": database, "debtor": values}


def _from_json(values: dict[str, Any]) -> DebtorSummary:
    from caseworker_app.services.dto import DebtorSummary

    known = DebtorSummary.__dataclass_fields__
    fields = {k: v for k, v in values.items() if k in known}  # an entry written by another version still opens
    if fields.get("geboortedatum"):
        fields["geboortedatum"] = dt.date.fromisoformat(fields["geboortedatum"])
    return DebtorSummary(**fields)


def parse(text: str) -> list[dict[str, Any]]:
    """The stored list; anything unreadable counts as empty (a hand-edited or older settings file)."""
    try:
        items = json.loads(text) if text else []
    except ValueError:
        return []
    return [i for i in items if isinstance(i, dict) and isinstance(i.get("debtor"), dict) and "database" in i]


def add(text: str, database: str, summary: DebtorSummary, limit: int = LIMIT) -> str:
    """``text`` with ``summary`` first; the same debtor in the same database appears once."""
    items = [i for i in parse(text) if not (i["database"] == database and i["debtor"].get("id") == summary.id)]
    items.insert(0, _to_json(database, summary))
    mine = [i for i in items if i["database"] == database][:limit]
    others = [i for i in items if i["database"] != database][: limit * 4]
    return json.dumps(mine + others, ensure_ascii=False)


def remove(text: str, database: str, debtor_id: int) -> str:
    items = [i for i in parse(text) if not (i["database"] == database and i["debtor"].get("id") == debtor_id)]
    return json.dumps(items, ensure_ascii=False)


def entries(text: str, database: str) -> list[DebtorSummary]:
    out: list[DebtorSummary] = []
    for item in parse(text):
        if item["database"] != database:
            continue
        try:
            out.append(_from_json(item["debtor"]))
        except (TypeError, ValueError):
            continue
    return out
