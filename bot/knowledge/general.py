"""General rules as data (``data/general/general-rules.yml``): the rule, its source, and which
questions it answers.

A question with no product (or about a product whose wording we do not hold) gets the rules
that bear on it: those whose ``when`` pattern matches first, then the best-ranked by the
question's topics and BM25 over each rule's title, example phrasings and text. Customers' everyday
words count as the rules' own (``everyday``: 停了 → 效力中止), the pairs of characters a question
shares with a rule's phrasings count too (户口本 and 户口簿), and a thing the thesaurus knows
(唇腭裂, 酒驾) points to the rules that answer it (``concepts``). A question none
of them bears on gets none, so the caller asks which product instead of saying an unrelated rule.
What the assistant cannot do (``outside_scope``) is said only for a question its ``when`` matches:
a product called 好医保 is no question about the 医保 office.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import bm25s
import yaml

from bot.knowledge.search import Segmenter, domain_words
from bot.knowledge.text import normalize
from bot.knowledge.thesaurus import Thesaurus, default_thesaurus
from bot.knowledge.vocabulary import CATEGORY_LABELS, TOPIC_WORDS
from bot.settings import PROJECT_ROOT

RULES = PROJECT_ROOT / "data" / "general" / "general-rules.yml"
FIELDS = frozenset(
    {"title", "text", "source", "topics", "categories", "concepts", "diseases", "asks", "when"}
)
# A rule's score from whole words (two characters or more) must reach this for it to be said on
# its words alone (no topic of the question matches it): below it, a few shared everyday words
# ("保险", "多久") are all the rule has in common.
MIN_SCORE = 1.5
# The rule's text counts less than its title and phrasings: a text mentions in passing what it
# is not about ("人寿保险" in the limitation rule).
TEXT_WEIGHT = 0.5
# What a topic of the question (or an illness category) adds to a rule's score, relative to
# the best score: enough to decide between rules the words rank alike, not to carry a rule the
# words do not support against one they do (a topic read from one word can be a misreading).
TOPIC_WEIGHT = 0.3
# A word in more than this share of the rules ("保险公司", "理赔", "重疾") does not tell them
# apart; in a long story it only adds up for whichever rule repeats the most of them.
COMMON_SHARE = 0.25
# The words of asking itself, and function characters: they say a question is asked, not which
# ("被" of "被保险人" is no reason to answer about the beneficiary).
QUESTION_WORDS = frozenset(
    {
        "什么",
        "为什么",
        "怎么",
        "怎么办",
        "怎么样",
        "哪些",
        "是不是",
        "能不能",
        "可以",
        "有没有",
        "没有",
    }
    | set("被得把让给上下还去来说对着过")
)
# What a thing of the thesaurus the question names (割双眼皮, 酒驾, 唇腭裂) adds to the rules
# answering it, in multiples of MIN_SCORE: a reviewed word for the very thing asked outweighs the
# everyday words around it ("能报吗" is every medical rule's), but not a rule its words plainly
# ask for (投保时没说…已经两年多了 is the 2-year rule, though 投保时没说 reads as 既往症).
CONCEPT_WEIGHT = 3.0
# What the pairs of characters a question shares with a rule's title and phrasings add, relative
# to its words: they find 户口本 in 户口簿 and 续回来 in 续上, but a pair alone is weak evidence.
PAIR_WEIGHT = 0.35
HANZI = re.compile(r"[\u4e00-\u9fff]+")
# A second rule is said with the first only when both answer topics of the question (the topics
# were read right: the words agree), its words reach MIN_SCORE too, and it ranks this close:
# "犹豫期多久 过了犹豫期退保退多少" asks two things.
SECOND_WITHIN = 0.5


@dataclass(frozen=True)
class GeneralRule:
    """A rule that holds whatever the product, with its source (a law, a regulation)."""

    key: str
    text: str
    source: str
    title: str = ""
    topics: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()  # the thesaurus's things it answers (唇腭裂 → congenital)
    diseases: tuple[str, ...] = ()  # the conditions it is said for, as the wordings name them
    asks: tuple[str, ...] = ()
    when: str | None = None  # a pattern of the questions the rule is said first for
    outside: bool = False  # not a rule: what the assistant cannot do (``outside_scope``)

    def bears_on(self, question: str) -> bool:
        """Whether a normalised question is one this rule is said first for."""
        return self.when is not None and re.search(self.when, question) is not None

    def said(self) -> str:
        """The rule as the assistant says it, with its source."""
        return f"{self.text}（依据{self.source}）" if self.source else self.text

    def asked(self) -> str:
        """The words a question that this rule answers shares: its title and phrasings."""
        return " ".join([self.title, *self.asks])


def _strings(path: Path, key: str, entry: dict[str, Any], field: str) -> tuple[str, ...]:
    value = entry.get(field) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{path}: rule {key!r}: {field} must be a list of words, not {value!r}")
    return tuple(value)


def _rule(path: Path, key: str, entry: Any, outside: bool = False) -> GeneralRule:
    if not isinstance(entry, dict):
        raise ValueError(f"{path}: rule {key!r} must be a mapping of title, text, source, …")
    unknown = sorted(set(entry) - FIELDS)
    if unknown:
        raise ValueError(
            f"{path}: rule {key!r}: unknown field {', '.join(unknown)} "
            f"(known: {', '.join(sorted(FIELDS))})"
        )
    missing = [k for k in ("text",) if not entry.get(k)]
    missing += [k for k in ("when",) if outside and not entry.get(k)]
    missing += [] if outside else [k for k in ("source",) if not entry.get(k)]
    if missing:
        raise ValueError(f"{path}: rule {key!r} lacks {', '.join(missing)}")
    topics = _strings(path, key, entry, "topics")
    unknown = [t for t in topics if t not in TOPIC_WORDS]
    if unknown:
        raise ValueError(
            f"{path}: rule {key!r}: unknown topic {', '.join(unknown)} "
            "(topics are the keys of TOPIC_WORDS in bot/knowledge/vocabulary.py)"
        )
    categories = _strings(path, key, entry, "categories")
    unknown = [c for c in categories if c not in CATEGORY_LABELS]
    if unknown:
        raise ValueError(f"{path}: rule {key!r}: unknown category {', '.join(unknown)}")
    concepts = _strings(path, key, entry, "concepts")
    known = {concept.key for concept in default_thesaurus().concepts}
    unknown = [c for c in concepts if c not in known]
    if unknown:
        raise ValueError(
            f"{path}: rule {key!r}: unknown concept {', '.join(unknown)} "
            "(concepts are the keys of data/general/thesaurus.yml)"
        )
    when = entry.get("when")
    if when is not None:
        try:
            re.compile(when)
        except re.error as exc:
            raise ValueError(f"{path}: rule {key!r}: when {when!r}: {exc}") from exc
    return GeneralRule(
        key,
        str(entry["text"]).replace(" ", ""),
        str(entry.get("source") or ""),
        title=str(entry.get("title") or ""),
        topics=topics,
        categories=categories,
        concepts=concepts,
        diseases=tuple(normalize(d) for d in _strings(path, key, entry, "diseases")),
        asks=_strings(path, key, entry, "asks"),
        when=when,
        outside=outside,
    )


def _read(path: Path) -> dict[str, Any]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict) or not isinstance(raw.get("general_rules"), dict):
        raise ValueError(f"{path}: expected a mapping `general_rules:` of rule keys to entries")
    return raw


def read_general_rules(path: Path = RULES) -> dict[str, GeneralRule]:
    """Every rule in ``path``; a malformed entry fails with the file, its key and what is wrong."""
    return {key: _rule(path, key, entry) for key, entry in _read(path)["general_rules"].items()}


def read_outside_scope(path: Path = RULES) -> dict[str, GeneralRule]:
    """The questions ``path`` says the assistant cannot answer (``outside_scope``), as entries
    without a source that the index ranks with the rules."""
    entries = _read(path).get("outside_scope") or {}
    return {key: _rule(path, key, entry, outside=True) for key, entry in entries.items()}


def read_everyday(path: Path = RULES) -> dict[str, tuple[str, ...]]:
    """The everyday words for the rules' own words (``everyday``: 停了 → 效力中止)."""
    entries = _read(path).get("everyday") or {}
    if not isinstance(entries, dict):
        raise ValueError(f"{path}: everyday must map a rule's word to the everyday words for it")
    return {
        str(word): tuple(normalize(w) for w in _strings(path, f"everyday {word}", entries, word))
        for word in entries
    }


