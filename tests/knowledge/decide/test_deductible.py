"""The deductible asked outright: an unused one carried into the renewed year or not."""

from __future__ import annotations

from bot.knowledge.decide.deductible import decide_deductible_carry
from tests.knowledge.decide.conftest import product, story
from tests.knowledge.decide.test_medical import LIMITED


def test_an_unused_deductible_is_not_carried_when_each_period_counts_alone() -> None:
    wording = LIMITED.replace(
        "年度免赔额为人民币五千元。",
        "年度免赔额为人民币五千元，每一保险期间单独计算，上一保险期间未抵扣完的部分不结转。",
    )
    verdict = decide_deductible_carry(
        product(wording), story("去年免赔额只用了2000，续保后剩下的能接着用吗")
    )
    assert verdict is not None and verdict.decision == "no" and "5000元" in verdict.answer
