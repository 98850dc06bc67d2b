"""Dates and durations in a customer's words: events on the calendar, time elapsed, how long."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.text import normalize
from bot.knowledge.timeline import (
    Dated,
    DaySpan,
    condition_durations,
    dated_durations,
    dated_events,
    elapsed,
    number,
    without_dates,
)

TODAY = dt.date(2026, 12, 4)

# ---- added (mirror of bot/knowledge/timeline.py): dated_events, elapsed, durations, number -------


def test_a_date_without_a_year_is_in_this_year_and_last_year_is_read() -> None:
    events = dated_events(normalize("3月5号确诊的，去年10月1日买的保险"), TODAY)
    assert [(e.kind, e.first, e.last) for e in events] == [
        ("diagnosis", dt.date(2026, 3, 5), dt.date(2026, 3, 5)),
        ("effective", dt.date(2025, 10, 1), dt.date(2025, 10, 1)),
    ]


def test_a_month_without_a_day_spans_the_whole_month() -> None:
    (event,) = dated_events(normalize("2024年6月买的保险"), TODAY)
    assert (event.kind, event.first, event.last) == (
        "effective",
        dt.date(2024, 6, 1),
        dt.date(2024, 6, 30),
    )


def test_the_time_since_the_policy_began_is_a_span_of_days() -> None:
    (told,) = elapsed(normalize("买了两年半，住院15天"))
    assert (told.since, told.until, told.span) == ("effective", "now", DaySpan(912, 915))


def test_days_from_the_start_to_a_diagnosis_are_exact() -> None:
    (told,) = elapsed(normalize("保单生效才20天就查出来了"))
    assert (told.since, told.until, told.span) == ("effective", "diagnosis", DaySpan(20, 20))


def test_calendar_dates_are_blanked_out_keeping_their_length() -> None:
    assert without_dates(normalize("2025年3月5日确诊，住院10天")) == "#########确诊,住院10天"


def test_how_long_an_illness_lasted_is_read_in_days() -> None:
    assert condition_durations(normalize("咳嗽三个月了，高血压五年")) == (
        DaySpan(90, 93),
        DaySpan(1825, 1830),
    )


def test_a_check_up_after_the_diagnosis_gives_how_long_the_illness_lasted() -> None:
    dated = (
        Dated("diagnosis", dt.date(2026, 1, 5), dt.date(2026, 1, 5), 0),
        Dated("treatment", dt.date(2026, 5, 1), dt.date(2026, 5, 1), 10),
    )
    assert dated_durations(dated) == (DaySpan(116, 116),)
    assert dated_durations(dated[1:]) == ()


def test_numbers_are_read_in_digits_and_in_chinese() -> None:
    assert [number(t) for t in ("三", "十五", "2.5", "两")] == [3.0, 15.0, 2.5, 2.0]
    assert number("abc") is None


def test_a_day_the_customer_means_to_act_on_is_the_day_of_asking() -> None:
    events = dated_events(normalize("2024年8月2号签收的保单，8月19号打算撤回"), TODAY)
    assert [(e.kind, e.first) for e in events] == [
        ("signed", dt.date(2024, 8, 2)),
        ("now", dt.date(2024, 8, 19)),
    ]


def test_how_long_an_illness_lasted_is_counted_to_the_dated_day_of_asking() -> None:
    onset_to_asking = dated_events(normalize("2024年11月3号心梗发作，12月20号准备去理赔"), TODAY)
    assert dated_durations(onset_to_asking) == (DaySpan(47, 47),)
    month_of_asking = dated_events(normalize("2024年7月1日开始做腹透，现在9月底了"), TODAY)
    assert dated_durations(month_of_asking) == (DaySpan(82, 91),)


def test_a_premium_falling_due_is_a_due_day_not_the_end_of_cover() -> None:
    due = dated_events(normalize("续期保费3月8号到期还没交"), TODAY)
    end = dated_events(normalize("保单3月8号到期"), TODAY)
    assert [e.kind for e in due] == ["due"] and [e.kind for e in end] == ["expiry"]


def test_the_part_of_a_month_told_narrows_the_days() -> None:
    (early,) = dated_events(normalize("6月初确诊"), TODAY)
    (late,) = dated_events(normalize("9月底住院"), TODAY)
    assert (early.first.day, early.last.day) == (1, 10)
    assert (late.first.day, late.last.day) == (21, 30)


def test_a_policy_sent_to_the_customer_is_the_day_it_was_delivered() -> None:
    (sent,) = dated_events(normalize("3月2号电子保单发到我手机上"), TODAY)
    assert sent.kind == "signed"


def test_the_day_of_asking_without_a_year_comes_after_the_story() -> None:
    events = dated_events(normalize("2024年10月8号摔伤住院，到现在1月下旬了还在复健"), TODAY)
    now = next(e for e in events if e.kind == "now")
    assert (now.first, now.last) == (dt.date(2025, 1, 21), dt.date(2025, 1, 31))


def test_today_told_right_before_a_date_makes_it_the_day_of_asking() -> None:
    events = dated_events(normalize("5月1号签收的今天5月21号还在犹豫期吗"), TODAY)
    assert [e.kind for e in events] == ["signed", "now"]


def test_a_day_the_customer_means_to_pay_or_act_is_the_day_of_asking() -> None:
    for text in ("保费3月15日该交，4月20日还能交吗", "交费日是5月10日，7月5号才能交上"):
        assert [e.kind for e in dated_events(normalize(text), TODAY)] == ["due", "now"]


def test_a_first_complaint_told_by_its_signs_is_a_symptom() -> None:
    events = dated_events(normalize("3月1日生效，3月15日她开始咳嗽发烧，4月10日查出肺炎"), TODAY)
    assert [e.kind for e in events] == ["effective", "symptom", "diagnosis"]


def test_a_month_and_more_is_not_yet_two_months() -> None:
    (told,) = elapsed(normalize("保费忘交了 过了一个多月了"))
    assert told.span == DaySpan(31, 59)
