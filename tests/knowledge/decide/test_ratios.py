"""The payout ratio asked with no bill."""

from __future__ import annotations

from bot.knowledge.decide.ratios import decide_ratio
from tests.knowledge.decide.conftest import product, story
from tests.knowledge.decide.test_medical import LIMITED


def test_the_ratio_for_the_case_of_social_insurance_told() -> None:
    verdict = decide_ratio(product(LIMITED), story("有社保但这次没用医保结算，赔付比例是多少"))
    assert verdict is not None and verdict.answer.startswith("按60%")


def test_the_case_not_told_is_not_guessed() -> None:
    assert decide_ratio(product(LIMITED), story("有社保的话赔付比例是多少")) is None
