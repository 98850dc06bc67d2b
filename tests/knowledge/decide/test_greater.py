"""A benefit paid as the greater of amounts the customer tells (已交保费, 现金价值)."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

LIFE = """---
code: T-WL-1
name: 测试长青终身寿险
insurer: 测试人寿保险股份有限公司
type: whole_life
version: "1"
effective_from: 2025-01-01
---
# 测试长青终身寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按下列约定给付身故保险金，本合同终止。
### 2.2 给付金额
（一）被保险人身故时未满十八周岁的，给付金额为下列两项中的较大者：
（1）本合同的已交保险费；
（2）被保险人身故当日本合同的现金价值。
（二）被保险人身故时已满十八周岁的，给付金额为下列两项中的较大者：
（1）本合同的已交保险费乘以百分之一百六十；
（2）本合同的基本保险金额。
"""


def test_the_greater_of_premiums_paid_and_cash_value_for_a_minor() -> None:
    verdict = decide(
        product(LIFE),
        story("孩子12岁生病走了，年交5000交了4年，现金价值1.6万，身故能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death"
    assert verdict.answer.startswith("约2万元：身故时未满18周岁，按已交保费2万元、现金价值1.6万元")


def test_an_adult_gets_the_branch_for_adults() -> None:
    verdict = decide(
        product(LIFE),
        story("我老公40岁走了，基本保额10万，一共交了8万保费，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("约12.8万元")


def test_an_amount_the_story_does_not_give_leaves_the_sum_to_the_wording() -> None:
    verdict = decide(
        product(LIFE), story("孩子12岁生病走了，年交5000交了4年，能赔多少"), default_thesaurus()
    )
    assert verdict is None or verdict.sum is None
