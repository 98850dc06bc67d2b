"""Time in the story against the wording's own periods: when cover starts, a reinstatement runs,
a late renewal stays continuous, a stay outlives the term, a claim is late."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ONE_YEAR = """---
code: T-ACC-1
name: 测试平安意外伤害保险
insurer: 测试财产保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试平安意外伤害保险条款

## 1 合同
### 1.1 合同生效
本合同自我们收取首期保险费的次日零时起生效，生效日期以保险单载明为准。
### 1.2 保险期间
本合同的保险期间为一年。
### 1.3 续保
保险期间届满前，您可以申请续保。本合同期满后二十日内交纳续保保险费的，视为连续投保，续保合同不设观察期；超过该期限的，按新投保处理，重新计算观察期。

## 2 保险责任
### 2.1 观察期
自本合同生效之日起四十五日为观察期，因意外伤害就医的不受观察期限制。
### 2.2 住院医疗保险金
被保险人住院治疗的，我们按约定给付住院医疗保险金。保险期间届满时被保险人仍在住院的，我们继续承担该次住院的医疗费用，但最长至保险期间届满之日起第二十日止。

## 4 保险费
### 4.1 宽限期
您到期未交保险费的，自约定交费日次日起三十日为宽限期。
### 4.2 效力恢复
本合同效力中止之日起二年内，且不晚于本合同保险期间届满之日，您可以申请恢复合同效力。补交欠交的保险费后，本合同自补交之日的次日零时起恢复效力。我们不对欠交保险费计收利息。
保险期间届满时效力仍未恢复的，本合同于保险期间届满时终止。

## 6 理赔
### 6.1 诉讼时效
受益人向我们请求给付保险金的诉讼时效期间为二年，自其知道或者应当知道保险事故发生之日起计算。
"""


@pytest.fixture(scope="module")
def one_year() -> ProductKnowledge:
    return product(ONE_YEAR)


def ask(wording: ProductKnowledge, question: str):  # type: ignore[no-untyped-def]
    return decide(wording, story(question), default_thesaurus())


def test_the_wording_periods_are_read_by_their_shape(one_year: ProductKnowledge) -> None:
    periods = one_year.facts.periods
    assert periods["cover_start"].article == "1.1"
    assert (periods["renewal"].amount, periods["renewal"].article) == (20, "1.3")
    assert (periods["extension"].amount, periods["extension"].article) == (20, "2.2")


def test_an_accident_on_the_day_the_premium_is_paid_is_before_cover(
    one_year: ProductKnowledge,
) -> None:
    verdict = ask(one_year, "5月10号下午交完钱 当天晚上下楼把脚崴了 能报吗")
    assert verdict is not None and verdict.decision == "no"
    assert "5月11日零时" in verdict.answer and verdict.articles == ["1.1"]


def test_an_accident_the_next_morning_is_inside_cover(one_year: ProductKnowledge) -> None:
    verdict = ask(one_year, "我2月28号晚上在手机上把首期保费付了，3月1号早上被车撞了，能赔吗")
    assert verdict is not None and verdict.decision == "yes"
    assert "3月1日零时" in verdict.answer


def test_the_start_of_cover_is_the_day_after_payment(one_year: ProductKnowledge) -> None:
    verdict = ask(one_year, "我3月5号付的首期保费 保单从哪天开始算")
    assert verdict is not None and "3月6日零时" in verdict.answer


def test_an_event_on_the_day_of_reinstatement_is_still_in_the_suspension(
    one_year: ProductKnowledge,
) -> None:
    verdict = ask(one_year, "停交中止了，8月3号上午补交了保费申请复效，当天晚上出了车祸，算不算")
    assert verdict is not None and verdict.decision == "no"
    assert "8月4日零时" in verdict.answer


def test_a_late_renewal_within_the_days_after_the_end_stays_continuous(
    one_year: ProductKnowledge,
) -> None:
    within = ask(one_year, "保单到期10天后才去交续保的钱，还算连续投保吗")
    beyond = ask(one_year, "保单到期日是8月1号，我9月15号才续上，观察期要重新算吗")
    assert within is not None and within.decision == "yes" and "20日" in within.answer
    assert beyond is not None and beyond.decision == "no"
    assert "重新计算" in beyond.answer and "观察期" in beyond.answer


def test_reinstatement_ends_with_a_one_year_term(one_year: ProductKnowledge) -> None:
    late = ask(one_year, "保单期间是2025年1月1号到12月31号，10月份开始没交了，现在2026年1月想复效")
    deadline = ask(
        one_year, "保单期间是2025年4月1日到2026年3月31日，11月起没交效力中止了，最晚什么时候能复效"
    )
    assert late is not None and late.decision == "no" and "终止" in late.answer
    assert deadline is not None and "2026年3月31日" in deadline.answer
    assert "不计利息" in " ".join(deadline.conditions)


def test_a_stay_past_the_end_is_covered_up_to_the_wording_days(
    one_year: ProductKnowledge,
) -> None:
    inside = ask(one_year, "保单12月31号到期，12月20号住院的，1月15号出院，1月的费用还赔吗")
    beyond = ask(one_year, "保单3月31号到期，3月25号住院，要住到5月中旬，到期以后还管吗")
    assert inside is not None and inside.kind == "extension" and "1月15日出院" in inside.answer
    assert beyond is not None and beyond.kind == "extension" and "此后的费用不赔" in beyond.answer


def test_right_after_reinstatement_the_waiting_period_runs_again(
    illness: ProductKnowledge,
) -> None:
    verdict = ask(illness, "断了两个月了，现在想补交恢复保单，恢复以后马上生病住院能赔吗")
    assert verdict is not None and verdict.decision == "no"
    assert "120日" in verdict.answer and "观察期" in verdict.answer
    assert any("意外" in c for c in verdict.conditions)


NOTICE = """---
code: T-CI-3
name: 测试守护重大疾病保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试守护重大疾病保险条款

