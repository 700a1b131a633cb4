"""Alembic environment: takes the engine from ``config.attributes`` (set by caseworker_app.db.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from caseworker_app.db import models

config = context.config
target_metadata = models.Base.metadata


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:
        from caseworker_app.db.session import create_engine_for_url

        url = config.get_main_option("sqlalchemy.url")
        assert url, "set sqlalchemy.url or pass an engine"
        engine = create_engine_for_url(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            # privileges, ownership and triggers follow db/grants.py after every run, in the same transaction
            from caseworker_app.db import security

            security.apply(connection, role_prefix=config.attributes.get("role_prefix"))
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
