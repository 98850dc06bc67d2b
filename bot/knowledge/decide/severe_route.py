"""A diagnosis that is not (or not yet) a 重大疾病 on a medical product with a benefit for 重大疾病
beside its general one: the costs are still paid, by the general benefit with its deductible (and
outpatient treatment by its special-outpatient item) — not "not covered"."""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.special_outpatient import decide_special_outpatient
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals

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


DIAGNOSED_IN_STAY = re.compile(r"(住院第\s*\d+\s*[天日]|住院期间|住院后|住院时)[^。？?]{0,12}确诊")
EARLIER_COSTS = re.compile(r"(前面|之前|入院前|确诊前|头)[^。？?]{0,10}(费|检查|治疗)")
WHOLE_STAY = re.compile(r"住院期间[^。]{0,20}确诊[^。]{0,60}(自入院之日|入院之日起|入院当日起)")


def decide_stay_before_diagnosis(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "住院第5天确诊白血病，前面4天的检查费也算重疾医疗吗": the wording's rule for a stay in
    which the 重大疾病 was diagnosed — from the day of admission, or only from the diagnosis."""
    text = situation.text
    if not DIAGNOSED_IN_STAY.search(text) or not EARLIER_COSTS.search(text):
        return None
    pair = severe_and_general(product)
    if pair is None:
        return None
    severe = pair[0]
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if WHOLE_STAY.search(sentence):
                before = re.search(
                    r"入院前([^。，；]{0,6}日)内[^。，；]{0,8}门急诊", arabic_numerals(sentence)
                )
                also = f"入院前{before.group(1)}内的相关门急诊费用也一样，" if before else ""
                return Verdict(
                    "medical",
                    "yes",
                    f"能：在一次住院期间确诊的，该次住院自入院之日起为诊断和治疗这一疾病发生的费用，"
                    f"都按{severe.name}处理，{also}不以确诊之日为分界。",
                    (Reason(f"条款约定：“{clip(sentence, 100)}”", article.number),),
                    ("须确诊符合重大疾病的定义，费用合理且必要，以理赔审核为准。",),
                )
    return None
