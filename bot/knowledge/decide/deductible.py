"""The deductible asked outright: whether an unused deductible carries into the renewed year."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

CARRY_ASKED = re.compile(r"接着用|结转|带到|转到|延续|顺延|累积|累计到|留到|继续用")
CARRY_RULE = re.compile(r"结转|转入|带入|顺延|累积至|累计至|延续至|单独计算")


def decide_deductible_carry(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "去年免赔额没用完，今年能接着用吗": what the wording says of the unused deductible."""
    text = situation.text
    if "免赔" not in text or not CARRY_ASKED.search(text):
        return None
    if not re.search(r"去年|上一年|上年|上个保险期间|上一期|续保", text):
        return None
    for article in product.document.articles:
        if "免赔" not in article.body:
            continue
        for sentence in plain_sentences(article.body):
            if "免赔" not in sentence or not CARRY_RULE.search(sentence):
                continue
            amount = next(
                (
                    t.amount
                    for t in product.facts.medical
                    if t.kind == "deductible" and t.amount and t.article == article.number
                ),
                None,
            )
            carried = not re.search(r"不(结转|转入|带入|顺延|累积|累计|延续)|单独计算", sentence)
            answer = (
                "可以：按条款，上一保险期间没用完的免赔额可以结转。"
                if carried
                else "不能：每个保险期间的免赔额单独计算，上一期没用完的部分不结转到续保后的合同"
                + (f"，今年重新按{money(amount)}算起。" if amount else "。")
            )
            return Verdict(
                "medical",
                "yes" if carried else "no",
                answer,
                (Reason(f"条款约定：“{clip(sentence, 70)}”", article.number),),
                coverage=False,
            )
    return None
