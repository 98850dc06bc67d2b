"""Claims: late notice, how long a claim takes, the limitation period, which benefit is claimed."""

from __future__ import annotations

import pytest

from bot.knowledge.decide.claiming import claimed_benefit
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import normalize
from tests.knowledge.decide.conftest import product
from tests.knowledge.decide.test_timing import NOTICE, ONE_YEAR, ask
from tests.knowledge.test_extract import CLAIM_WORDING


@pytest.fixture(scope="module")
def one_year() -> ProductKnowledge:
    return product(ONE_YEAR)


def test_a_claim_years_late_meets_the_limitation_period(one_year: ProductKnowledge) -> None:
    late = ask(one_year, "我两年零三个月前住院了 当时忘记申请了 现在还能理赔吗")
    unknown = ask(one_year, "2022年8月住院，当时不知道有这份保险，最近才翻到保单，还能申请吗")
    assert late is not None and late.kind == "limitation" and "已超过2年" in late.answer
    assert unknown is not None and unknown.decision == "depends"
    assert "知道或者应当知道" in unknown.answer


def test_a_customer_worried_a_year_and_a_half_late_hears_the_limitation_period(
    one_year: ProductKnowledge,
) -> None:
    verdict = ask(one_year, "我拖了一年半才想起来报 还能赔吗 会不会过期了")
    assert verdict is not None and verdict.kind == "limitation" and verdict.decision == "yes"
    assert "2年" in verdict.answer
    never = ask(one_year, "我去年住院一直没报 现在过了1年半还能理赔吗")
    assert never is not None and never.kind == "limitation"


def test_a_claim_told_without_delay_is_not_a_limitation_question(
    one_year: ProductKnowledge,
) -> None:
    verdict = ask(one_year, "这次住院忘了刷医保卡，花了5万，能赔多少")
    assert verdict is None or verdict.kind != "limitation"


def test_a_late_notice_costs_only_what_it_leaves_unknown() -> None:
    wording = product(NOTICE)
    late = ask(wording, "确诊后一直忙着治疗，一个多月后才想起来报案，是不是超过时间就不赔了")
    days = ask(wording, "我爸1月5号去世，2月底才想起来有这份保险，是不是超过10天就不能理赔了")
    other = ask(wording, "你们2月1号就调到了病历，3月20号才发通知说要解除合同，还能解除吗")
    assert late is not None and late.kind == "claim_notice" and "10日" in late.answer
    assert "难以确定" in late.answer and any("2年" in c for c in late.conditions)
    assert days is not None and days.kind == "claim_notice"
    assert other is None or other.kind != "claim_notice"


def test_how_long_a_claim_takes_and_when_it_is_paid() -> None:
    wording = product(
        NOTICE
        + """### 8.3 核定
我们收到申请及齐全材料后，在五个工作日内作出核定；情形复杂的，在三十日内作出核定。
### 8.4 给付期限与迟延给付
对属于保险责任的，我们在达成给付协议后十日内给付；未及时给付的，还将赔偿利息损失。
"""
    )
    waiting = ask(wording, "理赔材料交齐20天了还没消息，正常吗，最晚多久")
    paying = ask(wording, "理赔结果出来了，给付协议也签了，多久能到账？要是一直拖着不给怎么办")
    refund = ask(wording, "我想退保，钱多久到账")
    story_of_death = ask(wording, "车祸评了伤残已经赔了，结果前几天去世了，身故金还能赔多少")
    assert waiting is not None and waiting.kind == "claim_timing"
    assert "5个工作日" in waiting.answer and "30日" in waiting.answer
    assert paying is not None and "10日" in paying.answer and "利息" in paying.answer
    assert refund is None or refund.kind != "claim_timing"
    assert story_of_death is None or story_of_death.kind != "claim_timing"


@pytest.fixture(scope="module")
def claims() -> ProductKnowledge:
    return product(CLAIM_WORDING)


@pytest.mark.parametrize(
    ("question", "benefit"),
    [
        ("申请特定疾病医疗金要准备啥", "特定疾病医疗保险金"),
        ("住院医疗的钱怎么申请，要什么材料", "住院医疗保险金"),
        ("特定疾病那个报销要交什么资料", "特定疾病医疗保险金"),
    ],
)
def test_the_benefit_a_documents_question_names_is_found_in_its_own_words(
    claims: ProductKnowledge, question: str, benefit: str
) -> None:
    found = claimed_benefit(claims, normalize(question))
    assert found is not None and found.name == benefit


def test_a_death_told_in_everyday_words_claims_the_death_benefit(
    illness: ProductKnowledge,
) -> None:
    found = claimed_benefit(illness, normalize("我妈前天突然走了，理赔要准备哪些材料"))
    assert found is not None and found.name == "身故保险金"


DECIDE_AND_PAY = """---
code: T-PAY-1
name: 测试安泰意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试安泰意外伤害保险条款

## 2 保险责任
### 2.1 意外身故保险金
被保险人因意外伤害身故的，我们按基本保险金额给付意外身故保险金。

## 7 保险金的核定与给付
### 7.1 核定
我们收到保险金给付申请书及完整材料后，在八个工作日内作出核定；情形复杂的，在二十五日内作出核定。
### 7.2 给付
对属于保险责任的，我们在与受益人达成给付保险金的协议后七日内，履行给付义务。
"""


def test_asked_both_when_the_result_comes_and_when_the_money_does_both_are_said() -> None:
    wording = product(DECIDE_AND_PAY)
    both = ask(wording, "理赔材料交齐了，多久出结果，多久能打钱")
    assert both is not None and both.kind == "claim_timing"
    assert "8个工作日" in both.answer and "7日内" in both.answer
    paid = ask(wording, "理赔协议已经签了，多久能到账")
    assert paid is not None and paid.answer.startswith("按条款约定的时限：对属于保险责任的")


def test_a_notice_never_given_is_a_late_notice() -> None:
    verdict = ask(product(NOTICE), "出院快两个月了一直没报案，是不是不能赔了")
    assert verdict is not None and verdict.kind == "claim_notice"


def test_a_notice_not_given_in_the_turmoil_can_still_be_claimed() -> None:
    verdict = ask(product(NOTICE), "确诊都快3个月了 家里一直乱 没顾上报案 现在报还来得及吗")
    assert verdict is not None and verdict.answer.startswith("晚报案也可以申请理赔")
