"""The one clock: policies, claims and customers' stories are dated in Beijing time; moments are
kept in UTC (naive UTC in the database)."""

from __future__ import annotations

import datetime as dt

CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def utc_now() -> dt.datetime:
    """The current moment, timezone-aware UTC."""
    return dt.datetime.now(dt.timezone.utc)


def naive_utc_now() -> dt.datetime:
    """The current moment as the database keeps it: naive UTC."""
    return utc_now().replace(tzinfo=None)


def china_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Beijing time, the day policies and claims are dated by.

    Args:
        now: An aware moment; the current time when ``None``.
    """
    return (now or utc_now()).astimezone(CHINA_TIME).date()
