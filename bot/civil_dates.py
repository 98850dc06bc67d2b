"""Counting a period's days as the Civil Code does, and writing dates as customers read them.

The day a period counts from is not included (民法典 第201条), so a 90日 period from 3月1日 ends
on 5月30日; a period in months or years ends on the same day of the month, or on the month's last
day when it has no such day (第202条).
"""

from __future__ import annotations

import calendar
import datetime as dt

DAY_UNITS = frozenset({"日", "天"})
MONTH_UNITS = frozenset({"月", "个月"})
YEAR_UNITS = frozenset({"年"})


def period_end(start: dt.date, amount: float, unit: str) -> dt.date:
    """The last day of a period of ``amount`` ``unit`` counted from ``start`` (not included).

    Raises:
        ValueError: ``unit`` is not 日/天/月/个月/年, or ``amount`` is not whole.
    """
    whole = int(amount)
    if whole != amount:
        raise ValueError(f"a period of {amount:g}{unit} is not a whole number of units")
    if unit in DAY_UNITS:
        return start + dt.timedelta(days=whole)
    if unit in MONTH_UNITS | YEAR_UNITS:
        return add_months(start, whole * 12 if unit in YEAR_UNITS else whole)
    raise ValueError(f"a period in {unit!r} cannot be counted: use 日, 天, 月, 个月 or 年")


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or that month's last day when it has no such day."""
    years, month_index = divmod(start.month - 1 + months, 12)
    year, month = start.year + years, month_index + 1
    return start.replace(year=year, month=month, day=min(start.day, _month_days(year, month)))


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def chinese_date(day: dt.date) -> str:
    """``"2026年3月1日"``."""
    return f"{day.year}年{day.month}月{day.day}日"
