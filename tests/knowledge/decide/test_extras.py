"""Extras for how an accident happened, added to the death benefit."""

from __future__ import annotations

import pytest

from bot.knowledge.decide.deaths import decide_death_benefit
from bot.knowledge.decide.extras import extra_for, is_extra
from bot.knowledge.facts import ProductKnowledge
from tests.knowledge.decide.conftest import product, story

LIFE = """---
code: T-TL-1
name: 测试定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试定期寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人因意外伤害身故，或者于观察期后因疾病身故的，我们按基本保险金额给付身故保险金，本合同终止。
### 2.2 航空意外身故保险金
被保险人以乘客身份乘坐民航班机期间遭受意外伤害身故的，我们除按2.1给付身故保险金外，另按基本保险金额的百分之二百额外给付航空意外身故保险金。
"""

TRAFFIC = """---
code: T-ACC-1
name: 测试交通意外伤害保险
insurer: 测试财产保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试交通意外伤害保险条款

## 3 保险责任
### 3.1 意外身故保险金
被保险人遭受意外伤害身故的，我们按基本保险金额给付意外身故保险金，本合同终止。
### 3.2 交通工具意外额外保险金
被保险人乘坐交通工具期间遭受意外伤害身故的，我们除按3.1给付外，另行给付交通工具意外额外保险金。

| 交通工具 | 额外给付倍数 |
|---|---|
| 以乘客身份乘坐民航班机 | 基本保险金额的10倍 |
| 以乘客身份乘坐客运轮船 | 基本保险金额的4倍 |
| 以乘客身份乘坐营运汽车 | 基本保险金额的3倍 |
"""


@pytest.fixture(scope="module")
def life() -> ProductKnowledge:
    return product(LIFE)


@pytest.fixture(scope="module")
def traffic() -> ProductKnowledge:
    return product(TRAFFIC)


def test_an_extra_is_added_to_the_death_benefit_never_chosen_instead(
    life: ProductKnowledge,
) -> None:
    assert [is_extra(b) for b in life.facts.benefits] == [False, True]
    verdict = decide_death_benefit(life, story("保额30万，坐航班出事故走了，一共赔多少"))
    assert verdict is not None
    assert "30万元 × 200% = 60万元" in verdict.answer and "= 90万元" in verdict.answer
    sudden = decide_death_benefit(life, story("保额50万，加班猝死了，算意外吗，赔多少"))
    assert sudden is not None and "航空" not in sudden.answer


def test_an_illness_on_the_way_earns_no_extra(life: ProductKnowledge) -> None:
    verdict = decide_death_benefit(life, story("我妈在飞机上突发心梗没了，保额60万，赔不赔"))
    assert verdict is not None
    assert "60万元" in verdict.answer and "航空意外身故保险金不赔" in verdict.answer


def test_the_highest_multiple_of_the_conveyances_told_applies(traffic: ProductKnowledge) -> None:
    extra = extra_for(traffic, story("坐长途大巴上了轮渡，轮渡翻了人没了"))
    assert extra is not None and extra.times == 4
    verdict = decide_death_benefit(
        traffic, story("保额20万，坐长途大巴上了轮渡，轮渡翻了人没了，赔多少")
    )
    assert verdict is not None and "20万元 × 4倍 = 80万元" in verdict.answer


def test_no_conveyance_told_no_extra(traffic: ProductKnowledge) -> None:
    assert extra_for(traffic, story("在家摔倒了，人没了")) is None
