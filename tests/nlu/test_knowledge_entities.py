"""The knowledge-base entity extractor finds products, diseases and clause topics by their words."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.db import make_engine, migrate
from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.ingest import ingest_file, ingest_files, policy_files
from bot.knowledge.store import SqlKnowledgeRepository
from bot.nlu.knowledge_entities import (
    EmptyKnowledgeBaseError,
    KnowledgeEntityExtractor,
    build_pipeline,
    entity_patterns,
)
from bot.nlu.normaliser import normalise_message
from tests.conftest import POLICIES_DIR
from tests.knowledge.new_product import NEW_PRODUCT


def entities(extractor: KnowledgeEntityExtractor, text: str) -> list[tuple[str, str, str]]:
    message = Message({TEXT: normalise_message(text)})
    extractor.process([message])
    return [(e["entity"], e["value"], text[e["start"] : e["end"]]) for e in message.get(ENTITIES)]


@pytest.fixture(scope="module")
def extractor(sample_kb: KnowledgeBase) -> KnowledgeEntityExtractor:
    return KnowledgeEntityExtractor(build_pipeline(entity_patterns(sample_kb.products.values())))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("我得了原位癌能赔吗", [("disease", "原位癌", "原位癌")]),
        (
            "康宁重疾的等待期多久",
            [("product", "KN-CI-2024", "康宁重疾"), ("clause_topic", "waiting", "等待期")],
        ),
        (
            "安心多倍保 猶豫期",
            [("product", "AX-CI-2023", "安心多倍保"), ("clause_topic", "cooling_off", "猶豫期")],
        ),
        ("我爸心梗住院了", [("disease", "急性心肌梗死", "心梗")]),
        (
            "KN-CI-2024 等侍期",
            [("product", "KN-CI-2024", "KN-CI-2024"), ("clause_topic", "waiting", "等侍期")],
        ),
        ("今天天气怎么样", []),
    ],
)
def test_finds_names_synonyms_and_typos(
    extractor: KnowledgeEntityExtractor, text: str, found: list[tuple[str, str, str]]
) -> None:
    assert entities(extractor, text) == found


def test_every_entity_names_its_extractor(extractor: KnowledgeEntityExtractor) -> None:
    message = Message({TEXT: "金康医疗免赔额多少"})
    extractor.process([message])
    assert {e["extractor"] for e in message.get(ENTITIES)} == {"KnowledgeEntityExtractor"}


@pytest.mark.integration
def test_a_new_product_is_recognised_once_ingested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    engine = make_engine(url)
    migrate(engine)
    repository = SqlKnowledgeRepository(engine)
    ingest_files(repository, policy_files(POLICIES_DIR))
    monkeypatch.setenv("DATABASE_URL", url)
    before = KnowledgeEntityExtractor.create({}, None, None, None)
    assert entities(before, "福瑞重疾的冷静期几天") == [("clause_topic", "cooling_off", "冷静期")]
    document = tmp_path / "FR-CI-2025.md"
    document.write_text(NEW_PRODUCT, encoding="utf-8")
    assert ingest_file(repository, document).status == "added"
    after = KnowledgeEntityExtractor.create({}, None, None, None)
    assert ("product", "FR-CI-2025", "福瑞重疾") in entities(after, "福瑞重疾的冷静期几天")
    engine.dispose()


@pytest.mark.integration
def test_an_empty_knowledge_base_says_to_ingest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(EmptyKnowledgeBaseError, match="make ingest"):
        KnowledgeEntityExtractor.create({}, None, None, None)


@pytest.mark.parametrize(
    ("text", "disease"),
    [
        ("我妈查出乳腺癌了能赔吗", "乳腺癌"),
        ("孩子肺炎住院了", "肺炎"),
        ("做了冠状动脉搭桥术算重疾吗", "冠状动脉搭桥术"),
    ],
)
def test_diseases_no_wording_defines_are_still_diseases(
    extractor: KnowledgeEntityExtractor, text: str, disease: str
) -> None:
    assert ("disease", disease, disease) in entities(extractor, text)


def test_building_the_pipeline_leaves_the_global_jieba_alone() -> None:
    """Rasa's JiebaTokenizer cuts with the global jieba: our patterns must not change its cuts."""
    jieba.initialize()
    before = jieba.lcut("我想问问明保甲型特护险")
    nlp = build_pipeline([{"label": "product", "pattern": "明保甲型特护险", "id": "MB-X"}])
    assert jieba.lcut("我想问问明保甲型特护险") == before
    assert [(e.label_, e.text) for e in nlp("我想问问明保甲型特护险").ents] == [
        ("product", "明保甲型特护险")
    ]
