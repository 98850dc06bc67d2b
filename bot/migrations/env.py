"""Alembic's environment: migrates the connection :func:`bot.db.migrate` passes in, or else the
database at ``DATABASE_URL`` (the ``alembic`` command)."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection

from bot.db import make_engine
from bot.migrations import TARGET_METADATA, include_name
from bot.settings import load_settings


def run_migrations(connection: Connection) -> None:
    """Run the pending revisions on ``connection`` (SQLite alters tables in batch: copy and swap)."""
    context.configure(
        connection=connection,
        target_metadata=TARGET_METADATA,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline(url: str) -> None:
    """Write the SQL of the pending revisions instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=url,
        target_metadata=TARGET_METADATA,
        include_name=include_name,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    config = context.config
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    connection: Connection | None = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    url = load_settings().database_url
    if context.is_offline_mode():
        run_offline(url)
        return
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            run_migrations(conn)
    finally:
        engine.dispose()


main()
