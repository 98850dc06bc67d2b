"""Exclusions: everyday words mapped to the wording's items, or said to be absent from them."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.thesaurus import Thesaurus

EXCLUSION_ASK = re.compile(r"免责|除外|责任免除|属于不赔|在不在.{0,4}(不赔|免责)|是不是不赔")


def decide_exclusion(
    product: ProductKnowledge, situation: Situation, thesaurus: Thesaurus
) -> Verdict | None:
    concepts = thesaurus.concepts_in(situation.text)
    if not concepts:
        return None
    exclusions = product.facts.exclusions
    for concept in concepts:
        hits = [e for e in exclusions if concept.named_in(e.text)]
        if hits:
            hit = hits[0]
            number = _item_number(product, hit.article, hit.index)
            return Verdict(
                "exclusion",
                "no",
                f"不能赔：{concept.label}属于本产品的责任免除{number}，即使住院或就医也不赔。",
                (Reason(f"条款列明：“{clip(hit.text)}”", hit.article),),
            )
    if exclusions and EXCLUSION_ASK.search(situation.text):
        concept = concepts[0]
        return Verdict(
            "exclusion",
            "info",
            f"不属于责任免除：本产品列明的{len(exclusions)}项责任免除中没有{concept.label}；"
            "是否赔付还要看是否符合保险责任的约定。",
            (Reason("责任免除条款", exclusions[0].article),),
        )
    return None


def _item_number(product: ProductKnowledge, article: str, index: int) -> str:
    same = [e for e in product.facts.exclusions if e.article == article]
    position = next((i for i, e in enumerate(same, 1) if e.index == index), None)
    return (
        f"（第{article}条第（{position}）项）"
        if position and len(same) > 1
        else f"（第{article}条）"
    )
