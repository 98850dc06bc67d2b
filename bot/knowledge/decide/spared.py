"""An exclusion that stops one benefit only: "因下列情形导致全残的，不给付全残保险金；但导致身故的，
身故保险金仍按第3.3条给付".

A death the item names is then still paid; a 全残 it names is not, and the wording's sentence on
what follows (the contract continues, premiums go on) is said with it.
"""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.cleared import DEATH, with_payout
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

KINDS = ("身故", "全残")
STILL_PAID = re.compile(r"(身故|全残)的，?[^。；]{0,4}(身故|全残)保险金(仍|照常|依然)")


def _spared_kind(product: ProductKnowledge, article: str) -> str | None:
    """The benefit the exclusion article says is still paid ("身故保险金仍按…给付")."""
    found = next((a for a in product.document.articles if a.number == article), None)
    if found is None:
        return None
    for sentence in plain_sentences(found.body):
        still = STILL_PAID.search(sentence)
        if still is not None and still.group(1) == still.group(2):
            return still.group(2)
    return None


def _afterwards(product: ProductKnowledge, article: str, kind: str) -> tuple[str, str] | None:
    """The sentence elsewhere saying what follows an event the article lists ("因第4.2条所列情形导致
    全残的，…本合同继续有效")."""
    refers = re.compile(rf"第{re.escape(article)}条[^。；]{{0,12}}{kind}")
    for other in product.document.articles:
        if other.number == article:
            continue
        for sentence in plain_sentences(other.body):
            if refers.search(sentence):
                return other.number, sentence.lstrip("★")
    return None


def spared_by_exclusion(
    product: ProductKnowledge, situation: Situation, excluded: Verdict
) -> Verdict:
    """``excluded`` (a refusal) read with what its article still pays: a death it spares is paid;
    a 全残 it stops is said with what follows for the contract."""
    if excluded.decision != "no" or not excluded.articles:
        return excluded
    article = excluded.articles[0]
    spared = _spared_kind(product, article)
    if spared is None:
        return excluded
    told = "身故" if DEATH.search(situation.text) else "全残" if "全残" in situation.text else None
    if told is None:
        return excluded
    own = tuple(r for r in excluded.reasons if r.article == article)
    if told == spared:
        other = next(k for k in KINDS if k != spared)
        cleared = Verdict(
            "exclusion",
            "yes",
            f"这项责任免除只对{other}保险金适用；{spared}的，{spared}保险金仍照常给付。",
            own,
        )
        return with_payout(product, situation, cleared)
    follows = _afterwards(product, article, told)
    if follows is None:
        return excluded
    number, sentence = follows
    return dataclasses.replace(
        excluded,
        answer=f"{excluded.answer.rstrip('。')}；但这项只对{told}不赔，"
        f"{spared}保险金的责任仍在（见下方条款）。",
        reasons=(
            *own,
            Reason(f"条款约定：“{clip(sentence, 90)}”", number),
        ),
    )
