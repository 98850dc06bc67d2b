"""Reading a customer's story: events on dates, durations, amounts by role, who and what."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.situation import DaySpan, read_situation

TODAY = dt.date(2026, 12, 4)


def story(question: str):  # type: ignore[no-untyped-def]
    return read_situation(question, TODAY)


def test_dates_are_tied_to_the_events_told_beside_them() -> None:
    found = story("保单3月1号生效，5月20号查出乳腺癌，能赔吗")
    assert [(d.kind, d.first) for d in found.dated] == [
        ("effective", dt.date(2026, 3, 1)),
        ("diagnosis", dt.date(2026, 5, 20)),
    ]
    assert found.days_between("effective", "diagnosis") == DaySpan(80, 80)


def test_a_later_month_without_a_year_takes_the_year_told_before() -> None:
    found = story("保单2025年3月1日生效的，孩子6月10日查出甲状腺癌")
    assert found.days_between("effective", "diagnosis") == DaySpan(101, 101)


def test_a_month_alone_is_a_range_of_days() -> None:
    found = story("去年3月1日生效，今年5月确诊甲状腺癌")
    assert found.days_between("effective", "diagnosis") == DaySpan(426, 456)


def test_a_date_in_a_story_told_out_of_order_keeps_its_year() -> None:
    found = story("5月10号那期忘了交，一直到8月1号才发现。中间7月20号我得了肺炎住院")
    assert found.days_between("lapsed", "diagnosis") in (DaySpan(83, 83), DaySpan(71, 71))
    assert all(d.first.year == 2026 for d in found.dated)


def test_a_recurring_day_is_not_an_event() -> None:
    found = story("每年8月1号扣款，2028年5月10号确诊轻症")
    assert [d.kind for d in found.dated] == ["diagnosis"]


def test_durations_count_from_the_event_they_follow() -> None:
    assert story("签收后第12天想退保").days_between("signed", "surrender") == DaySpan(12, 12)
    assert story("买了两个月就查出甲状腺癌").days_between("effective", "diagnosis") == DaySpan(
        60, 62
    )
    assert story("保单失效22个月了还能复效吗").days_between("lapsed", "now") == DaySpan(660, 682)


def test_a_refund_asked_on_a_day_is_counted_to_that_day() -> None:
    found = story("签收是6月1号 到6月25号才想起来要退")
    assert found.days_between("signed", "surrender") == DaySpan(24, 24)


def test_how_long_an_illness_or_treatment_lasted() -> None:
    assert story("尿毒症5期 透析刚两个月").durations == (DaySpan(60, 62),)
    assert DaySpan(4, 4) in story("上了呼吸机96小时").durations
    assert story("保单买了两年，最近确诊").durations == ()


def test_amounts_are_read_by_their_role() -> None:
    found = story("保额30万，住院花了6万，医保报了2万，还能赔多少")
    assert (found.sum_insured, found.expenses, found.reimbursed) == (300_000, 60_000, 20_000)
    premium = story("小星辰年交保费3600，保额20万")
    assert (premium.sum_insured, premium.annual_premium) == (200_000, 3600)


def test_two_stays_in_a_year_add_up() -> None:
    found = story("第一次花了2.5万医保报了1万，第二次花了3万医保报了1.2万")
    assert (found.expenses, found.reimbursed) == (55_000, 22_000)


def test_what_this_policy_paid_before_is_not_what_others_reimbursed() -> None:
    found = story("今年已经赔了295万了，这次又住院花了10万")
    assert (found.paid_before, found.reimbursed, found.expenses) == (2_950_000, None, 100_000)


def test_social_insurance_used_or_not() -> None:
    assert story("住院花了6万，医保报了2万").social_insurance == "used"
    assert story("忘带医保卡了 门诊自费900").social_insurance == "not_used"
    assert story("投保时选的无社保").social_insurance == "none"


def test_earlier_claims_ages_grades_and_what_is_asked() -> None:
    found = story("保额20万 已经赔过三次轻症了，孩子9岁，还能赔多少")
    assert found.earlier_claims == {"mild": 3}
    assert found.age == 9
    assert "amount" in found.asks
    assert story("车祸三级伤残能赔多少").disability_grade == 3
    assert story("骑车摔了住院").cause == "accident"


def test_premium_installment_and_days_of_the_period_are_read() -> None:
    yearly = read_situation("年交保费2400元，保单2025年3月1日到2026年2月28日，过了100天想退保")
    assert (yearly.premium, yearly.installment) == (2400.0, "single")
    assert (yearly.days_passed, yearly.period_days) == (100, 365)
    monthly = read_situation("我是按月交的每月120块，本月31天已经过了10天")
    assert (monthly.premium, monthly.installment) == (120.0, "monthly")
    assert (monthly.days_passed, monthly.period_days) == (10, 31)


def test_an_amount_in_yuan_followed_by_once_is_still_money() -> None:
    situation = read_situation("保费3000元一次交清的")
    assert situation.premium == 3000.0


def test_each_of_several_visits_costing_the_same_is_summed() -> None:
    assert read_situation("先看了眼科又看了皮肤科，各花了300").expenses == 600.0
    assert read_situation("跑了三家医院，各花了200").expenses == 600.0
    assert read_situation("看门诊花了300").expenses == 300.0


def test_the_deductible_used_up_is_told_but_not_when_asked() -> None:
    assert read_situation("今年免赔额早扣完了，这次住院花了2万").deductible_left == 0.0
    assert read_situation("免赔额还剩3000，这次住院花了2万").deductible_left == 3000.0
    asked = read_situation("住院花了3万医保报了1万，是不是免赔额就算抵完了？")
    assert asked.deductible_left is None


def test_cash_value_premiums_paid_and_a_denied_claim_are_read() -> None:
    told = read_situation("交了3年，每年8000，没赔过重疾，现金价值查了是1.5万")
    assert (told.premiums_paid, told.cash_value) == (24000.0, 15000.0)
    assert told.earlier_claims == {}
    assert read_situation("一共交了6万，现金价值5.2万").premiums_paid == 60000.0


def test_a_premium_paid_short_and_a_payout_told_are_read() -> None:
    told = read_situation("实际每年应该交1万，我们交的是9000，按保单算的理赔金是20万")
    assert told.premium_shortfall == (9000.0, 10000.0)
    assert told.told_payout == 200000.0
    assert read_situation("年交保费8000，保额30万").premium_shortfall is None


def test_a_loan_owed_is_read_but_not_an_unpaid_premium() -> None:
    assert read_situation("借了保单贷款2万，加利息一共还欠20600没还").debt == 20600.0
    assert read_situation("欠交保费7200").debt is None


def test_a_debt_behind_an_automatic_premium_loan_is_read() -> None:
    assert read_situation("之前自动垫交保费欠了公司2万还没还").debt == 20000.0


def test_the_part_of_the_deductible_already_used_is_read() -> None:
    assert read_situation("今年已经用掉了6000免赔额，这次住院花了5万").deductible_used == 6000.0
    assert read_situation("免赔额之前扣了5000").deductible_used == 5000.0
    assert read_situation("住院花了5万，医保报了2万").deductible_used is None


def test_an_event_before_after_anchors_the_date_not_names_it() -> None:
    found = story("保单中止后我2025年2月10号补交了保费复效，4月20号确诊")
    assert [d.kind for d in found.dated] == ["reinstated", "diagnosis"]


def test_the_product_name_is_not_an_accident_and_a_far_event_in_the_clause_counts() -> None:
    found = story("我2月28号晚上十点多在app上把安途意外险的首期保费付了，3月1号早上被车撞了")
    assert [(d.kind, d.first.day) for d in found.dated] == [("paid", 28), ("accident", 1)]


def test_the_same_day_and_the_next_day_are_dated_from_the_day_told_before() -> None:
    found = story("8月3号上午补交了保费，当天晚上出了车祸，第二天住院")
    assert [(d.kind, d.first) for d in found.dated] == [
        ("reinstated", dt.date(2026, 8, 3)),
        ("accident", dt.date(2026, 8, 3)),
        ("hospital", dt.date(2026, 8, 4)),
    ]


def test_a_missed_recurring_payment_is_that_day_of_the_year_told() -> None:
    found = story("保单2022年5月1号生效，每年5月1号交费，今年忘了交，6月15号确诊")
    assert found.days_between("due", "diagnosis") == DaySpan(45, 45)


def test_a_term_told_as_a_range_gives_its_end() -> None:
    found = story("保单期间是2025.9.1-2026.8.31，今年3月开始没交了，现在9月10号了想复效")
    kinds = {d.kind: d.first for d in found.dated}
    assert kinds["expiry"] == dt.date(2026, 8, 31) and kinds["now"] == dt.date(2026, 9, 10)


def test_an_event_so_long_ago() -> None:
    found = story("我两年零三个月前住院花了一笔钱")
    assert found.days_between("hospital", "now") == DaySpan(820, 825)


def test_the_first_symptom_is_an_event_of_its_own() -> None:
    found = story("2025年6月1号生效的，6月18号开始胃疼去医院，8月10号住院")
    assert [d.kind for d in found.dated] == ["effective", "symptom", "hospital"]


def test_an_illness_lasts_from_its_diagnosis_to_a_later_check_up() -> None:
    found = story("孩子2025年1月5日确诊川崎病，5月1日复查还在")
    assert DaySpan(116, 116) in found.durations


def test_an_aside_after_a_date_does_not_hide_its_event() -> None:
    found = story("2025年9月10号（刚好生日那天）出车祸去世了")
    assert [(d.kind, d.first) for d in found.dated] == [("accident", dt.date(2025, 9, 10))]


def test_a_day_told_without_an_event_word_is_kept_as_told() -> None:
    found = story("2025年6月1号生效的，8月20号因为血管狭窄弄了个东西")
    assert [d.kind for d in found.dated] == ["effective", "told"]


def test_what_befalls_the_insured_after_a_day_outweighs_a_state_told_before_it() -> None:
    found = story("约定6月15号交 我忘交了 7月20号我老公出车祸走了")
    assert [d.kind for d in found.dated] == ["due", "accident"]
    found = story("今年3月15号该交费忘了交 4月30号因为病窦综合征装了永久起搏器")
    assert [d.kind for d in found.dated] == ["due", "treatment"]


def test_the_day_a_customer_no_longer_wants_the_policy_is_the_surrender_day() -> None:
    found = story("我6月1号在网上买的，6月9号不想要了，能全退吗")
    assert [d.kind for d in found.dated] == ["effective", "surrender"]


def test_an_event_closing_the_clause_before_a_date_is_not_that_date_event() -> None:
    found = story("2024年9月1号生效的 2025年6月想办点事 现在可以吗")
    assert [d.kind for d in found.dated] == ["effective", "now"]


def test_a_date_followed_by_born_is_a_birth_and_happened_is_not() -> None:
    assert [d.kind for d in story("我妈1964年5月1号生的").dated] == ["birth"]
    assert [d.kind for d in story("3月1号发生的车祸").dated] == ["accident"]


def test_a_sum_insured_followed_by_how_the_premium_is_paid_is_still_money() -> None:
    told = read_situation("买了两年 保额30万 年交的 查出肺癌 能赔多少", today=dt.date(2026, 1, 1))
    assert told.sum_insured == 300_000


def test_asking_for_the_conditions_is_not_asking_for_documents() -> None:
    assert "documents" not in read_situation("停效一年半了，还能恢复吗？需要什么条件？").asks
    assert "documents" in read_situation("理赔需要什么材料").asks


def test_a_policy_that_stopped_in_force_has_lapsed() -> None:
    lapsed = read_situation("欠费停效一年半了，还能恢复吗").elapsed
    assert [(e.since, e.until) for e in lapsed] == [("lapsed", "now")]
