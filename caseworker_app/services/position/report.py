"""Writing the citizen's schuldoverzicht PDF, and recording in the audit trail that it was made."""

from __future__ import annotations

import os
from typing import IO

from caseworker_app.domain.permissions import Permission

from caseworker_app.reports.schuldoverzicht import render_schuldoverzicht

from caseworker_app.services import audit, output
from caseworker_app.services.context import Context
from caseworker_app.services.position.build import today
from caseworker_app.services.position.dto import DebtPosition
from caseworker_app.services.position.letter import schuldoverzicht_data


def write_schuldoverzicht(
    ctx: Context, pos: DebtPosition, target: str | os.PathLike[str] | IO[bytes], *, force: bool = False
) -> None:
    """Render the citizen's schuldoverzicht for ``pos`` and record in the audit trail that it was made.

    A path is written by :func:`caseworker_app.services.output.write_file`: atomically, an existing file
    only with ``force``, and never over a database, a folder or a device.
    """
    data = schuldoverzicht_data(pos)
    if isinstance(target, str | os.PathLike):
        output.write_file(
            target,
            lambda fh: render_schuldoverzicht(data, fh, issued_on=today()),
            force=force,
            protect=output.database_files(ctx.db),
        )
    else:
        render_schuldoverzicht(data, target, issued_on=today())
    with ctx.unit_of_work(Permission.VIEW_CASES, operation="report.schuldoverzicht") as session:
        audit.record(
            session, "report.schuldoverzicht", "debtors", pos.debtor.id, None,
            {"as_of": pos.as_of, "open": pos.totals.open, "claims": pos.totals.claim_count},
        )
