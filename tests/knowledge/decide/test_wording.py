"""Small readings of the wording the deciders share: an amount, an article by title, sentences."""

from __future__ import annotations

from bot.knowledge.decide.wording import amount_text, article_titled, plain_sentences
from bot.knowledge.facts import ProductKnowledge
from tests.knowledge.decide.conftest import story

# ---- added: amount_text, article_titled, plain_sentences ---------------------------------------


def test_an_amount_with_the_customers_sum_insured_is_worked_out() -> None:
    assert amount_text(story("保额30万，确诊轻症能赔多少"), 25) == "30万元 × 25% = 7.5万元"


def test_an_amount_without_a_sum_insured_is_the_share_of_it() -> None:
    assert amount_text(story("确诊轻症能赔多少"), 25) == "按基本保险金额的25%给付"


def test_the_article_titled_with_a_word_is_found(illness: ProductKnowledge) -> None:
    assert article_titled(illness, ("宽限",)) == "4.1"
    assert article_titled(illness, ("效力恢复", "复效")) == "4.2"


def test_no_article_titled_with_the_words_is_none(illness: ProductKnowledge) -> None:
    assert article_titled(illness, ("犹豫期",)) is None


def test_an_article_body_is_split_into_plain_sentences() -> None:
    assert plain_sentences("**加粗**第一句。第二句；第三句。") == [
        "加粗第一句。",
        "第二句；",
        "第三句。",
    ]
