"""The intent vote: a logistic regression averaged with the ranking DIET left on the message."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix

from bot.nlu.intent_vote import IntentVote, has_words, is_mash, vote

CLAIM, GREET = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]


def message(vector: list[float], intent: str | None = None) -> Message:
    data = {TEXT: "文本", **({INTENT: intent} if intent else {})}
    example = Message(data)
    example.add_features(Features(coo_matrix([vector]), FEATURE_TYPE_SENTENCE, TEXT, "words"))
    return example


def training_data() -> TrainingData:
    examples = [message(CLAIM, "report_claim") for _ in range(5)]
    examples += [message(GREET, "greet") for _ in range(5)]
    return TrainingData(examples)


def trained(tmp_path: Path, weight: float = 0.5) -> tuple[IntentVote, LocalModelStorage, Resource]:
    storage, resource = LocalModelStorage(tmp_path), Resource("vote")
    context = ExecutionContext(GraphSchema({}), "vote")
    component = IntentVote.create(
        {**IntentVote.get_default_config(), "weight": weight}, storage, resource, context
    )
    component.train(training_data())
    return component, storage, resource


def top(example: Message) -> tuple[str, float]:
    intent = example.get(INTENT)
    return intent["name"], round(intent["confidence"], 3)


def test_vote_averages_and_counts_a_missing_intent_as_zero() -> None:
    earlier = [{"name": "greet", "confidence": 0.8}, {"name": "deny", "confidence": 0.2}]
    ranking = vote(earlier, {"greet": 0.2, "report_claim": 0.8}, weight=0.5)
    assert [(r["name"], round(r["confidence"], 3)) for r in ranking] == [
        ("greet", 0.5),
        ("report_claim", 0.4),
        ("deny", 0.1),
    ]


def test_without_an_earlier_ranking_the_vote_is_ours() -> None:
    assert vote([], {"greet": 0.3, "deny": 0.7}, weight=0.5)[0] == {
        "name": "deny",
        "confidence": 0.7,
    }


def test_a_confident_earlier_classifier_can_outvote_the_regression(tmp_path: Path) -> None:
    component, _, _ = trained(tmp_path, weight=0.3)
    example = message(CLAIM)
    example.set(INTENT_RANKING_KEY, [{"name": "greet", "confidence": 1.0}])
    component.process([example])
    name, confidence = top(example)
    assert name == "greet"
    assert example.get(INTENT_RANKING_KEY)[0]["name"] == "greet"
    assert 0.5 < confidence < 1.0


def test_alone_it_is_a_plain_logistic_regression(tmp_path: Path) -> None:
    component, _, _ = trained(tmp_path)
    example = message(CLAIM)
    component.process([example])
    assert top(example)[0] == "report_claim"
    assert sum(r["confidence"] for r in example.get(INTENT_RANKING_KEY)) == pytest.approx(1.0)


def test_training_examples_keep_their_written_intent(tmp_path: Path) -> None:
    component, _, _ = trained(tmp_path)
    data = training_data()
    written = [e.get(INTENT) for e in data.training_examples]
    component.process_training_data(data)
    assert [e.get(INTENT) for e in data.training_examples] == written


def test_the_loaded_model_votes_like_the_trained_one(tmp_path: Path) -> None:
    component, storage, resource = trained(tmp_path)
    loaded = IntentVote.load(
        component.config, storage, resource, ExecutionContext(GraphSchema({}), "vote")
    )
    examples = [message(GREET), message(GREET)]
    component.process(examples[:1])
    loaded.process(examples[1:])
    assert top(examples[0]) == top(examples[1]) and top(examples[0])[0] == "greet"


def test_its_features_are_the_ones_rasas_regression_reads(tmp_path: Path) -> None:
    component, _, _ = trained(tmp_path)
    examples = [message(CLAIM), message(GREET), message([0.0, 2.0, 1.0])]
    ours = component._create_X(examples)
    rasas = LogisticRegressionClassifier._create_X(component, examples)
    assert ours.shape == rasas.shape and (ours != rasas).nnz == 0


@pytest.mark.parametrize("text", ["", "   "])
def test_a_message_with_nothing_to_read_is_not_understood_and_the_others_still_vote(
    tmp_path: Path, text: str
) -> None:
    component, _, _ = trained(tmp_path)
    blank = Message({TEXT: text})
    readable = message(CLAIM)
    component.process([blank, readable])
    assert top(blank) == ("nlu_fallback", 0.0) and blank.get(INTENT_RANKING_KEY) == []
    assert top(readable)[0] == "report_claim"


def test_a_message_without_a_word_counts_only_when_the_vote_is_sure(tmp_path: Path) -> None:
    component, _, _ = trained(tmp_path, weight=0.2)
    mash = message([0.5, 0.5, 0.0])
    mash.set(TEXT, "dfghj啊啊啊。。。？？")
    unsure_but_worded = message([0.5, 0.5, 0.0])
    sure = message(GREET)
    sure.set(TEXT, "hi")
    sure.set(INTENT_RANKING_KEY, [{"name": "greet", "confidence": 1.0}])  # DIET is sure
    component.process([mash, unsure_but_worded, sure])
    assert top(mash)[0] == "nlu_fallback" and mash.get(INTENT_RANKING_KEY)
    assert top(unsure_but_worded)[0] != "nlu_fallback"
    assert top(sure)[0] == "greet"


@pytest.mark.parametrize(
    ("text", "worded"),
    [("ksksks 。。。 qwe", False), ("啊啊啊", False), ("MB2024000002", True), ("原位癌", True)],
)
def test_has_words(text: str, worded: bool) -> None:
    assert has_words(text) is worded


@pytest.mark.parametrize(
    ("text", "mash"),
    [
        ("嗯嗯啊啊。。。asdkj", True),
        ("jjjjj哈哈哈 ooo", True),
        ("qwerty", True),
        ("okay", False),
        ("嗯", False),
        ("asdf 等待期多久", False),
        ("MB2024000002", False),
    ],
)
def test_keyboard_mash_is_not_understood_however_sure_the_vote(text: str, mash: bool) -> None:
    assert is_mash(text) is mash
