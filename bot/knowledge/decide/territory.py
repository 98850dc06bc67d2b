"""Care abroad under a wording whose hospitals are in China only.

"出国旅游摔骨折了，在当地医院花了3万，回国能报吗": the wording's hospital is "中华人民共和国境内…的
医院" (or an exclusion names costs incurred 境外); the costs are not paid. Where the limit is on
medical costs only, the death and disability benefits are not limited by it.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

ABROAD = re.compile(r"出国|国外|境外|海外|回国|回到国内|出境")
COSTS = re.compile(r"医院|看病|就医|住院|医药费|医疗费|花了|报销|能报")
INSIDE = re.compile(r"境内")
DISABILITY_ASKED = re.compile(r"残疾|伤残|身故|去世|死亡")


def decide_abroad(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Costs of care abroad against the wording's hospitals in China (or its exclusion of
    costs incurred abroad)."""
    text = situation.text
    if not (ABROAD.search(text) and COSTS.search(text)):
        return None
    item = next((e for e in product.facts.exclusions if "境外" in e.text), None)
    hospital = next(
        (t for t in product.facts.terms if t.name.endswith("医院") and INSIDE.search(t.definition)),
        None,
    )
    if item is None and hospital is None:
        return None
    reasons = []
    if item is not None:
        reasons.append(Reason(f"条款列明：“{clip(item.text)}”", item.article))
    if hospital is not None:
        reasons.append(
            Reason(f"“{hospital.name}”的定义：{clip(hospital.definition, 70)}", hospital.article)
        )
    answer = "境外就医的费用不能报：条款约定的医院限于中华人民共和国境内" + (
        "，境外发生的医疗费用属于责任免除。" if item is not None else "，境外的医院不在其内。"
    )
    medical_only = item is None or re.search(r"医疗|费用|住院", item.text)
    if DISABILITY_ASKED.search(text) and medical_only:
        answer += (
            "这一限制只针对医疗费用；意外导致伤残或身故的，伤残、身故保险金仍可按条款约定申请。"
        )
    return Verdict(
        "territory",
        "no",
        answer,
        tuple(reasons),
        ("以保险单和理赔审核为准。",),
    )
