"""Message text as the NLU models read it: simplified characters, half-width, plain spaces.

The normalised text keeps the length of the original, character for character, so that entity
offsets found on it are offsets in what the customer wrote.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.channels.customer_text import MAX_CHARS, NEUTRAL_PREFIX
from bot.text import half_width, to_simplified

# The channels refuse longer messages; the models never read more, whoever calls them.
MAX_UNDERSTOOD_CHARS = MAX_CHARS
# Rasa's RegexMessageHandler, after this pipeline, reads text starting with "/" as an intent; the
# channels turn a typed leading "/" into "／", which must therefore stay full-width here.
KEPT_SOLIDUS = NEUTRAL_PREFIX
_UNREADABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def normalise_message(text: str) -> str:
    """繁→简, 全角→半角 and every kind of space as ``" "``, one character for one.

    Control characters and lone surrogates (which no encoder accepts) become spaces too.

    >>> normalise_message("猶豫期　多久？ＡＢ")
    '犹豫期 多久?AB'
    """
    text = _UNREADABLE.sub(" ", text)
    simplified = to_simplified(text)
    if len(simplified) != len(text):
        simplified = "".join(to_simplified(char) for char in text)
    return "".join(_half_width(char) for char in simplified)


def understood_part(text: str) -> str:
    """The part of a message the models read: the first :data:`MAX_UNDERSTOOD_CHARS` characters.

    The channels refuse longer messages; this bounds the models' cost (the transformer's grows
    with the square of the length) for any caller that does not.
    """
    return text[:MAX_UNDERSTOOD_CHARS]


def _half_width(char: str) -> str:
    if char.isspace():
        return " "
    return char if char == KEPT_SOLIDUS else half_width(char)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class TextNormaliser(GraphComponent):
    """Runs first in the pipeline and rewrites each message's text with ``normalise_message``."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TextNormaliser:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Normalise every training example, as messages will be at run time."""
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Normalise the text of each message in place."""
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, normalise_message(understood_part(text)))
        return messages
