"""Several beneficiaries with no shares written ("受益人写了我和儿子两个人，没写比例"): equal shares,
when the wording says so, with the customer's sum insured divided."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

COUNTS = {"两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
SEVERAL = re.compile(r"受益人[^。？?]{0,16}?(两|二|三|四|[234])\s*个?(人|位)")
NO_SHARES = re.compile(r"(没|没有|未)(写|定|约定|指定|确定|注明)[^，。？?]{0,4}(比例|份额|各占)")
EQUAL = re.compile(r"(未|没有)(确定|约定|指定)[^。；]{0,8}份额[^。；]{0,20}相等份额")


def decide_beneficiary_shares(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Equal shares for beneficiaries named without shares, from the wording's sentence."""
    several = SEVERAL.search(situation.text)
    if several is None or not NO_SHARES.search(situation.text):
        return None
    found = next(
        (
            (a.number, s)
            for a in product.document.articles
            for s in plain_sentences(a.body)
            if EQUAL.search(s)
        ),
        None,
    )
    if found is None:
        return None
    count = COUNTS[several.group(1)]
    each = f"每人1/{count}"
    if situation.sum_insured:
        each += (
            f"；以身故保险金为基本保险金额{money(situation.sum_insured)}计，"
            f"{money(situation.sum_insured)} ÷ {count} = 每人{money(situation.sum_insured / count)}"
        )
    return Verdict(
        "shares",
        "info",
        f"没写份额的，{count}位受益人按相等份额平分：{each}。",
        (Reason(f"条款约定：“{clip(found[1], 100)}”", found[0]),),
        ("身故保险金的数额以条款约定和理赔审核为准。",),
    )
