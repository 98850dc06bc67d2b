"""A message that shows a grievance against the insurer is a complaint or a claim dispute; one
that asks for a person is that, whatever else it says.

DIET learns complaints from examples, but in a long story the topic words outweigh them ("理赔资料
交上去两个月了 你们是不是故意拖" reads as a claim-status question) and the customer who should
reach a person at once (DESIGN.md rule 7) is asked for a policy number instead. The patterns are
reviewed data, ``data/general/grievance.yml``, read when the model is loaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.overrule import RuleClassifier
from bot.settings import PROJECT_ROOT
from bot.text import to_simplified

GRIEVANCE = PROJECT_ROOT / "data" / "general" / "grievance.yml"
# Intents a grievance does not change: already a grievance (made sure of), or a person asked for
# or declined.
GRIEVANCES = frozenset({"complain", "claim_dispute"})
KEPT = frozenset({"request_human", "cancel_human"})


class Grievance:
    """The grievance patterns, and which words make one a claim dispute."""

    def __init__(
        self, kinds: dict[str, list[str]], claim: list[str], person: dict[str, list[str]]
    ) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for ps in kinds.values() for p in ps))
        self.claim = re.compile("|".join(claim))
        self.person = re.compile("|".join(person.get("ask") or ["(?!)"]))
        self.not_person = re.compile("|".join(person.get("not") or ["(?!)"]))

    @classmethod
    def read(cls, path: Path = GRIEVANCE) -> Grievance:
        """The patterns in ``path``; a malformed file says which part is wrong."""
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        kinds, claim, person = raw.get("grievance"), raw.get("claim"), raw.get("person") or {}
        if not isinstance(kinds, dict) or not isinstance(claim, list) or not claim:
            raise ValueError(f"{path}: needs a 'grievance' mapping of lists and a 'claim' list")
        if not isinstance(person, dict):
            raise ValueError(f"{path}: 'person' must map 'ask' and 'not' to lists of patterns")
        return cls(
            {str(k): [str(p) for p in v or []] for k, v in kinds.items()},
            claim,
            {str(k): [str(p) for p in v or []] for k, v in person.items()},
        )

    def intent(self, text: str) -> str | None:
        """``request_human`` when ``text`` asks for a person, ``claim_dispute`` or ``complain``
        when it shows a grievance, else ``None``."""
        plain = to_simplified(text)
        if self.person.search(plain) and not self.not_person.search(plain):
            return "request_human"
        if not self.pattern.search(plain):
            return None
        return "claim_dispute" if self.claim.search(plain) else "complain"


@lru_cache(maxsize=1)
def grievance() -> Grievance:
    """The reviewed patterns, read once."""
    return Grievance.read()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class GrievanceClassifier(RuleClassifier):
    """Sets ``request_human``, ``complain`` or ``claim_dispute`` when a message asks for a person
    or shows a grievance."""

    def intent_for(self, message: Message) -> str | None:
        text = message.get(TEXT)
        current = (message.get(INTENT) or {}).get("name")
        if not isinstance(text, str) or current in KEPT:
            return None
        name = grievance().intent(text)
        if name is not None and current in GRIEVANCES and name in GRIEVANCES:
            return str(current)  # already a grievance: made sure of, as it was named
        return name
