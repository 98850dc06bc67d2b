"""A waiting period or exclusion that does not hold a claim back, followed by what is paid."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

TERM = """---
code: T-TL-5
name: 测试长安定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试长安定期寿险条款

## 2 保险责任
### 2.1 等待期
自本合同生效之日起九十日为等待期。被保险人在等待期内因疾病身故的，我们无息退还已交保险费，本合同终止。因意外伤害导致身故的，无等待期。
### 2.2 身故保险金
被保险人于等待期后身故的，我们按基本保险金额的百分之一百给付身故保险金，本合同终止。

## 3 责任免除
### 3.1 责任免除
因下列情形之一导致被保险人身故的，我们不承担给付保险金的责任：
（1）投保人对被保险人的故意杀害、故意伤害；
（2）被保险人在本合同成立或者最后一次复效之日起二年内自杀，但被保险人自杀时为无民事行为能力人的除外；
（3）战争、军事冲突、暴乱或者武装叛乱。
"""


def test_an_accident_in_the_waiting_period_is_followed_by_the_sum_paid() -> None:
    told = story("5月10号生效的保额80万，6月2号出车祸去世了，还在等待期里是不是不赔")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert "80万元" in verdict.answer and "身故保险金" in verdict.answer


def test_a_suicide_after_two_years_is_followed_by_the_sum_paid() -> None:
    told = story("2022年1月5号投保的保额100万，2025年4月10号自杀了，自杀是不是不赔")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes" and "100万元" in verdict.answer


def test_a_sport_not_listed_under_a_life_cover_leaves_the_death_benefit_to_pay() -> None:
    told = story("周末去蹦极，万一出事管不管")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and "可以赔身故保险金" in verdict.answer


def test_an_illness_death_in_the_waiting_period_is_not_followed_by_a_payout() -> None:
    told = story("5月10号生效的保额80万，6月2号因病去世了，还在等待期里能赔吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is None or "可以赔" not in verdict.answer


ACCIDENT = """---
code: T-ACC-14
name: 测试动感意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试动感意外伤害保险条款

## 2 保险责任
### 2.1 意外医疗保险金
被保险人因意外伤害在医院治疗的，我们按合理医疗费用的90%给付意外医疗保险金。

## 3 责任免除
### 3.1 责任免除
因下列情形之一导致被保险人伤害的，我们不承担保险责任：
（1）被保险人从事潜水、跳伞、攀岩等高风险运动。
"""


def test_an_injury_from_a_sport_not_listed_under_an_accident_cover_names_the_benefit() -> None:
    told = story("打篮球算不算高风险运动？周末打球把膝盖韧带撕裂了，能报吗")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and "可以申请意外医疗保险金" in verdict.answer


ANNUITY = """---
code: T-ANN-18
name: 测试颐年养老年金保险
insurer: 测试人寿保险股份有限公司
type: annuity
version: "1"
effective_from: 2025-01-01
---
# 测试颐年养老年金保险条款

## 2 保险责任
### 2.1 养老年金
被保险人生存至开始领取日的，我们按基本保险金额给付养老年金。
### 2.2 开始领取日前身故保险金
被保险人于开始领取日前身故的，我们按下列两项金额中的较大者给付身故保险金：
（1）本合同的已交保险费；
（2）本合同的现金价值。

## 3 责任免除
### 3.1 责任免除
因下列情形之一导致被保险人身故的，我们不承担给付保险金的责任：
（1）投保人对被保险人的故意杀害；
（2）战争、军事冲突、暴乱或者武装叛乱。
"""


def test_a_death_benefit_named_after_a_cleared_exclusion_says_its_rule() -> None:
    told = story("还没到领的时候，我平时喜欢潜水，万一潜水出意外走了，算免责吗")
    verdict = decide(product(ANNUITY), told, default_thesaurus())
    assert verdict is not None and "已交保险费与本合同的现金价值中较大的" in verdict.answer
