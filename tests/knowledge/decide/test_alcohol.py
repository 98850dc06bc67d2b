"""A blood alcohol level told against the wording's 醉酒 and 酒后驾驶 levels."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
code: T-ACC-7
name: 测试平安行意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试平安行意外伤害保险条款

## 2 保险责任
### 2.1 意外身故保险金
被保险人因意外伤害身故的，我们按基本保险金额给付意外身故保险金。

## 3 责任免除
### 3.1 责任免除
因下列情形之一导致被保险人身故或伤残的，我们不承担保险责任：
（1）被保险人醉酒；
（2）被保险人酒后驾驶机动车。

## 9 释义
### 9.1 醉酒
指被保险人血液中的酒精含量达到或者超过每一百毫升八十毫克。
### 9.2 酒后驾驶
指驾驶人员血液中的酒精含量达到或超过每百毫升20毫克的驾驶行为。
"""


def test_a_level_below_the_drinking_level_is_not_the_exclusion() -> None:
    told = story("喝了点酒走路回家摔了，血液酒精50毫克每100毫升，算醉酒不赔吗")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert "不算醉酒" in verdict.answer and "80毫克" in verdict.answer


def test_a_driver_is_held_to_the_driving_level() -> None:
    told = story("喝了酒开车出了车祸，血液酒精每百毫升50毫克，没到醉驾，能赔吗")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "20毫克" in verdict.answer


def test_no_level_told_is_left_to_the_exclusions() -> None:
    verdict = decide(product(ACCIDENT), story("喝醉了摔伤能赔吗"), default_thesaurus())
    assert verdict is None or "毫克" not in verdict.answer


CLIMB = (
    ACCIDENT.replace(
        "（2）被保险人酒后驾驶机动车。",
        "（2）被保险人酒后驾驶机动车；\n（3）被保险人从事探险活动。",
    )
    + """### 9.3 探险
指明知有危险而故意置身其中的行为，例如攀登海拔三千五百米以上的山峰。
"""
)


def test_a_climb_above_the_wordings_altitude_is_excluded() -> None:
    verdict = decide(
        product(CLIMB), story("下个月去爬雪山，海拔5000多米，管不管"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no" and "3500米" in verdict.answer


def test_a_climb_below_it_is_not() -> None:
    verdict = decide(product(CLIMB), story("去爬山，海拔2000米，摔伤了管不管"), default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"


def test_a_trip_to_a_high_city_is_not_a_climb() -> None:
    verdict = decide(
        product(CLIMB), story("去拉萨旅游，海拔3600米，摔伤了管不管"), default_thesaurus()
    )
    assert verdict is None or "3500米" not in verdict.answer
