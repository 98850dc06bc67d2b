"""What a product pays at all: a fixed sum on a covered event, not a refund of what was spent."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import normalize

FIXED_SUM_TYPES = {
    "critical_illness": "重大疾病保险",
    "term_life": "定期寿险",
    "whole_life": "终身寿险",
    "annuity": "年金保险",
}
DIAGNOSED = re.compile(r"确诊|查出|诊断|癌|白血病|肿瘤")
REIMBURSE = re.compile(r"报销|(能|可以|可不可以|能不能|给)报|报(吗|不报|得了)|报多少")


def decide_expense_refund(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "割双眼皮花了一万能报销吗" asked of a critical illness product: it refunds no expenses; it
    pays its sums only on the events its benefits name."""
    kind = FIXED_SUM_TYPES.get(product.document.product_type)
    facts = product.facts
    if kind is None or facts.medical or not facts.benefits:
        return None
    if not REIMBURSE.search(situation.text) or _covered(product, disease):
        return None
    if DIAGNOSED.search(situation.text):
        return None  # a diagnosis told is a claim on the benefits, whatever word it uses
    names = "、".join(dict.fromkeys(b.name for b in facts.benefits))
    return Verdict(
        "coverage",
        "no",
        f"不能报销：本产品是{kind}，不按花费报销医疗费用，只在发生条款约定的保险事故时"
        "按保额给付；您说的情况不是条款约定的疾病或事故。",
        (Reason(f"本产品的保险责任只有：{names}", facts.benefits[0].article),),
        conditions=("如果后来确诊了条款约定的疾病，可以按那一项申请；医疗费用可以看看医疗险。",),
    )


def _covered(product: ProductKnowledge, disease: str | None) -> bool:
    """Whether the question names one of the product's defined diseases."""
    if disease is None:
        return False
    key = normalize(disease)
    return any(key in normalize(d.name) or normalize(d.name) in key for d in product.facts.diseases)
