"""A cancer confirmed by cells only is not yet the histology a definition requires."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-H
name: 测试康护防癌医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试康护防癌医疗保险条款

## 2 保险责任
### 2.1 恶性肿瘤住院医疗保险金
被保险人确诊恶性肿瘤住院治疗的，我们给付恶性肿瘤住院医疗保险金。

## 9 释义
### 9.1 组织病理学检查
指通过手术或穿刺获取病变组织制成切片进行的检查。通过细针吸取获得细胞进行的细胞学检查，不属于组织病理学检查。
### 9.2 重度疾病
#### 9.2.1 恶性肿瘤——重度
指恶性细胞不受控制地生长和扩散的疾病。该疾病须经组织病理学检查（含骨髓病理学检查）明确诊断。
"""


def test_a_cytology_finding_waits_for_histology() -> None:
    verdict = decide(
        product(WORDING),
        story("甲状腺细针穿刺细胞学说是乳头状癌，还没手术，能先理赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "depends"
    assert "组织病理" in verdict.answer and "9.1" in verdict.articles


def test_a_bone_marrow_biopsy_counts_where_the_wording_says_so() -> None:
    verdict = decide(
        product(WORDING),
        story("白血病是骨髓活检确诊的，这个算组织病理学检查吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "yes" and "骨髓" in verdict.answer


def test_a_histology_told_is_not_questioned() -> None:
    verdict = decide(
        product(WORDING), story("穿刺病理确诊肺癌，胸水里也有癌细胞，能赔吗"), default_thesaurus()
    )
    assert verdict is None or verdict.kind != "histology"


def test_a_cancer_confirmed_and_spreading_is_not_questioned() -> None:
    verdict = decide(
        product(WORDING), story("确诊肺癌了，咳嗽有痰，癌细胞扩散了，能赔吗"), default_thesaurus()
    )
    assert verdict is None or verdict.kind != "histology"
