"""The facts of a customer's case: kept across turns and changed one at a time."""

from __future__ import annotations

import datetime as dt

from actions.case import changed_case, told_facts

TODAY = dt.date(2026, 12, 6)


def test_the_facts_told_are_kept_in_the_order_told() -> None:
    assert (
        told_facts("保额30万，住院花了6万，医保报了2万，能赔多少")
        == "保额30万，住院花了6万，医保报了2万"
    )


def test_a_changed_sum_insured_replaces_the_one_told_before() -> None:
    changed = changed_case("安心多倍保 保额30万 甲状腺癌一期能赔多少", "那保额50万呢", TODAY)
    assert changed is not None and "保额50万" in changed and "30万" not in changed


def test_a_changed_age_replaces_the_age_told_before() -> None:
    changed = changed_case("我爸今年53岁 能买康宁吗", "那我妈48岁呢", TODAY)
    assert changed is not None and "48岁" in changed and "53" not in changed


def test_a_later_diagnosis_day_replaces_the_diagnosis_day_only() -> None:
    changed = changed_case(
        "2025年3月1日生效 2025年5月查出乳腺癌 能赔吗", "那如果是2025年8月才查出来呢", TODAY
    )
    assert changed is not None
    assert "2025年3月1日生效" in changed and "2025年8月查出" in changed


def test_not_using_social_insurance_drops_what_it_paid() -> None:
    changed = changed_case("住院花了6万 医保报了2万 能报多少", "那要是没走医保呢", TODAY)
    assert changed is not None and "医保报了" not in changed and "没走医保" in changed


def test_a_follow_up_without_facts_changes_nothing() -> None:
    assert changed_case("保额30万 甲状腺癌一期能赔多少", "那中症呢", TODAY) is None


def test_a_day_without_an_event_replaces_the_one_day_that_is_not_the_start() -> None:
    changed = changed_case("2025年3月1日生效 2025年5月10号确诊 能赔吗", "那要是6月1号呢", TODAY)
    assert changed is not None and "3月1日生效" in changed and "2025年6月1号确诊" in changed


def test_a_new_length_of_the_same_stretch_replaces_the_old_one() -> None:
    changed = changed_case("康宁 买了2个月查出乳腺癌 能赔吗", "那要是买了半年才查出来呢", TODAY)
    assert changed is not None and "半年" in changed and "2个月" not in changed


def test_premiums_paid_are_kept_and_changed() -> None:
    assert told_facts("保额20万，交了5年，每年6000，病故了") == "保额20万，交了5年，每年6000"
    changed = changed_case("保额20万，交了5年，每年6000，病故了能赔多少", "那要是交了8年呢", TODAY)
    assert changed is not None and "交了8年" in changed and "5年" not in changed


def test_going_through_social_insurance_drops_the_earlier_not_going_through_it() -> None:
    changed = changed_case(
        "金康医疗 阑尾炎住院 一共花了2万5 当时没走医保 全自费的 能赔多少",
        "那如果走了医保 医保报了1万呢",
        TODAY,
    )
    assert changed is not None and "没走医保" not in changed and "医保报了1万" in changed


def test_a_later_stage_replaces_the_stage_told_before() -> None:
    changed = changed_case("保额30万 甲状腺乳头状癌 医生说是一期 能赔30万吗", "那要是二期呢", TODAY)
    assert changed is not None and "二期" in changed and "一期" not in changed
