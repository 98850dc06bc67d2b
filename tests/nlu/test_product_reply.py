"""A message that only names a product is the answer to "which product?"."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.product_reply import ProductReplyClassifier, only_names_products


def message(text: str, product: str, intent: str = "deny") -> Message:
    start = text.index(product)
    return Message(
        {
            TEXT: text,
            INTENT: {"name": intent, "confidence": 0.42},
            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.42}],
            ENTITIES: [
                {"entity": "product", "value": "X", "start": start, "end": start + len(product)}
            ],
        }
    )


@pytest.mark.parametrize(
    "text", ["康宁重疾", "是安心多倍保的", "金康医疗呢?", "我买的是 福瑞重疾", "那个康宁重疾吧"]
)
def test_only_a_product_becomes_inform(text: str) -> None:
    product = next(p for p in ("康宁重疾", "安心多倍保", "金康医疗", "福瑞重疾") if p in text)
    processed = ProductReplyClassifier().process([message(text, product)])[0]
    assert processed.get(INTENT) == {"name": "inform", "confidence": 1.0}
    assert processed.get(INTENT_RANKING_KEY)[0]["name"] == "inform"


@pytest.mark.parametrize("text", ["康宁重疾等待期多久", "康宁重疾我要投诉", "不要康宁重疾"])
def test_a_question_about_a_product_keeps_its_intent(text: str) -> None:
    processed = ProductReplyClassifier().process([message(text, "康宁重疾")])[0]
    assert processed.get(INTENT)["name"] == "deny"


def test_no_product_no_change() -> None:
    assert not only_names_products("是的", [])


@pytest.mark.parametrize("text", ["那医疗险呢", "意外险呢？", "那个重疾险呢"])
def test_a_kind_of_product_alone_continues_the_question(text: str) -> None:
    plain = Message({TEXT: text, INTENT: {"name": "affirm", "confidence": 0.46}, ENTITIES: []})
    processed = ProductReplyClassifier().process([plain])[0]
    assert processed.get(INTENT) == {"name": "inform", "confidence": 1.0}


def test_a_question_about_a_kind_of_product_keeps_its_intent() -> None:
    asked = Message(
        {TEXT: "医疗险等待期多久", INTENT: {"name": "ask_waiting_period"}, ENTITIES: []}
    )
    processed = ProductReplyClassifier().process([asked])[0]
    assert processed.get(INTENT)["name"] == "ask_waiting_period"
