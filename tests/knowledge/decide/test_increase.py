"""An increased sum insured: the increase's own waiting period and the cap on all increases."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

TERM = """---
code: T-TL-8
name: 测试恒安定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试恒安定期寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按基本保险金额的百分之一百给付身故保险金，本合同终止。
### 2.2 增加保额
被保险人结婚或子女出生后，您可以申请增加基本保险金额，本合同存续期间累计增加不超过投保时基本保险金额的百分之一百。
对于增加的部分，自增加生效之日起另计九十日的等待期，被保险人在该期间内因疾病身故的，我们按增加前的基本保险金额给付，并退还为增加部分交纳的保险费。
"""


def test_an_illness_death_in_the_increases_own_waiting_period_pays_the_sum_before_it() -> None:
    told = story("原来保额60万，11月1号加保30万生效了，12月20号因病去世，能赔90万吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.kind == "increase"
    assert "按加保前的保额60万元赔" in verdict.answer


def test_a_death_after_the_increases_waiting_period_pays_the_whole_sum() -> None:
    told = story("原来保额60万，2月1号加保30万生效了，10月20号因病去世，能赔多少")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes" and "90万元" in verdict.answer


def test_increases_that_reach_the_cap_leave_nothing_to_add() -> None:
    told = story("投保时保额40万，前年加了20万，去年又加了20万，还能再加吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no" and "40万元" in verdict.answer


def test_increases_below_the_cap_leave_the_rest() -> None:
    told = story("投保时保额40万，前年加了10万，还能再加吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and "还剩30万元" in verdict.answer
