"""The payout ratio asked with no bill: the ratio for the customer's case of social insurance."""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.medical import _for_plan, _for_service, _for_setting, _ratio, _service
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation


def decide_ratio(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "赔付比例是多少" with no bill: the ratio for the customer's case of social insurance."""
    if situation.expenses is not None:
        return None
    unsupported = situation.social_insurance == "unsupported"
    if not unsupported and not re.search(r"比例|几成|百分之几", situation.text):
        return None
    if situation.social_insurance not in ("none", "not_used", "unsupported"):
        return None  # "有社保的话": which case of having it is not told
    terms = _for_setting(
        product,
        _for_plan(_for_service(product, _service(situation.text, False)), situation.plan),
        situation.text,
    )
    term = _ratio(terms, situation)
    if term is None or term.amount is None:
        return None
    case = {
        "none": "没有社保",
        "not_used": "有社保但没用社保结算",
        "unsupported": "就诊的机构没法用社保结算",
    }[situation.social_insurance]
    reasons = [Reason(f"赔付比例：{clip(term.sentence, 70)}", term.article)]
    conditions = ["前提是属于保险责任、费用合理必要；扣除已报销部分和免赔额后再按这个比例算。"]
    if situation.social_insurance == "none":
        # "没有社保" may also mean insured with it but not using it: that ratio too, if it differs
        other = _ratio(terms, dataclasses.replace(situation, social_insurance="not_used"))
        if other is not None and other.amount is not None and other.amount != term.amount:
            conditions.insert(
                0,
                f"如果投保时是以有社保身份投保、只是就诊时没用社保结算，按{other.amount:g}%赔付。",
            )
            reasons.append(Reason(f"赔付比例：{clip(other.sentence, 70)}", other.article))
    return Verdict(
        "medical",
        "info",
        f"按{term.amount:g}%赔付：您说的是{case}的情形。",
        tuple(reasons),
        tuple(conditions),
    )