## 8 理赔
### 8.1 保险事故通知
您、被保险人或受益人知道保险事故发生后，应在十日内通知我们。故意或者因重大过失未及时通知，致使保险事故的性质、原因、损失程度等难以确定的，我们对无法确定的部分不承担给付保险金的责任。
### 8.2 诉讼时效
受益人向我们请求给付保险金的诉讼时效期间为二年，自其知道或者应当知道保险事故发生之日起计算。
"""


def test_a_monthly_due_day_in_a_month_without_it_is_that_month_last_day() -> None:
    wording = product(
        ONE_YEAR.replace(
            "### 4.1 宽限期",
            "### 4.0 交费日\n约定交费日为生效日在以后各月的对应日；当月无对应日的，以该月最后一日为约定"
            "交费日。\n### 4.1 宽限期",
        )
    )
    verdict = ask(wording, "保单2026年1月31号生效的，月缴，2月没有31号，那2月份哪天扣款")
    assert verdict is not None and verdict.answer.startswith("2月28日")
    assert "30日宽限期" in " ".join(verdict.conditions)


def test_a_second_diagnosis_inside_the_interval_is_not_paid() -> None:
    wording = product(
        NOTICE
        + """### 8.5 间隔期
本合同所称间隔期，是指自上一次获得给付的重大疾病的确诊日起算的一百八十日。被保险人在间隔期内被确诊患有其他重大疾病的，我们对该次确诊不予给付。
"""
    )
    inside = ask(
        wording,
        "2025年1月10号心梗赔过一次重疾了，5月20号又查出肺癌，第二次能赔吗？等满180天再申请可以吗",
    )
    after = ask(wording, "2025年1月10号心梗赔过一次重疾了，2025年9月20号又查出肺癌，第二次能赔吗")
    assert inside is not None and inside.kind == "interval" and inside.decision == "no"
    assert "130天" in inside.answer and inside.conditions
    assert after is None or after.kind != "interval"


def test_the_interval_does_not_run_from_a_mild_payout() -> None:
    wording = product(
        NOTICE
        + """### 8.5 间隔期
本合同所称间隔期，是指自上一次获得给付的重大疾病的确诊日起算的一百八十日。
"""
    )
    verdict = ask(wording, "2024年5月10号确诊甲状腺癌赔了轻症，2024年8月1号又确诊肺癌，能赔吗")
    assert verdict is None or verdict.kind != "interval"


def test_a_renewal_in_time_still_says_renewal_is_not_guaranteed() -> None:
    wording = product(
        ONE_YEAR.replace(
            "保险期间届满前，您可以申请续保。", "本产品不保证续保。保险期间届满前，您可以申请续保。"
        )
    )
    verdict = ask(wording, "保单到期10天后才去交续保的钱，还算连续投保吗")
    assert verdict is not None and verdict.decision == "yes"
    assert "不保证续保" in " ".join(verdict.conditions)


LATE_PREMIUM = """---
code: T-MED-R
name: 测试续安医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试续安医疗保险条款

## 1 合同
### 1.1 续保
如保险期间届满时续保保险费尚未交纳，您可在届满日次日起三十日内补交；在此三十日内补交完毕的，续保合同视为连续生效，但这三十日内发生的保险事故，我们在您补交保险费前不承担保险责任。
### 1.2 延续住院
被保险人至保险期间届满时仍未出院，且本合同未续保的，我们继续承担该次住院的保险责任，但最长至保险期间届满日后第三十日止。
"""


def test_a_late_premium_days_window_with_the_renewal_word_before_it() -> None:
    wording = product(LATE_PREMIUM)
    assert wording.facts.periods["renewal"].amount == 30
    assert wording.facts.periods["extension"].amount == 30
    verdict = ask(
        wording, "8月31号到期，忘了续，9月10号住院了，9月20号才交上续保费，这次住院能赔吗"
    )
    assert verdict is not None and verdict.decision == "no" and "9月10日" in verdict.answer


def test_a_stay_told_as_住的院_is_a_stay() -> None:
    verdict = ask(
        product(LATE_PREMIUM), "12月31日到期，不打算续了。12月20日住的院，明年1月20日出院，还赔吗"
    )
    assert verdict is not None and verdict.kind == "extension"


def test_whether_the_waiting_period_restarts_after_reinstatement_asked_outright(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(illness, story("断交半年了 补交恢复以后观察期要重新算吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "yes" and "重新计算" in verdict.answer
