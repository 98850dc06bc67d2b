"""Hospital daily allowance: days by ward × the day's amount, less deductible days, within caps."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ALLOWANCE = """---
code: T-ACC-2
name: 测试安行意外伤害保险
insurer: 测试财产保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试安行意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保障项目 | 计划一 | 计划二 |
|---|---|---|
| 住院津贴日额（普通病房） | 每日人民币八十元 | 每日人民币一百二十元 |
| 住院津贴日额（重症监护室） | 每日人民币二百元 | 每日人民币二百五十元 |
### 2.2 意外住院津贴保险金
被保险人因意外伤害住院的，我们按下列约定给付意外住院津贴保险金：
（1）每次住院扣除2日免赔日后，按实际住院日数乘以普通病房津贴日额给付；
（2）在重症监护室内的日数不扣除免赔日，按实际日数乘以重症监护室津贴日额给付；
（3）每次住院给付日数以三十日为限；
（4）保险期间内累计给付日数以九十日为限，累计给付日数达到九十日时，本项保险利益终止。
"""


@pytest.fixture(scope="module")
def accident() -> ProductKnowledge:
    return product(ALLOWANCE)


def test_days_by_ward_less_the_deductible_days_from_the_ordinary_ward(
    accident: ProductKnowledge,
) -> None:
    verdict = decide(
        accident, story("计划二，先住ICU 2天，再转普通病房6天，住院津贴给多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "allowance"
    assert verdict.sum == "重症监护室2日 × 250元 + 普通病房4日 × 120元 = 980元"


def test_a_stay_is_paid_at_most_the_days_the_wording_allows(accident: ProductKnowledge) -> None:
    verdict = decide(
        accident, story("计划一，住了45天普通病房，住院津贴按45天算吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("住院津贴约2400元")
    assert "每次住院最多给付30日" in verdict.answer


def test_the_days_left_in_the_period_bound_the_payout_and_what_ends_is_said(
    accident: ProductKnowledge,
) -> None:
    verdict = decide(
        accident,
        story("计划一，今年已经领了80天的住院津贴，这次又住了20天普通病房，还能领多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("住院津贴约800元")
    assert any("终止" in c for c in verdict.conditions)


def test_without_the_plan_each_plans_sum_is_given_and_the_plan_asked(
    accident: ProductKnowledge,
) -> None:
    verdict = decide(accident, story("住了10天普通病房，住院津贴有多少"), default_thesaurus())
    assert verdict is not None and verdict.decision == "depends"
    assert verdict.answer.startswith("要看您选的保障计划：计划一约640元")
    assert "计划二约960元" in verdict.answer


LONG_STAYS = """---
code: T-ACC-5
name: 测试颐年意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试颐年意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保险责任 | 计划一 | 计划二 |
|---|---|---|
| 意外住院津贴保险金（住院日津贴额） | 100/日 | 150/日 |
### 2.2 意外住院津贴保险金
（1）每次住院的免赔天数为3日。但该次住院的实际住院天数达到15日（含）以上的，我们不扣除免赔天数。
（2）被保险人因同一意外伤害多次住院，且前次出院与后次入院间隔未超过30日的，视为同一次住院，住院天数合并计算。
"""


def test_the_plans_daily_amount_less_the_deductible_days() -> None:
    verdict = decide(
        product(LONG_STAYS), story("计划二，摔伤住院10天，住院津贴能拿多少"), default_thesaurus()
    )
    assert verdict is not None
    assert verdict.sum == "普通病房7日 × 150元 = 1050元"


def test_two_close_stays_count_as_one_and_a_long_stay_has_no_deductible_days() -> None:
    verdict = decide(
        product(LONG_STAYS),
        story("计划一，第一次住院8天，出院20天后又住院9天，住院津贴怎么算"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.sum == "普通病房17日 × 100元 = 1700元"
    assert "合并为一次共17日" in verdict.answer and "不扣免赔天数" in verdict.answer


COUNTED = (
    ALLOWANCE
    + """（5）住院天数以入院、出院日期为准，入院当日与出院当日合计按一日计算。
"""
)


def test_the_days_of_a_stay_are_counted_from_the_dates_by_the_wordings_rule() -> None:
    verdict = decide(
        product(COUNTED), story("3月1日入院，3月10日出院，住院天数算几天"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("按条款算9天")


def test_the_allowance_uses_the_days_counted_from_the_dates() -> None:
    told = story("计划一，3月1日入院，3月10日出院，住的普通病房，住院津贴给多少")
    verdict = decide(product(COUNTED), told, default_thesaurus())
    assert verdict is not None and verdict.sum == "普通病房7日 × 80元 = 560元"


def test_a_wording_without_a_rule_for_counting_leaves_the_days_to_it(
    accident: ProductKnowledge,
) -> None:
    verdict = decide(
        accident, story("3月1日入院，3月10日出院，住院天数算几天"), default_thesaurus()
    )
    assert verdict is None or verdict.kind != "stay_days"
