"""What a death pays, by age at death, and what a wording without a death benefit says."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


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


def test_beneficiaries_without_shares_take_the_wording_equal_shares() -> None:
    from tests.knowledge.decide.conftest import ILLNESS, product

    wording = product(
        ILLNESS.replace(
            "## 3 我们不保什么",
            "### 2.9 受益人\n身故保险金受益人为数人且未确定受益份额的，各受益人按照相等份额享有受益权。\n\n"
            "## 3 我们不保什么",
        )
    )
    verdict = decide(
        wording,
        story("我爸40岁，保额60万，受益人写了我和我妹两个人，没写比例，他去世了各拿多少"),
        default_thesaurus(),
    )
    assert verdict is not None and "各得30万元" in verdict.answer
