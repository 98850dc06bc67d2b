"""What the reading of a wording did not turn into rules, reported at ingest by article.

An article that states figures (days, percentages, sums, ages, times) but that no extracted fact
comes from is read only by the deciders that look at its text at question time, or quoted: the
person ingesting the document sees it listed, to check that the answers about it are right.
"""

from __future__ import annotations

import re

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import arabic_numerals, strip_markdown

FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:日|天|个月|年|周岁|岁|%|元|万元|次|倍)")


def read_articles(product: ProductKnowledge) -> set[str]:
    """The numbers of the articles some extracted fact comes from."""
    facts = product.facts
    sources = [
        *(p.article for p in facts.periods.values()),
        *(b.article for b in facts.benefits),
        *(e.article for e in facts.exclusions),
        *(d.article for d in facts.diseases),
        *(m.article for m in facts.materials),
        *(m.article for m in facts.medical),
        *(t.article for t in facts.terms),
        *(s.article for s in facts.surrender),
        *(a.article for a in facts.plan_amounts),
    ]
    return {a for a in sources if a}


def unread_articles(product: ProductKnowledge) -> list[str]:
    """``第5.2条 保单贷款`` for each article with figures that no fact was read from (nor from an
    article inside it or around it)."""
    read = read_articles(product)
    unread = []
    for article in product.document.articles:
        number = article.number
        if not FIGURE.search(arabic_numerals(strip_markdown(article.body))):
            continue
        related = any(
            r == number or r.startswith(f"{number}.") or number.startswith(f"{r}.") for r in read
        )
        if not related:
            unread.append(f"第{number}条 {article.title}")
    return unread
