"""The table of customer questions (``qa_cases.yml``) against the sample products."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.knowledge.answer import KnowledgeBase

CASES_FILE = Path(__file__).with_name("qa_cases.yml")


def load_cases() -> list[dict[str, Any]]:
    cases = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    assert isinstance(cases, list)
    return cases


CASES = load_cases()


def wrong_facts(kb: KnowledgeBase, case: dict[str, Any]) -> list[str]:
    """What an answer gets wrong against one case: missing facts and forbidden ones."""
    answer = kb.ask(case["q"], product=case.get("product"))
    missing = [f"missing {fact!r}" for fact in case.get("must", []) if fact not in answer.text]
    forbidden = [f"contains {fact!r}" for fact in case.get("must_not", []) if fact in answer.text]
    return missing + forbidden


def test_the_table_has_enough_questions() -> None:
    assert len(CASES) >= 80
    assert all(case.get("must") for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["q"][:24] for c in CASES])
def test_customer_question(sample_kb: KnowledgeBase, case: dict[str, Any]) -> None:
    faults = wrong_facts(sample_kb, case)
    answer = sample_kb.ask(case["q"], product=case.get("product")).text
    assert not faults, f"{faults}\n--- answer ---\n{answer}"
