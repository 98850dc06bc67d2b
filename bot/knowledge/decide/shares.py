"""Several beneficiaries with no shares written ("受益人写了我和儿子两个人，没写比例"): equal shares,
when the wording says so, with the customer's sum insured divided."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences, wording_sentences
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
        ((n, s) for n, s in wording_sentences(product) if EQUAL.search(s)),
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


UNNAMED = re.compile(
    r"(没|没有|未)(写|指定|填|定|留)[^，。；？?]{0,6}受益人|受益人[^，。；？?]{0,4}(没|没有|未)(写|指定|填)"
)
ESTATE = re.compile(r"遗产")
UNNAMED_CASE = re.compile(r"(没有|未)指定受益人")


def decide_unnamed_beneficiary(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "没写身故受益人，这钱给谁": the death benefit is the insured's estate, paid to the heirs,
    where the wording says so for a beneficiary never named."""
    if not UNNAMED.search(situation.text):
        return None
    for article in product.document.articles:
        if not UNNAMED_CASE.search(article.body):
            continue
        estate = next((s for s in plain_sentences(article.body) if ESTATE.search(s)), None)
        if estate is None:
            continue
        return Verdict(
            "beneficiary",
            "info",
            "没有指定受益人的，身故保险金作为被保险人的遗产，由继承人依法领取："
            f"条款约定“{clip(estate.rstrip('：:'), 80)}”。",
            (Reason("其中包括没有指定受益人的情形", article.number),),
        )
    return None
