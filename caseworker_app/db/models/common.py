"""What every model module shares: the CHECK-constraint helper and the optimistic-concurrency mixin."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column


def _check_in(column: str, enum: type[Any]) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum)
    return f"{column} IN ({values})"


class Versioned:
    """Optimistic concurrency: ``version`` goes up by one on every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
