"""A message that shows a grievance against the insurer is a complaint or a claim dispute.

DIET learns complaints from examples, but in a long story the topic words outweigh them ("理赔资料
交上去两个月了 你们是不是故意拖" reads as a claim-status question) and the customer who should
reach a person at once (DESIGN.md rule 7) is asked for a policy number instead. The patterns are
reviewed data, ``data/general/grievance.yml``, read when the model is loaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.overrule import overrule
from bot.settings import PROJECT_ROOT
from bot.text import to_simplified

GRIEVANCE = PROJECT_ROOT / "data" / "general" / "grievance.yml"
# Intents a grievance does not change: already a grievance (made sure of), or a person asked for
# or declined.
GRIEVANCES = frozenset({"complain", "claim_dispute"})
KEPT = frozenset({"request_human", "cancel_human"})


class Grievance:
    """The grievance patterns, and which words make one a claim dispute."""

    def __init__(self, kinds: dict[str, list[str]], claim: list[str]) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for ps in kinds.values() for p in ps))
        self.claim = re.compile("|".join(claim))

    @classmethod
    def read(cls, path: Path = GRIEVANCE) -> Grievance:
        """The patterns in ``path``; a malformed file says which part is wrong."""
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        kinds, claim = raw.get("grievance"), raw.get("claim")
        if not isinstance(kinds, dict) or not isinstance(claim, list) or not claim:
            raise ValueError(f"{path}: needs a 'grievance' mapping of lists and a 'claim' list")
        return cls({str(k): [str(p) for p in v or []] for k, v in kinds.items()}, claim)

    def intent(self, text: str) -> str | None:
        """``claim_dispute`` or ``complain`` when ``text`` shows a grievance, else ``None``."""
        plain = to_simplified(text)
        if not self.pattern.search(plain):
            return None
        return "claim_dispute" if self.claim.search(plain) else "complain"


@lru_cache(maxsize=1)
def grievance() -> Grievance:
    """The reviewed patterns, read once."""
    return Grievance.read()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class GrievanceClassifier(GraphComponent, IntentClassifier):
    """Sets ``complain`` or ``claim_dispute`` when a message shows a grievance."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GrievanceClassifier:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Overrule the intent of each message that shows a grievance."""
        for message in messages:
            text = message.get(TEXT)
            current = (message.get(INTENT) or {}).get("name")
            if not isinstance(text, str) or current in KEPT:
                continue
            name = grievance().intent(text)
            if name is not None:
                overrule(message, current if current in GRIEVANCES else name)
        return messages
