"""Reducing the sum insured (减保): how much at most, from the customer's sum insured.

"每个保单年度内累计减少的基本保险金额，不超过投保时基本保险金额的20%" — with "保额20万，想减掉5万"
that is at most 20万 × 20% = 4万 a year, so not 5万 at once.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals
from bot.knowledge.told import MONEY, money_value

ASKED = re.compile(r"减保|(减|降|减少|调低)[^，。；]{0,6}保额|保额[^，。；]{0,4}(减|降)")
CAP = re.compile(
    r"减少的基本保险金额[^。；]{0,12}不(得)?超过[^。；]{0,20}基本保险金额的\s*(\d+(?:\.\d+)?)\s*%"
)
# a death after a reduction asks what the death pays, not about reducing
DEATH_TOLD = re.compile(r"身故|去世|过世|走了|离世|病故|死亡")
WANTED = re.compile(r"(减掉|减少|减去|降掉|减)[^，。；\d]{0,3}$")


def decide_reduction(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Whether the reduction the customer wants fits the wording's cap, and the cap in money."""
    if situation.sum_insured is None or not ASKED.search(situation.text):
        return None
    if DEATH_TOLD.search(situation.text):
        return None
    cap = next(
        (
            (article.number, sentence, float(found.group(2)))
            for article in product.document.articles
            for sentence in plain_sentences(arabic_numerals(article.body))
            if (found := CAP.search(sentence)) is not None
        ),
        None,
    )
    if cap is None:
        return None
    number, sentence, percent = cap
    most = situation.sum_insured * percent / 100
    figures = f"{money(situation.sum_insured)} × {percent:g}% = {money(most)}"
    wanted = next(
        (
            money_value(m)
            for m in MONEY.finditer(situation.text)
            if WANTED.search(situation.text[max(0, m.start() - 6) : m.start()])
        ),
        None,
    )
    reason = Reason(f"条款约定：“{clip(sentence, 70)}”", number)
    if wanted is not None and wanted > most:
        answer = (
            f"不能一次减{money(wanted)}：每个保单年度最多减投保时保额的{percent:g}%，{figures}。"
        )
        decision = "no"
    elif wanted is not None:
        answer = f"可以申请减{money(wanted)}：没超过每个保单年度的上限，{figures}。"
        decision = "yes"
    else:
        answer = f"每个保单年度最多减投保时保额的{percent:g}%：{figures}。"
        decision = "info"
    return Verdict(
        "reduction",
        decision,
        answer,
        (reason,),
        (
            "减保还须符合条款的其他条件（如合同有效、无欠款、减后保额不低于下限），减少部分按现金价值退还。",
        ),
        sum=figures,
        coverage=False,
    )


NEVER_PAID = re.compile(r"(未|从未|没有)(给付|赔付)过[^。；]{0,8}保险金[^。；]{0,6}的")


def decide_reduction_after_payout(
    product: ProductKnowledge, situation: Situation
) -> Verdict | None:
    """减保 asked after a payout, of a wording that allows it only before any: not any more."""
    paid = bool(situation.earlier_claims) or situation.paid_before is not None
    if not paid or not ASKED.search(situation.text):
        return None
    found = next(
        (
            (article.number, sentence)
            for article in product.document.articles
            for sentence in plain_sentences(article.body)
            if NEVER_PAID.search(sentence) and re.search(r"减少|减保", sentence)
        ),
        None,
    )
    if found is None:
        return None
    return Verdict(
        "reduction",
        "no",
        "不能减保了：条款只允许从未给付过保险金的保单申请减少基本保险金额，您的保单已经赔过。",
        (Reason(f"条款约定：“{clip(found[1], 90)}”", found[0]),),
        coverage=False,
    )


REFUND_BY_RATIO = re.compile(r"减少部分[^。；]{0,16}比例[^。；]{0,24}现金价值")
DOWN_TO = re.compile(r"(减到|降到|减至|降至|改成|变成|只留)[^，。；\d]{0,2}$")


def decide_reduction_refund(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "保额6万，想减到4万，现金价值15万，能退多少": the reduced share of the cash value."""
    if situation.sum_insured is None or situation.cash_value is None:
        return None
    if not ASKED.search(situation.text) or "amount" not in situation.asks:
        return None
    if DEATH_TOLD.search(situation.text):
        return None
    found = next(
        (
            (article.number, sentence)
            for article in product.document.articles
            for sentence in plain_sentences(arabic_numerals(article.body))
            if REFUND_BY_RATIO.search(sentence)
        ),
        None,
    )
    if found is None:
        return None
    before = situation.sum_insured
    reduced = None
    for m in MONEY.finditer(situation.text):
        told = money_value(m)
        ahead = situation.text[max(0, m.start() - 6) : m.start()]
        if told is None or told >= before:
            continue
        if DOWN_TO.search(ahead):
            reduced = before - told
        elif WANTED.search(ahead):
            reduced = told
        if reduced is not None:
            break
    if reduced is None or reduced <= 0:
        return None
    refund = situation.cash_value * reduced / before
    figures = (
        f"{money(situation.cash_value)} × {money(reduced)} ÷ {money(before)} = {money(refund)}"
    )
    return Verdict(
        "reduction",
        "info",
        f"减保约可退{money(refund)}：按减少部分占原保额的比例退现金价值，{figures}。",
        (Reason(f"条款约定：“{clip(found[1], 70)}”", found[0]),),
        (
            "现金价值以申请时保险公司计算的为准；减保还须符合条款的其他条件（如次数、减后保额下限）。",
        ),
        sum=figures,
        coverage=False,
    )
