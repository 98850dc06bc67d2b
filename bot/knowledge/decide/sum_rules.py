"""The sum insured a customer wants against the wording's unit and minimum.

"保额可以买25.5万吗" under "基本保险金额以1万元为一个单位，最低为10万元": not a whole number of units,
so no; the nearest sums that are.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals

UNIT = re.compile(
    r"(?:基本)?保险金额[^。]{0,12}?(?:以(\d+(?:\.\d+)?)\s*(万)?元为一?个?单位|为(\d+(?:\.\d+)?)\s*(万)?元的整数倍)"
)
MINIMUM = re.compile(r"最低(?:为)?\s*(\d+(?:\.\d+)?)\s*(万)?元")
BUY_ASKED = re.compile(
    r"保额[^，。？?]{0,4}(可以|能|能不能|能否)(买|选|投|定)"
    r"|(买|选|投)[^，。？?]{0,3}\d+(\.\d+)?\s*万(元)?(的)?(保额)?(吗|行|可以|能)"
)
CLAIM = re.compile(r"赔|报销|理赔|给付")


def decide_sum_unit(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Whether the sum asked for is a whole number of the wording's units, and not below its
    minimum."""
    wanted = situation.sum_insured
    if wanted is None or not BUY_ASKED.search(situation.text) or CLAIM.search(situation.text):
        return None
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            plain = arabic_numerals(sentence)
            unit_match = UNIT.search(plain)
            if unit_match is None:
                continue
            amount = unit_match.group(1) or unit_match.group(3)
            scale = 10_000 if (unit_match.group(2) or unit_match.group(4)) else 1
            unit = float(amount) * scale
            lowest = MINIMUM.search(plain)
            minimum = float(lowest.group(1)) * (10_000 if lowest.group(2) else 1) if lowest else 0
            reason = Reason(f"条款约定：“{clip(sentence, 80)}”", article.number)
            if wanted < minimum:
                return Verdict(
                    "sum_unit",
                    "no",
                    f"不能：保额最低为{money(minimum)}，{money(wanted)}低于下限。",
                    (reason,),
                    coverage=False,
                )
            if round(wanted / unit, 6) % 1:
                below = int(wanted // unit) * unit
                return Verdict(
                    "sum_unit",
                    "no",
                    f"不能买{money(wanted)}：保额须按{money(unit)}为单位（整数倍）选择，"
                    f"可以选{money(max(below, minimum))}或{money(below + unit)}。",
                    (reason,),
                    coverage=False,
                )
            return Verdict(
                "sum_unit",
                "yes",
                f"按条款可以：{money(wanted)}是{money(unit)}的整数倍，且不低于下限。",
                (reason,),
                ("能否承保、最高保额以核保为准。",),
                coverage=False,
            )
    return None
