"""An accident product asked about an illness: it covers accidental injury only."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.decide.accidents import (
    decide_accident_meaning,
    decide_illness_under_accident_cover,
)
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
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


SUDDEN = ACCIDENT.replace(
    "## 9 释义",
    """### 2.2 猝死保险金
被保险人在保险期间内发生猝死的，我们按基本保险金额的百分之五十给付猝死保险金。
## 3 责任免除
### 3.1 猝死保险金的责任免除
因下列情形之一导致被保险人猝死的，我们不承担给付猝死保险金的责任：
（1）被保险人参加高风险运动期间或结束后24小时内发生的猝死；
（2）被保险人酒后驾驶。
## 9 释义""",
).replace(
    "导致的身体伤害。",
    "导致的身体伤害。\n### 9.2 猝死\n指因潜在疾病在出现急性症状后24小时内发生的突然死亡。",
)


def test_a_death_from_illness_is_paid_as_sudden_death_where_the_wording_has_it() -> None:
    verdict = decide(
        product(SUDDEN),
        story("我爸保额10万，突发心脏病，2小时后去世了，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death"
    assert "猝死保险金" in verdict.answer and "5万" in verdict.answer
    assert (
        decide_illness_under_accident_cover(
            product(SUDDEN), story("突发心脏病去世了，能赔吗"), None
        )
        is None
    )


def test_an_exclusion_limited_to_a_circumstance_depends_on_it() -> None:
    covered = product(SUDDEN)
    unsure = decide(covered, story("老人猝死了，这种能赔吗"), default_thesaurus())
    assert unsure is not None and unsure.decision == "depends"
    assert "24小时内" in unsure.answer
    told = decide(covered, story("去潜水回来6个小时后猝死了，能赔吗"), default_thesaurus())
    assert told is not None and told.decision == "no"


MEANING = """---
code: T-ACC-6
name: 测试意外定义意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试意外定义意外伤害保险条款

## 2 保险责任
### 2.1 意外医疗保险金
被保险人遭受意外伤害在医院治疗的，对合理且必要的医疗费用按80%给付。

## 8 释义
### 8.1 意外伤害
指遭受外来的、突发的、非本意的、非疾病的客观事件直接致使身体受到的伤害。例如跌倒、交通事故、动物咬伤、溺水等。

自然死亡、疾病身故、猝死、自杀以及自伤均不属于意外伤害。
"""


def test_an_event_the_definition_lists_counts_as_an_accident() -> None:
    verdict = decide_accident_meaning(product(MEANING), story("被邻居家的狗咬伤了，这个算意外吗"))
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.answer.startswith("算意外伤害：条款对意外伤害的定义明确列举了“动物咬伤”")
    assert "不属于" not in verdict.reasons[0].text


def test_an_event_the_definition_leaves_out_is_no_accident() -> None:
    verdict = decide_accident_meaning(product(MEANING), story("我爸猝死了，算不算意外"))
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer == "不算意外伤害：条款写明“猝死”不属于意外伤害。"


def test_an_event_the_definition_does_not_name_decides_nothing() -> None:
    assert decide_accident_meaning(product(MEANING), story("中暑晕倒了，算不算意外")) is None


FALL = ACCIDENT.replace(
    "## 9 释义",
    "### 2.9 疾病发作致跌倒\n被保险人因疾病突然发作而跌倒，并直接造成骨折或其他外伤的，该骨折或外伤视为"
    "意外伤害所致，我们承担意外医疗保险金责任，但不承担意外身故保险金责任。\n## 9 释义",
)


def test_an_injury_from_a_fall_an_illness_caused_is_paid_where_the_wording_deems_it() -> None:
    told = story("我爸低血糖头晕摔倒把手腕摔骨折了，这是疾病引起的，还管吗")
    verdict = decide(product(FALL), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert "视为意外" in verdict.answer and "意外身故保险金不赔" in verdict.answer


def test_a_fall_an_illness_caused_under_a_wording_without_the_rule_is_not_deemed() -> None:
    told = story("我爸低血糖头晕摔倒把手腕摔骨折了，这是疾病引起的，还管吗")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is None or "视为意外" not in verdict.answer
