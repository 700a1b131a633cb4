#!/usr/bin/env python3
"""The parameter tables whose "review by" date has passed, as a warning (``scripts/check.sh`` runs it in every
``make lint`` / ``make test``; docs/rules.md, "Review by").

    python scripts/dev/param_review.py [--today JJJJ-MM-DD]

Always exits 0: a figure due for review is something a product owner acts on, not a broken build.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from caseworker_app.domain.params import ParameterTable, overdue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="param_review.py")
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    today = args.today or datetime.now().astimezone().date()
    late = overdue(today)
    if not late:
        print(f"parametertabellen: geen tabel te herzien op {today.isoformat()}")
        return 0
    by_file: dict[str, list[ParameterTable]] = {}
    for table in late:
        by_file.setdefault(table.file, []).append(table)
    for file, tables in by_file.items():
        dates = sorted({t.review_by.isoformat() for t in tables if t.review_by})
        names = ", ".join(t.name for t in tables[:6]) + (", ..." if len(tables) > 6 else "")
        print(
            f"WAARSCHUWING: {file}: {len(tables)} cijfer(s) te herzien sinds {', '.join(dates)} ({names}); "
            "voeg de nieuwe cijfers toe en verschuif review_by"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
