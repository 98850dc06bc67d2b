"""A premium paid short by a misstated age scales the payout by paid ÷ due, as the wording says."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story

WITH_RATIO = ILLNESS.replace(
    "### 1.3 我们解除合同的权利",
    "### 1.4 年龄错误\n年龄错误致使实交保险费少于应交保险费的，已发生保险事故的，我们按照实交保险费与"
    "应交保险费的比例给付保险金。\n### 1.3 我们解除合同的权利",
)


def test_the_payout_is_scaled_by_the_premium_paid_over_the_premium_due() -> None:
    verdict = decide(
        product(WITH_RATIO),
        story("投保时年龄填小了，实际交的保费一年6000，应该交8000，保额40万，现在得了重疾，赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.answer.startswith(
        "约30万元：年龄错误致实交保费少于应交的，按实交与应交保费的比例（75%）"
    )
    assert verdict.sum == "40万元 × 6000元 ÷ 8000元 = 30万元"


def test_without_the_wordings_rule_nothing_is_scaled(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("投保时年龄填小了，实际交的保费一年6000，应该交8000，保额40万，现在得了重疾，赔多少"),
        default_thesaurus(),
    )
    assert verdict is None or "比例" not in verdict.answer
