"""A benefit paid as the greater of several amounts, computed with the customer's numbers.

"按下列两项中金额较大者给付身故保险金：（1）已交保险费；（2）现金价值" — with "交了3年，每年8000"
and "现金价值查了是1.5万" that is max(2.4万, 1.5万) = 2.4万. Only amounts the customer told (or
the sum insured) are compared; an item the story does not give (有效保险金额, a table's factor)
leaves the sum to the wording.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, sentences, strip_markdown

GREATER = re.compile(r"较大者|较高者|较大的|最大者|较大值|孰高|孰大")
ITEM = re.compile(r"^\s*(?:[（(][\d一二三四五六七八九十]+[）)]|\d+[.、．]|[①-⑩])")
AGE_BOUND = re.compile(r"(未满|不满|已满|满)(\d+)周岁")
DEATH = re.compile(r"身故|去世|过世|死亡|走了|离世|病故")


def _branches(text: str) -> list[tuple[str, list[str]]]:
    """Each "greater of" sentence of ``text`` with the items listed after it."""
    lines = sentences(text)
    found = []
    for n, line in enumerate(lines):
        if not GREATER.search(line):
            continue
        items = []
        for following in lines[n + 1 :]:
            if not ITEM.search(following) or GREATER.search(following):
                break
            items.append(following)
        if items:
            found.append((line, items))
    return found


def _fits_age(line: str, age: int | None) -> bool | None:
    """Whether the branch's age bound (未满18周岁, 已满18周岁) fits ``age``; ``None``: unknown."""
    bound = AGE_BOUND.search(line)
    if bound is None:
        return True
    if age is None:
        return None
    under = bound.group(1) in ("未满", "不满")
    return age < int(bound.group(2)) if under else age >= int(bound.group(2))


def _value(item: str, situation: Situation) -> tuple[str, float] | None:
    """The customer's figure for one listed amount, or ``None`` when the story does not give it."""
    if re.search(r"系数|有效保险金额|表", item):
        return None
    percent = re.search(r"(\d+(?:\.\d+)?)\s*%", item)
    share = float(percent.group(1)) / 100 if percent else 1.0
    if "已交保险费" in item or "所交保险费" in item:
        paid = situation.premiums_paid
        return ("已交保费", paid * share) if paid else None
    if "现金价值" in item:
        return ("现金价值", situation.cash_value) if situation.cash_value else None
    if "基本保险金额" in item or "保险金额" in item:
        sum_insured = situation.sum_insured
        return ("基本保额", sum_insured * share) if sum_insured else None
    return None


def decide_greater_of(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A death benefit "the greater of" amounts, when the story gives every one of them."""
    if not DEATH.search(situation.text) or not situation.asks & {"amount", "whether"}:
        return None
    benefits: list[Benefit] = [b for b in product.facts.benefits if "身故" in b.name]
    for benefit in benefits:
        article = next((a for a in product.document.articles if a.number == benefit.article), None)
        texts = [(benefit.article, "\n".join(benefit.sentences))]
        texts += [
            (a.number, strip_markdown(arabic_numerals(a.body)))
            for a in product.document.articles
            if a.number.startswith(benefit.article.rsplit(".", 1)[0] + ".")
            and a is not article
            and "身故" in a.body + a.title
        ]
        for number, text in texts:
            for line, items in _branches(arabic_numerals(text)):
                fits = _fits_age(line, situation.age)
                if fits is None:
                    return None  # the amounts depend on an age the story does not give
                if not fits:
                    continue
                values = [_value(item, situation) for item in items]
                if any(v is None for v in values):
                    return None
                told = [v for v in values if v is not None]
                label, amount = max(told, key=lambda v: v[1])
                figures = "、".join(f"{name}{money(value)}" for name, value in told)
                bound = AGE_BOUND.search(line)
                when = f"身故时{bound.group(0)}，" if bound else ""
                return Verdict(
                    "death",
                    "info",
                    f"约{money(amount)}：{when}按{figures}中较大的给付，即{label}{money(amount)}。",
                    (Reason(f"条款约定：“{clip(line, 50)}”", number),),
                    ("前提是之前没有给付过终止该责任的保险金，以理赔审核为准。",),
                    sum=f"max({', '.join(money(v) for _, v in told)}) = {money(amount)}",
                )
    return None
