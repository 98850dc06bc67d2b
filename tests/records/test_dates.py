"""Counting periods: the start day is not counted; months and years end on the same day."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.facts import Period
from bot.records.dates import china_today, chinese_date, period_end


def period(amount: float, unit: str) -> Period:
    return Period("waiting", amount, unit, "2.3", "")


@pytest.mark.parametrize(
    ("start", "length", "end"),
    [
        (dt.date(2026, 3, 1), period(90, "日"), dt.date(2026, 5, 30)),
        (dt.date(2026, 3, 1), period(90, "天"), dt.date(2026, 5, 30)),
        (dt.date(2026, 12, 20), period(15, "日"), dt.date(2027, 1, 4)),
        (dt.date(2026, 1, 31), period(1, "月"), dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), period(1, "个月"), dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 15), period(3, "个月"), dt.date(2027, 2, 15)),
        (dt.date(2026, 8, 28), period(2, "年"), dt.date(2028, 8, 28)),
        (dt.date(2028, 2, 29), period(1, "年"), dt.date(2029, 2, 28)),
    ],
)
def test_a_period_ends_where_the_civil_code_says(
    start: dt.date, length: Period, end: dt.date
) -> None:
    assert period_end(start, length) == end


def test_a_period_in_hours_or_half_units_is_refused_with_its_article() -> None:
    with pytest.raises(ValueError, match=r"'小时'.*日, 天, 月, 个月 or 年"):
        period_end(dt.date(2026, 3, 1), period(48, "小时"))
    with pytest.raises(ValueError, match=r"article 2\.3"):
        period_end(dt.date(2026, 3, 1), period(1.5, "年"))


def test_dates_are_written_the_chinese_way() -> None:
    assert chinese_date(dt.date(2026, 3, 1)) == "2026年3月1日"


def test_today_is_the_beijing_date() -> None:
    late_evening_utc = dt.datetime(2026, 3, 10, 16, 30, tzinfo=dt.timezone.utc)
    assert china_today(late_evening_utc) == dt.date(2026, 3, 11)
    assert china_today(dt.datetime(2026, 3, 10, 15, 59, tzinfo=dt.timezone.utc)) == dt.date(
        2026, 3, 10
    )
