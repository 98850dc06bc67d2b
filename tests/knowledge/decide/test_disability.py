"""A disability grade: its share of the sum insured, the customer's or their plan's."""

from __future__ import annotations

from bot.knowledge.decide.disability import decide_disability, plan_sum
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
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


# ---- moved from tests/knowledge/decide/test_deaths.py ----------------------------------------


def test_a_disability_grade_pays_its_share_of_the_plans_sum_insured() -> None:
    wording = product(ACCIDENT)
    verdict = decide_disability(wording, story("我买的计划二，鉴定为八级伤残，能拿多少"))
    assert verdict is not None
    assert verdict.answer == "按8级伤残给付：50万元 × 30% = 15万元。"
    assert verdict.articles == ["2.2"]


# ---- added: decide_disability and plan_sum on their own --------------------------------------


def test_the_sum_insured_the_customer_tells_wins_over_the_plans() -> None:
    verdict = decide_disability(product(ACCIDENT), story("保额10万，评了二级伤残，赔多少"))
    assert verdict is not None
    assert verdict.answer == "按2级伤残给付：10万元 × 90% = 9万元。"


def test_without_the_plan_each_plans_amount_is_said_and_the_plan_asked() -> None:
    verdict = decide_disability(product(ACCIDENT), story("评了一级伤残，能赔多少"))
    assert verdict is not None
    assert verdict.decision == "depends"
    assert verdict.answer.startswith(
        "按1级伤残给付基本保险金额的100%，金额看您的保障计划：计划一20万元；计划二50万元。"
    )


def test_without_plans_or_a_sum_insured_the_share_alone_is_said() -> None:
    wording = product(
        ACCIDENT.replace("| 意外伤残（基本保险金额） | 人民币二十万元 | 人民币五十万元 |\n", "")
    )
    verdict = decide_disability(wording, story("评了一级伤残，能赔多少"))
    assert verdict is not None
    assert verdict.answer == "按1级伤残给付基本保险金额的100%。"


WIDE = ACCIDENT.replace(
    """| 伤残等级 | 给付比例 |
|---|---|
| 第一级 | 百分之一百 |
| 第二级 | 百分之九十 |
| 第八级 | 百分之三十 |""",
    """两处或两处以上伤残等级相同的，在该等级基础上最多晋升一级，最高晋升至第一级。

| 伤残等级 | 给付比例 | 伤残等级 | 给付比例 |
|---|---|---|---|
| 第一级 | 100% | 第六级 | 50% |
| 第二级 | 90% | 第七级 | 40% |
| 第三级 | 80% | 第八级 | 30% |""",
)


def test_a_table_with_two_grades_a_row_is_read_whole() -> None:
    verdict = decide_disability(product(WIDE), story("计划一，评了六级伤残，赔多少"))
    assert verdict is not None
    assert verdict.answer == "按6级伤残给付：20万元 × 50% = 10万元。"


def test_several_disabilities_of_one_grade_are_promoted_as_the_wording_says() -> None:
    verdict = decide_disability(
        product(WIDE), story("计划二，一次车祸两处伤残，鉴定都是八级，伤残金怎么算")
    )
    assert verdict is not None
    assert verdict.answer == "按7级伤残给付：50万元 × 40% = 20万元。"
    assert "晋升一级按7级给付" in verdict.reasons[0].text


def test_one_disability_is_not_promoted() -> None:
    verdict = decide_disability(product(WIDE), story("计划二，评了八级伤残，赔多少"))
    assert verdict is not None and verdict.answer.startswith("按8级伤残给付")


def test_a_grade_the_table_does_not_list_decides_nothing() -> None:
    assert decide_disability(product(ACCIDENT), story("计划一，评了五级伤残，赔多少")) is None


def test_no_grade_told_decides_nothing() -> None:
    assert decide_disability(product(ACCIDENT), story("计划二意外骨折能赔多少")) is None


def test_a_plans_sum_insured_is_read_from_the_table_of_plans() -> None:
    wording = product(ACCIDENT)
    assert plan_sum(wording, "计划一") == 200000.0
    assert plan_sum(wording, "计划二") == 500000.0
    assert plan_sum(wording, "计划三") is None
    assert plan_sum(wording, None) is None
