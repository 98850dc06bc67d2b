"""Who receives an illness benefit when the wording names the insured."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story

WORDED = ILLNESS + "\n### 9.8 受益人\n重大疾病保险金、轻度疾病保险金的受益人为被保险人本人。\n"


def test_an_illness_benefit_goes_to_the_insured() -> None:
    verdict = decide(
        product(WORDED), story("重疾的钱能不能指定打给我老婆？受益人能写她吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "beneficiary"
    assert "被保险人本人" in verdict.answer


def test_a_death_benefit_asked_is_not_this() -> None:
    verdict = decide(
        product(WORDED), story("身故受益人能写我老婆吗，重疾以后再说"), default_thesaurus()
    )
    assert verdict is None or verdict.kind != "beneficiary"
