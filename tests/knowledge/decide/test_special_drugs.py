"""Listed drugs bought outside the hospital: the application before buying, the prescription's
quantity, and what a purchase meeting the conditions is paid."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-D
name: 测试安康防癌医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试安康防癌医疗保险条款

## 3 保险责任
### 3.1 院外特定药品费用保险金
被保险人患恶性肿瘤，同时满足下列条件的，我们给付院外特定药品费用保险金：
（1）在购药前已经提交特定药品事前申请，并获得我们的审核通过；
（2）每次处方的剂量不超过1个月，续用时须由专科医生重新评估。
本项保险金不适用年度免赔额。
### 3.2 赔付比例
院外特定药品：药品属于医保目录内药品的，按社保身份确定赔付比例；药品不属于该目录的，赔付比例为100%。

## 4 责任免除
### 4.1 费用免除
下列费用我们不承担：
（1）在指定药店以外的机构自行购买药品的费用。

## 8 特定药品清单
| 序号 | 药品通用名 |
|---|---|
| 1 | 甲磺酸奥希替尼片 |
"""


def ask(question: str):  # type: ignore[no-untyped-def]
    return decide(product(WORDING), story(question), default_thesaurus())


def test_a_drug_bought_without_the_application_is_not_paid() -> None:
    verdict = ask("自己去药房买了奥希替尼，没提前申请，能补报吗")
    assert verdict is not None and verdict.decision == "no" and "事前申请" in verdict.answer


def test_the_prescription_quantity_is_quoted() -> None:
    verdict = ask("特药一次能开几个月的量")
    assert verdict is not None and "1个月" in verdict.answer


def test_an_approved_drug_outside_the_catalogue_is_paid_in_full_without_deductible() -> None:
    verdict = ask("事前申请通过了，在指定药店买的，这药不在医保目录里，花了12000元，能赔多少")
    assert verdict is not None and verdict.decision == "yes"
    assert "1.2万元" in verdict.answer and "不扣免赔" in verdict.answer
