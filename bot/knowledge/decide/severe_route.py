"""A diagnosis that is not (or not yet) a 重大疾病 on a medical product with a benefit for 重大疾病
beside its general one: the costs are still paid, by the general benefit with its deductible (and
outpatient treatment by its special-outpatient item) — not "not covered"."""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.special_outpatient import decide_special_outpatient
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation

SEVERE_BENEFIT = re.compile(r"重大疾病|重疾")
SPECIFIC_BENEFIT = re.compile(r"重大疾病|重疾|恶性肿瘤|癌|质子|特药|特定|意外|救护车|津贴")
GENERAL_SAID = "医疗费用仍按一般医疗费用的约定报销。"


def severe_and_general(product: ProductKnowledge) -> tuple[Benefit, Benefit] | None:
    """The benefit for 重大疾病 and the general one beside it, when the wording has both."""
    benefits = [b for b in product.facts.benefits if "医疗" in b.name]
    severe = next((b for b in benefits if SEVERE_BENEFIT.search(b.name)), None)
    general = next((b for b in benefits if "一般" in b.name), None) or next(
        (b for b in benefits if not SPECIFIC_BENEFIT.search(b.name)), None
    )
    if severe is None or general is None:
        return None
    return severe, general


def _deductible(product: ProductKnowledge, general: Benefit) -> MedicalTerm | None:
    found = [
        t
        for t in product.facts.medical
        if t.kind == "deductible" and t.benefit == general.name and t.amount
    ]
    amounts = {t.amount for t in found}
    return found[0] if len(amounts) == 1 or (found and "年度" in found[0].sentence) else None


def with_general_cover(
    product: ProductKnowledge, situation: Situation, verdict: Verdict
) -> Verdict:
    """A refusal under the definitions of 重大疾病 on such a product, with what pays instead."""
    if product.document.product_type != "medical" or verdict.decision != "no":
        return verdict
    if verdict.kind not in ("disease", "definition"):
        return verdict
    pair = severe_and_general(product)
    if pair is None:
        return verdict
    severe, general = pair
    answer = verdict.answer.replace(GENERAL_SAID, "")
    if "不在本产品的保障范围内" in answer:
        answer = f"不属于重大疾病，不能按{severe.name}赔付。"
    outpatient = decide_special_outpatient(product, situation, asked_severe=False)
    if outpatient is not None and outpatient.decision != "no":
        instead = re.sub(r"^能报：", "", outpatient.answer)
        return dataclasses.replace(
            verdict,
            answer=f"{answer.rstrip('。；，')}；{instead}",
            reasons=(*verdict.reasons, *outpatient.reasons),
        )
    deductible = _deductible(product, general)
    said = f"医疗费用按{general.name}报销"
    reasons = verdict.reasons
    if deductible is not None:
        said += f"，须先扣除年度免赔额{money(deductible.amount or 0)}"
        reasons = (
            *reasons,
            Reason(f"条款约定：“{clip(deductible.sentence, 70)}”", deductible.article),
        )
    if "暂时" in answer:
        said = "在此之前，" + said
    return dataclasses.replace(
        verdict, answer=f"{answer.rstrip('。；，')}；{said}。", reasons=reasons
    )
