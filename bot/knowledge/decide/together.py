"""Several benefits for one event, added up: "骨折、医疗、住院津贴一共能赔多少".

An accident pays a lump sum for the fracture, the medical expenses and a daily allowance each by
its own rule; asked for them together, each is decided on its own and the payouts are added.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.allowance import decide_allowance
from bot.knowledge.decide.fracture import decide_fracture
from bot.knowledge.decide.medical import decide_medical
from bot.knowledge.decide.verdict import Verdict
from bot.knowledge.explain import money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.thesaurus import Thesaurus

TOGETHER = re.compile(r"一共|总共|合计|加起来|共能|总计|加在一起")
LABELS = {"fracture": "骨折保险金", "medical": "医疗费用", "allowance": "住院津贴"}


def decide_together(
    product: ProductKnowledge, situation: Situation, thesaurus: Thesaurus | None = None
) -> Verdict | None:
    """Each benefit the story bears on with its payout, and their total; ``None`` unless at
    least two of them pay."""
    if "amount" not in situation.asks or not TOGETHER.search(situation.text):
        return None
    found = [
        v
        for v in (
            decide_fracture(product, situation, with_expenses=True),
            decide_medical(product, situation, False, thesaurus),
            decide_allowance(product, situation),
        )
        if v is not None and v.decision == "yes" and v.paid
    ]
    if len(found) < 2:
        return None
    total = sum(v.paid or 0.0 for v in found)
    parts = "；".join(f"{LABELS[v.kind]}{money(v.paid or 0.0)}（{v.sum}）" for v in found)
    return Verdict(
        "together",
        "yes",
        f"一共约{money(total)}：{parts}。",
        tuple(r for v in found for r in v.reasons),
        tuple(dict.fromkeys(c for v in found for c in v.conditions)),
        sum=" + ".join(money(v.paid or 0.0) for v in found) + f" = {money(total)}",
        paid=total,
    )
