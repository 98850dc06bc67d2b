"""Medical sums from the wording's deductible, ratio and caps, with the customer's numbers."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


def test_expenses_less_what_others_paid_less_the_deductible(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("住院花了6万，医保报了2万，能赔多少"), default_thesaurus())
    assert verdict is not None
    assert verdict.answer.startswith("大约可赔3万元")
    assert verdict.sum == "（6万元 − 已报销2万元 − 免赔额1万元）× 100% = 3万元"


def test_outpatient_uses_its_own_terms_the_ratio_for_not_using_social_insurance_and_its_cap(
    medical: ProductKnowledge,
) -> None:
    verdict = decide(medical, story("门诊自费2000，没走医保，能报多少"), default_thesaurus())
    assert verdict is not None
    assert verdict.answer.startswith("大约可赔800元")
    assert "60%" in verdict.answer and "每次以800元为限" in verdict.answer


def test_nothing_left_after_the_deductible_is_a_no(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("住院花了8000，能赔多少"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
