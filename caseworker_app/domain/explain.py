"""Explanations: every rule returns its result together with the steps that produced it.

A :class:`Step` is one line a user can read ("Invorderingsrente 4,3% over 61 dagen") with the figure
it used, the parameter it came from, that figure's validity period, source and status (OFFICIAL,
OFFICIAL-OLD, SECONDARY, DERIVED, PLACEHOLDER).  Steps without a parameter (arithmetic, a decision)
leave those fields ``None``.  Everything is frozen and turns into plain JSON with :meth:`to_json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from caseworker_app.domain.params import ParamValue

T = TypeVar("T")

#: Statuses that mean "not confirmed" (rules.md: verify before go-live); the interface marks steps with these.
#: OFFICIAL-OLD (an official but older text) and DERIVED (computed from an official rule) are shown as they are.
UNCONFIRMED_STATUSES = frozenset({"PLACEHOLDER", "SECONDARY"})


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

    @classmethod
    def of(cls, description: str, value: str | None = None, *, param: ParamValue | None = None) -> Step:
        """A step; with ``param`` its name, validity, source, status and note are copied in."""
        if param is None:
            return cls(description, value)
        return cls(
            description,
            value,
            parameter=param.name,
            valid_from=param.valid_from,
            valid_to=param.valid_to,
            source=param.source,
            status=param.status,
            note=param.note,
        )

    @property
    def unconfirmed(self) -> bool:
        return self.status is not None and self.status in UNCONFIRMED_STATUSES

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "value": self.value,
            "parameter": self.parameter,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "source": self.source,
            "status": self.status,
            **({"note": self.note} if self.note else {}),
        }

    def render(self) -> str:
        """One line for a tooltip, a letter annex or a terminal."""
        text = self.description
        if self.value is not None:
            text += f": {self.value}"
        if self.status:
            text += f" [{self.status}"
            if self.source:
                text += f"; {self.source}"
            text += "]"
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


class Explanation:
    """A small builder that rules append steps to; ``freeze()`` gives the tuple."""

    __slots__ = ("_steps",)

    def __init__(self) -> None:
        self._steps: list[Step] = []

    def add(self, description: str, value: str | None = None, *, param: ParamValue | None = None) -> None:
        self._steps.append(Step.of(description, value, param=param))

    def extend(self, steps: tuple[Step, ...] | list[Step]) -> None:
        self._steps.extend(steps)

    def freeze(self) -> tuple[Step, ...]:
        return tuple(self._steps)
