"""The declarative base: one MetaData with a naming convention, so Alembic names constraints alike on every backend."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from sqlalchemy import DateTime, MetaData, Numeric, String, func
from sqlalchemy.orm import DeclarativeBase, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Money: NUMERIC(14, 2) in the database, Decimal in Python -- never float.
MoneyColumn = Annotated[Decimal, mapped_column(Numeric(14, 2, asdecimal=True))]
Str40 = Annotated[str, mapped_column(String(40))]
Str120 = Annotated[str, mapped_column(String(120))]
CreatedAt = Annotated[
    dt.datetime, mapped_column(DateTime(timezone=True), server_default=func.current_timestamp(), nullable=False)
]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
