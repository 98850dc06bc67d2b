"""Counting a period's days as the Civil Code does, and writing dates as customers read them.

The day a period counts from is not included (民法典 第201条), so a 90日 period from 3月1日 ends
on 5月30日; a period in months or years ends on the same day of the month, or on the month's last
day when it has no such day (第202条).
"""

from __future__ import annotations

import calendar
import datetime as dt

from bot.clock import CHINA_TIME, china_today
from bot.knowledge.facts import Period

__all__ = ["CHINA_TIME", "add_months", "china_today", "chinese_date", "period_end"]
DAY_UNITS = frozenset({"日", "天"})
MONTH_UNITS = frozenset({"月", "个月"})
YEAR_UNITS = frozenset({"年"})


def period_end(start: dt.date, period: Period) -> dt.date:
    """The last day of ``period`` counted from ``start`` (``start`` itself not included).

    Raises:
        ValueError: the period's unit is not 日/天/月/个月/年, or its amount is not whole.
    """
    amount = int(period.amount)
    if amount != period.amount:
        raise ValueError(
            f"{period.kind} period {period.label} (article {period.article}) is not a whole "
            "number of units; state it in days in the wording"
        )
    if period.unit in DAY_UNITS:
        return start + dt.timedelta(days=amount)
    if period.unit in MONTH_UNITS | YEAR_UNITS:
        return add_months(start, amount * 12 if period.unit in YEAR_UNITS else amount)
    raise ValueError(
        f"{period.kind} period {period.label} (article {period.article}) has unit "
        f"{period.unit!r}; a policy period must be in 日, 天, 月, 个月 or 年"
    )


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
