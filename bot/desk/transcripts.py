"""A conversation as people read it, from Rasa's tracker store (its ``events`` table).

Rasa writes the table; the desk only reads it. Each customer message, bot reply, agent message and
desk note becomes a :class:`TranscriptLine` with the row id, so a reader can ask for what came
after the last line it saw.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from bot.compliance.masking import mask_personal_data

# Rasa's own table (rasa.core.tracker_store.SQLTrackerStore), declared here only to read it.
rasa_events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("data", Text),
)

# Who wrote a bot message that no action sent: an agent, or the desk itself (joined, left).
AGENT = "agent"
DESK = "desk"


@dataclass(frozen=True)
class TranscriptLine:
    """One message of a conversation.

    Attributes:
        id: The tracker store's row id; later lines have larger ids.
        author: ``customer``, ``bot``, ``agent`` or ``desk``.
        agent: The agent's name on their messages.
        citations: The articles a bot answer rests on (product, version, article).
    """

    id: int
    at: dt.datetime
    author: str
    text: str
    agent: str | None = None
    citations: list[dict[str, str]] = field(default_factory=list)

    def masked(self) -> TranscriptLine:
        """The line with personal data masked."""
        return TranscriptLine(
            self.id, self.at, self.author, mask_personal_data(self.text), self.agent, self.citations
        )

    def as_json(self) -> dict[str, Any]:
        """The line as the desk API gives it."""
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "author": self.author,
            "agent": self.agent,
            "text": self.text,
            "citations": self.citations,
        }


def read_transcript(
    engine: Engine, conversation_id: str, *, after: int = 0, authors: set[str] | None = None
) -> list[TranscriptLine]:
    """The conversation's lines after row id ``after``, oldest first (only ``authors``' if given)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(rasa_events.c.id, rasa_events.c.timestamp, rasa_events.c.data)
                .where(
                    rasa_events.c.sender_id == conversation_id,
                    rasa_events.c.type_name.in_(("user", "bot")),
                    rasa_events.c.id > after,
                )
                .order_by(rasa_events.c.id)
            ).all()
    except (OperationalError, ProgrammingError):
        if has_rasa_events(engine):
            raise
        return []  # Rasa has not made its table yet: no conversation has happened
    lines = [line for row in rows if (line := _line(row.id, row.timestamp, row.data))]
    return [line for line in lines if authors is None or line.author in authors]


def has_rasa_events(engine: Engine) -> bool:
    """Whether Rasa's tracker store has made its table in this database."""
    return bool(inspect(engine).has_table(rasa_events.name))


def _line(row_id: int, timestamp: float | None, data: str | None) -> TranscriptLine | None:
    try:
        event = json.loads(data or "{}")
    except ValueError:
        return None
    text = event.get("text")
    if not isinstance(text, str) or not text:
        return None
    at = dt.datetime.fromtimestamp(timestamp or 0, dt.timezone.utc)
    if event.get("event") == "user":
        return TranscriptLine(row_id, at, "customer", text)
    metadata = event.get("metadata") or {}
    author = metadata.get("author")
    if author in (AGENT, DESK):
        return TranscriptLine(row_id, at, author, text, agent=metadata.get("agent"))
    citations = [c for c in metadata.get("citations") or [] if isinstance(c, dict)]
    return TranscriptLine(row_id, at, "bot", text, citations=citations)
