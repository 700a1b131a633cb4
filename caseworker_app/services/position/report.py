"""Writing the citizen's schuldoverzicht PDF together with the audit row that says it was made.

One step: the file exists if and only if its audit row was committed.  The PDF is rendered to a temporary
file next to the target first (:func:`caseworker_app.services.output.staged_file`); then, in one unit of
work, the audit row is written and flushed (a database that refuses it stops here: no file), the file is put
in place (a target that may not be written stops here: the audit row is rolled back), and the transaction
commits.  A commit that fails after the file was put in place takes it back (a file it replaced returns).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

from caseworker_app.domain.permissions import Permission

from caseworker_app.reports.schuldoverzicht import render_schuldoverzicht

from caseworker_app.services import audit, output
from caseworker_app.services.context import Context
from caseworker_app.services.position.build import today
from caseworker_app.services.position.dto import DebtPosition
from caseworker_app.services.position.letter import schuldoverzicht_data


def write_schuldoverzicht(
    ctx: Context, pos: DebtPosition, target: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Render the citizen's schuldoverzicht for ``pos`` to ``target`` and audit it, in one step; the path written.

    The file rules are :func:`caseworker_app.services.output.write_file`'s: an existing file is replaced only
    with ``force``, and never a database, a folder or a device.
    """
    ctx.require(Permission.VIEW_CASES)  # before the rendering: refused means nothing was made
    data = schuldoverzicht_data(pos)
    issued_on = today()
    return _publish(ctx, pos, target, lambda fh: render_schuldoverzicht(data, fh, issued_on=issued_on),
                    force=force, issued_on=issued_on, via=None)


def save_schuldoverzicht(
    ctx: Context, pos: DebtPosition, pdf: bytes, target: str | os.PathLike[str], *, issued_on: dt.date,
    force: bool = False,
) -> Path:
    """Write a schuldoverzicht already rendered (the workspace's preview) to ``target``, audited in the same step.

    The same rules and the same one-step guarantee as :func:`write_schuldoverzicht`: what was previewed is what
    is saved, and the file exists if and only if its audit row was committed.
    """
    ctx.require(Permission.VIEW_CASES)

    def write(fh: IO[bytes]) -> None:
        fh.write(pdf)

    return _publish(ctx, pos, target, write, force=force, issued_on=issued_on, via="bestand")


def record_schuldoverzicht(ctx: Context, pos: DebtPosition, *, issued_on: dt.date, via: str) -> None:
    """Record that the schuldoverzicht of ``pos`` was made another way than as a file (``via="afdruk"``: printed)."""
    with ctx.unit_of_work(Permission.VIEW_CASES, operation="report.schuldoverzicht") as session:
        audit.record(session, "report.schuldoverzicht", "debtors", pos.debtor.id, None,
                     {**_facts(pos, issued_on), "via": via})


def _facts(pos: DebtPosition, issued_on: dt.date) -> dict[str, object]:
    return {"as_of": pos.as_of, "open": pos.totals.open, "claims": pos.totals.claim_count, "issued_on": issued_on}


def _publish(
    ctx: Context, pos: DebtPosition, target: str | os.PathLike[str], render: Callable[[IO[bytes]], None], *,
    force: bool, issued_on: dt.date, via: str | None,
) -> Path:
    with output.staged_file(
        target, render, force=force, protect=output.database_files(ctx.db),
    ) as staged, ctx.unit_of_work(Permission.VIEW_CASES, operation="report.schuldoverzicht") as session:
        facts = {**_facts(pos, issued_on), "file": str(staged.real)}
        if via is not None:
            facts["via"] = via
        audit.record(session, "report.schuldoverzicht", "debtors", pos.debtor.id, None, facts)
        session.flush()  # the row is in the transaction before the file appears
        written = staged.publish()
    return written
