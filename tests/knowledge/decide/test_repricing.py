"""Renewal after claims: one insured is not singled out when the wording says so."""

from __future__ import annotations

from bot.knowledge.decide.repricing import decide_repricing
from bot.knowledge.facts import ProductKnowledge
from tests.knowledge.decide.conftest import MEDICAL, product, story

RENEWAL = (
    "## 4 续保\n### 4.1 续保\n本产品不保证续保。续保时我们可以按本产品整体赔付情况统一调整费率，"
    "但不会针对个别被保险人的理赔情况单独调整。\n\n## 3 责任免除"
)


def test_claims_do_not_raise_one_insureds_premium_when_the_wording_says_so() -> None:
    wording = product(MEDICAL.replace("## 3 责任免除", RENEWAL))
    verdict = decide_repricing(wording, story("今年理赔了三次，明年会不会单独给我涨保费"))
    assert verdict is not None and verdict.answer.startswith("不会因为您个人的理赔")
    assert verdict.articles == ["4.1"]
    assert any("不保证续保" in c for c in verdict.conditions)


def test_a_wording_silent_on_it_or_another_question_is_not_decided(
    medical: ProductKnowledge,
) -> None:
    assert decide_repricing(medical, story("理赔多了会不会单独给我涨价")) is None
    wording = product(MEDICAL.replace("## 3 责任免除", RENEWAL))
    assert decide_repricing(wording, story("明年续保保费多少")) is None
