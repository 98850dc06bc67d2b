"""Medical sums on a wording with plans: the told plan's column, the told kind of care's row."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

PLANS = """---
code: T-MED-PLAN
name: 测试计划中端医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试计划中端医疗保险条款

## 1 保障计划
### 1.1 保障计划表
| 项目 | 计划一 | 计划二 |
|---|---|---|
| 年度总限额（基本保险金额） | 300万元 | 600万元 |
| 住院医疗免赔额 | 0元 | 0元 |
| 住院医疗赔付比例 | 100% | 100% |
| 普通门急诊医疗保险金年度限额 | 10,000元 | 20,000元 |
| 普通门急诊每次就诊限额 | 1,000元 | 2,000元 |
| 普通门急诊每次免赔额 | 200元 | 100元 |
| 普通门急诊赔付比例 | 80% | 80% |
| 其中：床位费每日限额 | 1,000元/日 | 2,500元/日 |

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院的，合理且必要的医疗费用按保障计划表给付。被保险人在非直付医疗机构进行非急诊住院，且未事先取得我们预授权的，本次住院医疗费用的赔付比例由100%调整为80%。
### 2.2 普通门急诊医疗保险金
被保险人在医院普通门诊或急诊就诊的，按保障计划表给付。
### 2.3 住院前后门急诊医疗保险金
被保险人住院的，在入院前7日内及出院后30日内，因与该次住院相同的原因发生的门急诊医疗费用，按住院医疗保险金的约定给付。
"""


@pytest.fixture(scope="module")
def plans() -> ProductKnowledge:
    return product(PLANS)


def test_a_hospital_stay_takes_no_outpatient_per_visit_limit(plans: ProductKnowledge) -> None:
    verdict = decide(
        plans, story("计划二，住院花了8万，医保报了3万，能赔多少"), default_thesaurus()
    )
    assert verdict is not None
    assert verdict.sum == "（8万元 − 已报销3万元）× 100% = 5万元"


def test_an_outpatient_visit_takes_its_plans_deductible_ratio_and_cap(
    plans: ProductKnowledge,
) -> None:
    one = decide(
        plans, story("计划一，看门诊花了800元，医保报了300，能赔多少"), default_thesaurus()
    )
    two = decide(plans, story("计划二，急诊一次花了3000，能赔多少"), default_thesaurus())
    assert one is not None and one.sum == "（800元 − 已报销300元 − 免赔额200元）× 80% = 240元"
    assert two is not None and two.answer.startswith("大约可赔2000元")


def test_a_bed_is_paid_up_to_the_plans_daily_cap(plans: ProductKnowledge) -> None:
    verdict = decide(
        plans, story("计划一，住院床位费一天1800，住了5天，床位费能赔多少"), default_thesaurus()
    )
    assert verdict is not None
    assert verdict.answer.startswith("大约可赔5000元")


def test_a_ratio_the_wording_lowers_applies_when_the_story_meets_its_condition(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(
        plans,
        story("计划一，去不能直付的医院择期住院，没提前申请预授权，花了6万，医保报了2万，怎么赔"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.sum == "（6万元 − 已报销2万元）× 80% = 3.2万元"


def test_ratios_the_wording_does_not_tell_apart_by_social_insurance_serve_without_it(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(
        plans, story("计划二，没有医保，急诊一次花了3000，能报多少"), default_thesaurus()
    )
    assert verdict is not None
    assert verdict.sum == "（3000元 − 免赔额100元）× 80% = 2320元，每次以2000元为限"


def test_without_the_plan_each_plans_sum_is_given_when_they_differ(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(plans, story("看门诊花了3000，能报多少"), default_thesaurus())
    assert verdict is not None and verdict.decision == "depends"
    assert verdict.answer.startswith("要看您的保障计划：计划一大约可赔1000元")
    assert "计划二大约可赔2000元" in verdict.answer


def test_without_the_plan_one_sum_is_given_when_the_plans_pay_alike(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(plans, story("住院花了8万，医保报了3万，能赔多少"), default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.sum == "（8万元 − 已报销3万元）× 100% = 5万元"
    assert "各保障计划（计划一、计划二）算下来相同。" in verdict.conditions


def test_a_payout_told_is_paid_within_what_is_left_of_the_plans_limit(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(
        plans,
        story("计划一，今年普通门诊已经累计赔了9600了，这次门诊按公式算能赔800，能全赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.answer.startswith("不能全赔，这次最多赔400元：1万元 − 已赔9600元 = 400元")


def test_a_stay_in_observation_without_admission_is_one_outpatient_visit(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(
        plans,
        story("计划一，急诊留观了两天，没办住院，花了2500，这算住院吗，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.answer.startswith("不算住院，按一次门急诊算。大约可赔1000元")


def test_a_visit_outside_a_stays_days_is_paid_as_an_ordinary_outpatient_one(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(
        plans,
        story("计划一，入院前10天先看过一次门诊，花了600，这个算住院前门诊吗，能报多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert "超过了入院前7日" in verdict.answer
    assert verdict.answer.endswith(
        "按普通门急诊算：大约可赔320元：（600元 − 免赔额200元）× 80% = 320元。"
    )


def test_each_plans_sum_cites_the_shared_terms_once_and_each_plans_own(
    plans: ProductKnowledge,
) -> None:
    verdict = decide(plans, story("看门诊花了3000，能报多少"), default_thesaurus())
    assert verdict is not None
    texts = [r.text for r in verdict.reasons]
    assert any("计划一普通门急诊每次就诊限额" in t for t in texts)
    assert any("计划二普通门急诊每次就诊限额" in t for t in texts)
    assert len(texts) == len(set(texts))


def test_a_deductible_the_wording_sets_for_a_condition_applies_when_the_story_meets_it() -> None:
    wording = product(
        PLANS.replace(
            "被保险人在医院普通门诊或急诊就诊的，按保障计划表给付。",
            "被保险人在医院普通门诊或急诊就诊的，按保障计划表给付。"
            "被保险人在直付医疗机构就诊并使用直付服务结算的，该次就诊适用的每次免赔额减半"
            "（计划一为100元，计划二为50元）。",
        )
    )
    direct = decide(
        wording, story("计划一，在直付医院看门诊，用直付卡结算的，花了600"), default_thesaurus()
    )
    plain = decide(wording, story("计划一，看门诊花了600，能报多少"), default_thesaurus())
    assert direct is not None and direct.sum == "（600元 − 免赔额100元）× 80% = 400元"
    assert not any("另有" in c for c in direct.conditions)
    assert plain is not None and plain.sum == "（600元 − 免赔额200元）× 80% = 320元"
