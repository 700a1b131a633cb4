"""What the security tests share: a database set up the production way with one real login per role."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from caseworker_app.domain.types import Role

from caseworker_app.services.context import Context, Database

ROLES = tuple(Role)


@dataclass
class Secured:
    url: str
    builder: Context  # the superuser that built the data; the database restricts it in nothing
    logins: dict[Role, str]
    debtor_id: int
    claim_id: int
    _engines: dict[str, Engine] = field(default_factory=dict)

    def url_as(self, login: str) -> str:
        return make_url(self.url).set(username=login).render_as_string(hide_password=False)

    def engine(self, who: Role | str) -> Engine:
        login = self.logins[who] if isinstance(who, Role) else who
        if login not in self._engines:
            self._engines[login] = create_engine(
                make_url(self.url_as(login)).set(drivername="postgresql+psycopg"), poolclass=NullPool
            )
        return self._engines[login]

    def context(self, role: Role) -> Context:
        return Database.open(self.url_as(self.logins[role])).login()

    @contextmanager
    def attempt(self, who: Role | str) -> Iterator[Connection]:
        """A connection as ``who`` in a transaction that is always rolled back."""
        with self.engine(who).connect() as conn:
            trans = conn.begin()
            try:
                yield conn
            finally:
                trans.rollback()

    def refused(self, who: Role | str, sql: str, params: Mapping[str, object] | None = None) -> str:
        """Run ``sql`` as ``who``; it must be refused by the database.  Returns the refusal's SQLSTATE."""
        with self.attempt(who) as conn, pytest.raises(DBAPIError) as info:
            conn.execute(text(sql), params or {})
        return str(getattr(info.value.orig, "sqlstate", ""))

    def allowed(
        self, who: Role | str, sql: str, params: Mapping[str, object] | None = None
    ) -> list[tuple[object, ...]]:
        """Run ``sql`` as ``who``; it must succeed.  Returns the rows (if any); the change is rolled back."""
        with self.attempt(who) as conn:
            result = conn.execute(text(sql), params or {})
            return [tuple(row) for row in result] if result.returns_rows else []

    def dispose(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        self.builder.db.dispose()
