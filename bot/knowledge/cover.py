"""When a policy's cover holds, as its wording says: from the effective date, and not while the
contract is suspended (效力中止). Each verdict carries the sentence and the article it rests on;
the general rule (《保险法》) stands in where a wording does not say."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.knowledge.extract import titled
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.general import general_rule
from bot.knowledge.text import sentences, strip_markdown


@dataclass(frozen=True)
class WordingSentence:
    """One sentence of a wording and the article it stands in."""

    article: str
    text: str


@dataclass(frozen=True)
class OutsideCover:
    """An event the policy does not cover, and why.

    Attributes:
        rule: The rule in plain words, from the wording where it says so.
        article: The article of the wording it rests on; ``None`` for the general rule.
    """

    rule: str
    article: str | None


def wording_sentence(
    product: ProductKnowledge, titles: tuple[str, ...], words: tuple[str, ...]
) -> WordingSentence | None:
    """The first sentence holding every one of ``words`` in an article titled with ``titles``."""
    for article in titled(product.document.articles, titles):
        for sentence in sentences(strip_markdown(article.body)):
            if all(word in sentence for word in words):
                return WordingSentence(article.number, sentence)
    return None


def before_cover(
    product: ProductKnowledge | None, effective: dt.date, day: dt.date
) -> OutsideCover | None:
    """Why an event on ``day`` falls outside a policy effective on ``effective``; ``None`` when
    it does not (cover starts on the effective date)."""
    if day >= effective:
        return None
    found = None
    if product is not None:
        found = wording_sentence(product, ("生效",), ("生效", "承担保险责任")) or wording_sentence(
            product, ("生效",), ("生效",)
        )
    rule = "保险责任从保单生效时开始，生效前发生的事故不在这份保单的保障范围内"
    return OutsideCover(rule, found.article if found is not None else None)


def suspended_cover(product: ProductKnowledge | None) -> OutsideCover:
    """What a suspended (效力中止) contract covers: the wording's sentence, else the general rule."""
    found = None
    if product is not None:
        found = wording_sentence(product, ("效力中止", "中止"), ("中止期间", "不承担"))
    if found is None:
        return OutsideCover(general_rule("suspension").said(), None)
    return OutsideCover(found.text, found.article)
