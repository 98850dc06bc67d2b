"""Small readings of the wording that several deciders share."""

from __future__ import annotations

from collections.abc import Iterator

from bot.knowledge.explain import money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import sentences, strip_markdown


def amount_text(situation: Situation, percent: float) -> str:
    """``30万元 × 30% = 9万元`` with the customer's sum insured, else ``按基本保险金额的30%给付``."""
    if situation.sum_insured:
        paid = situation.sum_insured * percent / 100
        return f"{money(situation.sum_insured)} × {percent:g}% = {money(paid)}"
    return f"按基本保险金额的{percent:g}%给付"


def article_titled(product: ProductKnowledge, words: tuple[str, ...]) -> str | None:
    """The first article titled with one of ``words`` that has text of its own."""
    return next(
        (
            a.number
            for a in product.document.articles
            if a.body and any(w in a.title for w in words)
        ),
        None,
    )


def plain_sentences(body: str) -> list[str]:
    """An article body as plain sentences."""
    return sentences(strip_markdown(body))


def wording_sentences(product: ProductKnowledge) -> Iterator[tuple[str, str]]:
    """Every plain sentence of the wording with its article's number, in order."""
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            yield article.number, sentence
