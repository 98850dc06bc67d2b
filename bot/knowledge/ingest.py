"""Ingest clause documents: parse, validate, extract, store — one product whole or not at all."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.document import read_clause_document
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.extract import extract_facts
from bot.knowledge.store import KnowledgeRepository


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file."""

    path: str
    code: str | None
    version: str | None
    status: str  # "added", "unchanged" or "failed"
    message: str
    seconds: float


def ingest_file(repository: KnowledgeRepository, path: str | Path) -> IngestResult:
    """Ingest one clause document; a failure changes nothing and is reported, not raised."""
    started = time.perf_counter()
    try:
        document = read_clause_document(path)
        added = repository.add(document, extract_facts(document))
    except KnowledgeError as exc:
        return IngestResult(
            str(path), None, None, "failed", str(exc), time.perf_counter() - started
        )
    status = "added" if added else "unchanged"
    message = (
        f"{document.code} {document.name} version {document.version}: "
        f"{'ingested' if added else 'already ingested, nothing changed'}"
    )
    return IngestResult(
        str(path), document.code, document.version, status, message, time.perf_counter() - started
    )


def ingest_files(
    repository: KnowledgeRepository, paths: Iterable[str | Path]
) -> list[IngestResult]:
    """Ingest each file on its own, so one bad file does not stop the others."""
    return [ingest_file(repository, path) for path in paths]


def policy_files(folder: Path) -> list[Path]:
    """The clause documents in ``folder`` (``*.md``), sorted by name."""
    return sorted(p for p in folder.glob("*.md") if p.is_file())
