"""A disease diagnosed before the cover began, come back now: not the 初次发生 (初次确诊) the
benefits pay for.

"投保前就已经确诊过甲状腺癌做过手术，现在复发还转移了" is no first diagnosis after the contract took
effect; the wording says so in its benefits ("确诊初次发生本合同所定义的重大疾病"), its 释义 of
初次发生, or an exclusion ("在本合同生效前已确诊罹患的疾病").
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

MALIGNANT = r"癌|恶性|白血病|淋巴瘤|肉瘤"
BEFORE_COVER = re.compile(
    r"(投保|买保险|购买|买|参保|生效)[^，。,；]{0,6}(之前|以前|前)[^。；]{0,14}"
    r"(确诊|得过|做过|查出|患过|患有|手术)[^。；]{0,10}(" + MALIGNANT + ")"
    r"|(投保|买保险|购买|买|参保|生效)[^，。,；]{0,6}(之前|以前|前)[^。；]{0,10}(" + MALIGNANT + ")"
)
BACK_NOW = re.compile(r"复发|转移|又|再次|现在")
FIRST_WORDS = re.compile(r"初次(发生|确诊)|首次(发生|确诊)")
EXCLUDED_BEFORE = re.compile(r"(生效|投保|承保)(之?前|以前)[^。；]{0,8}(已|就)?(确诊|罹患|患有)")


def decide_not_first(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "投保前就确诊过，现在复发了，能赔吗": not a first diagnosis, as the wording requires."""
    text = situation.text
    if disease is None or not BEFORE_COVER.search(text) or not BACK_NOW.search(text):
        return None
    reasons: list[Reason] = []
    for exclusion in product.facts.exclusions:
        if EXCLUDED_BEFORE.search(exclusion.text):
            reasons.append(Reason(f"责任免除：“{clip(exclusion.text, 70)}”", exclusion.article))
            break
    benefit = next(
        (
            (b, s)
            for b in product.facts.benefits
            if not b.is_waiver and b.category
            for s in b.sentences
            if FIRST_WORDS.search(s)
        ),
        None,
    )
    if benefit is not None:
        reasons.append(Reason(f"条款约定：“{clip(benefit[1], 70)}”", benefit[0].article))
    for article in product.document.articles:
        if FIRST_WORDS.search(article.title):
            said = plain_sentences(article.body)
            if said:
                reasons.append(Reason(f"“{article.title}”：“{clip(said[0], 70)}”", article.number))
            break
    if not reasons:
        return None
    return Verdict(
        "first_occurrence",
        "no",
        "不能赔：条款保障的是合同生效后初次确诊（初次发生）的疾病；您说的病在投保前就已经确诊过，"
        "现在复发或转移也不属于初次确诊。",
        tuple(reasons),
        (
            "投保时没有如实告知这一病史的，保险公司还可能依如实告知条款解除合同；"
            "若投保时已告知并经保险公司书面同意承保，以合同约定为准。",
        ),
    )
