"""The sum insured wanted against the wording's unit and minimum."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

TERM = """---
code: T-TL-19
name: 测试常青定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试常青定期寿险条款

## 1 投保
### 1.1 基本保险金额
基本保险金额以一万元为一个单位，最低为十万元。

## 3 保险责任
### 3.1 身故保险金
被保险人身故的，我们按基本保险金额给付身故保险金。
"""


def test_a_sum_off_the_unit_cannot_be_bought() -> None:
    verdict = decide(product(TERM), story("保额可以买25.5万吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no" and "26万元" in verdict.answer


def test_a_sum_below_the_minimum_cannot_be_bought() -> None:
    verdict = decide(product(TERM), story("保额能买8万吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no" and "10万元" in verdict.answer


def test_a_payout_question_with_the_sum_told_is_not_read_as_choosing_it() -> None:
    verdict = decide(product(TERM), story("保额50万，人走了能赔吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "sum_unit"
