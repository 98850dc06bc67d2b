"""The tracker store: every stored bot message carries its provenance, each event stored once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime.tracker_store import ProvenanceTrackerStore
from tests.compliance.test_provenance import conversation

# The tracker store on a SQLite database.
pytestmark = pytest.mark.integration


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
