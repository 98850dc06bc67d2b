"""A second opinion on the intent: a linear model on the same features, averaged with DIET's.

DIET and a logistic regression over the same word and character n-grams score alike on the dev
set but miss different messages, so their average misses fewer. The regression trains in
seconds and, unlike DIET, gives the same model however it is run.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, vstack

WEIGHT = "weight"
NOT_UNDERSTOOD = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 0.0}
SURE = 0.8
"""A message without a Chinese word or a number counts only when the vote is this sure (hi, ok)."""
INTERJECTIONS = re.compile(r"[啊哈呃噢唉哎呀啦吧呢吗么嘛额诶欸哇哟喔嘿呵]")  # not 嗯, 哦: a yes
CJK = re.compile(r"[\u4e00-\u9fff]")
# Latin letters that are no word a customer writes to us: keyboard mash ("asdkj", "jjjjj").
LATIN_RUN = re.compile(r"[A-Za-z]{4,}")
LATIN_WORDS = frozenset({"okay", "hello", "thanks", "thank", "sorry", "help", "human"})


def has_words(text: str) -> bool:
    """Whether ``text`` holds a Chinese word or a number, beyond interjections and keyboard mash."""
    return bool(CJK.search(INTERJECTIONS.sub("", text)) or re.search(r"\d", text))


def is_mash(text: str) -> bool:
    """Whether ``text`` is keyboard mash with at most sounds around it ("嗯嗯啊啊。。。asdkj")."""
    runs = [run.lower() for run in LATIN_RUN.findall(text)]
    if not runs or all(run in LATIN_WORDS for run in runs) or re.search(r"\d", text):
        return False
    return not CJK.search(re.sub("[嗯哦]", "", INTERJECTIONS.sub("", text)))


def vote(
    earlier: list[dict[str, Any]], own: dict[str, float], weight: float
) -> list[dict[str, Any]]:
    """The ranking of ``weight`` × our probabilities + (1 − ``weight``) × the earlier ranking's.

    An intent missing from the earlier ranking counts as 0 there; with no earlier ranking, ours.
    """
    if not earlier:
        combined = dict(own)
    else:
        before = {str(r["name"]): float(r["confidence"]) for r in earlier}
        combined = {
            name: (1 - weight) * before.get(name, 0.0) + weight * own.get(name, 0.0)
            for name in {*before, *own}
        }
    ranking = sorted(combined.items(), key=lambda item: (-item[1], item[0]))
    return [{"name": name, "confidence": confidence} for name, confidence in ranking]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentVote(LogisticRegressionClassifier):
    """Logistic regression whose probabilities are averaged with the intent ranking before it.

    Put it right after ``DIETClassifier`` with DIET's ``ranking_length: 0`` (every intent
    ranked), so no intent's DIET probability is missing from the average.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), WEIGHT: 0.5}

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        """The sentence features, stacked; Rasa's version pads each row with dense features
        (we have none), which took longer than the prediction."""
        if any(m.get_dense_features(TEXT)[1] is not None for m in messages):
            return super()._create_X(messages)
        rows = [m.get_sparse_features(TEXT)[1] for m in messages]
        return vstack([row.features if row else csr_matrix((1, 0)) for row in rows], format="csr")

    def process(self, messages: list[Message]) -> list[Message]:
        """Set each message's intent and ranking from the vote."""
        readable = []
        for message in messages:
            if str(message.get(TEXT) or "").strip():
                readable.append(message)
            else:  # nothing to read: not understood, never a crash
                message.set(INTENT, dict(NOT_UNDERSTOOD), add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if not readable:
            return messages
        if not self.clf.coef_.flags.f_contiguous:
            # scikit-learn multiplies by coef_.T: contiguous, that is three times faster.
            self.clf.coef_ = np.asfortranarray(self.clf.coef_)
        probabilities = self.clf.predict_proba(self._create_X(readable))
        classes = [str(name) for name in self.clf.classes_]
        for message, row in zip(readable, probabilities, strict=True):
            own = {name: float(p) for name, p in zip(classes, row, strict=True)}
            ranking = vote(message.get(INTENT_RANKING_KEY) or [], own, float(self.config[WEIGHT]))
            if self.config["ranking_length"] > 0:
                ranking = ranking[: self.config["ranking_length"]]
            best = ranking[0]
            text = str(message.get(TEXT))
            if is_mash(text) or (not has_words(text) and best["confidence"] < SURE):
                best = dict(NOT_UNDERSTOOD)  # "dfghj啊啊啊": nothing to read, whatever scored best
            message.set(INTENT, best, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples keep the intent they were written with."""
        return training_data
