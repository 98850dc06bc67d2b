"""Days counted from an accident: the windows the wording sets for medical costs, disability
assessment and a later death."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
code: T-ACC-2
name: 测试安行意外伤害保险
insurer: 测试财产保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试安行意外伤害保险条款

## 2 保险责任
### 2.1 意外身故保险金
被保险人遭受意外伤害，并自该意外伤害发生之日起九十日内因该意外伤害身故的，我们按基本保险金额给付意外身故保险金。给付意外伤残保险金后，被保险人因同一次意外伤害身故的，我们给付意外身故保险金，并扣除已给付的意外伤残保险金。
### 2.2 意外伤残保险金
被保险人遭受意外伤害，并自该意外伤害发生之日起九十日内造成伤残的，按伤残等级给付比例乘以基本保险金额给付意外伤残保险金。自意外伤害发生之日起第九十日时治疗仍未结束的，以该日的身体状况为依据进行伤残评定；此后伤情发生变化的，我们不再重新评定。

| 伤残等级 | 给付比例 |
|---|---|
| 第一级 | 100% |
| 第二级 | 90% |
| 第三级 | 80% |
| 第四级 | 70% |
| 第五级 | 60% |

### 2.3 意外医疗保险金
被保险人遭受意外伤害的，对于自该意外伤害发生之日起九十日内实际发生的必需且合理的医疗费用，我们按约定给付意外医疗保险金。
"""


@pytest.fixture(scope="module")
def accident() -> ProductKnowledge:
    return product(ACCIDENT)


def ask(wording: ProductKnowledge, question: str):  # type: ignore[no-untyped-def]
    return decide(wording, story(question), default_thesaurus())


def test_costs_after_the_window_are_not_paid(accident: ProductKnowledge) -> None:
    late = ask(accident, "2025年11月5号摔骨折了，2026年5月10号回医院做手术，手术费还能报吗")
    soon = ask(accident, "2025年11月5号摔骨折了，2025年12月10号回医院做手术，手术费还能报吗")
    assert late is not None and late.kind == "accident_window" and late.decision == "no"
    assert "90日" in late.answer and late.articles == ["2.3"]
    assert soon is None or soon.kind != "accident_window"


def test_disability_is_assessed_on_the_wording_day_without_waiting_to_heal(
    accident: ProductKnowledge,
) -> None:
    verdict = ask(accident, "2025年9月20号车祸伤了腿，现在还在做康复，伤残是不是要等治好了再评")
    assert verdict is not None and verdict.kind == "assessment_day"
    assert "第90日" in verdict.answer and "不再重新评定" in verdict.answer


def test_a_death_after_a_disability_payout_pays_the_rest(accident: ProductKnowledge) -> None:
    verdict = ask(
        accident, "保额50万，车祸评了五级伤残已经赔了30万，后来因为这次车祸去世了，身故金还能赔多少"
    )
    assert verdict is not None and verdict.kind == "death"  # decide/deductions.py
    assert "20万元" in verdict.answer


def test_a_case_the_wording_lifts_from_the_window_is_not_bounded_by_it() -> None:
    lifted = product(
        ACCIDENT.replace(
            "我们按基本保险金额给付意外身故保险金。给付",
            "我们按基本保险金额给付意外身故保险金。被保险人下落不明，后经人民法院宣告死亡的，"
            "以判决确定的死亡日期为身故日，不受九十日的限制。给付",
        )
    )
    verdict = ask(
        lifted, "他落水失踪一年多，法院已经宣告死亡了，身故金能赔吗？是不是超过90天就不赔了"
    )
    assert verdict is not None and verdict.decision == "yes" and "不受90日" in verdict.answer


def test_a_death_after_the_window_is_not_paid(accident: ProductKnowledge) -> None:
    verdict = ask(
        accident, "2025年10月10号在工地被钢管砸到头，一直住院，2026年5月20号人走了，身故金能赔吗"
    )
    assert verdict is not None and verdict.kind == "accident_window" and verdict.decision == "no"
    assert verdict.articles == ["2.1"]


AROUND_STAY = """---
code: T-MED-3
name: 测试康宁医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试康宁医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们按约定给付住院医疗保险金。
### 2.2 住院前后门急诊医疗保险金
被保险人住院的，在入院前十日内及出院后十五日内，因与该次住院相同的原因接受门诊或急诊治疗所发生的医疗费用，我们按住院医疗保险金的约定给付。
"""


