"""What a fixed-sum product pays: no refunds of expenses."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story


def test_expenses_asked_of_a_critical_illness_product_are_not_refunded(
    illness: ProductKnowledge,
) -> None:
    for question in ("割双眼皮花了一万多能报销吗", "胆结石做了手术，住院花了3万，剩下的能报吗"):
        verdict = decide(illness, story(question), default_thesaurus())
        assert verdict is not None and (verdict.kind, verdict.decision) == ("coverage", "no")
        assert verdict.answer.startswith("不能报销") and "重大疾病保险" in verdict.answer


def test_a_defined_disease_asked_with_the_word_refund_is_decided_as_the_disease(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness, story("确诊严重慢性肾衰竭能报吗"), default_thesaurus(), "严重慢性肾衰竭"
    )
    assert verdict is None or verdict.kind != "coverage"


def test_a_medical_product_refunds_expenses(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("胆结石住院花了3万，能报吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "coverage"


def test_a_medical_product_asked_for_a_lump_sum_refunds_what_was_spent() -> None:
    from bot.knowledge.decide.coverage import decide_lump_sum

    wording = product(
        """---
code: T-MED-L
name: 测试补偿医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试补偿医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们对实际发生的合理医疗费用给付住院医疗保险金。
### 2.2 补偿原则
本合同适用补偿原则，给付金额以被保险人实际自行负担的医疗费用为限。
"""
    )
    verdict = decide_lump_sum(wording, story("确诊后能不能先一次性给一笔钱，不看发票的那种"))
    assert verdict is not None and verdict.decision == "no" and "2.2" in verdict.articles


def test_money_spent_is_not_a_lump_sum_asked() -> None:
    from bot.knowledge.decide.coverage import LUMP_SUM

    assert LUMP_SUM.search("两年前住院花了一笔钱，当时忘记申请了") is None
    assert LUMP_SUM.search("能不能先给一笔钱") is not None


def test_several_policies_of_the_product_pay_once_with_the_others_refunded() -> None:
    from bot.knowledge.decide.coverage import decide_several_policies

    wording = product(
        """---
code: T-MED-M
name: 测试一份医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试一份医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们给付住院医疗保险金。
### 2.2 重复投保
被保险人同时投保两份或两份以上本产品的，我们仅按其中一份承担责任，并无息退还其他各份的已交保险费。
"""
    )
    verdict = decide_several_policies(wording, story("在两个渠道各买了一份，住院了能两份都赔吗"))
    assert verdict is not None and verdict.decision == "no" and "退还" in verdict.answer


def test_two_policies_of_different_insurers_are_not_this_rule() -> None:
    from bot.knowledge.decide.coverage import SEVERAL_TOLD

    assert SEVERAL_TOLD.search("我在两家公司买了两份医疗险，能两份都报吗") is None
