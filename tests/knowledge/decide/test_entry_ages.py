"""Insurable ages by the start age and the way of paying chosen."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ANNUITY = """---
code: T-ANN-12
name: 测试安享养老年金保险
insurer: 测试人寿保险股份有限公司
type: annuity
version: "1"
effective_from: 2025-01-01
---
# 测试安享养老年金保险条款

## 1 投保
### 1.1 投保范围
符合下表投保年龄的，可以作为被保险人。

| 交费方式 | 领取起始年龄为60周岁 | 领取起始年龄为65周岁 |
|---|---|---|
| 趸交 | 18周岁至55周岁 | 18周岁至60周岁 |
| 10年交 | 18周岁至50周岁 | 18周岁至55周岁 |

## 2 保险责任
### 2.1 养老年金
被保险人生存至开始领取日的，我们按基本保险金额给付养老年金。
"""


def test_an_age_over_every_way_of_paying_for_the_start_age_cannot_be_insured() -> None:
    verdict = decide(
        product(ANNUITY), story("我妈今年56周岁，选60岁开始领可以吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no"
    assert "56周岁" in verdict.answer and "65周岁" in verdict.answer


def test_the_way_of_paying_told_picks_its_cell() -> None:
    told = story("我老公今年52岁，想选10年交，60岁开始领，能投吗")
    verdict = decide(product(ANNUITY), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no" and "18周岁至50周岁" in verdict.answer


def test_an_age_inside_the_cell_can_be_insured() -> None:
    told = story("我今年45岁，想选10年交，65岁开始领，能投吗")
    verdict = decide(product(ANNUITY), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