def test_outpatient_costs_around_a_stay_count_within_the_wording_days() -> None:
    wording = product(AROUND_STAY)
    after = ask(wording, "6月3号住院6月10号出院，6月20号回医院复查开了点药，门诊费能报吗")
    late = ask(wording, "6月3号住院6月10号出院，7月8号回医院复查开了点药，门诊费能报吗")
    before = ask(wording, "入院前12天先看过一次门诊，这个算住院前门诊吗")
    assert after is not None and after.decision == "yes" and "第10天" in after.answer
    assert late is not None and late.decision == "no" and "15日" in late.answer
    assert before is not None and before.decision == "no" and "10日" in before.answer


def test_days_after_discharge_told_as_a_count() -> None:
    wording = product(AROUND_STAY)
    within = ask(wording, "出院以后第12天去门诊复查，花了300能报吗")
    beyond = ask(wording, "出院后18天回医院急诊看了一次，能报吗")
    assert within is not None and within.decision == "yes" and "第12天" in within.answer
    assert beyond is not None and beyond.decision == "no" and "15日" in beyond.answer


def test_the_wording_cases_that_need_not_wait_out_the_days() -> None:
    wording = product(
        ACCIDENT.replace(
            "此后伤情发生变化的，我们不再重新评定。",
            "此后伤情发生变化的，我们不再重新评定。九十日内治疗已经结束的，可以在治疗结束后评定。",
        )
    )
    verdict = ask(wording, "治疗已经结束了，一定要等满90天才能申请伤残吗")
    assert verdict is not None and verdict.kind == "earlier_than_the_days"
    assert "不一定要等满90天" in verdict.answer and verdict.articles == ["2.2"]


AGE_SPLIT_WORDING = """---
code: T-CI-4
name: 测试多倍重大疾病保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试多倍重大疾病保险条款

## 2 保险责任
### 2.1 重大疾病保险金
被保险人确诊重大疾病的，我们按下列约定给付：
（1）第一次给付：确诊日早于被保险人年满六十周岁后的首个保单周年日的，按基本保险金额的百分之一百五十给付；确诊日在该保单周年日当日或之后的，按基本保险金额的百分之一百给付。

## 9 释义
### 9.1 重大疾病
#### 9.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散。
"""


def test_a_share_that_turns_at_an_age_is_applied_to_the_customer_dates() -> None:
    wording = product(AGE_SPLIT_WORDING)
    after = decide(
        wording,
        story("我妈1964年5月1号生的，2019年8月1号投的，保额20万，2025年1月10号确诊了癌症"),
        default_thesaurus(),
        disease="恶性肿瘤——重度",
    )
    before = decide(
        wording,
        story("我妈1964年5月1号生的，2019年8月1号投的，保额20万，2024年6月10号确诊了癌症"),
        default_thesaurus(),
        disease="恶性肿瘤——重度",
    )
    assert after is not None and "20万元 × 100%" in after.answer
    assert before is not None and "20万元 × 150%" in before.answer


def test_a_stay_begun_inside_the_window_is_not_refused_for_its_discharge_date(
    accident: ProductKnowledge,
) -> None:
    verdict = ask(accident, "2025年1月1号车祸住院，一直住到2025年8月10号出院，医疗费用能报吗")
    assert verdict is None or verdict.kind != "accident_window"


def test_a_cost_in_the_days_around_a_stay_comes_with_its_sum() -> None:
    wording = product(
        AROUND_STAY.replace(
            "我们按住院医疗保险金的约定给付。",
            "我们按住院医疗保险金的约定给付。本合同不设免赔额，赔付比例为百分之九十。",
        )
    )
    verdict = ask(wording, "出院后第6天回医院门诊复查，自己花了500，能报多少")
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.sum == "（500元）× 90% = 450元"


def test_the_day_of_assessment_is_answered_before_an_exclusion_of_rehabilitation() -> None:
    wording = product(
        ACCIDENT
        + "\n## 3 责任免除\n### 3.1 责任免除\n下列费用我们不承担给付责任：\n（1）康复治疗、疗养、护理的费用。\n"
    )
    assert wording.facts.exclusions
    verdict = ask(wording, "2025年9月20号车祸伤了腿，现在还在做康复，伤残是不是要等治好了再评")
    assert verdict is not None and verdict.kind == "assessment_day"


def test_a_death_the_customer_says_came_long_after_the_accident_is_past_the_window() -> None:
    wording = product(ACCIDENT)
    verdict = decide(
        wording,
        story("我舅舅去年10月车祸重伤一直在ICU抢救，前后差不多120天，人没了，身故金能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no" and "90日" in verdict.answer
