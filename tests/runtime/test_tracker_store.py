"""Every stored bot message carries its provenance, template replies included."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime.tracker_store import ProvenanceTrackerStore, add_provenance


def conversation() -> list[object]:
    return [
        UserUttered("你好", intent={"name": "greet", "confidence": 0.98}),
        ActionExecuted("utter_greet", policy="RulePolicy", confidence=1.0),
        BotUttered("您好", metadata={"utter_action": "utter_greet"}),
        UserUttered("等待期多久", intent={"name": "ask_waiting_period", "confidence": 0.91}),
        ActionExecuted("action_consult", policy="RulePolicy", confidence=1.0),
        BotUttered(
            "90日",
            metadata={
                "citations": [{"product": "KN-CI-2024", "version": "2024", "article": "2.3"}]
            },
        ),
    ]


def test_each_bot_message_gets_the_intent_and_action_it_answers() -> None:
    events = conversation()
    add_provenance(events)  # type: ignore[arg-type]
    greeting, answer = events[2], events[5]
    assert isinstance(greeting, BotUttered) and isinstance(answer, BotUttered)
    assert greeting.metadata["intent"] == "greet" and greeting.metadata["action"] == "utter_greet"
    assert greeting.metadata["citations"] == []
    assert answer.metadata["intent"] == "ask_waiting_period"
    assert answer.metadata["intent_confidence"] == 0.91
    assert answer.metadata["policy"] == "RulePolicy"
    assert answer.metadata["citations"][0]["article"] == "2.3"  # the action's own is kept


async def test_the_sql_store_keeps_provenance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    domain = Domain.empty()
    store = ProvenanceTrackerStore(domain=domain)
    tracker = DialogueStateTracker.from_events("c1", conversation())  # type: ignore[arg-type]
    await store.save(tracker)
    stored = await ProvenanceTrackerStore(domain=domain).retrieve("c1")  # read from the database
    assert stored is not None and stored is not tracker
    bots = [e for e in stored.events if isinstance(e, BotUttered)]
    assert [b.metadata["action"] for b in bots] == ["utter_greet", "action_consult"]
    assert bots[1].metadata["citations"][0]["product"] == "KN-CI-2024"


async def test_each_event_is_stored_once_however_often_the_conversation_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    store = ProvenanceTrackerStore(domain=Domain.empty())
    first, rest = conversation()[:3], conversation()[3:]
    tracker = DialogueStateTracker.from_events("c2", first)  # type: ignore[arg-type]
    await store.save(tracker)
    await store.save(tracker)
    for event in rest:
        tracker.update(event)  # type: ignore[arg-type]
    await store.save(tracker)
    stored = await ProvenanceTrackerStore(domain=Domain.empty()).retrieve("c2")
    assert stored is not None and stored is not tracker
    assert len(stored.events) == len(first) + len(rest)

    later = time.time() + 60
    stored.update(ActionExecuted("action_session_start", timestamp=later))
    stored.update(SessionStarted(timestamp=later + 1))
    stored.update(UserUttered("还在吗", timestamp=later + 2))
    await store.save(stored)
    latest = await store.retrieve("c2")
    assert latest is not None and latest is not stored  # read back, not the tracker kept
    assert [type(e) for e in latest.events] == [SessionStarted, UserUttered]
    await store.save(latest)
    everything = await store.retrieve_full_tracker("c2")
    assert everything is not None and len(everything.events) == len(first) + len(rest) + 3
