"""Days that turn on an age: the end of cover and an extra payout's last day, from the dates told."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.decide import decide
from bot.knowledge.decide.anniversaries import birthday, next_anniversary
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story
from tests.knowledge.decide.test_diseases import CHILDREN

TERM = ILLNESS.replace(
    "## 2 保险利益\n",
    "## 2 保险利益\n### 2.0 保险期间\n本合同的保险期间自生效日零时起，至被保险人年满七十周岁后的"
    "首个保单周年日零时止。\n",
)


def test_the_day_an_age_is_reached_and_the_anniversary_after_it() -> None:
    assert birthday(dt.date(2000, 2, 29), 18) == dt.date(2018, 2, 28)
    assert next_anniversary(dt.date(2020, 3, 15), dt.date(2030, 7, 1)) == dt.date(2031, 3, 15)
    assert next_anniversary(dt.date(2020, 3, 15), dt.date(2030, 3, 15)) == dt.date(2030, 3, 15)


def test_the_end_of_cover_is_the_anniversary_after_the_age() -> None:
    told = story("我1980年10月20日出生，保单2024年3月5日生效，这个保到哪天")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.kind == "cover_end"
    assert verdict.answer.startswith("保到2051年3月5日零时：您2050年10月20日年满70周岁")


def test_without_a_birth_date_the_end_is_left_to_the_wording() -> None:
    verdict = decide(product(TERM), story("保单2024年3月5日生效，保到哪天"), default_thesaurus())
    assert verdict is None or verdict.kind != "cover_end"


def test_an_extra_payout_before_the_anniversary_after_the_age_is_paid() -> None:
    told = story(
        "孩子2006年4月1日出生，保单2014年11月1日生效，2024年8月1日确诊白血病，保额10万，能赔多少"
    )
    verdict = decide(product(CHILDREN), told, default_thesaurus(), "白血病")
    assert verdict is not None
    assert "确诊在2024年11月1日（年满18周岁后的首个保单周年日）之前，另外给付" in verdict.answer
    assert "合计15万元" in verdict.answer


def test_an_extra_payout_after_that_anniversary_is_not_paid() -> None:
    told = story(
        "孩子2006年4月1日出生，保单2014年11月1日生效，2024年12月1日确诊白血病，保额10万，能赔多少"
    )
    verdict = decide(product(CHILDREN), told, default_thesaurus(), "白血病")
    assert verdict is not None
    assert "不再额外给付少儿特定疾病关爱金" in verdict.answer and "合计" not in verdict.answer


def test_a_birth_month_turns_the_age_before_the_same_anniversary() -> None:
    from bot.knowledge.decide.anniversaries import age_turns

    told = story("我妈1966年3月出生 保单2019年4月1号生效 2026年5月查出乳腺癌")
    assert str(age_turns(told, 60, anniversary=True)) == "2026-04-01"
    assert age_turns(story("我妈1966年3月出生"), 60, anniversary=False) is None
