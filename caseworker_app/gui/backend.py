"""The service calls the interface makes, imported lazily.

Every function here runs on the database worker (through :class:`~caseworker_app.gui.ops.ServiceOp`),
never on the GUI thread, and the heavy imports (SQLAlchemy, Alembic, the models) happen on first
use: the main window can be on screen before they are loaded (startup target: under half a second).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseworker_app import APP_NAME, __version__

if TYPE_CHECKING:
    from caseworker_app.errors import ConflictError

    from caseworker_app.services.context import Context
    from caseworker_app.services.dto import DebtorDetail, DebtorSummary, SaveResult


def open_context(url: str | None, login: str | None = None) -> Context:
    """Open the database (schema checked) and log in: the local profile on SQLite, the login on PostgreSQL."""
    from caseworker_app.services.context import Database

    db = Database.open(url)
    try:
        return db.login(login)
    except BaseException:
        db.dispose()
        raise


def preload() -> None:
    """Run on the database worker while the GUI thread builds and paints the window (the GUI thread has done its
    own imports by then, so the two never import at the same time): SQLAlchemy, the models and the services that
    opening the database and the first search need, so "usable" is not "painted, then start importing"."""
    import caseworker_app.services.context  # noqa: F401  (SQLAlchemy core and ORM, the models)

    warm_up()


def warm_up() -> None:
    """Run on the worker once the database is open: load what the first search and the first debtor tab need,
    so neither the GUI thread (babel's number data: ~30 ms) nor the first answer pays for it."""
    from decimal import Decimal

    from caseworker_app.domain.money import format_eur

    from caseworker_app.services import debtors  # noqa: F401  (search parsing, identifiers)

    format_eur(Decimal("0"))


def upgrade(url: str | None) -> None:
    """The user answered "set it up / bring it up to date": on a new shared database they name themselves its first
    administrator by that answer (it takes a login that may create roles; ``services.admin.set_up_here``)."""
    from caseworker_app.services import admin

    admin.set_up_here(url)


def search(ctx: Context, text: str, limit: int) -> list[DebtorSummary]:
    from caseworker_app.services import debtors

    return debtors.search_debtors(ctx, text, limit)


def attempt_save(
    ctx: Context, base: DebtorDetail | int, changes: dict[str, Any]
) -> tuple[DebtorDetail, SaveResult | ConflictError]:
    """Save ``changes`` on ``base`` (or on a freshly read debtor when given an id).

    A conflict is returned, not raised, together with the base it was detected on, so the
    dialog can ask field by field and save again on top of what is stored now.
    """
    from caseworker_app.errors import ConflictError

    from caseworker_app.services import debtors

    if isinstance(base, int):
        base = debtors.get_debtor(ctx, base)
    try:
        return base, debtors.update_debtor(ctx, base, changes)
    except ConflictError as exc:
        return base, exc


@dataclass(frozen=True)
class AboutInfo:
    caseworker: str
    qt: str
    pyside: str
    sqlalchemy: str
    python: str
    backend: str | None
    database: str | None
    schema_revision: str | None
    head_revision: str | None
    user: str | None


def about_info(ctx: Context | None) -> AboutInfo:
    import platform
    import sys

    import sqlalchemy

    import PySide6
    from PySide6.QtCore import qVersion

    info = ctx.db.info() if ctx is not None else None
    return AboutInfo(
        caseworker=f"{APP_NAME} {__version__}",
        qt=qVersion(),
        pyside=PySide6.__version__,
        sqlalchemy=sqlalchemy.__version__,
        python=f"{platform.python_version()} ({sys.platform})",
        backend=info.backend if info else None,
        database=info.url if info else None,
        schema_revision=info.schema_revision if info else None,
        head_revision=info.head_revision if info else None,
        user=f"{ctx.actor.display_name} ({ctx.actor.login})" if ctx else None,
    )
