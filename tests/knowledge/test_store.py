"""Storage: a product is stored whole or not at all, re-ingesting is a no-op, versions are kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.knowledge.document import parse_clause_document, read_clause_document
from bot.knowledge.errors import VersionConflictError
from bot.knowledge.extract import extract_facts
from bot.knowledge.facts import ProductFacts
from bot.knowledge.ingest import ingest_file
from bot.knowledge.store import SqlKnowledgeRepository, articles
from tests.conftest import POLICIES_DIR
from tests.knowledge.new_product import NEW_PRODUCT


def write(tmp_path: Path, text: str, name: str = "FR-CI-2025.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def article_count(repository: SqlKnowledgeRepository) -> int:
    with repository.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())


def test_a_stored_product_reads_back_with_every_fact(
    repository: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    document = parse_clause_document(NEW_PRODUCT.encode(), "fr.md")
    facts = extract_facts(document)
    assert repository.add(document, facts) is True
    stored = repository.get("FR-CI-2025")
    assert stored is not None
    assert stored.document == document
    assert stored.facts == facts


def test_reingesting_the_same_file_changes_nothing(
    repository: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    path = write(tmp_path, NEW_PRODUCT)
    assert ingest_file(repository, path).status == "added"
    count = article_count(repository)
    again = ingest_file(repository, path)
    assert again.status == "unchanged"
    assert "nothing changed" in again.message
    assert article_count(repository) == count


def test_a_new_version_becomes_current_and_keeps_the_old_articles(
    repository: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    ingest_file(repository, write(tmp_path, NEW_PRODUCT))
    newer = NEW_PRODUCT.replace('version: "2025A"', 'version: "2026"').replace("二十一日", "三十日")
    assert ingest_file(repository, write(tmp_path, newer, "v2.md")).status == "added"
    assert repository.versions("FR-CI-2025") == ["2025A", "2026"]
    current = repository.get("FR-CI-2025")
    old = repository.get("FR-CI-2025", "2025A")
    assert current is not None and old is not None
    assert current.facts.periods["cooling_off"].amount == 30
    assert old.facts.periods["cooling_off"].amount == 21
    assert "二十一日" in old.document.article("1.2").body  # type: ignore[union-attr]
    assert [p.code for p in repository.current()] == ["FR-CI-2025"]


def test_changed_wording_under_the_same_version_is_refused(
    repository: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    ingest_file(repository, write(tmp_path, NEW_PRODUCT))
    changed = NEW_PRODUCT.replace("二十一日", "三十日")
    document = parse_clause_document(changed.encode(), "changed.md")
    with pytest.raises(VersionConflictError, match="new 'version'"):
        repository.add(document, extract_facts(document))
    current = repository.get("FR-CI-2025")
    assert current is not None and current.facts.periods["cooling_off"].amount == 21


def test_a_failure_while_storing_leaves_nothing_behind(
    repository: SqlKnowledgeRepository,
) -> None:
    document = parse_clause_document(NEW_PRODUCT.encode(), "fr.md")
    broken = ProductFacts(exclusion_notes=(object(),))  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        repository.add(document, broken)
    assert repository.get("FR-CI-2025") is None
    assert article_count(repository) == 0


def test_a_malformed_file_is_reported_and_stores_nothing(
    repository: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    bad = NEW_PRODUCT.replace("### 2.1 观察期", "### 观察期")
    result = ingest_file(repository, write(tmp_path, bad))
    assert result.status == "failed"
    assert "FR-CI-2025.md:" in result.message and "unnumbered heading" in result.message
    assert repository.current() == []


def test_a_missing_file_is_reported(repository: SqlKnowledgeRepository, tmp_path: Path) -> None:
    result = ingest_file(repository, tmp_path / "nope.md")
    assert result.status == "failed"
    assert "cannot read" in result.message


def test_the_same_wording_read_better_replaces_its_facts_not_its_articles(
    repository: SqlKnowledgeRepository,
) -> None:
    document = read_clause_document(POLICIES_DIR / "KN-CI-2024.md")
    facts = extract_facts(document)
    older = dataclasses.replace(facts, benefits=facts.benefits[:1])
    assert repository.add(document, older) is True
    assert repository.add(document, older) is False
    assert repository.add(document, facts) is True  # the reading improved
    stored = repository.get("KN-CI-2024")
    assert stored is not None and stored.facts.benefits == facts.benefits
    assert repository.versions("KN-CI-2024") == ["2024"]
    assert repository.add(document, facts) is False
