"""Accident products: what an illness, which they do not cover, gets."""

from __future__ import annotations

from bot.knowledge.decide.deaths import DEATH
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import amount_text
from bot.knowledge.explain import clip
from bot.knowledge.facts import Benefit, ProductKnowledge
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
    if _sudden_death_benefit(product) is not None and DEATH.search(situation.text):
        return None  # decide_sudden_death, after the waiting period's own say
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


def _sudden_death_benefit(product: ProductKnowledge) -> Benefit | None:
    return next((b for b in product.facts.benefits if "猝死" in b.name), None)


def decide_sudden_death(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A death from illness under an accident product that also pays for 猝死."""
    sudden = _sudden_death_benefit(product)
    if (
        sudden is None
        or product.document.product_type != "accident"
        or situation.cause != "illness"
        or not DEATH.search(situation.text)
        or not (situation.asks & {"whether", "amount"})
    ):
        return None
    name, article, percent = sudden.name, sudden.article, sudden.percent
    reasons = [Reason(f"本产品另有{name}", article)]
    term = next((t for t in product.facts.terms if t.name.startswith("猝死")), None)
    condition = ""
    if term is not None:
        condition = f"（条款的定义：{clip(term.definition, 60)}）"
        reasons.append(Reason(f"“猝死”的定义：{clip(term.definition, 80)}", term.article))
    amount = (
        amount_text(situation, percent) if percent is not None else "按保单上的猝死保险金额给付"
    )
    return Verdict(
        "accident",
        "depends",
        f"因疾病身故的不赔意外身故保险金；但本产品有{name}：符合条款“猝死”定义的{condition}，"
        f"{amount}。",
        tuple(reasons),
    )
