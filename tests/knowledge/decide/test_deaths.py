"""What a death pays, by age at death, and what a wording without a death benefit says."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


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


def test_a_disability_grade_pays_its_share_of_the_plans_sum_insured() -> None:
    from bot.knowledge.decide.disability import decide_disability
    from tests.knowledge.decide.conftest import product

    wording = product(
        """---
code: T-ACC-1
name: 测试意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保障项目 | 计划一 | 计划二 |
|---|---|---|
| 意外伤残（基本保险金额） | 人民币二十万元 | 人民币五十万元 |
### 2.2 意外伤残保险金
按伤残等级对应的给付比例乘以基本保险金额给付。
| 伤残等级 | 给付比例 |
|---|---|
| 第一级 | 百分之一百 |
| 第二级 | 百分之九十 |
| 第八级 | 百分之三十 |
"""
    )
    verdict = decide_disability(wording, story("我买的计划二，鉴定为八级伤残，能拿多少"))
    assert verdict is not None
    assert verdict.answer == "按8级伤残给付：50万元 × 30% = 15万元。"
    assert verdict.articles == ["2.2"]


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
