"""The one clock: policies, claims and customers' stories are dated in Beijing time."""

from __future__ import annotations

import datetime as dt

CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def china_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Beijing time, the day policies and claims are dated by.

    Args:
        now: An aware moment; the current time when ``None``.
    """
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(CHINA_TIME).date()
