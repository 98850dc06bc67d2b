"""Facts as the answers use them: a period's last day on the calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.facts import Period


def test_a_period_ends_on_the_day_the_civil_code_counts() -> None:
    waiting = Period("waiting", 90, "日", "2.3", "自本合同生效之日起90日为等待期。")
    assert waiting.last_day(dt.date(2026, 3, 1)) == dt.date(2026, 5, 30)
    reinstatement = Period("reinstatement", 2, "年", "4.3", "")
    assert reinstatement.last_day(dt.date(2028, 2, 29)) == dt.date(2030, 2, 28)


def test_a_period_that_cannot_be_counted_names_its_article() -> None:
    with pytest.raises(ValueError, match=r"grace period of article 4\.2: .*'小时'"):
        Period("grace", 48, "小时", "4.2", "").last_day(dt.date(2026, 3, 1))
