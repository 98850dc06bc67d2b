"""When cover holds, from the wording: from the effective date, not while suspended."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.cover import before_cover, suspended_cover
from bot.knowledge.general import general_rule


def test_an_event_before_the_effective_date_is_outside_cover_citing_the_article(
    sample_kb: KnowledgeBase,
) -> None:
    product = sample_kb.products["KN-CI-2024"]
    outside = before_cover(product, dt.date(2025, 3, 1), dt.date(2025, 2, 28))
    assert outside is not None and outside.article == "1.2"
    assert "不在这份保单的保障范围内" in outside.rule
    assert before_cover(product, dt.date(2025, 3, 1), dt.date(2025, 3, 1)) is None


def test_a_suspended_contract_covers_nothing_in_the_wordings_own_words(
    sample_kb: KnowledgeBase,
) -> None:
    medical = suspended_cover(sample_kb.products["JK-MED-2024"])
    assert medical.article == "5.1" and "医疗费用我们不予给付" in medical.rule
    assert suspended_cover(sample_kb.products["KN-CI-2024"]).article == "6.1"


def test_without_a_wording_the_general_rule_is_said() -> None:
    assert suspended_cover(None).rule == general_rule("suspension").said()
    assert suspended_cover(None).article is None
