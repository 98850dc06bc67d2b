"""Dates as customers type them: 2026年3月5日, 3月5号, 2026-03-05, 三月五日, 昨天, 上周三, 3天前.

What a customer wrote, read into a calendar day as of the day they wrote it.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge.text import chinese_number
from bot.text import half_width

_NUMBER = r"(\d{1,2}|[一二三四五六七八九十两]{1,3})"
_FULL_DATE = re.compile(r"(?<!\d)(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)")
_MONTH_DAY = re.compile(rf"(?<!\d){_NUMBER}月{_NUMBER}[日号]?")
_DAYS_AGO = re.compile(rf"{_NUMBER}天(?:以)?前")
_WEEKDAY = re.compile(r"(上上|上|这|本)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天七1-7])")
# Longer words first: "大前天" before "前天".
_RELATIVE_DAYS: tuple[tuple[str, int], ...] = (
    ("大前天", 3), ("前天", 2), ("前日", 2), ("昨天", 1), ("昨日", 1), ("昨晚", 1), ("昨夜", 1),
    ("今天", 0), ("今日", 0), ("今早", 0), ("今晚", 0), ("刚才", 0),
)  # fmt: skip
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_WEEKS_BACK = {"上上": 2, "上": 1, "这": 0, "本": 0, "": 0}

SMALL_NUMBER = re.compile(
    r"\d{1,2}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]"
)


def small_number(text: str) -> int | None:
    """``"12"``, ``"十二"``, ``"二十一"`` → the number (up to 99), or ``None``."""
    if not SMALL_NUMBER.fullmatch(text):
        return None
    value = chinese_number(text)
    if value is None or value != int(value) or not 0 < value < 100:
        return None
    return int(value)


def spoken_date(text: str, today: dt.date) -> dt.date | None:
    """The calendar day ``text`` names, read on ``today``; ``None`` when it names none.

    A day without a year is the latest such day on or before ``today`` (on 1月10日, "12月28日"
    is last year's). "上周三" is the Wednesday of the week before this one (weeks start on
    Monday); "周三" alone is the latest Wednesday on or before ``today``. A day that does not
    exist (2月30日) is ``None``. Whether the day may be in the future is the caller's rule.
    """
    plain = half_width(text).replace(" ", "")
    for reader in (_full_date, _month_day, _relative_day, _days_ago, _weekday):
        found = reader(plain, today)
        if found is not None:
            return found
    return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_date(text: str, today: dt.date) -> dt.date | None:
    match = _FULL_DATE.search(text)
    if match is None:
        return None
    return _day(*(int(part) for part in match.groups()))


def _month_day(text: str, today: dt.date) -> dt.date | None:
    match = _MONTH_DAY.search(text)
    if match is None:
        return None
    month, day = small_number(match.group(1)), small_number(match.group(2))
    if month is None or day is None:
        return None
    found = _day(today.year, month, day)
    if found is not None and found > today:
        found = _day(today.year - 1, month, day)
    return found


def _relative_day(text: str, today: dt.date) -> dt.date | None:
    for word, days in _RELATIVE_DAYS:
        if word in text:
            return today - dt.timedelta(days=days)
    return None


def _days_ago(text: str, today: dt.date) -> dt.date | None:
    match = _DAYS_AGO.search(text)
    if match is None:
        return None
    days = small_number(match.group(1))
    return None if days is None else today - dt.timedelta(days=days)


def _weekday(text: str, today: dt.date) -> dt.date | None:
    match = _WEEKDAY.search(text)
    if match is None:
        return None
    which, day = match.group(1), match.group(2)
    weekday = int(day) - 1 if day.isdigit() else _WEEKDAYS[day]
    if which is None:
        return today - dt.timedelta(days=(today.weekday() - weekday) % 7)
    monday = today - dt.timedelta(days=today.weekday() + 7 * _WEEKS_BACK[which])
    return monday + dt.timedelta(days=weekday)
