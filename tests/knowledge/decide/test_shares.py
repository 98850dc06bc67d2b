"""Beneficiaries named without shares: equal shares, when the wording says so."""

from __future__ import annotations

from bot.knowledge.decide.shares import decide_beneficiary_shares, decide_unnamed_beneficiary
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


def test_a_death_benefit_without_a_named_beneficiary_goes_to_the_estate() -> None:
    wording = product(
        ILLNESS.replace(
            "## 9 释义",
            "## 6 受益人\n### 6.1 身故保险金受益人\n被保险人身故后，有下列情形之一的，身故保险金作为被保险人的"
            "遗产，由我们依法向其继承人履行给付义务：（1）没有指定受益人的；（2）受益人先于被保险人死亡的。"
            "\n\n## 9 释义",
        )
    )
    verdict = decide_unnamed_beneficiary(wording, story("我爸没写身故受益人，人去世了，这钱给谁"))
    assert verdict is not None and verdict.kind == "beneficiary"
    assert "遗产" in verdict.answer and "继承人" in verdict.answer
