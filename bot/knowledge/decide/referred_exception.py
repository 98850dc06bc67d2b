"""An exclusion whose exception is another article ("既往症，但本条款2.8约定的情形除外"): not a
flat refusal — the cases that article pays, with a plan's own limit for them when a plan table
names one (既往症保障 计划一 5万元)."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import split_items, strip_markdown

REFERRED = re.compile(
    r"但(?:本条款|本合同)?第?\s*(\d+(?:\.\d+)+)\s*条?[^。；]{0,10}(?:除外|不在此限)"
)


def referred_exception(
    product: ProductKnowledge, situation: Situation, item_text: str, number: str
) -> Verdict | None:
    """The exception article's cases for an exclusion item that refers to one."""
    found = REFERRED.search(item_text)
    if found is None:
        return None
    article = product.document.article(found.group(1))
    if article is None:
        return None
    _, cases, _ = split_items(strip_markdown(article.body))
    if not cases:
        cases = plain_sentences(article.body)[1:3]
    if not cases:
        return None
    cases = sorted(cases, key=lambda c: -_overlap(c, situation.text))
    subject = re.split(r"[，,（(]", item_text)[0].strip()
    limit = _plan_limit(product, situation, subject)
    reasons = [
        Reason(f"条款列明：“{clip(item_text, 60)}”", number),
        *(Reason(f"条款约定：“{clip(c, 90)}”", article.number) for c in cases[:2]),
    ]
    said = f"要看情况：{subject}一般不赔，但第{article.number}条约定的情形可以赔"
    if limit is not None:
        said += f"，{limit[0]}每一保险期间以{money(limit[1])}为限"
        reasons.append(Reason(f"{limit[0]}：{limit[2]}", limit[3]))
    return Verdict(
        "exclusion",
        "depends",
        f"{said}：{clip(cases[0], 80)}",
        tuple(reasons),
        ("是否符合以理赔审核为准。",),
    )


def _overlap(case: str, text: str) -> int:
    """How many two-character runs of ``case`` the story tells (the case it fits first)."""
    return sum(1 for i in range(len(case) - 1) if case[i : i + 2] in text)


def _plan_limit(
    product: ProductKnowledge, situation: Situation, subject: str
) -> tuple[str, float, str, str] | None:
    """The told plan's amount in a plan table row named with ``subject`` (既往症保障)."""
    if situation.plan is None or len(subject) < 2:
        return None
    for row in product.facts.plan_amounts:
        if row.plan == situation.plan and subject in row.label:
            return row.plan, row.amount, row.cell, row.article
    return None
