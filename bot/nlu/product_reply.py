"""A message that is nothing but a product's name answers "which product?": intent ``inform``.

The classifier cannot learn product names (they come from the clause documents, not from the
training data), so this rule decides for it: "康宁重疾", "是安心多倍保的", "金康医疗呢？". A kind
of product named alone after a question ("那医疗险呢") continues it the same way.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.knowledge.vocabulary import PRODUCT_TYPE_WORDS
from bot.nlu.overrule import RuleClassifier

FILLER = re.compile(
    r"我买的是|我买的|我的是|我的|买的是|买的|就是|那个|这个|那款|这款|产品|保险|"
    r"不好意思|抱歉|手滑了?|打错了?|发错了?|好的|谢谢|"
    r"[是那呢吧啊呀哦的了噢嗯]|[\s\W_]"
)


KINDS = re.compile(
    "|".join(sorted((w for ws in PRODUCT_TYPE_WORDS.values() for w in ws), key=len, reverse=True))
)


def only_names_products(text: str, entities: list[dict[str, Any]]) -> bool:
    """Whether ``text`` holds a product entity or a kind of product ("医疗险") and nothing else
    but filler words."""
    products = [e for e in entities if e.get("entity") == "product"]
    rest = text
    for entity in sorted(products, key=lambda e: int(e["start"]), reverse=True):
        rest = rest[: entity["start"]] + rest[entity["end"] :]
    without_kinds = KINDS.sub("", rest)
    if not products and without_kinds == rest:
        return False
    return not FILLER.sub("", without_kinds)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ProductReplyClassifier(RuleClassifier):
    """Sets ``inform`` with full confidence when a message only names a product."""

    def intent_for(self, message: Message) -> str | None:
        text = message.get(TEXT)
        if isinstance(text, str) and only_names_products(text, message.get(ENTITIES, [])):
            return "inform"
        return None
