"""An exclusion that stops the 全残 benefit only: a death it names is still paid."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

TERM = """---
code: T-TL-6
name: 测试久安定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试久安定期寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按基本保险金额的百分之一百给付身故保险金，本合同终止。
### 2.2 全残保险金
被保险人全残的，我们按基本保险金额的百分之一百给付全残保险金，本合同终止。

## 3 责任免除
### 3.1 都不赔的情形
因下列情形之一导致被保险人身故或全残的，我们不承担给付保险金的责任：
（1）投保人对被保险人的故意杀害、故意伤害；
（2）被保险人故意犯罪。
### 3.2 只对全残适用的情形
因下列情形之一导致被保险人全残的，我们不给付全残保险金；但因下列情形导致被保险人身故的，身故保险金仍按第2.1条给付：
（1）被保险人酒后驾驶机动车；
（2）被保险人吸食毒品。
### 3.3 不赔之后
因第3.2条所列情形导致被保险人全残的，本合同继续有效，您仍需按期交纳保险费。
"""


def test_a_death_the_item_spares_is_paid_with_the_sum() -> None:
    told = story("我老公酒驾出事，人当场没了，保额50万，能赔吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert "50万元" in verdict.answer


def test_a_total_disability_the_item_stops_says_what_follows() -> None:
    told = story("我老公酒驾出了车祸，两条腿都截肢了，全残能赔吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert any("继续有效" in r.text for r in verdict.reasons)
