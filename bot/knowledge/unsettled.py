"""Questions a wording does not settle (``data/general/unsettled.yml``): 保单贷款 asked of a
product whose wording never mentions a loan is said to be unprovided for, not answered with an
article that only shares a word with the question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import normalize
from bot.settings import PROJECT_ROOT

UNSETTLED = PROJECT_ROOT / "data" / "general" / "unsettled.yml"


@dataclass(frozen=True)
class UnsettledTopic:
    """A thing customers ask that wordings may leave out, and the words that would settle it."""

    key: str
    label: str
    asked: tuple[re.Pattern[str], ...]
    settled_by: tuple[str, ...]
    note: str = ""

    def asked_in(self, question: str) -> bool:
        return any(p.search(question) for p in self.asked)

    def settled_in(self, product: ProductKnowledge) -> bool:
        text = normalize("\n".join(f"{a.title}\n{a.body}" for a in product.document.articles))
        return any(normalize(w) in text for w in self.settled_by)


def read_unsettled(path: Path = UNSETTLED) -> tuple[UnsettledTopic, ...]:
    """The topics at ``path``; a malformed entry fails with its key and what is wrong."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc}); quote patterns with ' '") from exc
    topics = []
    for key, entry in (raw.get("topics") or {}).items():
        missing = [k for k in ("label", "asked", "settled_by") if not entry.get(k)]
        if missing:
            raise ValueError(f"{path}: topic {key!r} lacks {', '.join(missing)}")
        try:
            asked = tuple(re.compile(p) for p in entry["asked"])
        except re.error as exc:
            raise ValueError(
                f"{path}: topic {key!r}: an 'asked' pattern is not a regex ({exc})"
            ) from exc
        topics.append(
            UnsettledTopic(
                key, entry["label"], asked, tuple(entry["settled_by"]), entry.get("note") or ""
            )
        )
    return tuple(topics)


@lru_cache(maxsize=1)
def unsettled_topics() -> tuple[UnsettledTopic, ...]:
    """The project's list, read once."""
    return read_unsettled()


def unsettled_answer(product: ProductKnowledge, question: str) -> str | None:
    """The reply when ``question`` asks topics the product's wording does not provide for."""
    unprovided = [
        t for t in unsettled_topics() if t.asked_in(question) and not t.settled_in(product)
    ]
    if not unprovided:
        return None
    labels = "、".join(t.label for t in unprovided)
    notes = "".join(t.note for t in unprovided)
    return (
        f"《{product.name}》的条款没有约定{labels}的事，我没法根据条款答复您。"
        f"{notes}具体可以转人工客服，由工作人员向保险公司确认。"
    )
