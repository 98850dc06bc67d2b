"""Every bot message carries its provenance: intent and confidence, action, cited articles.

Actions add what only they know (the articles cited, the knowledge-base version) to the metadata
of the messages they send. This tracker store adds the rest to every bot message, template
replies included, as the conversation is saved: the intent and confidence of the customer's
message being answered and the action (with its policy and confidence) that produced the reply.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import func
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine
from bot.settings import load_settings


def add_provenance(events: list[Event]) -> None:
    """Fill the provenance keys of each ``BotUttered`` in ``events`` that lacks them."""
    user: UserUttered | None = None
    action: ActionExecuted | None = None
    for event in events:
        if isinstance(event, UserUttered):
            user = event
        elif isinstance(event, ActionExecuted):
            action = event
        elif isinstance(event, BotUttered):
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


class ProvenanceTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on ``DATABASE_URL`` that adds provenance to bot messages.

    On SQLite it uses MingBao's engine (``bot.db.make_engine``: pooled connections, write-ahead
    log) instead of Rasa's, which opens a new connection for every query.
    """

    def __init__(self, domain: Domain | None = None, **kwargs: Any) -> None:
        url = make_url(load_settings().database_url)
        dialect = url.get_backend_name()
        kwargs.pop("host", None)
        super().__init__(
            domain=domain,
            dialect=dialect,
            host=url.host,
            port=url.port,
            db=url.database or "",
            username=url.username,
            password=url.password,
            **kwargs,
        )
        if dialect == "sqlite":
            self.engine = make_engine(str(url))
            self.sessionmaker = sessionmaker(bind=self.engine)

    def _additional_events(
        self, session: Session, tracker: DialogueStateTracker
    ) -> Iterator[Event]:
        """Rasa's, but counting the stored events with ``count(id)`` instead of reading them."""
        stored = (
            self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False)
            .with_entities(func.count(self.SQLEvent.id))
            .order_by(None)
            .scalar()
        )
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Add provenance, then store the new events."""
        add_provenance(list(tracker.events))
        await super().save(tracker)
