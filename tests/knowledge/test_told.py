"""What a customer tells in passing: amounts, ages, days, plans, earlier claims."""

from __future__ import annotations

from bot.knowledge import told
from bot.knowledge.text import normalize

# ---- added (mirror of bot/knowledge/told.py): one reading each, on the customer's own words ------


def test_the_expenses_are_what_the_customer_spent_not_what_was_reimbursed() -> None:
    assert told.expenses(normalize("住院一共花了3.5万")) == 35000.0
    assert told.expenses(normalize("医保报了1万，自己花了3万")) == 30000.0


def test_what_others_paid_is_read_apart_from_the_bill() -> None:
    assert told.reimbursed(normalize("医保报了1.2万")) == 12000.0
    assert told.other_paid(normalize("单位团险赔了5000")) == 5000.0


def test_the_deductible_left_and_used() -> None:
    assert told.deductible_left(normalize("免赔额还剩3000")) == 3000.0
    assert told.deductible_used(normalize("免赔额已经用了6000")) == 6000.0


def test_social_insurance_used_or_not() -> None:
    assert told.social_insurance(normalize("我有社保，走医保结算的")) == "used"
    assert told.social_insurance(normalize("没有社保")) == "none"
    assert told.social_insurance(normalize("没走医保")) == "not_used"


def test_the_cause_is_an_accident_or_an_illness() -> None:
    assert told.cause(normalize("出车祸受伤了")) == "accident"
    assert told.cause(normalize("得了肺炎")) == "illness"


def test_ages_grades_and_days_in_hospital() -> None:
    assert told.age(normalize("我今年45岁")) == 45
    assert told.age(normalize("我爸今年62了")) == 62
    assert told.age_at_claim(normalize("确诊时52岁")) == 52
    assert told.grade(normalize("鉴定为八级伤残")) == 8
    assert told.hospital_days(normalize("住院住了12天")) == 12


def test_days_in_intensive_care_and_in_an_ordinary_ward() -> None:
    assert told.icu_days(normalize("在ICU住了3天")) == 3
    assert told.ward_days(normalize("普通病房住了5天")) == 5
    assert told.allowance_days_used(normalize("已经领了150天的住院津贴")) == 150


def test_the_plan_the_years_paid_and_the_premium() -> None:
    assert told.plan(normalize("我买的计划二")) == "计划二"
    assert told.years_paid(normalize("已经交了5年")) == 5
    assert told.premium(normalize("年交保费3000元")) == 3000.0
    assert told.premium(normalize("保额50万")) is None


def test_how_the_premium_is_paid() -> None:
    assert told.installment(normalize("每月交费")) == "monthly"
    assert told.installment(normalize("一次性交清的")) == "single"


def test_premiums_paid_are_the_annual_premium_times_the_years() -> None:
    assert told.premiums_paid("", 3000.0, 3) == 9000.0


def test_premiums_paid_told_as_a_sum_are_read_but_a_years_premium_is_not() -> None:
    assert told.premiums_paid(normalize("已经交了15万保费，现金价值13万"), None, None) == 150_000
    assert told.premiums_paid(normalize("每年交了1万保费"), None, None) is None


def test_the_days_of_the_period_passed_and_its_length() -> None:
    assert told.days_passed(normalize("现在过了146天")) == 146
    assert told.period_days(normalize("保险期间365天")) == 365
    assert told.period_days(normalize("2025年1月1日到2025年12月31日")) == 365


def test_earlier_claims_and_the_categories_asked_about() -> None:
    assert told.earlier_claims(normalize("之前已经赔过一次轻症")) == {"mild": 1}
    assert told.asked_categories(normalize("轻症和重疾各赔多少")) == ("severe", "mild")


def test_a_cash_value_a_debt_and_a_payout_told() -> None:
    assert told.cash_value(normalize("现金价值1.5万")) == 15000.0
    assert told.debt(normalize("还欠着贷款2万")) == 20000.0
    assert told.told_payout(normalize("按保单算的理赔金是20万")) == 200000.0
    assert told.told_payout(normalize("理赔算下来应赔2万 每月保费120")) == 20000.0
    assert told.paid_before(normalize("之前已经赔了2万")) == 20000.0


