"""A plan's amount asked outright: "计划二骨折保额多少", "猝死保险金额是多少".

The row of the plan table whose label shares the longest run of characters with the question
(what the rows all say — 保险金, 保险金额, 基本 — aside) gives the amount: the told plan's, or
each plan's when none is told.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import money
from bot.knowledge.facts import PlanAmount, ProductKnowledge
from bot.knowledge.situation import Situation

ASKED = re.compile(
    r"保额|额度|保险金额|限额|最多(能)?(赔|报|给)|最高(能)?(赔|报|给)|封顶|日额|一天.{0,4}多少"
)
SHARED = re.compile(r"保险金额|保险金|基本|金额|其中|[（）()：:，、]")
KINDS = {"sum": "", "daily": "每日", "deductible": "免赔额", "per_visit_limit": "每次"}


def decide_plan_amount(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """The amount of the plan-table row the question names, for the told plan or each plan."""
    if not product.facts.plans or not ASKED.search(situation.text):
        return None
    if (
        situation.expenses is not None
        or situation.disability_grade is not None
        or situation.hospital_days is not None
    ):
        return None  # a case to work out, not a figure to look up
    label = _row(product.facts.plan_amounts, situation.text)
    if label is None:
        return None
    rows = [a for a in product.facts.plan_amounts if a.label == label and a.kind in KINDS]
    if not rows:
        return None
    told = [a for a in rows if a.plan == situation.plan]
    reasons = (Reason(f"保障计划表：{label}", rows[0].article),)
    if told:
        amount = told[0]
        return Verdict(
            "plan_amount",
            "info",
            f"{amount.plan}的{label}为{_shown(amount)}。",
            reasons,
            ("以保单上载明的保障计划为准。",),
        )
    lines = "；".join(f"{a.plan}{_shown(a)}" for a in rows)
    return Verdict(
        "plan_amount",
        "depends",
        f"{label}按保障计划不同：{lines}。以保单上载明的计划为准，告诉我您的计划我可以按它回答。",
        reasons,
    )


def _shown(amount: PlanAmount) -> str:
    if amount.unit == "%":
        return f"{amount.amount:g}%"
    return money(amount.amount) + ("/日" if amount.kind == "daily" else "")


def _row(amounts: tuple[PlanAmount, ...], text: str) -> str | None:
    """The label sharing the longest run with ``text``; ``None`` on a tie or under 2 characters."""
    scored: dict[str, int] = {}
    for amount in amounts:
        core = SHARED.sub("|", amount.label)
        best = 0
        for i in range(len(core)):
            for j in range(i + 2, len(core) + 1):
                if "|" in core[i:j] or core[i:j] not in text:
                    break
                best = max(best, j - i)
        scored[amount.label] = best
    ranked = sorted(scored.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
