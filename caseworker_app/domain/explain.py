"""Explanations: every rule returns its result together with the steps that produced it.

A :class:`Step` is one line a user can read ("Invorderingsrente 4,3% over 61 dagen") with the figure it used.
For an officer who reads it out to a citizen it carries two words-only fields:

* ``status_label`` -- how sure the figure is, in Dutch (see :data:`STATUS_LABELS`):

  ===============  ===================================================================================
  bevestigd        OFFICIAL, OFFICIAL* (the law text itself, read through a verbatim harvest),
                   OFFICIAL-OLD (an official text older than 2025 whose rule still holds)
  voorlopig        SECONDARY (a non-government page citing an official source), DERIVED (computed by
                   us from an official rule, not published itself)
  niet bevestigd   PLACEHOLDER (not found; the last known value is used)
  te herzien       any status, when the figure is used for a date on or after its table's "review by"
                   date: nobody confirmed it still holds, so it is not silently carried into a new year
  ===============  ===================================================================================

  Steps without a figure (arithmetic, a decision) have no status and no label.
* ``legal_source`` -- the law or policy behind the step, spelled out ("Invorderingswet 1990, art. 28"); given
  by the rule, else the parameter's declared citation, else the citation in the description
  (:mod:`caseworker_app.domain.legal`).  It is separate from ``source``, the research note saying where the
  figure was found.

``parameter``, ``valid_from``/``valid_to``, ``source``, ``status`` and ``note`` stay for a details view.
Only ``niet bevestigd`` and ``te herzien`` count as :attr:`Step.unconfirmed` (the red marker); ``voorlopig``
is :attr:`Step.provisional`.  Everything is frozen and turns into plain JSON with :meth:`Step.to_json`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from caseworker_app.domain import legal

if TYPE_CHECKING:
    from decimal import Decimal

    from caseworker_app.domain.params import ParamValue

T = TypeVar("T")

CONFIRMED = "bevestigd"
PROVISIONAL = "voorlopig"
NOT_CONFIRMED = "niet bevestigd"
REVIEW_DUE = "te herzien"

#: status code of a parameter row -> the word an officer reads
STATUS_LABELS: dict[str, str] = {
    "OFFICIAL": CONFIRMED,
    "OFFICIAL*": CONFIRMED,
    "OFFICIAL-OLD": CONFIRMED,
    "SECONDARY": PROVISIONAL,
    "DERIVED": PROVISIONAL,
    "PLACEHOLDER": NOT_CONFIRMED,
}

#: Statuses that mean "not confirmed" (the interface marks steps with these).
UNCONFIRMED_STATUSES = frozenset(code for code, word in STATUS_LABELS.items() if word == NOT_CONFIRMED)


@dataclass(frozen=True, slots=True)
class Step:
    description: str
    value: str | None = None
    parameter: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    source: str | None = None
    status: str | None = None
    note: str | None = None
    legal_source: str | None = None
    review_due: bool = False

    def __post_init__(self) -> None:
        if self.legal_source is None:
            object.__setattr__(self, "legal_source", legal.citation(self.description))

    @classmethod
    def of(
        cls,
        description: str,
        value: str | None = None,
        *,
        param: ParamValue | None = None,
        legal_source: str | None = None,
    ) -> Step:
        """A step; with ``param`` its name, validity, source, status, note and citation are copied in."""
        if param is None:
            return cls(description, value, legal_source=legal_source)
        return cls(
            description,
            value,
            parameter=param.name,
            valid_from=param.valid_from,
            valid_to=param.valid_to,
            source=param.source,
            status=param.status,
            note=param.note,
            legal_source=legal_source or legal.citation(description) or param.legal_source,
            review_due=param.review_due,
        )

    @property
    def status_label(self) -> str | None:
        """``bevestigd``, ``voorlopig``, ``niet bevestigd`` or ``te herzien``; ``None`` for a step without a figure."""
        if self.status is None:
            return None
        if self.review_due:
            return REVIEW_DUE
        return STATUS_LABELS.get(self.status, NOT_CONFIRMED)

    @property
    def unconfirmed(self) -> bool:
        return self.status_label in (NOT_CONFIRMED, REVIEW_DUE)

    @property
    def provisional(self) -> bool:
        return self.status_label == PROVISIONAL

    @property
    def plain_description(self) -> str:
        """The description without the abbreviated citations in parentheses (they are in ``legal_source``)."""
        return legal.without_citations(self.description)

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "value": self.value,
            "parameter": self.parameter,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "source": self.source,
            "status": self.status,
            "status_label": self.status_label,
            "legal_source": self.legal_source,
            **({"note": self.note} if self.note else {}),
            **({"review_due": True} if self.review_due else {}),
        }

    def render(self) -> str:
        """One line for a tooltip, a letter annex or a terminal, in words: "…: € 9,00 (bevestigd; Kostenwet …)"."""
        text = self.plain_description
        if self.value is not None:
            text += f": {self.value}"
        extra = [part for part in (self.status_label, self.legal_source) if part]
        if extra:
            text += f" ({'; '.join(extra)})"
        return text


@dataclass(frozen=True, slots=True)
class Explained(Generic[T]):
    """A result plus the steps that led to it."""

    result: T
    steps: tuple[Step, ...] = ()

    @property
    def unconfirmed(self) -> bool:
        """True when any figure used is not confirmed (show a marker next to the result)."""
        return any(step.unconfirmed for step in self.steps)

    def steps_json(self) -> list[dict[str, Any]]:
        return [step.to_json() for step in self.steps]


def arithmetic(terms: Sequence[tuple[str, Decimal]], result: tuple[str, Decimal]) -> tuple[str, str]:
    """A visible sum: ``("inkomen − kosten van bestaan = betalingscapaciteit", "€ 1.800,00 − € 1.261,35 = € 538,65")``.

    ``terms`` are (word, signed amount) pairs; the first is taken as it is, later ones are added (``+``) or,
    when negative, subtracted (``−``, shown as a positive amount).
    """
    from caseworker_app.domain.money import format_eur

    words: list[str] = []
    amounts: list[str] = []
    for index, (word, amount) in enumerate(terms):
        if index == 0:
            words.append(word)
            amounts.append(format_eur(amount))
            continue
        sign = "−" if amount < 0 else "+"
        words.append(f"{sign} {word}")
        amounts.append(f"{sign} {format_eur(abs(amount))}")
    words.append(f"= {result[0]}")
    amounts.append(f"= {format_eur(result[1])}")
    return " ".join(words), " ".join(amounts)


class Explanation:
    """A small builder that rules append steps to; ``freeze()`` gives the tuple."""

    __slots__ = ("_steps",)

    def __init__(self) -> None:
        self._steps: list[Step] = []

    def add(
        self,
        description: str,
        value: str | None = None,
        *,
        param: ParamValue | None = None,
        legal_source: str | None = None,
    ) -> None:
        self._steps.append(Step.of(description, value, param=param, legal_source=legal_source))

    def sum(
        self,
        terms: Sequence[tuple[str, Decimal]],
        result: tuple[str, Decimal],
        *,
        legal_source: str | None = None,
    ) -> None:
        """Add a step that shows the whole sum, every term visible (see :func:`arithmetic`)."""
        description, value = arithmetic(terms, result)
        self._steps.append(Step(description[:1].upper() + description[1:], value, legal_source=legal_source))

    def extend(self, steps: Iterable[Step]) -> None:
        self._steps.extend(steps)

    def freeze(self) -> tuple[Step, ...]:
        return tuple(self._steps)
