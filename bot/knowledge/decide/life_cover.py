"""A diagnosis under a life cover: "查出原位癌，有份终身寿险，能理赔吗".

A term or whole life wording pays on death and 全残 only: a diagnosis alone is no claim under it,
and what it would pay is said with the benefits' own names.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.cleared import DEATH, LIFE_TYPES
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

DIAGNOSED = re.compile(r"查出|确诊|诊断|得了|患了|检查出|查到")
ILLNESS_BENEFIT = re.compile(r"疾病|重疾|轻症|癌|医疗|住院")
CLAIM_ASKED = re.compile(r"理赔|赔|报销|给付")
OTHER_QUESTION = re.compile(r"投保(前|时|之前)|告知|还能(买|投)|保费|减保|贷款|借款|退保")


def decide_diagnosis_under_life_cover(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """A diagnosis (no death, no 全残) asked as a claim under a wording paying only on death
    and 全残."""
    text = situation.text
    if product.document.product_type not in LIFE_TYPES or not situation.asks & {"whether"}:
        return None
    if not (disease or DIAGNOSED.search(text)) or DEATH.search(text) or "全残" in text:
        return None
    if not CLAIM_ASKED.search(text) or OTHER_QUESTION.search(text):
        return None
    benefits = [b for b in product.facts.benefits if not b.is_waiver]
    if not benefits or any(ILLNESS_BENEFIT.search(b.name) for b in benefits):
        return None
    if not all(re.search(r"身故|全残|死亡", b.name) for b in benefits):
        return None
    names = "、".join(b.name for b in benefits)
    return Verdict(
        "life_cover",
        "no",
        f"不能赔：确诊{disease or '疾病'}本身不在保障范围内，这份寿险只保身故和全残（{names}），"
        "不按确诊疾病给付；日后因此身故或达到条款所列全残状态的，再按约定申请。",
        tuple(Reason(f"条款约定：“{clip(b.sentences[0], 60)}”", b.article) for b in benefits),
        ("医疗费用或重疾可以看看是否另有医疗险、重疾险。",),
    )
