"""Parse and validate a clause document (format v1) into articles, all or nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.errors import ClauseFormatError

MAX_DOCUMENT_BYTES = 2_000_000
PRODUCT_TYPES = frozenset(
    {"critical_illness", "medical", "term_life", "whole_life", "accident", "annuity"}
)
REQUIRED_KEYS = ("code", "name", "insurer", "type", "version", "effective_from")
CODE_PATTERN = re.compile(r"[A-Z0-9-]+")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
NUMBERED_TITLE = re.compile(r"^(\d+(?:\.\d+)*)\.?[ \t\u3000]+(\S.*)$")
NUMBER_GLUED_TO_TITLE = re.compile(r"^\d+(?:\.\d+)*\.?\S")


@dataclass(frozen=True)
class ClauseArticle:
    """One numbered article: its heading and the text under it up to the next heading."""

    number: str
    title: str
    body: str
    line: int

    @property
    def parent_number(self) -> str | None:
        """``"2.4"`` for ``"2.4.1"``; ``None`` for a top-level article."""
        head, _, _ = self.number.rpartition(".")
        return head or None

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1


@dataclass(frozen=True)
class ClauseDocument:
    """A validated clause document."""

    code: str
    name: str
    insurer: str
    product_type: str
    version: str
    effective_from: dt.date
    title: str
    articles: tuple[ClauseArticle, ...]
    source: str
    sha256: str
    aliases: tuple[str, ...] = field(default=())

    def article(self, number: str) -> ClauseArticle | None:
        """The article with this number, if the document has one."""
        return next((a for a in self.articles if a.number == number), None)

    @property
    def char_count(self) -> int:
        return sum(len(a.title) + len(a.body) for a in self.articles)


def read_clause_document(path: str | Path) -> ClauseDocument:
    """Read and validate the clause document at ``path``.

    Raises:
        ClauseFormatError: naming the file, the line and the fault.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ClauseFormatError(str(path), 0, f"cannot read the file ({exc.strerror})") from exc
    return parse_clause_document(raw, str(path))


def parse_clause_document(raw: bytes, source: str) -> ClauseDocument:
    """Validate ``raw`` (the bytes of a clause document) and split it into articles."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise ClauseFormatError(
            source,
            0,
            f"file is {len(raw):,} bytes; a clause document may be at most "
            f"{MAX_DOCUMENT_BYTES:,} bytes",
        )
    text = _decode(raw, source)
    lines = text.splitlines()
    meta, body_start = _front_matter(lines, source)
    title, articles = _articles(lines, body_start, source)
    aliases = meta.get("aliases") or []
    return ClauseDocument(
        code=meta["code"],
        name=meta["name"],
        insurer=meta["insurer"],
        product_type=meta["type"],
        version=meta["version"],
        effective_from=meta["effective_from"],
        aliases=tuple(aliases),
        title=title,
        articles=tuple(articles),
        source=source,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def _decode(raw: bytes, source: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ClauseFormatError(
            source,
            line,
            "unreadable encoding: the file must be UTF-8 "
            f"(byte 0x{raw[exc.start]:02x} at offset {exc.start} is not); re-save it as UTF-8",
        ) from exc
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ClauseFormatError(source, line, "the file contains NUL bytes; is it a binary file?")
    return text


def _front_matter(lines: list[str], source: str) -> tuple[dict[str, Any], int]:
    if not lines or lines[0].strip() != "---":
        raise ClauseFormatError(
            source,
            1,
            "missing front matter: the file must start with a '---' line, the YAML keys "
            f"({', '.join(REQUIRED_KEYS)}) and a closing '---'",
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise ClauseFormatError(source, 1, "front matter is not closed: add a '---' line after it")
    try:
        # BaseLoader keeps every value a string: version 2024 stays "2024", dates are checked below.
        meta = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise ClauseFormatError(source, line, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise ClauseFormatError(source, 2, "front matter must be YAML 'key: value' lines")

    def key_line(key: str) -> int:
        return next(
            (i + 1 for i in range(1, end) if lines[i].lstrip().startswith(f"{key}:")), end + 1
        )

    for key in REQUIRED_KEYS:
        if meta.get(key) in (None, ""):
            raise ClauseFormatError(
                source,
                end + 1,
                f"missing front matter key '{key}' (required: {', '.join(REQUIRED_KEYS)})",
            )
    for key in ("code", "name", "insurer", "type", "version"):
        meta[key] = str(meta[key]).strip()
    if not CODE_PATTERN.fullmatch(meta["code"]):
        raise ClauseFormatError(
            source,
            key_line("code"),
            f"product code '{meta['code']}' must match [A-Z0-9-]+ "
            "(capital letters, digits, hyphens), e.g. KN-CI-2024",
        )
    if meta["type"] not in PRODUCT_TYPES:
        raise ClauseFormatError(
            source,
            key_line("type"),
            f"type '{meta['type']}' is not one of {', '.join(sorted(PRODUCT_TYPES))}",
        )
    meta["effective_from"] = _date(meta["effective_from"], source, key_line("effective_from"))
    aliases = meta.get("aliases")
    if aliases is not None and (
        not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases)
    ):
        raise ClauseFormatError(
            source, key_line("aliases"), "aliases must be a list of names, e.g. [康宁重疾, 康宁]"
        )
    return meta, end + 1


def _date(value: object, source: str, line: int) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ClauseFormatError(
            source, line, f"effective_from '{value}' is not a date; write it as YYYY-MM-DD"
        ) from exc


def _articles(lines: list[str], start: int, source: str) -> tuple[str, list[ClauseArticle]]:
    title: str | None = None
    heads: list[tuple[str, str, int]] = []
    bodies: list[list[str]] = []
    first_line: dict[str, int] = {}
    in_fence = False
    for index in range(start, len(lines)):
        line = lines[index]
        lineno = index + 1
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match is None:
            if bodies:
                bodies[-1].append(line)
            continue
        text = match.group(2).strip()
        numbered = NUMBERED_TITLE.match(text)
        if numbered is None:
            if NUMBER_GLUED_TO_TITLE.match(text):
                raise ClauseFormatError(
                    source,
                    lineno,
                    f"heading '{line.strip()}' needs a space between the article "
                    "number and the title, e.g. '### 2.3 等待期'",
                )
            if title is None and len(match.group(1)) == 1 and not heads:
                title = text
                continue
            raise ClauseFormatError(
                source,
                lineno,
                f"unnumbered heading '{line.strip()}': every heading below the "
                "title must start with its article number, e.g. '### 2.3 等待期'",
            )
        number, heading_title = numbered.group(1), numbered.group(2).strip()
        if number in first_line:
            raise ClauseFormatError(
                source,
                lineno,
                f"duplicate article number {number} (first used on line "
                f"{first_line[number]}); article numbers must be unique",
            )
        parent, _, _ = number.rpartition(".")
        if parent and parent not in first_line:
            raise ClauseFormatError(
                source,
                lineno,
                f"article {number} has no parent: article {parent} must come before it",
            )
        first_line[number] = lineno
        heads.append((number, heading_title, lineno))
        bodies.append([])
    if title is None:
        raise ClauseFormatError(
            source, start + 1, "missing document title: add one '# <产品名称>条款' heading"
        )
    if not heads:
        raise ClauseFormatError(
            source, start + 1, "the document has no numbered articles (e.g. '## 1 您与我们的合同')"
        )
    articles = [
        ClauseArticle(number=number, title=heading_title, body="\n".join(body).strip(), line=line)
        for (number, heading_title, line), body in zip(heads, bodies, strict=True)
    ]
    return title, articles
