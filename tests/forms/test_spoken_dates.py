"""bot.forms.spoken_dates: the days customers name, read on a fixed day."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.forms.spoken_dates import small_number, spoken_date

WEDNESDAY = dt.date(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026年3月5日", dt.date(2026, 3, 5)),
        ("是2025年12月30号确诊的", dt.date(2025, 12, 30)),
        ("2026-03-05", dt.date(2026, 3, 5)),
        ("2026/3/5", dt.date(2026, 3, 5)),
        ("２０２６年３月５日", dt.date(2026, 3, 5)),
        ("3月5日", dt.date(2026, 3, 5)),
        ("3月5号住的院", dt.date(2026, 3, 5)),
        ("三月五日", dt.date(2026, 3, 5)),
        ("二月二十八号", dt.date(2026, 2, 28)),
        ("今天早上", WEDNESDAY),
        ("昨天晚上在家摔倒了", dt.date(2026, 3, 10)),
        ("前天", dt.date(2026, 3, 9)),
        ("大前天", dt.date(2026, 3, 8)),
        ("3天前", dt.date(2026, 3, 8)),
        ("两天前", dt.date(2026, 3, 9)),
        ("上周三", dt.date(2026, 3, 4)),
        ("上星期五", dt.date(2026, 3, 6)),
        ("上周日", dt.date(2026, 3, 8)),
        ("上上周一", dt.date(2026, 2, 23)),
        ("周一", dt.date(2026, 3, 9)),
        ("礼拜四", dt.date(2026, 3, 5)),
    ],
)
def test_spoken_dates(text: str, day: dt.date) -> None:
    assert spoken_date(text, WEDNESDAY) == day


def test_a_day_without_a_year_is_the_latest_one_not_after_today() -> None:
    assert spoken_date("12月28日", dt.date(2026, 1, 10)) == dt.date(2025, 12, 28)
    assert spoken_date("1月9日", dt.date(2026, 1, 10)) == dt.date(2026, 1, 9)


def test_this_weeks_later_day_is_read_as_named_the_caller_refuses_the_future() -> None:
    assert spoken_date("这周五", WEDNESDAY) == dt.date(2026, 3, 13)


@pytest.mark.parametrize("text", ["2月30日", "2026年2月30日", "2026-13-01", "上周", "记不清了", ""])
def test_no_day(text: str) -> None:
    assert spoken_date(text, WEDNESDAY) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("7", 7), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("两", 2), ("十十", None)],
)
def test_small_number(text: str, number: int | None) -> None:
    assert small_number(text) == number
