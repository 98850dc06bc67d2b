"""Schema migrations: a migrated database has exactly the tables the code declares, on SQLite and
PostgreSQL; migrating again does nothing; databases made before migrations are adopted."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.db import SchemaVersionError, make_engine, migrate, migration_config
from bot.desk.tables import tickets
from bot.migrations import TARGET_METADATA, include_name
from bot.settings import PROJECT_ROOT
from tests.conftest import postgres_database

RASA_EVENTS = "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL)"
# The first revision makes exactly what the repositories' create_all made before migrations.
BASELINE = "0001"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mingbao.db'}"


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


def schema_differences(engine: Engine) -> list[Any]:
    """What alembic's autogenerate would change to make the database match the code."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        return list(compare_metadata(context, TARGET_METADATA))


def made_before_migrations(engine: Engine, prefixes: tuple[str, ...] = ("",)) -> None:
    """Make the tables create_all made (those whose names start with ``prefixes``), unversioned."""
    with engine.begin() as conn:
        command.upgrade(migration_config(conn), BASELINE)
        conn.execute(text("DROP TABLE alembic_version"))
        made = MetaData()
        made.reflect(conn)
        for table in reversed(made.sorted_tables):
            if not table.name.startswith(prefixes) and table.name != "events":
                table.drop(conn)


def revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ticket(status: str) -> dict[str, Any]:
    return {
        "conversation_id": "c1",
        "reason": "complaint",
        "priority": "high",
        "summary": "",
        "slots": {},
        "status": status,
        "created_at": dt.datetime(2026, 1, 1),
        "closed_at": None if status in ("open", "claimed") else dt.datetime(2026, 1, 2),
    }


def assert_one_open_ticket_per_conversation(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(tickets.insert(), [ticket("resolved"), ticket("cancelled"), ticket("claimed")])
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(tickets.insert().values(**ticket("open")))


def test_an_empty_database_is_migrated_to_the_tables_the_code_declares(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text(RASA_EVENTS))
    migrate(engine)
    assert schema_differences(engine) == []
    assert revision(engine) is not None
    assert "events" in inspect(engine).get_table_names()
    assert_one_open_ticket_per_conversation(engine)


def test_migrating_again_runs_no_ddl(engine: Engine, sqlite_url: str) -> None:
    migrate(engine)
    head = revision(engine)
    again = make_engine(sqlite_url)
    statements: list[str] = []
    event.listen(again, "before_cursor_execute", lambda *args: statements.append(args[2]))
    migrate(again)
    migrate(again)
    assert revision(again) == head
    assert all(s.lstrip().upper().startswith(("SELECT", "PRAGMA")) for s in statements), statements
    again.dispose()


def test_every_revision_downgrades_to_an_empty_database(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text(RASA_EVENTS))
    migrate(engine)
    with engine.begin() as conn:
        command.downgrade(migration_config(conn), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version", "events"}


def test_a_database_made_by_create_all_is_adopted_with_its_rows(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text(RASA_EVENTS))
    made_before_migrations(engine)
    with engine.begin() as conn:
        conn.execute(tickets.insert().values(**ticket("closed")))
    migrate(engine)
    assert revision(engine) is not None
    assert schema_differences(engine) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM desk_tickets")).scalar_one() == 1


def test_a_database_with_only_some_tables_gets_the_rest(engine: Engine) -> None:
    made_before_migrations(engine, prefixes=("kb_",))
    assert "desk_tickets" not in inspect(engine).get_table_names()
    migrate(engine)
    assert schema_differences(engine) == []
    assert_one_open_ticket_per_conversation(engine)


def test_a_database_migrated_by_newer_code_is_refused(engine: Engine, sqlite_url: str) -> None:
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fromthefuture'"))
    newer = make_engine(sqlite_url)
    with pytest.raises(SchemaVersionError, match=r"fromthefuture.*newer code migrated it"):
        migrate(newer)
    newer.dispose()


@pytest.mark.integration
def test_the_alembic_command_migrates_database_url(sqlite_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": sqlite_url}
    for arguments in (["upgrade", "head"], ["check"]):
        done = subprocess.run(
            [sys.executable, "-m", "alembic", "-c", str(PROJECT_ROOT / "alembic.ini"), *arguments],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert "No new upgrade operations detected" in done.stdout + done.stderr


@pytest.mark.integration
@pytest.mark.parametrize("made_by", ["nothing", "create_all"])
def test_postgres_is_migrated_to_the_tables_the_code_declares(made_by: str) -> None:
    with postgres_database(f"mingbao_migrations_{os.getpid()}") as engine:
        with engine.begin() as conn:
            conn.execute(text(RASA_EVENTS.replace("INTEGER", "SERIAL")))
        if made_by == "create_all":
            made_before_migrations(engine)
        migrate(engine)
        assert revision(engine) is not None
        assert schema_differences(engine) == []
        assert_one_open_ticket_per_conversation(engine)
        with engine.connect() as conn:
            index = conn.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = :name"),
                {"name": "desk_tickets_one_active_per_conversation"},
            ).scalar_one()
        assert "WHERE (closed_at IS NULL)" in index
