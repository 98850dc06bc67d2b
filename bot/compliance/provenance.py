"""Every bot message carries its provenance: intent and confidence, action, cited articles.

Actions add what only they know (the articles cited, the knowledge-base version) to the metadata
of the messages they send. The tracker store (``bot.runtime.tracker_store``) adds the rest to
every bot message, template replies included, as the conversation is saved: the intent and
confidence of the customer's message being answered and the action (with its policy and
confidence) that produced the reply.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered


def add_provenance(events: list[Event]) -> None:
    """Fill the provenance keys of each ``BotUttered`` in ``events`` that lacks them."""
    user: UserUttered | None = None
    action: ActionExecuted | None = None
    for event in events:
        if isinstance(event, UserUttered):
            user = event
        elif isinstance(event, ActionExecuted):
            action = event
        elif isinstance(event, BotUttered) and "author" not in (event.metadata or {}):
            # A person's message (bot.desk.rasa_link) is theirs, not an answer to an intent.
            event.metadata = {**provenance(user, action), **(event.metadata or {})}


def provenance(user: UserUttered | None, action: ActionExecuted | None) -> dict[str, Any]:
    """The keys compliance reads for one bot message."""
    intent = (user.intent or {}) if user is not None else {}
    return {
        "intent": intent.get("name"),
        "intent_confidence": intent.get("confidence"),
        "action": action.action_name if action is not None else None,
        "policy": action.policy if action is not None else None,
        "action_confidence": action.confidence if action is not None else None,
        "citations": [],
    }
