"""The claims of one debtor as a tree: creditor -> middel -> claim, with subtotals on the group rows.

The model is read-only and reloaded in one ``beginResetModel``/``endResetModel`` (500 claims build in a few
milliseconds).  Every row answers :data:`NodeRole` (the :class:`Node`), :data:`~caseworker_app.gui.models.RowRole`
(the ``ClaimPosition`` of a claim row, ``None`` on a group row) and :data:`~caseworker_app.gui.models.SortRole`
(numbers and ISO dates, so the proxy sorts amounts by value).  :class:`ClaimsFilterProxy` sorts within each group
and filters on text (a claim matches on its own texts or its group's name) and on "open only".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from caseworker_app.domain.money import ZERO
from caseworker_app.domain.types import ClaimKind, EnforcementStep, label_of

from caseworker_app.gui import format as fmt
from caseworker_app.gui.models import RowRole, SortRole

if TYPE_CHECKING:
    from caseworker_app.services.position import ClaimPosition

Index = QModelIndex | QPersistentModelIndex
NodeRole = Qt.ItemDataRole.UserRole + 10
#: the Decimal behind an amount cell (None elsewhere)
AmountRole = Qt.ItemDataRole.UserRole + 11

CONTEXT = "ClaimsTreeModel"
WARNING = QColor("#8c1d18")
MUTED = QColor("#5a6270")

GROUP_CREDITOR, GROUP_MIDDEL, CLAIM = range(3)


class Node:
    """One row of the tree: a creditor group, a middel group or a claim."""

    __slots__ = ("children", "claim", "key", "kind", "parent", "row", "sums", "title")

    def __init__(self, kind: int, key: str, title: str, parent: Node | None, claim: ClaimPosition | None = None):
        self.kind, self.key, self.title, self.parent, self.claim = kind, key, title, parent, claim
        self.children: list[Node] = []
        self.row = 0
        self.sums: dict[str, Decimal] = {}

    def claims(self) -> list[ClaimPosition]:
        if self.claim is not None:
            return [self.claim]
        return [c for child in self.children for c in child.claims()]

    @property
    def path(self) -> tuple[str, ...]:
        """A stable key (survives a reload): ("belastingdienst", "ib") for a group, plus the reference for a claim."""
        keys: list[str] = []
        node: Node | None = self
        while node is not None and node.kind >= 0:
            keys.append(node.key)
            node = node.parent
        return tuple(reversed(keys))


#: amount columns: (title, ClaimPosition attribute or property)
_AMOUNTS: tuple[tuple[object, str], ...] = (
    (QT_TRANSLATE_NOOP("ClaimsTreeModel", "Original"), "original_amount"),
    (QT_TRANSLATE_NOOP("ClaimsTreeModel", "Paid"), "paid"),
    (QT_TRANSLATE_NOOP("ClaimsTreeModel", "Set off"), "verrekend"),
    (QT_TRANSLATE_NOOP("ClaimsTreeModel", "Costs"), "costs"),
    (QT_TRANSLATE_NOOP("ClaimsTreeModel", "Interest"), "rente_total"),
    (QT_TRANSLATE_NOOP("ClaimsTreeModel", "Outstanding"), "open"),
)
_SUMMED = tuple(attr for _title, attr in _AMOUNTS)
_AMOUNTS_OF = attrgetter(*_SUMMED)  # one call for all of a claim's amounts


def _stage(c: ClaimPosition) -> str:
    if c.enforcement_stage is None:
        return ""
    text = label_of(EnforcementStep, c.enforcement_stage)
    return f"{text} ({fmt.date(c.enforcement_stage_date)})" if c.enforcement_stage_date else text


translate = QCoreApplication.translate

#: The guards of the rules engine as a few words in the next-step cell (the tooltip has the full reasons).
#: A guard not listed here shows its full reason.
_SHORT_REASONS: dict[str, object] = {
    "opeisbaar": QT_TRANSLATE_NOOP("ClaimsTreeModel", "payment term still running"),
    "niet_verjaard": QT_TRANSLATE_NOOP("ClaimsTreeModel", "time-barred"),
    "geen_uitstel": QT_TRANSLATE_NOOP("ClaimsTreeModel", "deferral of payment"),
    "geen_regeling": QT_TRANSLATE_NOOP("ClaimsTreeModel", "payment arrangement running"),
    "geen_pauze": QT_TRANSLATE_NOOP("ClaimsTreeModel", "collection paused"),
    "geen_kwijtscheldingsverzoek": QT_TRANSLATE_NOOP("ClaimsTreeModel", "remission request pending"),
    "wachttijd": QT_TRANSLATE_NOOP("ClaimsTreeModel", "waiting period after a refusal"),
    "ladder": QT_TRANSLATE_NOOP("ClaimsTreeModel", "last step taken"),
}
#: a guard that only says "not yet" (the previous step's term runs): shown as "… from <date>", not as blocked
_WAITING = "termijn_verstreken"


def _short_reason(guard: Any) -> str:
    naam = getattr(guard, "naam", None)
    if naam == "bestaansminimum":
        vastgesteld = guard.args[0] if guard.args else None
        return translate("ClaimsTreeModel", "determine the beslagvrije voet first") if vastgesteld is None else (
            translate("ClaimsTreeModel", "beslagvrije voet out of date"))
    short = _SHORT_REASONS.get(str(naam))
    return translate("ClaimsTreeModel", str(short)) if short else str(guard.reden)


def _blocking(c: ClaimPosition) -> tuple[Any, ...]:
    """The guards that stop the next step, leaving out "its term has not passed yet"."""
    nxt = c.next_step
    if nxt.allowed or nxt.step is None:
        return ()
    return tuple(g for g in nxt.blocking if getattr(g, "naam", None) != _WAITING)


def _no_next_step(c: ClaimPosition) -> str | None:
    """Why a claim has no next step at all (verjaard, nothing open), or None when it may have one."""
    if c.verjaard:
        return translate("ClaimsTreeModel", "none (time-barred)")
    if c.open <= ZERO:
        return translate("ClaimsTreeModel", "none (paid)")
    return None


def _next(c: ClaimPosition) -> str:
    none = _no_next_step(c)
    if none is not None:
        return none
    nxt = c.next_step
    if nxt.step is None:
        return translate("ClaimsTreeModel", "not calculated") if c.calculation_error else ""
    blocking = _blocking(c)
    if blocking:
        return translate("ClaimsTreeModel", "{step}: blocked, {reason}").format(
            step=nxt.label, reason=_short_reason(blocking[0]))
    if nxt.earliest is not None:
        return translate("ClaimsTreeModel", "{step} from {date}").format(
            step=nxt.label, date=fmt.date(nxt.earliest)
        )
    return nxt.label


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


_COLUMNS = 13
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole, RowRole,
    SortRole, NodeRole, AmountRole,
})


class ClaimsTreeModel(QAbstractItemModel):
    (REFERENCE, PERIOD, DUE_DATE, ORIGINAL, PAID, VERREKEND, COSTS, RENTE, OPEN, STAGE, NEXT_STEP, VERJARING,
     STUIT) = range(13)
    HEADERS: tuple[object, ...] = (
        QT_TRANSLATE_NOOP("ClaimsTreeModel", "Reference"),
        QT_TRANSLATE_NOOP("ClaimsTreeModel", "Period"),
        QT_TRANSLATE_NOOP("ClaimsTreeModel", "Due date"),
        *(title for title, _attr in _AMOUNTS),
        QT_TRANSLATE_NOOP("ClaimsTreeModel", "Enforcement stage"),
        QT_TRANSLATE_NOOP("ClaimsTreeModel", "Next step"),
        QT_TRANSLATE_NOOP("ClaimsTreeModel", "Limitation date"),
        QT_TRANSLATE_NOOP("ClaimsTreeModel", "Interrupted"),
    )
    AMOUNT_ATTRS = dict(zip(range(ORIGINAL, OPEN + 1), _SUMMED, strict=True))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = Node(-1, "", "", None)
        self._bold = QFont()
        self._bold.setBold(True)
        self._blocked_icon: QIcon | None = None  # made on first use: a QIcon needs the GUI application

    # ---- loading ---------------------------------------------------------------------------------------
    def set_claims(self, claims: Sequence[ClaimPosition]) -> None:
        """Group ``claims`` (already in creditor, middel, due date order from the service) and reset the model."""
        root = Node(-1, "", "", None)
        creditors: dict[str, Node] = {}
        middelen: dict[tuple[str, str], Node] = {}
        amounts: dict[tuple[str, str], list[tuple[Decimal, ...]]] = {}  # per middel group, in claim order
        for claim in claims:
            cred = creditors.get(claim.creditor)
            if cred is None:
                cred = creditors[claim.creditor] = Node(GROUP_CREDITOR, claim.creditor, claim.creditor_label, root)
                cred.row = len(root.children)
                root.children.append(cred)
            mkey = (claim.creditor, claim.middel)
            mid = middelen.get(mkey)
            if mid is None:
                mid = middelen[mkey] = Node(GROUP_MIDDEL, claim.middel, claim.middel_label, cred)
                mid.row = len(cred.children)
                cred.children.append(mid)
                amounts[mkey] = []
            leaf = Node(CLAIM, claim.reference, claim.reference, mid, claim)
            leaf.row = len(mid.children)
            mid.children.append(leaf)
            amounts[mkey].append(_AMOUNTS_OF(claim))
        # subtotals in one pass over the claims (5,000 claims x 8 amounts x 2 levels of getattr took ~0.1 s);
        # exact Decimal sums, so a creditor's total of its middel subtotals equals the sum over its claims
        for mkey, rows in amounts.items():
            middelen[mkey].sums = dict(zip(_SUMMED, (sum(column, ZERO) for column in zip(*rows)), strict=True))
        for cred in creditors.values():
            cred.sums = {attr: sum((mid.sums[attr] for mid in cred.children), ZERO) for attr in _SUMMED}
        self.beginResetModel()
        self._root = root
        self.endResetModel()

    def claim_count(self) -> int:
        return len(self._root.claims())

    def node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Node)
        return node

    def index_of_claim(self, reference: str) -> QModelIndex:
        """The (column 0) index of the claim with this reference; invalid when there is none."""
        for cred in self._root.children:
            for mid in cred.children:
                for leaf in mid.children:
                    if leaf.key == reference:
                        return self.index_of(leaf.path)
        return QModelIndex()

    def index_of(self, path: tuple[str, ...]) -> QModelIndex:
        """The index of the row with :attr:`Node.path` ``path`` (invalid when it is gone after a reload)."""
        parent = QModelIndex()
        node = self._root
        for key in path:
            found = next((child for child in node.children if child.key == key), None)
            if found is None:
                return QModelIndex()
            node = found
            parent = self.index(found.row, 0, parent)
        return parent

    # ---- Qt model API ------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # called thousands of times per paint through the proxy: kept to the bare minimum
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            node = parent.internalPointer()
        else:
            node = self._root
        children = node.children
        if 0 <= row < len(children) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(self.HEADERS[section]))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.AMOUNT_ATTRS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # a view asks for a dozen roles per cell; most of them are not ours
        node = index.internalPointer()
        column = index.column()
        if role == NodeRole:
            return node
        if role == RowRole:
            return node.claim
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in self.AMOUNT_ATTRS else None
        if node.claim is None:
            return self._group_data(node, column, role)
        return self._claim_data(node.claim, column, role)

    def _group_data(self, node: Node, column: int, role: int) -> Any:
        attr = self.AMOUNT_ATTRS.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.REFERENCE:
                count = len(node.claims())
                return translate("ClaimsTreeModel", "{name} ({count})").format(name=node.title, count=count)
            return fmt.eur(node.sums[attr]) if attr else ""
        if role == SortRole:
            if attr:
                return float(node.sums[attr])
            return node.title.casefold()
        if role == AmountRole and attr:
            return node.sums[attr]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REFERENCE:
            return translate("ClaimsTreeModel", "Subtotal of {name}").format(name=node.title)
        return None

    def _claim_data(self, c: ClaimPosition, column: int, role: int) -> Any:
        attr = self.AMOUNT_ATTRS.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if attr:
                return fmt.eur(getattr(c, attr))
            return self._claim_text(c, column)
        if role == SortRole:
            if attr:
                return float(getattr(c, attr))
            return self._claim_sort(c, column)
        if role == AmountRole and attr:
            return getattr(c, attr)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._claim_tooltip(c, column)
        if column == self.NEXT_STEP and role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole):
            if _no_next_step(c) is not None:
                return QBrush(MUTED) if role == Qt.ItemDataRole.ForegroundRole else None
            if not _blocking(c):
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(WARNING)
            if self._blocked_icon is None:
                self._blocked_icon = QIcon("icons:blocked.svg")
            return self._blocked_icon
        if role == Qt.ItemDataRole.DecorationRole:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.VERJARING and c.verjaard:
                return QBrush(WARNING)
            if column == self.OPEN and c.open <= ZERO:
                return QBrush(MUTED)
            if c.calculation_error and column in (self.RENTE, self.OPEN):
                return QBrush(WARNING)
        if role == Qt.ItemDataRole.FontRole and column == self.OPEN and c.open > ZERO:
            return self._bold
        return None

    _TEXT: dict[int, Callable[[ClaimPosition], str]] = {
        REFERENCE: lambda c: c.reference,
        PERIOD: lambda c: fmt.period(c.tijdvak_van, c.tijdvak_tot),
        DUE_DATE: lambda c: fmt.date(c.vervaldatum),
        STAGE: _stage,
        NEXT_STEP: _next,
    }

    def _claim_text(self, c: ClaimPosition, column: int) -> str:
        if column == self.VERJARING:
            if c.verjaringsdatum is None:
                return translate("ClaimsTreeModel", "not calculated")
            text = fmt.date(c.verjaringsdatum)
            return translate("ClaimsTreeModel", "{date} (time-barred)").format(date=text) if c.verjaard else text
        if column == self.STUIT:
            return translate("ClaimsTreeModel", "yes") if c.gestuit else translate("ClaimsTreeModel", "no")
        if column == self.REFERENCE:
            marks = []
            if c.under_regeling:
                marks.append(translate("ClaimsTreeModel", "arrangement"))
            if c.paused:
                marks.append(translate("ClaimsTreeModel", "paused"))
            return f"{c.reference} [{', '.join(marks)}]" if marks else c.reference
        return self._TEXT[column](c)

    def _claim_sort(self, c: ClaimPosition, column: int) -> Any:
        if column == self.PERIOD:
            return c.tijdvak_van.isoformat() if c.tijdvak_van else ""
        if column == self.DUE_DATE:
            return c.vervaldatum.isoformat()
        if column == self.STAGE:
            return c.enforcement_stage_date.isoformat() if c.enforcement_stage_date else ""
        if column == self.NEXT_STEP:
            return c.next_step.earliest.isoformat() if c.next_step.earliest else ""
        if column == self.VERJARING:
            return c.verjaringsdatum.isoformat() if c.verjaringsdatum else ""
        if column == self.STUIT:
            return int(c.gestuit)
        return c.reference.casefold()

    def _claim_tooltip(self, c: ClaimPosition, column: int) -> str | None:
        if column == self.REFERENCE:
            return f"{c.creditor_label}, {c.middel_label}, {label_of(ClaimKind, c.soort)}"
        if column == self.PERIOD and c.tijdvak_van and c.tijdvak_tot:
            return f"{fmt.date(c.tijdvak_van)} – {fmt.date(c.tijdvak_tot)}"
        if column == self.RENTE:
            return translate("ClaimsTreeModel", "Charged {booked}, accrued up to today and not yet charged {accrued}. "
                       "Double-click for the calculation.").format(
                booked=fmt.eur(c.rente_booked), accrued=fmt.eur(c.rente_accrued))
        if column == self.OPEN:
            if c.calculation_error:
                return c.calculation_error
            return translate("ClaimsTreeModel", "Double-click for the calculation.")
        if column == self.STUIT and c.stuiten_advies:
            return c.stuiten_reden
        if column == self.NEXT_STEP:
            if _no_next_step(c) is not None:
                return _next(c)
            return "\n".join((_next(c), *c.next_step.blocked_by)) or None
        if column == self.STAGE:
            return _stage(c) or None
        return None


class ClaimsFilterProxy(QSortFilterProxyModel):
    """Sorts within each group; shows claims whose texts (or whose group's name) contain the filter text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._text = ""
        self._open_only = False

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_open_only(self, value: bool) -> None:
        self.beginFilterChange()
        self._open_only = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _claim_accepted(self, node: Node) -> bool:
        claim = node.claim
        assert claim is not None
        if self._open_only and claim.open <= ZERO:
            return False
        if not self._text:
            return True
        model = self.sourceModel()
        assert isinstance(model, ClaimsTreeModel)
        texts = [
            claim.reference, claim.middel_label, claim.creditor_label, label_of(ClaimKind, claim.soort),
            fmt.period(claim.tijdvak_van, claim.tijdvak_tot), _stage(claim), fmt.date(claim.vervaldatum),
        ]
        return any(self._text in t.casefold() for t in texts)

    def _accepted(self, node: Node) -> bool:
        if node.claim is not None:
            return self._claim_accepted(node)
        return any(self._accepted(child) for child in node.children)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimsTreeModel):
            return True
        parent = model.node(source_parent)
        if not 0 <= source_row < len(parent.children):
            return False
        return self._accepted(parent.children[source_row])
