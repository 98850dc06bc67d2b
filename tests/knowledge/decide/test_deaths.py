"""What a death pays, by age at death, and what a wording without a death benefit says."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.decide.deaths import decide_death_benefit, decide_death_in_lapse, what_is_paid
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import arabic_numerals
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, MEDICAL, product, story


def test_a_child_is_paid_the_premiums_paid(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness, story("孩子10岁，年交3000交了3年，万一身故赔多少"), default_thesaurus()
    )
    assert verdict is not None
    assert "未满18周岁" in verdict.answer and "9000元" in verdict.answer


def test_an_adult_is_paid_the_sum_insured(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("我弟弟2007年9月10号出生，2025年9月10号去世，保额30万，赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert "已满18周岁" in verdict.answer and "30万元" in verdict.answer


def test_a_wording_with_no_death_benefit_says_so(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("我爸去世了，能赔多少"), default_thesaurus())
    assert verdict is None or "没有身故保险金" in verdict.answer


def test_the_age_at_death_is_counted_to_the_day_of_the_fatal_accident(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story(
            "我弟弟2007年9月10号出生，2025年9月10号（刚好生日那天）出车祸去世了，保额30万，赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death" and "已满18周岁" in verdict.answer


@pytest.mark.parametrize(
    ("sentence", "paid"),
    [
        (
            "被保险人身故时已满18周岁的，身故保险金为已交保险费与现金价值二者中的较大者",
            "已交保险费与现金价值中较大的一项",
        ),
        (
            "年满十八周岁后身故的，按基本保险金额与已交保险费的较大者给付",
            "基本保险金额与已交保险费中较大的一项",
        ),
        ("未满18周岁身故的，给付已交保险费", "已交保险费"),
        ("已满18周岁的，按基本保险金额的100%给付", None),
    ],
)
def test_what_a_death_sentence_pays(sentence: str, paid: str | None) -> None:
    assert what_is_paid(arabic_numerals(sentence)) == paid


def test_a_wording_that_says_it_pays_no_death_benefit_is_read_as_having_none() -> None:
    wording = product(
        MEDICAL.replace(
            "## 3 责任免除",
            "### 2.4 身故\n本合同不提供身故保险金。被保险人身故的，本合同终止，我们退还现金价值。\n\n"
            "## 3 责任免除",
        )
    )
    verdict = decide(wording, story("孩子游泳时意外走了，能赔保额吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "death" and verdict.decision == "no"
    assert "2.4" in verdict.articles


SUDDEN_COVER = """---
code: T-ACC-3
name: 测试老年意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试老年意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保险责任 | 计划一 | 计划二 |
|---|---|---|
| 意外身故保险金（基本保险金额） | 100,000 | 200,000 |
| 猝死保险金（猝死保险金额） | 50,000 | 80,000 |
### 2.2 意外身故保险金
被保险人因意外伤害身故的，我们按基本保险金额给付意外身故保险金，本合同终止。
### 2.3 猝死保险金
被保险人在等待期后发生猝死的，我们按猝死保险金额给付猝死保险金，本合同终止。
"""


def test_a_sudden_death_under_an_accident_cover_is_paid_as_such_at_the_plans_sum() -> None:
    verdict = decide_death_benefit(
        product(SUDDEN_COVER), story("我爸计划二，打太极时突发心脏病，2小时后去世，能赔多少")
    )
    assert verdict is not None
    assert verdict.answer == "按猝死保险金赔：计划二为8万元（不是意外身故保险金）。"
    assert verdict.articles == ["2.3", "2.1"]


def test_an_accidental_death_is_paid_the_plans_sum_insured() -> None:
    verdict = decide(
        product(SUDDEN_COVER), story("我爸计划一，游泳溺水去世了，能赔多少"), default_thesaurus()
    )
    assert verdict is not None
    assert "10万元 × 100% = 10万元" in verdict.answer


def test_without_the_plan_each_plans_death_benefit_is_said() -> None:
    verdict = decide_death_benefit(product(SUDDEN_COVER), story("我爸游泳溺水去世了，能赔多少"))
    assert verdict is not None
    assert verdict.answer == (
        "可以赔意外身故保险金：按基本保险金额的100%给付，计划一10万元；计划二20万元"
        "（以保单载明的计划为准）。"
    )


def test_a_death_while_the_contract_is_suspended_is_not_paid_and_the_refund_is_quoted() -> None:
    wording = product(
        ILLNESS.replace(
            "## 9 释义",
            "## 7 效力中止\n### 7.1 效力中止\n本合同效力中止期间，我们不承担保险责任。效力中止期间被保险人"
            "身故的，本合同终止，我们向您退还效力中止时本合同的现金价值。\n\n## 9 释义",
        )
    )
    verdict = decide_death_in_lapse(
        wording, story("欠费停效了半年，还没复效我老公就走了，能拿到什么")
    )
    assert verdict is not None and verdict.decision == "no"
    assert "退还现金价值" in verdict.answer and verdict.articles == ["7.1"]


def test_a_death_benefit_by_age_with_no_age_told_gives_each_ages_rule() -> None:
    wording = product(
        ILLNESS.replace(
            "按基本保险金额的百分之一百给付。\n\n## 3",
            "按已交保险费与现金价值二者中的较大者给付。\n\n## 3",
        )
    )
    verdict = decide(wording, story("保额50万 万一人走了 家里能拿到50万吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "death"
    assert "未满18周岁" in verdict.answer and "较大" in verdict.answer
    assert "不是按保额50万元给付" in verdict.answer
    level = decide(
        product(ILLNESS), story("保额50万 万一人走了 家里能拿到多少"), default_thesaurus()
    )
    assert level is not None and "100%" in level.answer and "不是按保额" not in level.answer


LEVEL = """---
code: T-TL-10
name: 测试平稳定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试平稳定期寿险条款

