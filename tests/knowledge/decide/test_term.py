"""A long-term policy asked about renewal: its term from the wording, no renewal to arrange."""

from __future__ import annotations

from bot.knowledge.decide.term import decide_term_renewal
from bot.knowledge.facts import ProductKnowledge
from tests.knowledge.decide.conftest import ILLNESS, product, story

TERM = "### 1.4 保险期间\n本合同的保险期间自生效日零时起至被保险人年满七十五周岁后的首个保单周年日零时止。\n"


def test_a_policy_to_an_age_needs_no_yearly_renewal() -> None:
    wording = product(ILLNESS.replace("## 2 保险利益", TERM + "\n## 2 保险利益"))
    verdict = decide_term_renewal(wording, story("这个重疾险是不是每年都得续保一次"))
    assert verdict is not None and verdict.answer.startswith("不需要续保")
    assert verdict.articles == ["1.4"] and "七十五周岁" in verdict.reasons[0].text


def test_a_wording_with_its_own_renewal_or_no_term_is_not_decided(
    illness: ProductKnowledge,
) -> None:
    renewable = product(
        ILLNESS.replace(
            "## 2 保险利益",
            TERM + "### 1.5 续保\n保险期间届满时，经我们审核同意，您可以续保。\n\n## 2 保险利益",
        )
    )
    assert decide_term_renewal(renewable, story("每年要续保吗")) is None
    assert decide_term_renewal(illness, story("每年要续保吗")) is None
