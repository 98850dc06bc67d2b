"""Errors the knowledge base raises, worded for the person who must fix the input."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class of every knowledge-base error."""


class ClauseFormatError(KnowledgeError):
    """A clause document breaks the format (``shared/formats/clause-document.md``).

    Attributes:
        path: The file that was being read.
        line: 1-based line number of the fault, or 0 when it concerns the whole file.
        fault: What is wrong and what to do about it.
    """

    def __init__(self, path: str, line: int, fault: str) -> None:
        self.path = path
        self.line = line
        self.fault = fault
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {fault}")


class VersionConflictError(KnowledgeError):
    """The same product version was ingested before with different wording."""


class UnknownProductError(KnowledgeError):
    """No ingested product has the code that was asked for."""
