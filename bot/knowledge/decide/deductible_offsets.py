"""Whose payments count toward the deductible (医保报的能不能抵免赔额), asked outright: the
wording's sentence for each payer the question names — social insurance, or other payers
(商业保险, 团险, 单位)."""

from __future__ import annotations

import re

from bot.knowledge.decide.medical import NO_OFFSET, OFFSET_NAMED, OTHER_PAYER, SOCIAL_PAYER
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

ASKED = re.compile(r"(抵|冲抵|抵扣|算进|计入|算入|抵消)[^。？?]{0,4}免赔|免赔[^。？?]{0,6}(抵|算)")
SOCIAL_TOLD = re.compile(r"医保|社保|新农合|农合|大病保险|统筹|基本医疗")
OTHER_TOLD = re.compile(r"团险|商业保险|单位|公司.{0,2}(报|保险)|其他保险|惠民保|别的保险|另一份")
NAMES = {"social": "医保（社保）", "other": "其他途径（商业保险、团险、单位等）"}


def _rules(product: ProductKnowledge) -> dict[str, tuple[bool, str, str]]:
    """payer → (allowed, sentence, article) from the wording's sentences on the deductible."""
    found: dict[str, tuple[bool, str, str]] = {}
    for article in product.document.articles:
        if "免赔" not in article.body:
            continue
        for sentence in plain_sentences(article.body):
            if not OFFSET_NAMED.search(sentence) or re.search(r"尚未抵扣|未抵扣完", sentence):
                continue
            allowed = not NO_OFFSET.search(sentence)
            lead = sentence[: OFFSET_NAMED.search(sentence).start()]  # type: ignore[union-attr]
            for payer, pattern in (("social", SOCIAL_PAYER), ("other", OTHER_PAYER)):
                if pattern.search(lead) and (payer == "other" or not OTHER_PAYER.search(lead)):
                    found.setdefault(payer, (allowed, sentence, article.number))
    return found


def decide_deductible_offsets(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "医保报销的钱和团险报的钱，哪个可以抵免赔额"."""
    text = situation.text
    if product.document.product_type != "medical" or not ASKED.search(text):
        return None
    if situation.expenses:
        return None  # a sum to work out: the medical decider counts what others paid
    told = [
        p for p, pattern in (("social", SOCIAL_TOLD), ("other", OTHER_TOLD)) if pattern.search(text)
    ]
    rules = _rules(product)
    said = [(p, rules[p]) for p in told or ("social", "other") if p in rules]
    if not said:
        return None
    parts = [
        f"{NAMES[p]}报销的部分{'可以' if allowed else '不能'}用于抵扣免赔额"
        for p, (allowed, _, _) in said
    ]
    reasons = tuple(dict.fromkeys(Reason(f"条款约定：“{clip(s, 90)}”", a) for _, (_, s, a) in said))
    return Verdict("deductible", "info", "；".join(parts) + "。", reasons)
