"""Medical limits asked outright: what is left of the period's limit, a named benefit's limit."""

from __future__ import annotations

from bot.knowledge.decide.limits import decide_benefit_limit, decide_limit_left
from tests.knowledge.decide.conftest import product, story
from tests.knowledge.decide.test_medical import LIMITED


def test_what_is_left_of_the_limit_after_what_was_paid() -> None:
    verdict = decide_limit_left(product(LIMITED), story("今年已经赔了150万了，额度还剩多少"))
    assert verdict is not None and verdict.answer.startswith("还剩约")


def test_a_limit_asked_with_no_benefit_named_is_not_a_benefit_limit() -> None:
    assert decide_benefit_limit(product(LIMITED), story("住院花了1万，能赔多少")) is None
