"""A long-term policy asked about renewal ("每年要续保吗", "保到30岁以后还能续吗"): its term, from
the wording, and that the wording provides no renewal."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, normalize

RENEWAL_ASKED = re.compile(r"续保|一年一保|每年.{0,4}(续|重新买|买一次)|(还能|能不能|可以)续")
TERM_TITLE = re.compile(r"保险期间|保障期间|保多久")
LONG_TERM = re.compile(r"终身|\d+\s*周岁|(?<!\d)(?:[2-9]|\d{2,})\s*年(?!度)")


def decide_term_renewal(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """No renewal to arrange: the wording's term is lifelong or many years, and it has no
    renewal provision of its own."""
    if not RENEWAL_ASKED.search(situation.text) or _has_renewal(product):
        return None
    found = _term_sentences(product)
    if found is None:
        return None
    number, lines = found
    lifelong = any("终身" in line for line in lines)
    span = "被保险人终身" if lifelong else "条款约定的多年期间（见下）"
    return Verdict(
        "term",
        "info",
        f"不需要续保：本合同不是一年一保，保险期间为{span}，一次投保保到期满，不用每年续保；"
        "条款没有约定期满后续保。",
        tuple(Reason(f"条款约定：“{clip(line, 110)}”", number) for line in lines),
        coverage=False,
    )


def _has_renewal(product: ProductKnowledge) -> bool:
    return "renewal" in product.facts.periods or any(
        "续保" in normalize(a.title) for a in product.document.articles
    )


def _term_sentences(product: ProductKnowledge) -> tuple[str, list[str]] | None:
    """The article titled with the term and its sentences stating it (终身, 至70周岁, 30年)."""
    for article in product.document.articles:
        if not TERM_TITLE.search(article.title):
            continue
        lines = [
            line
            for line in plain_sentences(article.body)
            if LONG_TERM.search(arabic_numerals(line)) and "交费" not in line
        ]
        if lines:
            return article.number, lines[:3]
    return None
