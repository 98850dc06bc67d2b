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
