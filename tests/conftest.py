"""Shared fixtures: a fresh SQLite knowledge base per test, and the samples ingested once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.db import make_engine, migrate
from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.ingest import ingest_files, policy_files
from bot.knowledge.store import SqlKnowledgeRepository
from bot.settings import PROJECT_ROOT
from tests.fakes import InMemoryKnowledgeRepository

POLICIES_DIR = PROJECT_ROOT / "data" / "policies"
POSTGRES_SERVER = os.environ.get("MINGBAO_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432")


@contextmanager
def postgres_database(name: str) -> Iterator[Engine]:
    """An engine on a new database ``name`` on the test PostgreSQL server, dropped afterwards."""
    admin = make_engine(f"{POSTGRES_SERVER}/postgres").execution_options(
        isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the message must say what to do, whatever the driver raised
        admin.dispose()
        pytest.fail(
            f"PostgreSQL at {POSTGRES_SERVER} is not reachable ({exc}); "
            "start it or set MINGBAO_TEST_POSTGRES"
        )
    engine = make_engine(f"{POSTGRES_SERVER}/{name}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:  # FORCE: a server thread may still hold a connection
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[SqlKnowledgeRepository]:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    migrate(engine)  # the start-up paths' job in production
    yield SqlKnowledgeRepository(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def sample_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlKnowledgeRepository]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('samples') / 'kb.db'}")
    migrate(engine)
    repository = SqlKnowledgeRepository(engine)
    results = ingest_files(repository, policy_files(POLICIES_DIR))
    failed = [r.message for r in results if r.status == "failed"]
    assert not failed, failed
    yield repository
    engine.dispose()


@pytest.fixture(scope="session")
def sample_kb() -> KnowledgeBase:
    """The samples' knowledge base, ingested into memory (no database; the SQL round trip has
    its own tests in ``tests/knowledge/test_store.py``)."""
    repository = InMemoryKnowledgeRepository()
    results = ingest_files(repository, policy_files(POLICIES_DIR))
    failed = [r.message for r in results if r.status == "failed"]
    assert not failed, failed
    return KnowledgeBase.load(repository)
