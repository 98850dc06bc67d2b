"""Premium waivers: after which events later premiums are waived, and when they are not."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


def test_a_mild_illness_waives_later_premiums(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("确诊了轻症，以后的保费还要交吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "waiver" and verdict.decision == "yes"
    assert "不用再交" in verdict.answer and verdict.articles == ["2.5"]


def test_a_payout_asked_with_the_premiums_answers_both(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("保额40万，甲状腺癌一期，能赔多少？以后保费还要交吗"),
        default_thesaurus(),
        "甲状腺癌",
    )
    assert verdict is not None and verdict.answer.startswith(
        "能赔：按轻症赔，40万元 × 25% = 10万元"
    )
    assert any(c.startswith("后面的保费：") for c in verdict.conditions)


def test_a_single_premium_has_nothing_to_waive(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("我是一次交清的，得了轻症还能豁免保费吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no" and "一次交清" in verdict.answer


def test_within_the_waiting_period_nothing_is_waived(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("投保人豁免问题：3月1号生效，4月1号确诊轻症，后面的保费能豁免吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no" and "等待期" in verdict.answer


def test_premiums_asked_with_the_verb_first_are_a_waiver_question(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(illness, story("轻症赔完还得接着交保费吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "waiver"
