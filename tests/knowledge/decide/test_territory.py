"""Care abroad under a wording whose hospitals are in China only."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
code: T-ACC-13
name: 测试远行意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试远行意外伤害保险条款

## 2 保险责任
### 2.1 意外医疗保险金
被保险人因意外伤害在医院治疗的，我们按合理医疗费用扣除免赔额100元后的90%给付。
### 2.2 意外伤残保险金
被保险人因意外伤害伤残的，按伤残等级对应比例给付。

## 9 释义
### 9.1 医院
指中华人民共和国境内（不含港澳台）的二级及以上公立医院。
"""


def test_costs_abroad_are_not_paid_and_disability_is_not_limited() -> None:
    told = story("出国旅游摔骨折了，在当地医院花了3万，回国能报吗？要是摔成残疾呢")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and verdict.kind == "territory" and verdict.decision == "no"
    assert "境内" in verdict.answer and "伤残" in verdict.answer


def test_care_at_home_is_not_read_as_abroad() -> None:
    told = story("在本地医院花了3000，能报多少")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is None or verdict.kind != "territory"
