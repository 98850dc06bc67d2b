"""The tracker store: Rasa's SQL store on ``DATABASE_URL``, the transcripts compliance reads.

Every bot message it saves carries its provenance (``bot.compliance.provenance``), template
replies included; the conversations it saved last are kept (``bot.runtime.tracker_cache``) so the
next message need not replay them.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    Event,
    SessionStarted,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.compliance.provenance import add_provenance
from bot.db import make_engine
from bot.runtime.tracker_cache import RecentTrackers, Stamp
from bot.settings import load_settings

# Rasa's "events of the current session" (from the latest session_started on, or all when there is
# none) counted, as plain SQL: built with the ORM at every message it cost more than the query.
CURRENT_SESSION_STAMP = text(
    """
    SELECT count(events.id), max(events.id)
    FROM events, (
        SELECT max(timestamp) AS session_start FROM events
        WHERE sender_id = :sender_id AND type_name = :session_started
    ) AS latest
    WHERE events.sender_id = :sender_id
      AND (latest.session_start IS NULL OR events.timestamp >= latest.session_start)
    """
)


class ProvenanceTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on ``DATABASE_URL`` that adds provenance to bot messages.

    On SQLite it uses MingBao's engine (``bot.db.make_engine``: pooled connections, write-ahead
    log) instead of Rasa's, which opens a new connection for every query. The conversations it
    saved last are handed back without a replay while the database still matches them
    (``bot.runtime.tracker_cache``).
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
        self.recent = RecentTrackers()

    def _stamp(self, session: Session, sender_id: str) -> Stamp:
        """How many events of the current session the database holds, and the newest one's id."""
        count, last_id = session.execute(
            CURRENT_SESSION_STAMP,
            {"sender_id": sender_id, "session_started": SessionStarted.type_name},
        ).one()
        return Stamp(count, last_id)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The conversation's current session: the tracker saved last if nothing changed since."""
        with self.session_scope() as session:
            stamp = self._stamp(session, sender_id)
        kept = self.recent.take(sender_id, stamp)
        return kept if kept is not None else await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Add provenance, store the events not stored yet, stream them to the event broker."""
        add_provenance(list(tracker.events))
        self.recent.forget(tracker.sender_id)
        with self.session_scope() as session:
            stamp = self._stamp(session, tracker.sender_id)
            new_events = list(itertools.islice(tracker.events, stamp.events, len(tracker.events)))
            if new_events:
                rows = [self._row(tracker.sender_id, event) for event in new_events]
                session.execute(insert(self.SQLEvent.__table__), rows)
                stamp = self._stamp(session, tracker.sender_id)
                session.commit()
        self.recent.keep(tracker, stamp)
        if self.event_broker is not None:
            await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)

    @staticmethod
    def _row(sender_id: str, event: Event) -> dict[str, Any]:
        """The columns Rasa's SQL tracker store writes for ``event``."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }
