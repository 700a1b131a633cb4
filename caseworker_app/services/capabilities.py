"""What an opened database can do beyond the ledger: the capabilities, registered explicitly when it opens.

A capability (measures, decisions, contacts, regelingen, ...) is a services module with an installer,
``install(registry: Capabilities) -> None``, that says what it adds:

* **position extensions** (:meth:`Capabilities.add_position_extension`): called inside the position's read
  transaction, they return :class:`~caseworker_app.services.position.extensions.ExtensionFacts` -- per-claim
  facts for the rules engine, flags, timeline events, pending decisions and extra JSON sections.  The facts of
  several extensions about one claim combine; they never overwrite each other.
* **change-token sources** (:meth:`Capabilities.add_token_source`): a scalar subquery that changes when the
  capability's rows for a debtor change, so an open workspace notices (``services.changes.change_token``).
* **timeline kinds** (:meth:`Capabilities.add_timeline_kind`): the Dutch label of each kind of event it adds.
* **decision handlers** (:meth:`Capabilities.add_decision_handler`): what happens when a four-eyes decision of a
  kind is taken (``services/decisions.py``): ``handler(session, decision)`` runs in the deciding transaction, with
  the decided :class:`~caseworker_app.services.decisions.DecisionDTO` (approved, rejected, sent back, or withdrawn
  by its proposer), so the effect on the position is committed with the decision or not at all.

:func:`installers` lists every installer; ``Database.__init__`` runs them into the database's own registry
(``db.capabilities``).  So the GUI, the command line and the tests see the same capabilities, whatever modules
happen to have been imported, and nothing is registered in a module-level global.  Adding a capability is one
line in :func:`installers`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from caseworker_app.services.changes import TokenSource
    from caseworker_app.services.decisions import DecisionDTO
    from caseworker_app.services.position.extensions import PositionExtension

Installer = Callable[["Capabilities"], None]
#: ``handler(session, decision)``: apply a taken decision of one kind, inside the deciding unit of work
DecisionHandler = Callable[["Session", "DecisionDTO"], None]
T = TypeVar("T")


def installers() -> tuple[Installer, ...]:
    """Every capability's installer, in the order their facts are combined.

    The capability modules are imported here, when a database opens, not when this module is imported: they
    import :mod:`caseworker_app.services.context`, which imports this module.
    """
    from caseworker_app.services import payments
    from caseworker_app.services.contacts import capability as contacts
    from caseworker_app.services.maatwerk import capability as maatwerk

    return (payments.install, contacts.install, maatwerk.install)


class Capabilities:
    """The registry of one opened database.  Names are unique: registering one twice is a bug, not an update."""

    def __init__(self) -> None:
        self._extensions: dict[str, PositionExtension] = {}
        self._token_sources: dict[str, TokenSource] = {}
        self._timeline_kinds: dict[str, str] = {}
        self._decision_handlers: dict[str, DecisionHandler] = {}

    @staticmethod
    def _add(table: dict[str, T], what: str, name: str, value: T) -> None:
        if not name or name in table:
            raise ValueError(f"{what} {name!r} is registered twice (or has no name)")
        table[name] = value

    def add_position_extension(self, name: str, extension: PositionExtension) -> None:
        """Let ``extension(session, debtor_id, as_of)`` add its facts to every position of this database."""
        self._add(self._extensions, "position extension", name, extension)

    def add_token_source(self, name: str, source: TokenSource) -> None:
        """Add ``source(debtor_id_expression)`` -- a scalar subquery -- to every debtor's change token."""
        self._add(self._token_sources, "token source", name, source)

    def add_timeline_kind(self, kind: str, label: str) -> None:
        """Name a kind of timeline event in Dutch, as the workspace's filter lists it ("Contacten")."""
        from caseworker_app.services.position.dto import TIMELINE_KINDS

        if kind in TIMELINE_KINDS:
            raise ValueError(f"timeline kind {kind!r} is one of the position's own")
        self._add(self._timeline_kinds, "timeline kind", kind, label)

    def add_decision_handler(self, kind: str, handler: DecisionHandler) -> None:
        """Let ``handler(session, decision)`` apply every decision of ``kind`` ("maatwerk") in its transaction."""
        self._add(self._decision_handlers, "decision handler", kind, handler)

    def decision_handler(self, kind: str) -> DecisionHandler | None:
        return self._decision_handlers.get(kind)

    def position_extensions(self) -> tuple[tuple[str, PositionExtension], ...]:
        return tuple(self._extensions.items())

    def token_sources(self) -> tuple[TokenSource, ...]:
        return tuple(self._token_sources.values())

    def timeline_kinds(self) -> dict[str, str]:
        return dict(self._timeline_kinds)

    def names(self) -> dict[str, tuple[str, ...]]:
        """What is registered, by what it extends (for tests, the log and ``caseworker selftest``)."""
        return {
            "position_extensions": tuple(self._extensions),
            "token_sources": tuple(self._token_sources),
            "timeline_kinds": tuple(self._timeline_kinds),
            "decision_handlers": tuple(self._decision_handlers),
        }


def install_all(registry: Capabilities, chosen: tuple[Installer, ...] | None = None) -> Capabilities:
    """Run every installer (or ``chosen``) into ``registry``."""
    for install in installers() if chosen is None else chosen:
        install(registry)
    return registry
