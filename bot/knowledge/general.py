"""General rules as data (``data/general/general-rules.yml``): the rule, and the source it rests on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT

RULES = PROJECT_ROOT / "data" / "general" / "general-rules.yml"


@dataclass(frozen=True)
class GeneralRule:
    """A rule that holds whatever the product, with its source (a law, a regulation)."""

    key: str
    text: str
    source: str
    when: str | None = None  # a pattern of the questions the rule bears on

    def bears_on(self, question: str) -> bool:
        """Whether a normalised question is one this rule answers."""
        return self.when is not None and re.search(self.when, question) is not None

    def said(self) -> str:
        """The rule as the assistant says it, with its source."""
        return f"{self.text}（依据{self.source}）"


def read_general_rules(path: Path = RULES) -> dict[str, GeneralRule]:
    """Every rule in ``path``; an entry without its text or source fails with its key."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = {}
    for key, entry in (raw.get("general_rules") or {}).items():
        missing = [k for k in ("text", "source") if not entry.get(k)]
        if missing:
            raise ValueError(f"{path}: rule {key!r} lacks {', '.join(missing)}")
        when = entry.get("when")
        if when is not None:
            try:
                re.compile(when)
            except re.error as exc:
                raise ValueError(f"{path}: rule {key!r}: when {when!r}: {exc}") from exc
        rules[key] = GeneralRule(key, entry["text"].replace(" ", ""), entry["source"], when)
    return rules


@lru_cache(maxsize=1)
def general_rules() -> dict[str, GeneralRule]:
    """The project's general rules, read once."""
    return read_general_rules()


def rules_bearing_on(question: str) -> list[GeneralRule]:
    """The general rules a normalised question bears on, in the file's order."""
    return [rule for rule in general_rules().values() if rule.bears_on(question)]
