"""Reducing the sum insured within the wording's yearly cap, with the customer's sum insured."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story

WITH_CAP = ILLNESS.replace(
    "## 9 释义",
    "## 8 减保\n### 8.1 减少基本保险金额\n您可以申请减少基本保险金额，每个保单年度内累计减少的基本保险金额"
    "不超过投保时基本保险金额的百分之二十五。\n\n## 9 释义",
)


def test_a_reduction_over_the_yearly_cap_is_refused_with_the_cap_in_money() -> None:
    verdict = decide(
        product(WITH_CAP), story("投保时保额40万，想一次减掉15万保额，行不行"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no"
    assert (
        verdict.answer.startswith("不能一次减15万元") and "40万元 × 25% = 10万元" in verdict.answer
    )


def test_a_reduction_within_the_cap_may_be_asked_for() -> None:
    verdict = decide(product(WITH_CAP), story("保额40万，想减少5万保额可以吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"


def test_a_reduction_after_a_payout_is_refused_where_only_unpaid_policies_may_reduce() -> None:
    wording = product(
        ILLNESS.replace(
            "## 9 释义",
            "## 5 保额\n### 5.1 基本保险金额的变更\n我们从未给付过保险金的，您可以申请减少基本保险金额。\n\n"
            "## 9 释义",
        )
    )
    verdict = decide(
        wording, story("前年赔过一次轻症，想把保额降一半，可以吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "reduction" and verdict.decision == "no"
    assert verdict.articles == ["5.1"]
    unpaid = decide(wording, story("想把保额降一半，可以吗"), default_thesaurus())
    assert unpaid is None or unpaid.decision != "no"


def test_a_reduction_refunds_the_reduced_share_of_the_cash_value() -> None:
    wording = product(
        ILLNESS.replace(
            "## 9 释义",
            "## 5 减保\n### 5.1 减少基本保险金额\n您可以申请减少基本保险金额，我们按减少部分占减保前基本保险金额的"
            "比例，向您退还相应比例的现金价值。\n\n## 9 释义",
        )
    )
    verdict = decide(
        wording, story("保额6万，想减到4万，现金价值现在15万，能退多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "reduction"
    assert (
        verdict.answer.startswith("减保约可退5万元") and "15万元 × 2万元 ÷ 6万元" in verdict.answer
    )
