"""Accident products: what an illness, which they do not cover, gets."""

from __future__ import annotations

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation


def decide_illness_under_accident_cover(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """An accident product asked about an illness: it pays for accidental injury only."""
    if product.document.product_type != "accident" or situation.cause == "accident":
        return None
    if disease is None and situation.cause != "illness":
        return None
    if not (situation.asks & {"whether", "amount"}):
        return None
    defined = next((t for t in product.facts.terms if t.name.startswith("意外伤害")), None)
    reasons = []
    if defined is not None:
        reasons.append(
            Reason(f"条款对意外伤害的定义：“{clip(defined.definition, 80)}”", defined.article)
        )
    if product.facts.benefits:
        first = product.facts.benefits[0]
        reasons.append(Reason(f"各项保险金都以遭受意外伤害为前提（如{first.name}）", first.article))
    return Verdict(
        "accident",
        "no",
        "不能赔：这是意外险，只保外来、突发、非本意、非疾病的意外伤害；"
        f"{disease or '疾病'}属于疾病，不在保障范围内，可以看看医疗险或重疾险是否能赔。",
        tuple(reasons),
    )
