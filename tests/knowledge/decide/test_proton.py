"""Proton therapy: the disease its benefit requires, and what the benefit leaves out."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-P
name: 测试质安防癌医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试质安防癌医疗保险条款

## 3 保险责任
### 3.1 恶性肿瘤住院医疗保险金
被保险人确诊恶性肿瘤住院治疗的，我们给付恶性肿瘤住院医疗保险金。
### 3.2 质子重离子医疗保险金
被保险人经确诊患有恶性肿瘤——重度，在质子重离子医疗机构接受质子治疗的，我们给付质子重离子医疗保险金。
恶性肿瘤——轻度及原位癌不适用本项保险责任。

## 9 释义
### 9.1 重度疾病
#### 9.1.1 恶性肿瘤——重度
指恶性细胞不受控制地生长和扩散的疾病。
### 9.2 轻度疾病
#### 9.2.1 恶性肿瘤——轻度
指下列恶性肿瘤：（1）TNM分期为Ⅰ期的甲状腺癌；（2）TNM分期为T1N0M0期的前列腺癌。
"""


def ask(question: str):  # type: ignore[no-untyped-def]
    return decide(product(WORDING), story(question), default_thesaurus(), "恶性肿瘤——重度")


def test_a_cancer_the_benefit_leaves_out_by_stage_is_not_paid() -> None:
    verdict = ask("前列腺癌T1N0M0，医生建议做质子治疗，能报吗")
    assert verdict is not None and verdict.decision == "no" and "轻度" in verdict.answer


def test_an_in_situ_cancer_is_not_paid() -> None:
    verdict = ask("宫颈原位癌能做质子治疗报销吗")
    assert verdict is not None and verdict.decision == "no"


def test_another_cancer_may_apply_on_the_definition() -> None:
    verdict = ask("肺癌能做质子重离子吗")
    assert verdict is not None and verdict.decision == "depends" and "重度" in verdict.answer
