"""Exclusions: everyday words mapped to the wording's items, or said to be absent from them."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import normalize
from bot.knowledge.thesaurus import Concept, Thesaurus

EXCLUSION_ASK = re.compile(r"免责|除外|责任免除|属于不赔|在不在.{0,4}(不赔|免责)|是不是不赔")


CARVE_OUT = re.compile(
    r"但(?:因|由)?([^。；]{2,40}?)(?:导致|所致|引起)?的?除外|但([^。；]{2,40}?)不在此限"
)


def decide_exclusion(
    product: ProductKnowledge,
    situation: Situation,
    thesaurus: Thesaurus,
    disease: str | None = None,
) -> Verdict | None:
    concepts = thesaurus.concepts_in(situation.text)
    if not concepts:
        return None
    exclusions = product.facts.exclusions
    for concept in concepts:
        if concept.spares(situation.text):
            continue
        words = concept.words_in(situation.text)
        # A customer who names the wording's own word (蹦极) is answered on that word, not on
        # the whole category an item may name (高风险运动).
        specific = [w for w in words if w in concept.wording] if concept.each else []
        for item in exclusions:
            if not _names(product, item.text, concept, specific):
                continue
            number = _item_number(product, item.article, item.index)
            quoted = Reason(f"条款列明：“{clip(item.text)}”", item.article)
            exception = _carved_out(product, item.text, situation, disease)
            if exception is not None:
                return Verdict(
                    "exclusion",
                    "yes",
                    f"这种情况不在免责之内：该项责任免除{number}写明{exception}除外，"
                    "按保险责任的约定处理。",
                    (quoted,),
                )
            refused = "不能豁免保费" if "豁免" in situation.text else "不能赔"
            return Verdict(
                "exclusion",
                "no",
                f"{refused}：{concept.label}属于本产品的责任免除{number}，即使住院或就医也不赔。",
                (quoted,),
            )
    if exclusions and EXCLUSION_ASK.search(situation.text):
        concept = concepts[0]
        named = next(iter(concept.words_in(situation.text)), concept.label)
        return Verdict(
            "exclusion",
            "info",
            f"不属于责任免除：本产品列明的{len(exclusions)}项责任免除中没有{named}；"
            "是否赔付还要看是否符合保险责任的约定。",
            (Reason("责任免除条款", exclusions[0].article),),
        )
    return None


def _names(product: ProductKnowledge, item: str, concept: Concept, specific: list[str]) -> bool:
    """Whether an exclusion item names what the customer asked about."""
    if not specific:
        return concept.named_in(item)
    text = normalize(item)
    if any(normalize(w) in text for w in specific):
        return True
    # 高风险运动 defined under 释义 as a list that names the customer's word
    return any(
        normalize(term.name) in text and any(w in normalize(term.definition) for w in specific)
        for term in product.facts.terms
    )


def _carved_out(
    product: ProductKnowledge, item: str, situation: Situation, disease: str | None
) -> str | None:
    """The item's own exception when it covers the customer's case: an accident (但因意外伤害
    所致的除外), or a disease the exception names by its category or article (罕见病)."""
    match = CARVE_OUT.search(item)
    if match is None:
        return None
    exception = next(g for g in match.groups() if g)
    if "意外" in exception and situation.cause == "accident":
        return "意外伤害所致的"
    if disease is None:
        return None
    key = normalize(disease)
    for found in product.facts.diseases:
        if key not in normalize(found.name):
            continue
        parent = found.article.rpartition(".")[0]
        if found.category_label in exception or re.search(rf"第?{re.escape(parent)}条", exception):
            return found.category_label
    return None


def _item_number(product: ProductKnowledge, article: str, index: int) -> str:
    """``（第3.1条第（2）项）``: where an exclusion item stands in its article."""
    same = [e for e in product.facts.exclusions if e.article == article]
    position = next((i for i, e in enumerate(same, 1) if e.index == index), None)
    if position and len(same) > 1:
        return f"（第{article}条第（{position}）项）"
    return f"（第{article}条）"
