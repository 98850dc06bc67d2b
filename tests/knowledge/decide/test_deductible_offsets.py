"""Whose payments count toward the deductible, asked outright."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-O
name: 测试百安医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试百安医疗保险条款

## 2 保险责任
### 2.1 一般医疗保险金
被保险人住院治疗的，我们扣除年度免赔额后给付一般医疗保险金。
### 2.2 年度免赔额
年度免赔额为一万元。被保险人从基本医疗保险获得的补偿，不能用于抵扣年度免赔额；从其他商业保险、工作单位获得的补偿，可以用于抵扣年度免赔额。
"""


def test_each_payer_named_gets_the_wording_rule() -> None:
    verdict = decide(
        product(WORDING),
        story("医保报销的钱和公司团险报的钱，哪个可以抵免赔额"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "deductible"
    assert "医保（社保）报销的部分不能" in verdict.answer
    assert "团险" in verdict.answer and "可以用于抵扣" in verdict.answer
