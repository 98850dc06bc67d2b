"""A thing the story paid for that a covered expense item lists by name."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-X
name: 测试心安医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试心安医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们给付下列费用：
（1）床位费；
（2）医用耗材费，但不包括第3.1条所列的器具。

## 3 责任免除
### 3.1 不予赔付的器具
下列器具费用我们不承担：
（1）假肢、助听器、眼镜。

## 9 释义
### 9.1 医用耗材费
指治疗中使用的一次性耗材，以及植入体内的人工器官、心脏起搏器、支架、人工关节等医用材料的费用。
"""


def test_a_thing_the_items_definition_lists_is_within_the_expenses() -> None:
    verdict = decide(
        product(WORDING), story("住院放了两个心脏支架，这个能报吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "yes" and "医用耗材费" in verdict.answer


def test_a_thing_no_item_lists_is_not_said_to_be_covered() -> None:
    verdict = decide(product(WORDING), story("住院配了一副眼镜，能报吗"), default_thesaurus())
    assert verdict is None or "属于医用耗材费" not in verdict.answer
