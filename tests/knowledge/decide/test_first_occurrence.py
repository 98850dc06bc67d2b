"""A disease diagnosed before the cover began is not the first diagnosis the benefits pay for."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


def test_a_cancer_diagnosed_before_buying_and_back_now_is_not_paid(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("我妈投保前就已经确诊过肺癌做过手术，当时没说。现在复发还转移了，能赔吗"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.kind == "first_occurrence"
    assert verdict.decision == "no" and "初次" in verdict.answer


def test_a_benign_finding_before_buying_is_not_the_cancer_found_later(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("投保前体检就有甲状腺结节，当时说是良性的，买了两年后变成甲状腺癌了，能赔吗"),
        default_thesaurus(),
        "甲状腺癌",
    )
    assert verdict is None or verdict.kind != "first_occurrence"
