"""Counting periods: the start day is not counted; months and years end on the same day."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.civil_dates import chinese_date, period_end


@pytest.mark.parametrize(
    ("start", "amount", "unit", "end"),
    [
        (dt.date(2026, 3, 1), 90, "日", dt.date(2026, 5, 30)),
        (dt.date(2026, 3, 1), 90, "天", dt.date(2026, 5, 30)),
        (dt.date(2026, 12, 20), 15, "日", dt.date(2027, 1, 4)),
        (dt.date(2026, 1, 31), 1, "月", dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, "个月", dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 15), 3, "个月", dt.date(2027, 2, 15)),
        (dt.date(2026, 8, 28), 2, "年", dt.date(2028, 8, 28)),
        (dt.date(2028, 2, 29), 1, "年", dt.date(2029, 2, 28)),
    ],
)
def test_a_period_ends_where_the_civil_code_says(
    start: dt.date, amount: float, unit: str, end: dt.date
) -> None:
    assert period_end(start, amount, unit) == end


def test_a_period_in_hours_or_half_units_is_refused() -> None:
    with pytest.raises(ValueError, match=r"'小时'.*日, 天, 月, 个月 or 年"):
        period_end(dt.date(2026, 3, 1), 48, "小时")
    with pytest.raises(ValueError, match="not a whole number"):
        period_end(dt.date(2026, 3, 1), 1.5, "年")


def test_dates_are_written_the_chinese_way() -> None:
    assert chinese_date(dt.date(2026, 3, 1)) == "2026年3月1日"
