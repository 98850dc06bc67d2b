"""What a fixed-sum product pays: no refunds of expenses."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


def test_expenses_asked_of_a_critical_illness_product_are_not_refunded(
    illness: ProductKnowledge,
) -> None:
    for question in ("割双眼皮花了一万多能报销吗", "胆结石做了手术，住院花了3万，剩下的能报吗"):
        verdict = decide(illness, story(question), default_thesaurus())
        assert verdict is not None and (verdict.kind, verdict.decision) == ("coverage", "no")
        assert verdict.answer.startswith("不能报销") and "重大疾病保险" in verdict.answer


def test_a_defined_disease_asked_with_the_word_refund_is_decided_as_the_disease(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness, story("确诊严重慢性肾衰竭能报吗"), default_thesaurus(), "严重慢性肾衰竭"
    )
    assert verdict is None or verdict.kind != "coverage"


def test_a_medical_product_refunds_expenses(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("胆结石住院花了3万，能报吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "coverage"
