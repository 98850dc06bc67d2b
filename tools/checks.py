"""The pattern checks both unseen evaluations use: compile them up front, judge a reply."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path


def compile_checks(path: Path, item: str, patterns: Iterable[str]) -> None:
    """Compile every pattern of ``item``; a broken one fails with the file and the item."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{path}: {item} {pattern!r}: {exc}") from exc


def judge(reply: str, must: Iterable[str], must_not: Iterable[str]) -> tuple[list[str], list[str]]:
    """``(missing, wrong)``: the ``must`` patterns not found, the ``must_not`` patterns found."""
    missing = [p for p in must if not re.search(p, reply)]
    wrong = [p for p in must_not if re.search(p, reply)]
    return missing, wrong
