"""The table of customer questions (``qa_cases.yml``) against the sample products."""

from __future__ import annotations

from typing import Any

import pytest

from bot.knowledge.answer import KnowledgeBase
from tools.qa import load_qa_cases, wrong_facts

CASES = load_qa_cases()


def test_the_table_has_enough_questions() -> None:
    assert len(CASES) >= 80
    assert all(case.get("must") for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["q"][:24] for c in CASES])
def test_customer_question(sample_kb: KnowledgeBase, case: dict[str, Any]) -> None:
    answer = sample_kb.ask(case["q"], product=case.get("product")).text
    faults = wrong_facts(answer, case)
    assert not faults, f"{faults}\n--- answer ---\n{answer}"
