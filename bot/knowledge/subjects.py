"""What a question asks about the contract itself (加保, 保单借款, 投保年龄, 受益人 …) and where
the wording settles it: the article whose title names it, else the sentences that name it.

The subjects are reviewed data (``subjects`` in ``data/general/thesaurus.yml``), general to the
industry; the passage is found in each product's own wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import normalize, sentences, strip_markdown
from bot.knowledge.thesaurus import THESAURUS


@dataclass(frozen=True)
class Subject:
    """A provision of the contract customers ask about, and the words for it on both sides."""

    key: str
    label: str
    wording: tuple[str, ...]
    everyday: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    decided_by: tuple[str, ...] = ()  # verdict kinds that answer it
    marks: tuple[str, ...] = ()  # words the sentence that settles it carries (周岁, 不得低于)
    not_a_claim: bool = False  # asking it is not claiming: a payout's verdict is beside the point
    sets_aside: tuple[str, ...] = ()  # verdict kinds that answer another question
    unless: tuple[re.Pattern[str], ...] = ()  # the question is about something else

    def asked_in(self, question: str) -> bool:
        """Whether a normalised question asks about this subject."""
        if any(p.search(question) for p in self.unless):
            return False
        return any(normalize(w) in question for w in self.everyday) or any(
            p.search(question) for p in self.patterns
        )

    def titled_in(self, product: ProductKnowledge) -> list[str]:
        """The articles of ``product`` whose title names this subject, in the wording's order."""
        return [
            a.number
            for a in product.document.articles
            if a.body and any(normalize(w) in normalize(a.title) for w in self.wording)
        ]

    def named_in(self, sentence: str) -> bool:
        """Whether a clause sentence names this subject."""
        text = normalize(sentence)
        return any(normalize(w) in text for w in self.wording)

    def passages(self, product: ProductKnowledge) -> set[tuple[str, str]]:
        """``(article, sentence)`` pairs where ``product`` settles this subject: every sentence
        of an article titled with it, and each sentence naming it with the ones on either side
        (减少后的基本保险金额不得低于…; 有下列情形之一的，作为遗产：（1）没有指定受益人)."""
        titled = set(self.titled_in(product))
        found: set[tuple[str, str]] = set()
        for article in product.document.articles:
            lines = sentences(strip_markdown(article.body))
            for i, line in enumerate(lines):
                if article.number in titled:
                    found.add((article.number, line))
                elif self.named_in(line):
                    found.update((article.number, s) for s in lines[max(0, i - 1) : i + 2])
        return found


def read_subjects(path: Path = THESAURUS) -> tuple[Subject, ...]:
    """The subjects at ``path``; a malformed entry fails with its key and what is wrong."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    subjects = []
    for key, entry in (raw.get("subjects") or {}).items():
        missing = [k for k in ("label", "wording") if not entry.get(k)]
        if missing or not (entry.get("everyday") or entry.get("patterns")):
            missing = missing or ["everyday or patterns"]
            raise ValueError(f"{path}: subject {key!r} lacks {', '.join(missing)}")
        try:
            patterns = tuple(re.compile(p) for p in entry.get("patterns") or ())
            unless = tuple(re.compile(p) for p in entry.get("unless") or ())
        except re.error as exc:
            raise ValueError(f"{path}: subject {key!r}: a pattern is not a regex ({exc})") from exc
        subjects.append(
            Subject(
                key,
                entry["label"],
                tuple(entry["wording"]),
                tuple(entry.get("everyday") or ()),
                patterns,
                tuple(entry.get("decided_by") or ()),
                tuple(entry.get("marks") or ()),
                bool(entry.get("not_a_claim", False)),
                tuple(entry.get("sets_aside") or ()),
                unless,
            )
        )
    return tuple(subjects)


@lru_cache(maxsize=1)
def default_subjects() -> tuple[Subject, ...]:
    """The project's subjects, read once."""
    return read_subjects()


def subjects_in(question: str, subjects: tuple[Subject, ...] | None = None) -> list[Subject]:
    """The subjects a normalised question asks about, in the order they are listed."""
    return [
        s for s in (default_subjects() if subjects is None else subjects) if s.asked_in(question)
    ]
