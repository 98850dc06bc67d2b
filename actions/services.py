"""What the actions work with, opened once per action-server process from the settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.db import make_engine
from bot.desk.tickets import SqlTicketDesk
from bot.knowledge.answer import Citation, KnowledgeBase
from bot.knowledge.store import SqlKnowledgeRepository
from bot.records.store import SqlPolicyRecords
from bot.settings import load_settings


@dataclass(frozen=True)
class Services:
    """The knowledge base, the policy records and the ticket desk."""

    knowledge: KnowledgeBase
    records: SqlPolicyRecords
    tickets: SqlTicketDesk


_opened: Services | None = None


def services() -> Services:
    """Open everything on first use (never at import), then reuse it."""
    global _opened
    if _opened is None:
        engine = make_engine(load_settings().database_url)
        _opened = Services(
            knowledge=KnowledgeBase.load(SqlKnowledgeRepository(engine)),
            records=SqlPolicyRecords(engine),
            tickets=SqlTicketDesk(engine),
        )
    return _opened


def use_services(opened: Services | None) -> None:
    """Make the actions use ``opened`` (tests); ``None`` opens from the settings again."""
    global _opened
    _opened = opened


def say(dispatcher: CollectingDispatcher, text: str, citations: Iterable[Citation] = ()) -> None:
    """Send ``text`` with the articles it rests on in the message's metadata (provenance)."""
    dispatcher.utter_message(
        text=text,
        citations=[citation.__dict__ for citation in citations],
        kb_version=services().knowledge.version,
    )


def customer_messages(tracker: Tracker) -> list[tuple[str | None, dict[str, Any]]]:
    """Every ``user`` event of the conversation with its intent name, newest first."""
    return [
        (((event.get("parse_data") or {}).get("intent") or {}).get("name"), event)
        for event in reversed(tracker.events)
        if event.get("event") == "user"
    ]


def latest_intent(tracker: Tracker) -> str | None:
    """The intent of the customer's latest message."""
    intent = tracker.latest_message.get("intent") or {}
    name = intent.get("name")
    return name if isinstance(name, str) else None


def entity_value(tracker: Tracker, entity: str) -> str | None:
    """The first value of ``entity`` in the customer's latest message."""
    value = next(tracker.get_latest_entity_values(entity), None)
    return value if isinstance(value, str) else None
