"""The customer-question table (``tests/knowledge/qa_cases.yml``): load it, check an answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

QA_CASES = PROJECT_ROOT / "tests" / "knowledge" / "qa_cases.yml"


def load_qa_cases(path: Path = QA_CASES) -> list[dict[str, Any]]:
    """Each case: ``q``, optional context ``product``, the facts it ``must`` and ``must_not`` hold."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        raise ValueError(f"{path}: expected a list of cases")
    return cases


def wrong_facts(answer: str, case: dict[str, Any]) -> list[str]:
    """What ``answer`` gets wrong against ``case``: missing facts and forbidden ones."""
    missing = [f"missing {fact!r}" for fact in case.get("must", []) if fact not in answer]
    forbidden = [f"contains {fact!r}" for fact in case.get("must_not", []) if fact in answer]
    return missing + forbidden
