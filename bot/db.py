"""The one way MingBao opens a database: an engine per URL, created on demand, never at import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.future import create_engine


def make_engine(database_url: str) -> Engine:
    """An SQLAlchemy 2.0-style engine for ``database_url``.

    For SQLite the parent folder is created and foreign keys are switched on.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _foreign_keys_on)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _foreign_keys_on(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
