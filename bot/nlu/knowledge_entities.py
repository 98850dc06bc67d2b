"""Products, diseases and clause topics in a message, found with the knowledge base's own words.

A spaCy blank ``zh`` pipeline (jieba segmenter) with an EntityRuler built from the products in
the knowledge base at ``DATABASE_URL``: a product added to ``data/policies/`` is recognised by
name and alias once it is ingested, with no edit to the NLU data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import jieba
import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language

from bot.db import make_engine, migrate
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.names import disease_terms, product_names
from bot.knowledge.store import SqlKnowledgeRepository
from bot.knowledge.vocabulary import SYNONYMS, TOPIC_WORDS, canonical
from bot.settings import load_settings

CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The clause words marked as ``clause_topic`` (docs/assistant.md lists them for annotators).
TOPIC_ENTITY_WORDS = (
    "犹豫期",
    "冷静期",
    "后悔期",
    "等待期",
    "观察期",
    "免责期",
    "宽限期",
    "复效",
    "效力中止",
    "诉讼时效",
    "报案",
    "责任免除",
    "除外责任",
    "现金价值",
    "退保",
    "免赔额",
    "赔付比例",
    "报销比例",
    "续保",
    "既往症",
    "指定医院",
    "受益人",
)


# Conditions customers name that no wording needs to define (a claim starts from them all the
# same); any "…癌" is a disease too. General language, never a product's terms.
COMMON_CONDITIONS = (
    "高血压",
    "糖尿病",
    "冠心病",
    "心脏病",
    "先天性心脏病",
    "脑出血",
    "脑梗塞",
    "肺炎",
    "阑尾炎",
    "骨折",
    "艾滋病",
    "乙肝",
    "肝硬化",
    "甲亢",
    "哮喘",
    "痛风",
    "结石",
    "胆结石",
    "肾结石",
    "白内障",
    "抑郁症",
    "结节",
    "甲状腺结节",
    "肺结节",
    "乳腺结节",
    "息肉",
    "子宫肌瘤",
)
CANCER_TOKEN = {"label": "disease", "pattern": [{"TEXT": {"REGEX": "^[\u4e00-\u9fff]{1,6}癌$"}}]}


class EmptyKnowledgeBaseError(RuntimeError):
    """The extractor was built before any clause document was ingested."""


def entity_patterns(products: Iterable[ProductKnowledge]) -> list[dict[str, Any]]:
    """EntityRuler patterns: ``label`` is the entity, ``id`` the value the extractor reports."""
    products = list(products)
    patterns = [
        {"label": "product", "pattern": name, "id": code} for name, code in product_names(products)
    ]
    diseases = disease_terms(products)
    diseases += [
        short
        for product in products
        for disease in product.facts.diseases
        if (short := disease.name.split("（")[0]) not in diseases
    ]
    diseases += [word for word in COMMON_CONDITIONS if word not in diseases]
    patterns += [{"label": "disease", "pattern": term, "id": canonical(term)} for term in diseases]
    patterns += [
        {"label": "disease", "pattern": word, "id": disease}
        for word, disease in SYNONYMS.items()
        if disease in diseases and word not in diseases
    ]
    topic_of = {word: topic for topic, words in TOPIC_WORDS.items() for word in words}
    for word, clause_word in {**{w: w for w in TOPIC_ENTITY_WORDS}, **SYNONYMS}.items():
        topic = topic_of.get(clause_word)
        if clause_word in TOPIC_ENTITY_WORDS and topic is not None:
            patterns.append({"label": "clause_topic", "pattern": word, "id": topic})
    return [*patterns, CANCER_TOKEN]


def build_pipeline(patterns: list[dict[str, Any]]) -> Language:
    """A blank Chinese spaCy pipeline that keeps every pattern whole and marks it.

    Its jieba segmenter is its own: adding the patterns to the global one would change how
    Rasa's JiebaTokenizer cuts every message from then on, and so the features DIET is trained
    on would depend on which component the training graph happened to run first.
    """
    segmenter = jieba.Tokenizer()
    for pattern in patterns:
        if isinstance(pattern["pattern"], str) and CHINESE.search(pattern["pattern"]):
            segmenter.add_word(pattern["pattern"], freq=2000)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    assert isinstance(nlp.tokenizer, ChineseTokenizer)
    nlp.tokenizer.jieba_seg = segmenter
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class KnowledgeEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds ``product``, ``disease`` and ``clause_topic`` entities from the knowledge base."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KnowledgeEntityExtractor:
        settings = load_settings()
        engine = make_engine(settings.database_url)
        migrate(engine)  # a database nothing was ingested into: the error below says so
        products = SqlKnowledgeRepository(engine).current()
        if not products:
            raise EmptyKnowledgeBaseError(
                f"The knowledge base at {settings.database_url} holds no product, so the entity "
                "extractor would know no names. Ingest the clause documents first: make ingest"
            )
        return cls(build_pipeline(entity_patterns(products)))

    def process(self, messages: list[Message]) -> list[Message]:
        """Append the entities found in each message's text."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text:
                continue
            found = [
                {
                    "entity": span.label_,
                    "value": span.ent_id_ or span.text,
                    "start": span.start_char,
                    "end": span.end_char,
                    "confidence": 1.0,
                }
                for span in self._nlp(text).ents
            ]
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(found),
                add_to_output=True,
            )
        return messages