def test_a_premium_short_of_what_was_due_is_paid_and_due() -> None:
    assert told.premium_shortfall(normalize("实际交8000，应该交10000")) == (8000.0, 10000.0)
    assert told.premium_shortfall(normalize("实际交10000，应该交8000")) is None


def test_money_told_just_before_a_year_word_is_still_money() -> None:
    text = normalize("门诊花了6500 医保报了1500 今年是第一年")
    assert told.expenses(text) == 6500 and told.reimbursed(text) == 1500
    assert told.expenses(normalize("开刀花了12万首年")) == 120_000


def test_the_year_of_cover_told_as_a_renewal_or_the_first_year() -> None:
    assert told.cover_year(normalize("这是续保的第三年")) == 3
    assert told.cover_year(normalize("首年就住院了")) == 1
    assert told.cover_year(normalize("住院第4天")) is None


def test_years_without_a_claim_before_this_one() -> None:
    assert told.claim_free_years(normalize("过去三年一直没出险")) == 3
    assert told.claim_free_years(normalize("去年赔过一次")) is None


def test_the_age_is_of_the_person_the_question_is_for() -> None:
    assert told.age(normalize("我今年38岁，女儿6岁，我能投保吗")) == 38
    assert told.age(normalize("我今年38岁，想给女儿买，她6岁")) == 6
    assert told.age(normalize("老公52岁，我49岁，给老公投保")) == 52


def test_days_gone_by_since_cover_began() -> None:
    assert told.days_passed(normalize("保单生效了100天")) == 100
    assert told.days_passed(normalize("保了40天")) == 40


def test_earlier_claims_counted_before_the_paid_word() -> None:
    assert told.earlier_claims(normalize("轻症三次都赔完了")) == {"mild": 3}


def test_months_gone_by_are_days_passed_and_a_premium_is_not_an_expense() -> None:
    from bot.knowledge.told import days_passed, expenses

    assert days_passed("年交的3600 买了4个月了 现在想退") == 122
    assert days_passed("一年交了1200 过了半年想退") == 182
    assert days_passed("生效满73天了想退保") == 73
    assert expenses("一年交了1200 过了半年想退") is None


def test_the_plan_in_any_of_the_ways_customers_name_it() -> None:
    assert told.plan(normalize("買的是計劃三")) == "计划三"
    assert told.plan(normalize("计划2")) == "计划二"
    assert told.plan(normalize("买的第二档")) == "第二档"
    assert told.plan(normalize("我选的升级版")) == "升级版"
    assert told.plan(normalize("方案B")) == "方案B"
    assert told.plan(normalize("陆通畅行C计划，自己开车")) == "计划C"
    assert told.plan(normalize("选的b方案")) == "方案B"
    assert told.plan(normalize("住院花了2万")) is None


def test_an_expense_named_by_what_it_paid_for_but_not_a_premium() -> None:
    assert told.expenses(normalize("叫了救护车，救护车费2600，能报多少")) == 2600.0
    assert told.expenses(normalize("一年保费3650元")) is None


def test_amounts_as_customers_say_them() -> None:
    assert told.expenses(normalize("阑尾炎住院 一共花了2万5")) == 25000
    assert told.reimbursed(normalize("住院花了3万 社保报了1万5")) == 15000
    assert told.expenses(normalize("有社保 住院8万 医保报了3万")) == 80000
    assert told.expenses(normalize("住院3天 保额50万")) is None


def test_every_stay_s_reimbursement_counts_with_the_stays_summed() -> None:
    text = normalize("3月住院花了6000 医保报了2000 现在又住院了 花了2万 医保报了8000 这次能赔多少")
    assert told.expenses(text) == 26000.0
    assert told.reimbursed(text) == 10000.0


def test_settled_outside_social_insurance_and_days_in_intensive_care_as_customers_say_them() -> (
    None
):
    assert told.social_insurance(normalize("在外地住院没办异地备案 医保没结算上")) == "not_used"
    assert told.icu_days(normalize("3月1号入院3月11号出院 其中有3天在ICU")) == 3


def test_an_age_told_as_a_person_and_a_number() -> None:
    assert told.age(normalize("我妈58了 能买安心多倍保吗")) == 58
    assert told.age(normalize("我交了3年了")) is None
    assert told.age(normalize("他住院10天了")) is None