## 3 保险责任
### 3.1 身故保险金
被保险人身故的，我们按基本保险金额的百分之一百给付身故保险金。身故保险金的数额不受被保险人身故时的年龄影响。
"""


def test_a_level_death_benefit_is_the_same_at_every_age() -> None:
    told = story("保额50万，40岁出事和65岁出事赔的一样吗")
    verdict = decide(product(LEVEL), told, default_thesaurus())
    assert verdict is not None and verdict.answer.startswith("一样") and "50万元" in verdict.answer


def test_a_death_benefit_by_age_is_not_said_to_be_the_same(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("10岁出事和30岁出事赔的一样吗"), default_thesaurus())
    assert verdict is None or not verdict.answer.startswith("一样")


UNKNOWN = """---
code: T-ACC-17
name: 测试夕阳意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试夕阳意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保障项目 | 计划一 | 计划二 |
|---|---|---|
| 意外身故保险金（基本保险金额） | 100,000 | 200,000 |
| 猝死保险金（猝死保险金额） | 50,000 | 60,000 |
### 2.2 意外身故保险金
被保险人因意外伤害身故的，我们按基本保险金额给付意外身故保险金。
### 2.3 猝死保险金
被保险人猝死的，我们按猝死保险金额给付猝死保险金。受益人拒绝尸检导致无法确定身故原因的，我们按猝死保险金与意外身故保险金两者中较低者给付。
"""


def test_a_death_of_unknown_cause_is_paid_the_lower_of_the_two_benefits() -> None:
    told = story("老人摔倒后去世，说不清是摔死的还是猝死的，家里不同意尸检，买的计划二，怎么赔")
    verdict = decide(product(UNKNOWN), told, default_thesaurus())
    assert verdict is not None and "较低的是猝死保险金6万元" in verdict.answer


def test_a_death_whose_cause_is_told_is_not_read_as_unknown() -> None:
    told = story("老人出车祸去世了，买的计划二，怎么赔")
    verdict = decide(product(UNKNOWN), told, default_thesaurus())
    assert verdict is None or "较低" not in verdict.answer


def test_a_premium_refund_on_death_is_the_premiums_told() -> None:
    worded = ILLNESS.replace(
        """### 2.4 身故保险金
被保险人身故的，按下列约定给付：
（1）被保险人身故时未满十八周岁的，按已交保险费给付；
（2）被保险人身故时已满十八周岁的，按基本保险金额的百分之一百给付。""",
        """### 2.4 身故保险费返还
被保险人身故，我们按本合同已交保险费给付身故保险费返还，本合同终止。""",
    )
    verdict = decide(
        product(worded),
        story("保额20万，交了5年，每年6000，上个月病故了，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and "3万元" in verdict.answer


def test_the_greater_of_two_amounts_is_said_with_the_customer_s_figures() -> None:
    wording = product(
        ILLNESS.replace(
            "### 2.5 轻度疾病豁免保险费",
            "### 2.6 疾病身故保险金\n被保险人因疾病身故时已满18周岁的，按您已交纳的本合同保险费与"
            "身故时本合同现金价值二者中的较大者给付。\n### 2.5 轻度疾病豁免保险费",
        )
    )
    verdict = decide_death_benefit(
        wording, story("我爸60岁病故 一共交了6万保费 现金价值7.5万 身故赔多少")
    )
    assert verdict is not None and "较大的是7.5万元" in verdict.answer
