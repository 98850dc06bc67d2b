"""Medical terms the wording sets for a condition, applied when the customer's story meets it.

"在直付医疗机构就诊…的，该次就诊适用的每次免赔额减半（计划一为100元…）" and "未取得预授权的，
赔付比例由100%调整为80%": the condition is read from the sentence, and met when the story names
what the condition names (and does not deny it), or denies what the condition denies.
"""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.facts import MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation

# "在直付医疗机构就诊…的，该次就诊适用的每次免赔额减半": a deductible for a condition only
CONDITIONAL_DEDUCTIBLE = re.compile(r"的，[^。]{0,16}免赔额(?:减半|调整为|降为|降至|改为)")


def changed_deductible(
    product: ProductKnowledge, deductible: MedicalTerm, situation: Situation
) -> MedicalTerm | None:
    """The deductible the wording sets for a condition the story meets: the condition's words
    that no other deductible or ratio sentence uses ("直付") are in the story, not denied."""
    for term in product.facts.medical:
        if term.kind != "deductible" or not CONDITIONAL_DEDUCTIBLE.search(term.sentence):
            continue
        if term.benefit not in (deductible.benefit, None):
            continue
        condition = term.sentence.split("的，", 1)[0]
        others = " ".join(
            t.sentence
            for t in product.facts.medical
            if t.kind in ("deductible", "reimbursement") and t.sentence != term.sentence
        )
        grams = {
            condition[i : i + 2]
            for i in range(len(condition) - 1)
            if re.fullmatch(r"[\u4e00-\u9fff]{2}", condition[i : i + 2])
        }
        met = [
            g
            for g in grams
            if g not in others
            and g in situation.text
            and not re.search(rf"({NEGATED})[^，。；]{{0,4}}{g}", situation.text)
        ]
        if not met:
            continue
        own = (
            re.search(re.escape(situation.plan) + r"为(\d+(?:\.\d+)?)元", term.sentence)
            if situation.plan
            else None
        )
        if own is not None:
            amount = float(own.group(1))
        elif "减半" in term.sentence and deductible.amount is not None:
            amount = deductible.amount / 2
        else:
            amount = term.amount or 0.0
        return dataclasses.replace(term, amount=amount)
    return None


NEGATED = "没有|没|未|不曾|无"


def changed_ratio(product: ProductKnowledge, ratio: MedicalTerm, text: str) -> MedicalTerm | None:
    """The ratio the wording changes to when the story meets its condition: "未取得预授权的，
    赔付比例由100%调整为80%" and "没提前申请预授权". The condition is met when the story denies
    the thing the condition's last words name."""
    for term in product.facts.medical:
        if term.kind != "ratio_change" or term.benefit not in (ratio.benefit, None):
            continue
        condition = term.sentence.split("的，", 1)[0] if "的，" in term.sentence else ""
        key = re.search(r"[\u4e00-\u9fff]{3}$", condition)
        if key is None or not re.search(r"(未|非|没有)", condition):
            continue
        if re.search(rf"({NEGATED})[^，。；]{{0,6}}{key.group(0)}", text):
            return dataclasses.replace(term, kind="reimbursement")
    return None
