"""Writing the citizen's schuldoverzicht PDF together with the audit row that says it was made.

One step: the file exists if and only if its audit row was committed.  The PDF is rendered to a temporary
file next to the target first (:func:`caseworker_app.services.output.staged_file`); then, in one unit of
work, the audit row is written and flushed (a database that refuses it stops here: no file), the file is put
in place (a target that may not be written stops here: the audit row is rolled back), and the transaction
commits.  A commit that fails after the file was put in place takes it back (a file it replaced returns).
"""

from __future__ import annotations

import os
from pathlib import Path

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
    with output.staged_file(
        target,
        lambda fh: render_schuldoverzicht(data, fh, issued_on=issued_on),
        force=force,
        protect=output.database_files(ctx.db),
    ) as staged, ctx.unit_of_work(Permission.VIEW_CASES, operation="report.schuldoverzicht") as session:
        audit.record(
            session, "report.schuldoverzicht", "debtors", pos.debtor.id, None,
            {"as_of": pos.as_of, "open": pos.totals.open, "claims": pos.totals.claim_count,
             "issued_on": issued_on, "file": str(staged.real)},
        )
        session.flush()  # the row is in the transaction before the file appears
        written = staged.publish()
    return written
