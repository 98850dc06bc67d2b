"""What a death pays, by age at death, and what a wording without a death benefit says."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import MEDICAL, product, story


def test_a_child_is_paid_the_premiums_paid(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness, story("孩子10岁，年交3000交了3年，万一身故赔多少"), default_thesaurus()
    )
    assert verdict is not None
    assert "未满18周岁" in verdict.answer and "9000元" in verdict.answer


def test_an_adult_is_paid_the_sum_insured(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("我弟弟2007年9月10号出生，2025年9月10号去世，保额30万，赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert "已满18周岁" in verdict.answer and "30万元" in verdict.answer


def test_a_wording_with_no_death_benefit_says_so(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("我爸去世了，能赔多少"), default_thesaurus())
    assert verdict is None or "没有身故保险金" in verdict.answer


def test_the_age_at_death_is_counted_to_the_day_of_the_fatal_accident(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story(
            "我弟弟2007年9月10号出生，2025年9月10号（刚好生日那天）出车祸去世了，保额30万，赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death" and "已满18周岁" in verdict.answer


def test_a_wording_that_says_it_pays_no_death_benefit_is_read_as_having_none() -> None:
    wording = product(
        MEDICAL.replace(
            "## 3 责任免除",
            "### 2.4 身故\n本合同不提供身故保险金。被保险人身故的，本合同终止，我们退还现金价值。\n\n"
            "## 3 责任免除",
        )
    )
    verdict = decide(wording, story("孩子游泳时意外走了，能赔保额吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "death" and verdict.decision == "no"
    assert "2.4" in verdict.articles
