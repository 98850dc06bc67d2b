"""The one way MingBao opens a database: an engine per URL, created on demand, never at import;
and the one way its schema is made and changed: :func:`migrate`, by the alembic revisions in
``bot/migrations``."""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
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


class Database:
    """Where a repository reads and writes.

    Bound to an engine, each read and each write is its own transaction. Bound to the connection
    of a unit of work, they all join that connection's one transaction, which its owner commits
    or rolls back.
    """

    def __init__(self, bind: Engine | Connection) -> None:
        self.bind = bind
        self.engine: Engine = bind if isinstance(bind, Engine) else bind.engine

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection to read on."""
        if isinstance(self.bind, Engine):
            with self.bind.connect() as conn:
                yield conn
        else:
            yield self.bind

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection to write on: whole or not at all (a savepoint inside a unit of work)."""
        if isinstance(self.bind, Engine):
            with self.bind.begin() as conn:
                yield conn
        elif self.bind.dialect.name == "sqlite":
            # pysqlite's SAVEPOINT outside a transaction would commit on release; SQLite undoes a
            # refused statement by itself and the transaction goes on.
            yield self.bind
        else:
            # PostgreSQL aborts the transaction on a refused statement (a racing duplicate the
            # repository then reads instead); the savepoint keeps the unit of work usable.
            with self.bind.begin_nested():
                yield self.bind


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Any fixed number: PostgreSQL sessions that migrate at the same time take turns on this lock.
_MIGRATION_LOCK_KEY = 0x4D42_5348
_migrating = threading.Lock()
_migrated: weakref.WeakSet[Engine] = weakref.WeakSet()


class SchemaVersionError(RuntimeError):
    """The database's schema revision is one this code does not know."""


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest schema revision; once per engine, fast when it is there.

    A database made before migrations (the tables, no ``alembic_version``) is adopted: the tables
    it lacks are added, the ones it has are kept, and it is stamped with the revision.

    Raises:
        SchemaVersionError: the database was migrated by newer code than this.
    """
    with _migrating:
        if engine in _migrated:
            return
        current = _current_revisions(engine)
        if current != _head_revisions():
            _check_known(engine, current)
            _upgrade(engine)
        _migrated.add(engine)


def migration_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for ``bot/migrations``, migrating ``connection`` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


@functools.cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(migration_config())


def _head_revisions() -> set[str]:
    return set(_script().get_heads())


def _current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def _check_known(engine: Engine, current: set[str]) -> None:
    known = {script.revision for script in _script().walk_revisions()}
    if current - known:
        raise SchemaVersionError(
            f"the database at {engine.url!r} is at schema revision {', '.join(sorted(current))}, "
            f"which {MIGRATIONS_DIR} does not hold: newer code migrated it. Run that code, or "
            "downgrade the database with it (alembic downgrade), or point DATABASE_URL elsewhere"
        )


def _upgrade(engine: Engine) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
        command.upgrade(migration_config(conn), "head")
