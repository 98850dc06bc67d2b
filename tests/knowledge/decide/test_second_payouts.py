"""A second payout after a first severe one, by the wording's interval since the first diagnosis."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

SECOND = """---
code: T-CI-SECOND
name: 测试二次重疾保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试二次重疾保险条款

## 2 保险责任
### 2.1 重大疾病保险金
被保险人于等待期后确诊初次发生重大疾病，我们按基本保险金额的百分之一百给付重大疾病保险金，以一次为限。
### 2.2 恶性肿瘤二次保险金
我们已给付重大疾病保险金，且被保险人在间隔期届满后确诊患有恶性肿瘤——重度的，我们按基本保险金额的百分之一百五十给付恶性肿瘤二次保险金。
间隔期按以下方式计算：
（1）首次重大疾病为恶性肿瘤——重度的，间隔期为自首次重大疾病确诊之日起五年；
（2）首次重大疾病不是恶性肿瘤——重度的，间隔期为自首次重大疾病确诊之日起二年。

## 8 释义
### 8.1 重大疾病
#### 8.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散。
#### 8.1.2 较重急性心肌梗死
指冠状动脉阻塞导致心肌坏死。
"""


@pytest.fixture(scope="module")
def second() -> ProductKnowledge:
    return product(SECOND)


def test_a_new_cancer_inside_the_interval_for_a_first_cancer(second: ProductKnowledge) -> None:
    verdict = decide(
        second,
        story("2022年3月确诊肺癌，已经赔了重疾，保额20万，2025年6月又查出肝癌，还能赔吗"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.decision == "no"
    assert "5年" in verdict.answer and "30万元" in verdict.answer


def test_a_cancer_after_the_shorter_interval_for_a_first_heart_attack(
    second: ProductKnowledge,
) -> None:
    verdict = decide(
        second,
        story("2022年1月因为心梗拿了重疾金，保额20万，2025年5月又确诊胃癌，还能赔吗"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.decision == "yes"
    assert "2年" in verdict.answer and "30万元" in verdict.answer


def test_no_earlier_payout_is_not_a_second_payout(second: ProductKnowledge) -> None:
    verdict = decide(
        second, story("保额20万，又查出肝癌，能赔多少"), default_thesaurus(), "恶性肿瘤"
    )
    assert verdict is None or verdict.kind != "second_payout"


GROUPED = """---
code: T-CI-GROUPS
name: 测试多次重疾保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试多次重疾保险条款

## 2 保险责任
### 2.1 重大疾病的组别
| 组别 | 包含的重大疾病 |
|---|---|
| 第一组 | 恶性肿瘤——重度 |
| 第二组 | 较重急性心肌梗死；严重脑中风后遗症 |

每一组重大疾病在本合同有效期内最多给付一次。
### 2.2 重大疾病保险金
被保险人确诊初次发生重大疾病，且该疾病所在组别从未获得过给付的，我们按基本保险金额的百分之一百给付，累计以五次为限。

## 8 释义
### 8.1 重大疾病
#### 8.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散。
#### 8.1.2 较重急性心肌梗死
指冠状动脉阻塞导致心肌坏死。
"""


def test_a_group_paid_once_is_not_paid_again() -> None:
    verdict = decide(
        product(GROUPED),
        story("第一次赔的是肺癌，两年后又查出肝癌，是新的原发，还能赔第二次吗"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.decision == "no"
    assert "第一组" in verdict.answer
    assert "每一组重大疾病在本合同有效期内最多给付一次" in verdict.reasons[0].text
