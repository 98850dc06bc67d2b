"""Renewal after claims ("理赔多了会不会单独给我涨价、不给续"): what the wording says of pricing and
refusing one insured for their own claims or health."""

from __future__ import annotations

import re

from bot.knowledge.decide.timing import not_guaranteed
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import wording_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

ASKED = re.compile(
    r"(单独|专门|针对我|给我一个人|因为(我)?(理赔|赔)|理赔(过|多|了)).{0,16}"
    r"(涨|加价|提高|上调|拒|不给(我)?续|不让(我)?续|不续)"
    r"|(涨|加价|拒|不给(我)?续|不让(我)?续).{0,10}(因为|因).{0,6}(理赔|赔过|生病)"
)
NOT_SINGLED_OUT = re.compile(r"不(会)?(因|针对).{0,30}(单独|个别|个人)|统一(调整|适用)")
NOT_REFUSED = re.compile(r"不会因.{0,40}拒绝(该被保险人)?续保|不会因.{0,40}单独拒绝")


def decide_repricing(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Claims or health do not single one insured out, when the wording says so."""
    if not ASKED.search(situation.text):
        return None
    said = [(n, s) for n, s in wording_sentences(product) if re.search(r"费率|保险费|续保", s)]
    priced = next(((n, s) for n, s in said if NOT_SINGLED_OUT.search(s)), None)
    if priced is None:
        return None
    refused = next(((n, s) for n, s in said if NOT_REFUSED.search(s)), None)
    reasons = [Reason(f"条款约定：“{clip(priced[1], 100)}”", priced[0])]
    answer = "不会因为您个人的理赔或健康变化单独给您涨价：费率只能按产品整体、对同一类别的被保险人统一调整"
    if refused is not None:
        answer += "，也不会因此拒绝续保"
        if refused != priced:
            reasons.append(Reason(f"条款约定：“{clip(refused[1], 100)}”", refused[0]))
    conditions: tuple[str, ...] = ("续保时按年龄等统一费率计算的保费仍可能变化。",)
    if not_guaranteed(product) and refused is None:
        conditions = ("本产品不保证续保，续保须经保险公司审核同意。", *conditions)
    return Verdict("repricing", "info", answer + "。", tuple(reasons), conditions, coverage=False)
