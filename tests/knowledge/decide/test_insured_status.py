"""The social-insurance status declared at application against the one the story tells now."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-I
name: 测试医享医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试医享医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们给付住院医疗保险金。
### 2.2 赔付比例
以有社保身份投保，经社保结算的，赔付比例为百分之百；未经社保结算的，赔付比例为百分之六十。以无社保身份投保的，赔付比例为百分之百。
被保险人投保时申报为无社保，但就诊时实际已参加社保而未使用的，按百分之六十计算。
被保险人以有社保身份投保，在投保后丧失社保参保资格的，可通知我们按无社保身份处理。未通知的，仍按未经社保结算的比例处理。
"""


def ask(question: str):  # type: ignore[no-untyped-def]
    return decide(product(WORDING), story(question), default_thesaurus())


def test_declared_without_but_insured_in_fact_takes_the_wording_ratio() -> None:
    verdict = ask("投保的时候填的没社保，其实一直有交新农合，这次没用农合结算，赔付比例是多少")
    assert verdict is not None and verdict.kind == "insured_status"
    assert verdict.answer.startswith("按60%")


def test_insured_then_lost_says_what_a_notice_changes() -> None:
    verdict = ask("投保时有社保，后来辞职医保断了，是不是只能按60%赔")
    assert verdict is not None and "通知" in verdict.answer


def test_a_status_unchanged_is_not_this_question() -> None:
    verdict = ask("投保时有社保，这次住院用医保结算了，能赔多少")
    assert verdict is None or verdict.kind != "insured_status"


def test_never_insured_and_declared_so_is_not_a_change() -> None:
    verdict = ask("我自由职业一直没交社保，投保的时候也如实填了无社保，住院花了3万，能报多少")
    assert verdict is None or verdict.kind != "insured_status"
