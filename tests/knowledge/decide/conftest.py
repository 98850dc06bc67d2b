"""Two small wordings written for the decider tests: a critical illness and a medical product."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.document import parse_clause_document
from bot.knowledge.extract import extract_facts
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation, read_situation

TODAY = dt.date(2026, 12, 4)

ILLNESS = """---
code: T-CI-1
name: 测试安康重大疾病保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试安康重大疾病保险条款

## 1 合同
### 1.1 冷静期
自您签收本合同次日起二十日为冷静期。冷静期内您解除合同的，我们无息退还您已交的全部保险费。
### 1.2 如实告知
订立本合同时，我们就被保险人的有关情况提出询问，您应当如实告知。
### 1.3 我们解除合同的权利
您故意或者因重大过失未履行如实告知义务的，我们有权解除本合同。自本合同成立之日起超过二年的，我们不得解除合同。上述解除权自我们知道有解除事由之日起超过三十日不行使而消灭。

## 2 保险利益
### 2.1 观察期
自本合同生效（或最后一次复效）之日起一百二十日为观察期。被保险人在观察期内因疾病确诊重大疾病的，我们无息退还已交保险费，本合同终止。因意外伤害导致的，无观察期。
### 2.2 重大疾病保险金
被保险人于观察期后确诊初次发生重大疾病，我们按基本保险金额的百分之一百给付，本合同终止。此前已给付的轻度疾病保险金不从中扣除。
### 2.3 轻度疾病保险金
被保险人于观察期后确诊初次发生轻度疾病，我们按基本保险金额的百分之二十五给付，累计给付以三次为限。
### 2.5 轻度疾病豁免保险费
被保险人于观察期后确诊初次发生轻度疾病的，自确诊之日后的首个保险费约定交纳日起，我们豁免本合同此后各期应交保险费，直至交费期满。
### 2.4 身故保险金
被保险人身故的，按下列约定给付：
（1）被保险人身故时未满十八周岁的，按已交保险费给付；
（2）被保险人身故时已满十八周岁的，按基本保险金额的百分之一百给付。

## 3 我们不保什么
### 3.1 责任免除
因下列情形之一导致被保险人发生保险事故的，我们不承担保险责任：
（1）被保险人故意自伤、故意犯罪；
（2）被保险人酒后驾驶、无合法有效驾驶证驾驶；
（3）被保险人从事潜水、跳伞、攀岩等高风险运动；
（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外。

## 4 保险费
### 4.1 宽限期
您到期未交保险费的，自约定交费日次日起六十日为宽限期。宽限期内发生保险事故的，我们仍承担保险责任。
### 4.2 效力恢复
本合同效力中止之日起二年内，您可以申请恢复合同效力，须补交欠交的保险费及利息。

## 9 释义
### 9.1 重大疾病
#### 9.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散。下列疾病不属于“恶性肿瘤——重度”：（1）原位癌；（2）TNM分期为Ⅰ期或更轻分期的甲状腺癌。
#### 9.1.2 严重慢性肾衰竭
指慢性肾脏病5期，且确诊后已经进行了至少九十日的规律性透析治疗。
### 9.2 轻度疾病
#### 9.2.1 恶性肿瘤——轻度
指恶性细胞不受控制的进行性增长，但不在“恶性肿瘤——重度”保障范围的疾病，且特指下列两项之一：（1）TNM分期为Ⅰ期的甲状腺癌；（2）TNM分期为T1N0M0期的前列腺癌。
"""

MEDICAL = """---
code: T-MED-1
name: 测试康乐医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试康乐医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们按本合同约定给付住院医疗保险金。本项保险金的年免赔额为人民币一万元，被保险人从其他途径获得的补偿不可以用于抵扣免赔额。
### 2.2 门急诊医疗保险金
被保险人在医院门诊或急诊治疗的，我们按约定给付门急诊医疗保险金，本项不设免赔额，每次门急诊以人民币八百元为限。
### 2.3 赔付比例
（1）经社会医疗保险结算的，住院医疗保险金赔付比例为百分之一百；
（2）以有社会医疗保险身份投保但未经社会医疗保险结算的，赔付比例为百分之六十。

## 3 责任免除
### 3.1 不予赔付的费用
下列费用我们不承担给付责任：
（1）美容、整形手术及其引起的费用；
（2）牙科治疗及洗牙、镶牙费用；
（3）体检及预防性检查费用。
"""


def product(text: str) -> ProductKnowledge:
    """The wording in ``text`` read as the knowledge base reads it."""
    document = parse_clause_document(text.encode("utf-8"), "test.md")
    return ProductKnowledge(document, extract_facts(document))


@pytest.fixture(scope="session")
def illness() -> ProductKnowledge:
    return product(ILLNESS)


@pytest.fixture(scope="session")
def medical() -> ProductKnowledge:
    return product(MEDICAL)


def story(question: str) -> Situation:
    """``question`` read on a fixed day, so dates without a year land in 2026."""
    return read_situation(question, TODAY)
