"""BM25 search over one product's articles and sentences, with our own words segmented whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.search import (
    ArticleIndex,
    Segmenter,
    SentenceIndex,
    domain_words,
    write_user_dictionary,
)
from tests.knowledge.decide.conftest import ILLNESS, product

# ---- added: Segmenter, ArticleIndex, SentenceIndex, domain_words --------------------------------


@pytest.fixture(scope="module")
def illness() -> ProductKnowledge:
    return product(ILLNESS)


@pytest.fixture(scope="module")
def segmenter(illness: ProductKnowledge) -> Segmenter:
    return Segmenter(domain_words([illness]))


def test_a_question_is_cut_into_search_tokens_without_stop_words(segmenter: Segmenter) -> None:
    assert segmenter.tokens("宽限期内出险能赔吗") == ["宽限", "限期", "宽限期", "内", "出险", "赔"]


def test_a_customers_word_is_searched_with_its_clause_word_too(segmenter: Segmenter) -> None:
    assert "等待期" in segmenter.tokens("观察期多久")


def test_the_best_matching_article_comes_first(
    illness: ProductKnowledge, segmenter: Segmenter
) -> None:
    hits = ArticleIndex(illness, segmenter).search("宽限期内出险能赔吗")
    assert hits[0].article == "4.1"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_query_of_unknown_words_finds_nothing(
    illness: ProductKnowledge, segmenter: Segmenter
) -> None:
    assert ArticleIndex(illness, segmenter).search("zzz") == []


def test_the_sentence_that_bears_on_the_question_is_found(
    illness: ProductKnowledge, segmenter: Segmenter
) -> None:
    (hit,) = SentenceIndex(illness, segmenter).search("冷静期退保", k=1)
    assert (hit.article, hit.sentence) == ("1.1", "自您签收本合同次日起二十日为冷静期。")


def test_a_sentence_search_within_an_article_keeps_to_it(
    illness: ProductKnowledge, segmenter: Segmenter
) -> None:
    assert SentenceIndex(illness, segmenter).search("冷静期", within="4.1") == []


def test_the_user_dictionary_has_each_word_once_a_line_with_its_frequency(tmp_path: Path) -> None:
    path = write_user_dictionary(tmp_path / "jieba" / "words.txt", ["等待期", "宽限期", "等待期"])
    assert path.read_text(encoding="utf-8") == "宽限期 2000\n等待期 2000\n"


def test_the_domain_words_hold_the_products_names_and_diseases(illness: ProductKnowledge) -> None:
    words = domain_words([illness])
    assert {"测试安康重大疾病保险", "轻度疾病保险金", "严重慢性肾衰竭", "宽限期"} <= words
    assert all(2 <= len(w) <= 20 for w in words)
