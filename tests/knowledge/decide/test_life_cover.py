"""A diagnosis under a life cover paying on death and 全残 only."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

LIFE = """---
code: T-WL-15
name: 测试松鹤终身寿险
insurer: 测试人寿保险股份有限公司
type: whole_life
version: "1"
effective_from: 2025-01-01
---
# 测试松鹤终身寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按基本保险金额给付身故保险金，本合同终止。
### 2.2 全残保险金
被保险人全残的，我们按基本保险金额给付全残保险金，本合同终止。
"""


def test_a_diagnosis_alone_is_no_claim_under_a_life_cover() -> None:
    verdict = decide(product(LIFE), story("我妈查出乳腺癌，能申请理赔吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "身故" in verdict.answer and "全残" in verdict.answer


def test_a_diagnosis_told_for_disclosure_is_not_answered_as_a_claim() -> None:
    told = story("投保前查出过结节没说，以后会不会不赔")
    verdict = decide(product(LIFE), told, default_thesaurus())
    assert verdict is None or verdict.kind != "life_cover"