def pairs(text: str) -> list[str]:
    """The pairs of adjacent Chinese characters in ``text`` (户口本 → 户口, 口本)."""
    return [run[i : i + 2] for run in HANZI.findall(normalize(text)) for i in range(len(run) - 1)]


@lru_cache(maxsize=1)
def general_rules() -> dict[str, GeneralRule]:
    """The project's general rules, read once."""
    return read_general_rules()


def rule_on_disease(term: str) -> GeneralRule | None:
    """The general rule said for a condition a question names (冠状动脉介入手术: a stent is not
    the 2020 definitions' bypass surgery), if one is."""
    term = normalize(term)
    return next((r for r in general_rules().values() if term in r.diseases), None)


def rules_bearing_on(question: str) -> list[GeneralRule]:
    """The general rules a normalised question is said first for, in the file's order."""
    return [rule for rule in general_rules().values() if rule.bears_on(question)]


class GeneralIndex:
    """The general rules ranked for a question: its topics, and BM25 over the rules' words."""

    def __init__(
        self,
        rules: Sequence[GeneralRule],
        everyday: Mapping[str, Sequence[str]] | None = None,
        thesaurus: Thesaurus | None = None,
    ) -> None:
        self._rules = list(rules)
        self._everyday = dict(everyday or {})
        self._thesaurus = thesaurus
        # the short words of the titles kept whole: "不赔" is not "不" and "赔"
        titles = {w for rule in rules for w in rule.title.split() if 2 <= len(w) <= 3}
        # and the rules' words the everyday words stand for: "到账" is not "到" and "账"
        titles |= {w for w in self._everyday if 2 <= len(w) <= 6}
        self._segmenter = Segmenter(domain_words([]) | titles)
        self._asked = self._index([rule.asked() for rule in rules])
        self._text = self._index([rule.text for rule in rules])
        share = Counter(
            t for rule in rules for t in set(self._segmenter.tokens(f"{rule.asked()} {rule.text}"))
        )
        self._common = {t for t, n in share.items() if n > COMMON_SHARE * len(rules)}
        self._pairs = bm25s.BM25()
        self._pairs.index([pairs(rule.asked()) for rule in rules], show_progress=False)
        share = Counter(p for rule in rules for p in set(pairs(f"{rule.asked()} {rule.text}")))
        self._common_pairs = {p for p, n in share.items() if n > COMMON_SHARE * len(rules)}

    def rule(self, key: str) -> GeneralRule | None:
        """The rule stored under ``key`` (``waiting``, ``incontestable`` …), if any."""
        return next((r for r in self._rules if r.key == key), None)

    def _index(self, documents: list[str]) -> bm25s.BM25:
        retriever = bm25s.BM25()
        retriever.index([self._segmenter.tokens(d) for d in documents], show_progress=False)
        return retriever

    def _scores(self, retriever: bm25s.BM25, tokens: list[str]) -> list[float]:
        known = [t for t in tokens if t in retriever.vocab_dict]
        if not known:
            return [0.0] * len(self._rules)
        return [float(s) for s in retriever.get_scores(known)]

    def expanded(self, question: str) -> str:
        """``question`` with the rules' words for the everyday words it says (停了 → 效力中止)."""
        text = normalize(question)
        said = [
            word for word, everyday in self._everyday.items() if any(w in text for w in everyday)
        ]
        return " ".join([question, *said])

    def _concepts(self, question: str) -> set[str]:
        """The thesaurus's things ``question`` names (唇腭裂 → congenital, 酒驾 → drink_driving)."""
        if self._thesaurus is None:
            return set()
        return {concept.key for concept in self._thesaurus.concepts_in(normalize(question))}

    def scores(self, question: str) -> list[float]:
        """Each rule's score for ``question`` in the rules' order: BM25 over its title and
        phrasings, plus BM25 over its text at ``TEXT_WEIGHT`` and over the character pairs of its
        title and phrasings at ``PAIR_WEIGHT``."""
        return [words + paired for words, _, paired in self._parts(question)]

    def _parts(self, question: str) -> list[tuple[float, float, float]]:
        """Each rule's score from the question's words, the part of it from words of two
        characters or more, and what its character pairs add."""
        question = self.expanded(question)
        tokens = [  # each telling word once
            t
            for t in dict.fromkeys(self._segmenter.tokens(question))
            if t not in self._common and t not in QUESTION_WORDS
        ]
        asked, text = self._scores(self._asked, tokens), self._scores(self._text, tokens)
        longer = [t for t in tokens if len(t) > 1]
        asked_long = self._scores(self._asked, longer)
        text_long = self._scores(self._text, longer)
        telling = [
            p
            for p in dict.fromkeys(pairs(question))
            if p not in self._common_pairs and not any(p in w for w in QUESTION_WORDS)
        ]
        paired = self._scores(self._pairs, telling)
        return [
            (a + TEXT_WEIGHT * t, al + TEXT_WEIGHT * tl, PAIR_WEIGHT * p)
            for a, t, al, tl, p in zip(asked, text, asked_long, text_long, paired, strict=True)
        ]

    def choose(
        self,
        question: str,
        topics: Sequence[str] = (),
        categories: Sequence[str] = (),
        matched: Sequence[GeneralRule] = (),
    ) -> list[GeneralRule]:
        """The rules that answer ``question`` (at most two, best first); empty when none does.

        ``topics`` and ``categories`` are what the question was read as; a rule answering one of
        them, or one of ``matched`` (those whose ``when`` matched), gains ``TOPIC_WEIGHT``; one
        answering a thing of the thesaurus the question names (``concepts``), ``CONCEPT_WEIGHT``.
        A question plainly about what we cannot do (an ``outside_scope`` entry's ``when``: 车险,
        机票) gets that entry alone: its insurance words (理赔, 退款到账) are not ours to answer.
        """
        parts = self._parts(question)
        scores = [words + paired for words, _, paired in parts]
        outside = [
            (score, rule)
            for rule, score in zip(self._rules, scores, strict=True)
            if rule.outside and rule.bears_on(question)
        ]
        if outside:
            return [max(outside, key=lambda pair: pair[0])[1]]
        ours = [s for rule, s in zip(self._rules, scores, strict=True) if not rule.outside]
        best = max(ours, default=0.0)
        asked = set(topics) | set(categories)
        named = self._concepts(question)
        ranked: list[tuple[float, float, bool, GeneralRule]] = []
        for rule, score, (_, words, _) in zip(self._rules, scores, parts, strict=True):
            if rule.outside:
                continue
            matches = rule in matched or bool(asked & {*rule.topics, *rule.categories})
            names = bool(named & set(rule.concepts))
            # said on its words alone: whole words of two characters or more must reach MIN_SCORE;
            # single characters (改, 天) and character pairs rank the rules those words found
            alone = words >= MIN_SCORE
            if not alone and not (matches and score > 0) and not names:
                continue
            bonus = TOPIC_WEIGHT * max(best, MIN_SCORE) if matches else 0.0
            bonus += CONCEPT_WEIGHT * MIN_SCORE if names else 0.0
            ranked.append((score + bonus, score, matches or names, rule))
        ranked.sort(key=lambda r: -r[0])
        if not ranked:
            return []
        top, _, read_right, first = ranked[0]
        chosen = [first]
        for total, score, matches, rule in ranked[1:2]:
            if read_right and matches and score >= MIN_SCORE and total >= SECOND_WITHIN * top:
                chosen.append(rule)
        # two things asked: answered in the order they were asked
        return sorted(chosen, key=lambda rule: _first_named(rule, question))


def _first_named(rule: GeneralRule, question: str) -> int:
    """Where ``question`` first names a topic or illness category ``rule`` answers."""
    words = [w for t in rule.topics for w in TOPIC_WORDS[t]]
    words += [w for c in rule.categories for w in CATEGORY_LABELS[c]]
    found = [question.find(w) for w in words if w in question]
    return min(found, default=len(question))


@lru_cache(maxsize=1)
def general_index() -> GeneralIndex:
    """The index of the project's general rules, built once."""
    entries = [*general_rules().values(), *read_outside_scope().values()]
    return GeneralIndex(entries, read_everyday(), default_thesaurus())


def general_rule(key: str) -> GeneralRule:
    """The rule ``key`` of the project's file (a KeyError names a rule the file lacks)."""
    return general_rules()[key]
