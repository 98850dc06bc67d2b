"""A premium paid short because of a misstated age: the payout in the ratio the wording sets.

"实交保险费少于应交保险费的…按实交保险费与应交保险费的比例给付" — with "实际交8000，应该交10000"
and a payout of 50万 that is 50万 × 8000 ÷ 10000 = 40万.
"""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

PAYOUTS = ("disease", "death", "grace", "disability", "medical", "allowance")
RATIO_RULE = re.compile(r"实交[^。；]{0,12}应交[^。；]{0,8}比例")
RESULT = re.compile(r"=\s*(\d+(?:\.\d+)?)(万元|元)")
TOLD_PAYOUT = re.compile(r"(理赔金|保险金|赔款|能赔|应赔)[^，。；\d]{0,6}$")


def _rule(product: ProductKnowledge) -> tuple[str, str] | None:
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if RATIO_RULE.search(sentence):
                return article.number, sentence
    return None


def _base(product: ProductKnowledge, situation: Situation, verdict: Verdict | None) -> float | None:
    """The payout before the ratio: the verdict's one figure, the customer's, or the sum insured
    when the category asked pays it in full."""
    if verdict is not None:
        results = {m.group(0) for m in RESULT.finditer(verdict.answer)}
        if len(results) != 1:
            return None
        match = RESULT.search(verdict.answer)
        assert match is not None
        return float(match.group(1)) * (10_000 if match.group(2) == "万元" else 1)
    told = situation.told_payout
    if told:
        return told
    if situation.sum_insured and len(situation.categories) == 1:
        benefit = next(
            (b for b in product.facts.benefits if b.category == situation.categories[0]), None
        )
        if benefit is not None and benefit.percent is not None:
            return situation.sum_insured * benefit.percent / 100
    return None


def with_premium_ratio(
    product: ProductKnowledge, situation: Situation, verdict: Verdict | None
) -> Verdict | None:
    """``verdict`` scaled by the premium paid over the premium due, when the story tells both
    and the wording pays in that ratio; ``verdict`` unchanged otherwise."""
    shortfall = situation.premium_shortfall
    if shortfall is None or (
        verdict is not None and (verdict.decision == "no" or verdict.kind not in PAYOUTS)
    ):
        return verdict
    rule = _rule(product)
    base = _base(product, situation, verdict)
    if rule is None or base is None:
        return verdict
    paid, due = shortfall
    scaled = base * paid / due
    figures = f"{money(base)} × {money(paid)} ÷ {money(due)} = {money(scaled)}"
    answer = (
        f"约{money(scaled)}：年龄错误致实交保费少于应交的，按实交与应交保费的比例"
        f"（{paid / due:.0%}）给付，{figures}。"
    )
    reason = Reason(f"条款约定：“{clip(rule[1], 70)}”", rule[0])
    if verdict is None:
        return Verdict("misstatement", "info", answer, (reason,), sum=figures)
    return dataclasses.replace(
        verdict,
        answer=answer,
        reasons=(reason, *verdict.reasons),
        conditions=verdict.conditions,
        sum=figures,
    )
