"""Setting a message's intent by a rule, clearly enough that the fallback does not undo it."""

from __future__ import annotations

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
