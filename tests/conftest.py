"""Shared fixtures: a fresh SQLite knowledge base per test, and the samples ingested once.

And the test layers (``../shared/STYLE.md`` habit 5): a test that uses a database or a socket is an
integration test (``make integration``), marked here from the fixtures it uses or by its own
``pytest.mark.integration``; every other test is a unit test (``make unit``), and while one runs,
opening a database or a socket or starting a process fails it with a message that says how
to mark it.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
from collections.abc import Generator, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, NoReturn

import psycopg2
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
# CI sets it (.ci/run): there an unreachable PostgreSQL fails the tests instead of skipping them.
REQUIRE_POSTGRES = os.environ.get("MINGBAO_REQUIRE_POSTGRES") == "1"

# Fixtures, at any level, that open a database or a socket: a test using one, directly or through
# another fixture, is an integration test.
INTEGRATION_FIXTURES = frozenset(
    {
        "repository",  # here: a SQLite knowledge base
        "sample_repository",  # here: the samples ingested into SQLite
        "sample_kb",  # here: loaded from sample_repository
        "services",  # actions/: records and tickets in SQLite
        "records",  # records/: SQLite
        "engine",  # desk/, channels/wechat/: SQLite and PostgreSQL
        "database_url",  # desk/, channels/wechat/: SQLite and PostgreSQL
        "rasa",  # channels/, desk/: a fake Rasa on loopback
        "wechat",  # channels/wechat/: a fake of WeChat's servers on loopback
        "aiohttp_client",
        "aiohttp_server",
        "aiohttp_raw_server",
        "unused_tcp_port",
    }
)
# Markers of the layers that need more than a unit test may use.
NOT_UNIT = ("integration", "conversation", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that use an integration fixture as integration tests."""
    for item in items:
        if INTEGRATION_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


def _refuse(what: str, nodeid: str) -> Any:
    def refused(*args: Any, **kwargs: Any) -> NoReturn:
        pytest.fail(
            f"{nodeid} is a unit test but {what}: mark it @pytest.mark.integration "
            "(make integration), or give it a fake instead",
            pytrace=False,
        )

    return refused


@contextmanager
def _unit_guard(item: pytest.Item) -> Iterator[None]:
    """While a unit test runs, opening a database or a socket, or starting a process, fails it."""
    if any(item.get_closest_marker(name) for name in NOT_UNIT):
        yield
        return
    refusals = {
        (sqlite3, "connect"): "opens a SQLite database",
        (sqlite3.dbapi2, "connect"): "opens a SQLite database",
        (psycopg2, "connect"): "opens a PostgreSQL database",
        (socket.socket, "connect"): "opens a connection",
        (socket.socket, "connect_ex"): "opens a connection",
        (socket.socket, "bind"): "listens on a socket",
        (subprocess.Popen, "__init__"): "starts a process",
    }
    with ExitStack() as undo:
        for (owner, name), what in refusals.items():
            original = getattr(owner, name)
            setattr(owner, name, _refuse(what, item.nodeid))
            undo.callback(setattr, owner, name, original)
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    with _unit_guard(item):
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    with _unit_guard(item):
        yield


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
        reason = (
            f"PostgreSQL at {POSTGRES_SERVER} is not reachable ({exc}); "
            "start it or set MINGBAO_TEST_POSTGRES"
        )
        if REQUIRE_POSTGRES:
            pytest.fail(f"{reason} (MINGBAO_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
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
