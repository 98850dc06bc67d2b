"""General rules as data (``data/general/rules.yml``): the rule, and the source it rests on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT

RULES = PROJECT_ROOT / "data" / "general" / "rules.yml"


@dataclass(frozen=True)
class GeneralRule:
    """A rule that holds whatever the product, with its source (a law, a regulation)."""

    key: str
    text: str
    source: str

    def said(self) -> str:
        """The rule as the assistant says it, with its source."""
        return f"{self.text}（依据{self.source}）"


def read_general_rules(path: Path = RULES) -> dict[str, GeneralRule]:
    """Every rule in ``path``; an entry without its text or source fails with its key."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = {}
    for key, entry in (raw.get("rules") or {}).items():
        missing = [k for k in ("text", "source") if not entry.get(k)]
        if missing:
            raise ValueError(f"{path}: rule {key!r} lacks {', '.join(missing)}")
        rules[key] = GeneralRule(key, entry["text"].replace(" ", ""), entry["source"])
    return rules


@lru_cache(maxsize=1)
def general_rules() -> dict[str, GeneralRule]:
    """The project's general rules, read once."""
    return read_general_rules()
