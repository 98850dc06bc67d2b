"""An accident product asked about an illness: it covers accidental injury only."""

from __future__ import annotations

from bot.knowledge.decide.accidents import decide_illness_under_accident_cover
from bot.knowledge.facts import ProductKnowledge
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
code: T-ACC-2
name: 测试平安意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试平安意外伤害保险条款

## 2 保险责任
### 2.1 意外身故保险金
被保险人因遭受意外伤害导致身故的，我们按基本保险金额给付。
## 9 释义
### 9.1 意外伤害
指以外来的、突发的、非本意的和非疾病的客观事件为直接且主要原因导致的身体伤害。
"""


# ---- added: decide_illness_under_accident_cover ------------------------------------------------


def test_an_illness_under_accident_cover_is_a_no_citing_the_definition_and_the_benefit() -> None:
    verdict = decide_illness_under_accident_cover(
        product(ACCIDENT), story("我得了肺炎住院，能赔吗"), "肺炎"
    )
    assert verdict is not None
    assert (verdict.kind, verdict.decision) == ("accident", "no")
    assert verdict.answer.startswith("不能赔：这是意外险")
    assert "肺炎属于疾病" in verdict.answer
    assert verdict.articles == ["9.1", "2.1"]


def test_an_accident_under_accident_cover_is_left_to_the_other_deciders() -> None:
    verdict = decide_illness_under_accident_cover(
        product(ACCIDENT), story("出车祸骨折了，能赔吗"), None
    )
    assert verdict is None


def test_an_illness_under_a_critical_illness_product_is_not_this_deciders(
    illness: ProductKnowledge,
) -> None:
    verdict = decide_illness_under_accident_cover(illness, story("我得了肺炎住院，能赔吗"), "肺炎")
    assert verdict is None
