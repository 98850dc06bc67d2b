"""The one way MingBao opens a database: an engine per URL, created on demand, never at import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.future import create_engine
from sqlalchemy.pool import QueuePool


def make_engine(database_url: str) -> Engine:
    """An SQLAlchemy 2.0-style engine for ``database_url``.

    For SQLite the parent folder is created, connections are pooled (SQLAlchemy 1.4 would open
    one per query), foreign keys are switched on, and the journal is a write-ahead log: readers
    do not wait for writers, and a commit does not wait for the disk (a power cut may lose the
    last commits, never consistency; production runs on PostgreSQL).
    """
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if not url.database or url.database == ":memory:":
        engine = create_engine(url)
    else:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, poolclass=QueuePool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
