"""The reviewed thesaurus of everyday words (``data/general/thesaurus.yml``): 割眼袋 → 美容、整形."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.knowledge.text import normalize
from bot.settings import PROJECT_ROOT

THESAURUS = PROJECT_ROOT / "data" / "general" / "thesaurus.yml"


@dataclass(frozen=True)
class Concept:
    """A thing wordings name in their own terms, and the words customers use for it."""

    key: str
    label: str
    wording: tuple[str, ...]
    everyday: tuple[str, ...]
    unless: tuple[str, ...] = ()
    each: bool = False  # each word is a thing of its own (蹦极 is not 潜水), not a synonym
    patterns: tuple[re.Pattern[str], ...] = ()  # how customers describe it (喝了两瓶啤酒开车)
    spared_as: str = ""  # who the ``unless`` words make the insured (乘客，不是驾驶人)

    def named_in(self, clause_text: str) -> bool:
        """Whether a clause sentence names this concept."""
        text = normalize(clause_text)
        return any(normalize(w) in text for w in self.wording)

    def words_in(self, question: str) -> list[str]:
        """The everyday words (or described phrases) of this concept in a normalised question."""
        words = [w for w in self.everyday if _named(normalize(w), question)]
        return words + [m.group(0) for p in self.patterns if (m := p.search(question))]

    def spares(self, question: str) -> bool:
        """Whether the question says the concept is not the insured's own (坐朋友的车, 副驾)."""
        return any(normalize(w) in question for w in self.unless)


@dataclass(frozen=True)
class Thesaurus:
    """Every concept, looked up by the everyday words in a question."""

    concepts: tuple[Concept, ...]

    def concepts_in(self, question: str) -> list[Concept]:
        """The concepts a normalised question names, the one named by the longest word first."""
        found: list[tuple[int, Concept]] = []
        for concept in self.concepts:
            words = concept.words_in(question)
            if words:
                found.append((max(len(w) for w in words), concept))
        return [c for _, c in sorted(found, key=lambda pair: -pair[0])]


DISCOVERY = re.compile(r"(时|中|的时候)?(第一次|首次|才|又)?(查出|发现|检查出|查到|才知道)")


def _named(word: str, question: str) -> bool:
    """Whether ``question`` names ``word`` as the thing asked about, not as how something was found
    ("体检查出原位癌" is about the cancer, not the check-up)."""
    start = question.find(word)
    while start >= 0:
        if not DISCOVERY.match(question, start + len(word)):
            return True
        start = question.find(word, start + 1)
    return False


def read_thesaurus(path: Path = THESAURUS) -> Thesaurus:
    """The thesaurus at ``path``; a malformed entry fails with its key and what is missing."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    concepts = []
    for key, entry in (raw.get("concepts") or {}).items():
        missing = [k for k in ("label", "wording", "everyday") if not entry.get(k)]
        if missing:
            raise ValueError(f"{path}: concept {key!r} lacks {', '.join(missing)}")
        concepts.append(
            Concept(
                key,
                entry["label"],
                tuple(entry["wording"]),
                tuple(entry["everyday"]),
                tuple(entry.get("unless") or ()),
                bool(entry.get("each", False)),
                tuple(_pattern(path, key, p) for p in entry.get("patterns") or ()),
                str(entry.get("spared_as") or ""),
            )
        )
    return Thesaurus(tuple(concepts))


def _pattern(path: Path, key: str, text: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as exc:
        raise ValueError(
            f"{path}: concept {key!r}: pattern {text!r} is not a regex ({exc})"
        ) from exc


@lru_cache(maxsize=1)
def default_thesaurus() -> Thesaurus:
    """The project's thesaurus, read once."""
    return read_thesaurus()
