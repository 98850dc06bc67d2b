"""The tracker store hands back the conversation it saved last only while the database matches it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime.tracker_cache import RecentTrackers, Stamp
from bot.runtime.tracker_store import ProvenanceTrackerStore

# The tracker store on a SQLite database.
pytestmark = pytest.mark.integration

DOMAIN = Domain.from_dict({"slots": {"product": {"type": "text", "mappings": []}}})


def turn(text: str, reply: str) -> list[Any]:
    return [
        UserUttered(text, intent={"name": "ask_waiting_period", "confidence": 0.9}),
        ActionExecuted("action_consult", policy="RulePolicy", confidence=1.0),
        SlotSet("product", "KN-CI-2024"),
        BotUttered(reply),
        ActionExecuted("action_listen"),
    ]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProvenanceTrackerStore:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    return ProvenanceTrackerStore(domain=DOMAIN)


async def saved(store: ProvenanceTrackerStore, sender: str, *texts: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events(sender, [], slots=DOMAIN.slots)
    for text in texts:
        for event in turn(text, f"答：{text}"):
            tracker.update(event)
        await store.save(tracker)
    return tracker


async def test_the_tracker_saved_last_is_handed_back_as_it_is(
    store: ProvenanceTrackerStore,
) -> None:
    tracker = await saved(store, "c1", "等待期多久", "那犹豫期呢")
    assert await store.retrieve("c1") is tracker
    # handed over, not kept twice: a second read comes from the database, equal to the first
    again = await store.retrieve("c1")
    assert again is not None and again is not tracker
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in tracker.events]
    assert again.get_slot("product") == "KN-CI-2024"


async def test_events_another_process_wrote_are_read_from_the_database(
    store: ProvenanceTrackerStore,
) -> None:
    tracker = await saved(store, "c2", "等待期多久")
    other = ProvenanceTrackerStore(domain=DOMAIN)
    theirs = await other.retrieve("c2")
    assert theirs is not None
    for event in turn("宽限期几天", "60日"):
        theirs.update(event)
    await other.save(theirs)

    ours = await store.retrieve("c2")
    assert ours is not None and ours is not tracker
    assert [e.text for e in ours.events if isinstance(e, UserUttered)] == [
        "等待期多久",
        "宽限期几天",
    ]


async def test_a_tracker_changed_after_its_save_is_not_handed_back(
    store: ProvenanceTrackerStore,
) -> None:
    tracker = await saved(store, "c3", "等待期多久")
    tracker.update(UserUttered("没保存的话"))
    stored = await store.retrieve("c3")
    assert stored is not None and stored is not tracker
    assert "没保存的话" not in [e.text for e in stored.events if isinstance(e, UserUttered)]


class Broker(EventBroker):
    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []

    def publish(self, event: dict[str, Any]) -> None:
        self.published.append(event)


async def test_the_event_broker_gets_each_new_event_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    broker = Broker()
    store = ProvenanceTrackerStore(domain=DOMAIN, event_broker=broker)
    tracker = await saved(store, "c5", "等待期多久", "那犹豫期呢")
    await store.save(tracker)  # nothing new
    assert len(broker.published) == len(tracker.events) == 10
    assert {e["sender_id"] for e in broker.published} == {"c5"}
    bot = next(e for e in broker.published if e["event"] == "bot")
    assert bot["metadata"]["action"] == "action_consult"  # provenance is added before streaming


def test_the_least_recently_saved_are_dropped_first() -> None:
    recent = RecentTrackers(capacity=2)
    trackers = [DialogueStateTracker.from_events(f"s{n}", [UserUttered("你好")]) for n in range(3)]
    for tracker in trackers:
        recent.keep(tracker, Stamp(1, 1))
    assert len(recent) == 2
    assert recent.take("s0", Stamp(1, 1)) is None
    assert recent.take("s2", Stamp(1, 1)) is trackers[2]
    assert recent.take("s1", Stamp(1, 2)) is None  # the database moved on


def test_a_tracker_that_is_not_the_whole_stored_session_is_not_kept() -> None:
    recent = RecentTrackers()
    tracker = DialogueStateTracker.from_events("s", [UserUttered("你好"), UserUttered("在吗")])
    recent.keep(tracker, Stamp(1, 7))
    assert recent.take("s", Stamp(1, 7)) is None


async def test_the_stamp_counts_the_events_rasa_reads_as_the_current_session(
    store: ProvenanceTrackerStore,
) -> None:
    tracker = await saved(store, "c6", "等待期多久")
    later = time.time() + 60
    for event in (SessionStarted(timestamp=later), UserUttered("还在吗", timestamp=later + 1)):
        tracker.update(event)
    await store.save(tracker)
    with store.session_scope() as session:
        rasa_count = store._event_query(session, "c6", fetch_events_from_all_sessions=False).count()
        assert store._stamp(session, "c6").events == rasa_count == 2
        assert store._stamp(session, "nobody") == Stamp(0, None)
