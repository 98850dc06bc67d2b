"""Beneficiaries named without shares: equal shares, when the wording says so."""

from __future__ import annotations

from bot.knowledge.decide.shares import decide_beneficiary_shares
from bot.knowledge.facts import ProductKnowledge
from tests.knowledge.decide.conftest import ILLNESS, product, story

EQUAL_SHARES = (
    "## 5 受益人\n### 5.1 受益人\n身故保险金受益人为数人且未确定受益份额的，各受益人按照相等份额享有受益权。\n\n"
    "## 9 释义"
)


def test_three_beneficiaries_without_shares_split_the_sum_equally() -> None:
    wording = product(ILLNESS.replace("## 9 释义", EQUAL_SHARES))
    verdict = decide_beneficiary_shares(
        wording, story("保额60万，受益人填了我们三个人，没写比例，各拿多少")
    )
    assert verdict is not None and verdict.articles == ["5.1"]
    assert "3位受益人" in verdict.answer and "每人20万元" in verdict.answer


def test_without_the_wordings_sentence_or_a_count_it_is_not_decided(
    illness: ProductKnowledge,
) -> None:
    assert decide_beneficiary_shares(illness, story("受益人两个人没写比例，各拿多少")) is None
    wording = product(ILLNESS.replace("## 9 释义", EQUAL_SHARES))
    assert decide_beneficiary_shares(wording, story("受益人没写比例，怎么分")) is None
