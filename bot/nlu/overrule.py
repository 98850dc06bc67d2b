"""Setting a message's intent by a rule, clearly enough that the fallback does not undo it."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


def overrule(message: Message, name: str) -> None:
    """Make ``name`` the intent with full confidence; the others keep their order at half their
    confidence, so ``FallbackClassifier``'s ambiguity check (the top two too close) reads the
    rule's decision as the clear one it is."""
    chosen = {"name": name, "confidence": 1.0}
    others = [
        {**r, "confidence": float(r["confidence"]) / 2}
        for r in message.get(INTENT_RANKING_KEY, [])
        if r["name"] != name
    ]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *others], add_to_output=True)


class RuleClassifier(GraphComponent, IntentClassifier):
    """An intent classifier that decides by rule: :meth:`intent_for` names the intent a message
    must have, or ``None`` to leave it as the classifiers before it ranked it. Nothing to train.
    Register each subclass with ``DefaultV1Recipe.register`` as an ``INTENT_CLASSIFIER``."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RuleClassifier:
        return cls()

    @abstractmethod
    def intent_for(self, message: Message) -> str | None:
        """The intent ``message`` must have, or ``None``."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Overrule the intent of each message the rule decides."""
        for message in messages:
            name = self.intent_for(message)
            if name is not None:
                overrule(message, name)
        return messages
