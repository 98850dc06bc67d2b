"""Search the wording: jieba with the knowledge base's own words, synonyms, and BM25 (bm25s)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import jieba

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import arabic_numerals, normalize, sentences, strip_markdown
from bot.knowledge.vocabulary import SYNONYMS, TOPIC_WORDS, core_disease_name

jieba.setLogLevel(logging.WARNING)
STOP_TOKENS = frozenset(
    [
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "是",
        "我",
        "你",
        "您",
        "在",
        "有",
        "和",
        "与",
        "及",
        "或",
        "也",
        "都",
        "就",
        "能",
        "会",
        "要",
        "请",
        "问",
        "这",
        "那",
        "个",
    ]
)
PUNCTUATION = re.compile(r"^[\W_]+$")


def domain_words(products: Iterable[ProductKnowledge]) -> set[str]:
    """The words jieba must keep whole: names, aliases, diseases, terms, topics, synonyms."""
    words: set[str] = set(SYNONYMS) | set(SYNONYMS.values())
    for topic_words in TOPIC_WORDS.values():
        words.update(topic_words)
    for product in products:
        words.update([product.name, *product.document.aliases])
        words.update(b.name for b in product.facts.benefits)
        words.update(t.name for t in product.facts.terms)
        for disease in product.facts.diseases:
            words.update([disease.name, core_disease_name(disease.name), disease.category_label])
    return {normalize(w) for w in words if 2 <= len(w) <= 20}


def write_user_dictionary(path: Path, words: Iterable[str]) -> Path:
    """Write ``words`` as a jieba user dictionary (``word freq`` per line), e.g. for Rasa."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w} 2000\n" for w in sorted(set(words))), encoding="utf-8")
    return path


class Segmenter:
    """A jieba tokenizer of its own (the global one stays untouched) that knows our words."""

    def __init__(self, words: Iterable[str]) -> None:
        self._jieba = jieba.Tokenizer()
        for word in words:
            self._jieba.add_word(word, freq=2000)

    def tokens(self, text: str) -> list[str]:
        """Search tokens of ``text``: normalised, segmented, synonyms mapped to clause words."""
        found: list[str] = []
        for token in self._jieba.cut_for_search(normalize(text)):
            if token in STOP_TOKENS or PUNCTUATION.match(token):
                continue
            found.append(token)
            if token in SYNONYMS:
                found.append(normalize(SYNONYMS[token]))
        return found


@dataclass(frozen=True)
class Hit:
    """An article that matched a search, with its BM25 score."""

    article: str
    score: float


class ArticleIndex:
    """BM25 over one product's articles (title weighted twice)."""

    def __init__(self, product: ProductKnowledge, segmenter: Segmenter) -> None:
        self._segmenter = segmenter
        self._numbers = [a.number for a in product.document.articles]
        corpus = [
            segmenter.tokens(f"{a.title} {a.title} {strip_markdown(a.body)}")
            for a in product.document.articles
        ]
        self._retriever = bm25s.BM25()
        self._retriever.index(corpus, show_progress=False)
        self._vocabulary = set(self._retriever.vocab_dict)

    def search(self, query: str, k: int = 3) -> list[Hit]:
        """The ``k`` best-matching articles, best first; empty when nothing matches."""
        tokens = [t for t in self._segmenter.tokens(query) if t in self._vocabulary]
        if not tokens:
            return []
        k = min(k, len(self._numbers))
        results, scores = self._retriever.retrieve([tokens], k=k, show_progress=False)
        return [
            Hit(self._numbers[int(i)], float(s))
            for i, s in zip(results[0], scores[0], strict=True)
            if s > 0
        ]


@dataclass(frozen=True)
class SentenceHit:
    """A sentence of the wording that matched a search."""

    article: str
    sentence: str
    score: float


class SentenceIndex:
    """BM25 over one product's sentences, each with its article's title, for quoting the few
    sentences that bear on a question."""

    def __init__(self, product: ProductKnowledge, segmenter: Segmenter) -> None:
        self._segmenter = segmenter
        self._sentences: list[tuple[str, str]] = [
            (a.number, s)
            for a in product.document.articles
            for s in sentences(strip_markdown(a.body))
            if len(s) > 4
        ]
        titles = {a.number: a.title for a in product.document.articles}
        corpus = [segmenter.tokens(f"{titles[n]} {arabic_numerals(s)}") for n, s in self._sentences]
        self._retriever = bm25s.BM25()
        self._retriever.index(corpus or [["_"]], show_progress=False)
        self._vocabulary = set(self._retriever.vocab_dict)

    def search(self, query: str, k: int = 3, within: str | None = None) -> list[SentenceHit]:
        """The ``k`` best sentences, best first; only those of article ``within`` when given."""
        tokens = [t for t in self._segmenter.tokens(query) if t in self._vocabulary]
        if not tokens or not self._sentences:
            return []
        wanted = len(self._sentences) if within else min(k, len(self._sentences))
        results, scores = self._retriever.retrieve([tokens], k=wanted, show_progress=False)
        hits = []
        for i, score in zip(results[0], scores[0], strict=True):
            number, sentence = self._sentences[int(i)]
            if score <= 0 or (within is not None and number != within):
                continue
            hits.append(SentenceHit(number, sentence, float(score)))
            if len(hits) == k:
                break
        return hits

    def search_among(
        self, query: str, allowed: Callable[[str, str], bool], k: int = 2
    ) -> list[SentenceHit]:
        """The ``k`` best sentences for which ``allowed(article, sentence)`` holds, best first."""
        tokens = [t for t in self._segmenter.tokens(query) if t in self._vocabulary]
        if not tokens or not self._sentences:
            return []
        results, scores = self._retriever.retrieve(
            [tokens], k=len(self._sentences), show_progress=False
        )
        hits = []
        for i, score in zip(results[0], scores[0], strict=True):
            number, sentence = self._sentences[int(i)]
            if score > 0 and allowed(number, sentence):
                hits.append(SentenceHit(number, sentence, float(score)))
                if len(hits) == k:
                    break
        return hits
