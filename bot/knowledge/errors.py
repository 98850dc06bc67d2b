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


class ShrinkError(KnowledgeError):
    """A new version of a product lacks parts its current version has; it may be truncated.

    Attributes:
        source: The file that was being ingested.
        code: The product's code.
        version: The new version, which was not stored.
        current_version: The version that stays current.
        missing: What the new version lacks, one part per item, e.g. ``"等待期 (waiting period)"``.
    """

    def __init__(
        self, source: str, code: str, version: str, current_version: str, missing: tuple[str, ...]
    ) -> None:
        self.source = source
        self.code = code
        self.version = version
        self.current_version = current_version
        self.missing = missing
        super().__init__(
            f"{source}: {code} v{version} lacks what v{current_version} had: "
            f"{', '.join(missing)}; the document may be truncated, so v{current_version} stays "
            f"current. Check the file, or re-run `python -m bot.knowledge ingest --allow-shrink "
            f"{source}` if the product really dropped them."
        )
