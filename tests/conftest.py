"""Shared fixtures: a fresh SQLite knowledge base per test, and the samples ingested once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.db import make_engine
from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.ingest import ingest_files, policy_files
from bot.knowledge.store import SqlKnowledgeRepository
from bot.settings import PROJECT_ROOT

POLICIES_DIR = PROJECT_ROOT / "data" / "policies"


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[SqlKnowledgeRepository]:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    yield SqlKnowledgeRepository(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def sample_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlKnowledgeRepository]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('samples') / 'kb.db'}")
    repository = SqlKnowledgeRepository(engine)
    results = ingest_files(repository, policy_files(POLICIES_DIR))
    failed = [r.message for r in results if r.status == "failed"]
    assert not failed, failed
    yield repository
    engine.dispose()


@pytest.fixture(scope="session")
def sample_kb(sample_repository: SqlKnowledgeRepository) -> KnowledgeBase:
    return KnowledgeBase.load(sample_repository)
