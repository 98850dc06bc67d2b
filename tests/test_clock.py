"""The one clock: today is the Beijing date."""

from __future__ import annotations

import datetime as dt

from bot.clock import china_today


def test_today_is_the_beijing_date() -> None:
    late_evening_utc = dt.datetime(2026, 3, 10, 16, 30, tzinfo=dt.timezone.utc)
    assert china_today(late_evening_utc) == dt.date(2026, 3, 11)
    assert china_today(dt.datetime(2026, 3, 10, 15, 59, tzinfo=dt.timezone.utc)) == dt.date(
        2026, 3, 10
    )
