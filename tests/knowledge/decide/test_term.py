"""A long-term policy asked about renewal: its term from the wording, no renewal to arrange."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.decide.term import decide_term_renewal
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
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


FIXED = """---
code: T-TL-9
name: 测试远航定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试远航定期寿险条款

## 2 保险期间
### 2.1 保险期间
| 方案 | 保障终止时点 |
|---|---|
| 二十年期 | 生效日起满二十年的对应日前一日二十四时 |
## 3 保险责任
### 3.1 身故保险金
被保险人身故的，我们按基本保险金额给付身故保险金。
### 3.2 期满
保险期间届满时被保险人生存的，本合同终止，我们不给付满期保险金，也不退还已交保险费。
"""


def test_a_fixed_term_ends_the_day_before_its_anniversary_with_nothing_paid_back() -> None:
    told = story("20年的，2025年3月15日生效，保到哪天？到期了交的钱能退吗")
    verdict = decide(product(FIXED), told, default_thesaurus())
    assert verdict is not None and "2045年3月14日" in verdict.answer
    assert "不返还" in verdict.answer


def test_a_term_the_wording_fixes_cannot_be_changed() -> None:
    wording = FIXED + "\n## 10 其他\n### 10.1 变更\n本合同的保险期间、交费期间均不能变更。\n"
    told = story("买的时候选了20年期，现在想改成30年期，可以改吗")
    verdict = decide(product(wording), told, default_thesaurus())
    assert verdict is not None and verdict.answer.startswith("不能改")


def test_a_term_change_asked_of_a_wording_silent_on_it_is_not_decided_here() -> None:
    told = story("买的时候选了20年期，现在想改成30年期，可以改吗")
    verdict = decide(product(FIXED), told, default_thesaurus())
    assert verdict is None or not verdict.answer.startswith("不能改")
