"""Ingest clause documents: parse, validate, extract, store — one product whole or not at all."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.document import read_clause_document
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.extract import extract_facts, unread_plan_cells
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.store import KnowledgeRepository
from bot.knowledge.unread import unread_articles


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file."""

    path: str
    code: str | None
    version: str | None
    status: str  # "added", "unchanged" or "failed"
    message: str
    seconds: float
    # what the reading could not understand, by article: "第2.1条 高费用医院 / 计划一: 承担"
    unread: tuple[str, ...] = ()


def ingest_file(
    repository: KnowledgeRepository, path: str | Path, *, allow_shrink: bool = False
) -> IngestResult:
    """Ingest one clause document; a failure changes nothing and is reported, not raised.

    Args:
        repository: Where the product is stored.
        path: The clause document.
        allow_shrink: Store a new version even when it lacks periods, benefits, exclusions …
            that the current version has. Without it such a version fails (it may be a
            truncated file) and the current version stays current.

    Returns:
        ``status`` ``"added"``, ``"unchanged"`` or ``"failed"``, with a message for the person
        who ingests.
    """
    started = time.perf_counter()
    try:
        document = read_clause_document(path)
        facts = extract_facts(document)
        added = repository.add(document, facts, allow_shrink=allow_shrink)
    except KnowledgeError as exc:
        return IngestResult(
            str(path), None, None, "failed", str(exc), time.perf_counter() - started
        )
    status = "added" if added else "unchanged"
    unread = tuple(unread_plan_cells(document))
    message = (
        f"{document.code} {document.name} version {document.version}: "
        f"{'ingested' if added else 'already ingested, nothing changed'}"
    )
    if unread:
        message += "\n  plan table cells not read as an amount (answered from the text only): " + (
            "; ".join(unread)
        )
    unapplied = tuple(unread_articles(ProductKnowledge(document, facts)))
    if unapplied:
        message += "\n  articles with figures not read into rules (answered from their text): " + (
            "; ".join(unapplied)
        )
        unread += unapplied
    return IngestResult(
        str(path),
        document.code,
        document.version,
        status,
        message,
        time.perf_counter() - started,
        unread,
    )


def ingest_files(
    repository: KnowledgeRepository, paths: Iterable[str | Path], *, allow_shrink: bool = False
) -> list[IngestResult]:
    """Ingest each file on its own, so one bad file does not stop the others.

    ``allow_shrink`` applies to every file (see :func:`ingest_file`).
    """
    return [ingest_file(repository, path, allow_shrink=allow_shrink) for path in paths]


def policy_files(folder: Path) -> list[Path]:
    """The clause documents in ``folder`` (``*.md``), sorted by name."""
    return sorted(p for p in folder.glob("*.md") if p.is_file())
