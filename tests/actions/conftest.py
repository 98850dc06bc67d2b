"""Actions run against the sample knowledge base and the demo records in a fresh database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.services import Services, use_services
from bot.db import make_engine
from bot.desk.tickets import SqlTicketDesk
from bot.knowledge.answer import KnowledgeBase
from bot.records.demo import load_demo_records
from bot.records.store import SqlPolicyRecords
from bot.settings import PROJECT_ROOT

TRACKERS = Path(__file__).parent / "trackers"


@pytest.fixture
def services(tmp_path: Path, sample_kb: KnowledgeBase) -> Iterator[Services]:
    engine = make_engine(f"sqlite:///{tmp_path / 'actions.db'}")
    records = SqlPolicyRecords(engine)
    load_demo_records(records, PROJECT_ROOT / "data" / "records", dt.date.today())
    opened = Services(knowledge=sample_kb, records=records, tickets=SqlTicketDesk(engine))
    use_services(opened)
    yield opened
    use_services(None)
    engine.dispose()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def tracker(name: str, **changes: Any) -> Tracker:
    """The tracker in ``trackers/<name>.json``, with top-level keys or slots replaced."""
    state = json.loads((TRACKERS / f"{name}.json").read_text(encoding="utf-8"))
    state["slots"] = {**state.get("slots", {}), **changes.pop("slots", {})}
    state.update(changes)
    return Tracker.from_dict(state)


def user_event(
    text: str, intent: str, entities: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A ``user`` event as Rasa sends it to the action server."""
    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.97},
        "entities": entities or [],
    }
    return {"event": "user", "text": text, "parse_data": parse}


def said(dispatcher: CollectingDispatcher) -> str:
    """Everything the action said, joined."""
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
