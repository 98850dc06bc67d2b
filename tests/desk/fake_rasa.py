"""A fake of the part of Rasa the desk uses: appending events to a conversation (with the token),
stored the way Rasa's SQL tracker store stores them, in the desk's own database."""

from __future__ import annotations

import json
import time
from typing import Any

from aiohttp import web
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import text
from sqlalchemy.engine import Engine

TOKEN = "test-rasa-token"


class FakeRasa:
    """Rasa's ``POST /conversations/{id}/tracker/events``: checks the token, stores the events."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.appended: list[tuple[str, list[dict[str, Any]]]] = []
        self.status = 200
        self.port = 0
        SQLTrackerStore.SQLEvent.__table__.create(engine, checkfirst=True)  # Rasa's own schema

    async def append_events(self, request: web.Request) -> web.Response:
        if request.query.get("token") != TOKEN:
            return web.json_response({"message": "not authorised"}, status=401)
        if self.status != 200:
            return web.json_response({"message": "down"}, status=self.status)
        events = await request.json()
        events = events if isinstance(events, list) else [events]
        conversation = request.match_info["conversation_id"]
        self.appended.append((conversation, events))
        for event in events:
            self.store(conversation, event)
        return web.json_response({"sender_id": conversation})

    def store(self, conversation: str, event: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) "
                    "VALUES (:sender, :kind, :at, :data)"
                ),
                {
                    "sender": conversation,
                    "kind": event["event"],
                    "at": time.time(),
                    "data": json.dumps(event, ensure_ascii=False),
                },
            )

    def customer_says(self, conversation: str, message: str) -> None:
        """What Rasa logs when the customer writes."""
        self.store(conversation, {"event": "user", "text": message, "parse_data": {}})

    def bot_says(self, conversation: str, message: str, citations: list[dict[str, str]]) -> None:
        """What Rasa logs when an action answers."""
        self.store(
            conversation, {"event": "bot", "text": message, "metadata": {"citations": citations}}
        )

    def kinds(self, conversation: str) -> list[str]:
        """The kinds of the events appended to ``conversation``, in order."""
        return [e["event"] for c, events in self.appended if c == conversation for e in events]

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/conversations/{conversation_id}/tracker/events", self.append_events)
        return app
