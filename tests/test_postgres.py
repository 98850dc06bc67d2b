"""The production database: the same repositories and the tracker store on PostgreSQL.

Uses the PostgreSQL server at ``MINGBAO_TEST_POSTGRES`` (default 127.0.0.1:5432, trust auth) and
a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.clock import china_today
from bot.db import migrate
from bot.desk.tickets import Priority, SqlTicketDesk, tickets
from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.ingest import ingest_files, policy_files
from bot.knowledge.store import SqlKnowledgeRepository
from bot.records.demo import load_demo_records
from bot.records.store import SqlPolicyRecords
from bot.runtime.tracker_store import ProvenanceTrackerStore
from bot.settings import PROJECT_ROOT
from tests.conftest import POLICIES_DIR, postgres_database


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    with postgres_database(f"mingbao_test_{os.getpid()}") as engine:
        migrate(engine)
        yield engine


def test_knowledge_base_on_postgres(engine: Engine) -> None:
    repository = SqlKnowledgeRepository(engine)
    results = ingest_files(repository, policy_files(POLICIES_DIR))
    assert [r.status for r in results] == ["added"] * len(results)
    assert {r.status for r in ingest_files(repository, policy_files(POLICIES_DIR))} == {"unchanged"}
    answer = KnowledgeBase.load(repository).ask("安心多倍保 原位癌能赔吗")
    assert "20%" in answer.text and answer.product == "AX-CI-2023"


def test_records_on_postgres(engine: Engine) -> None:
    records = SqlPolicyRecords(engine)
    added = load_demo_records(records, PROJECT_ROOT / "data" / "records", china_today())
    assert added.total > 0
    assert records.verify_identity("MB2024000002", "0446").matched
    claim = records.report_claim(
        "MB2024000002", event="住院", event_date=china_today(), conversation_id="pg"
    )
    assert claim.case_number.startswith("CL")


def test_one_open_ticket_per_conversation_on_postgres(engine: Engine) -> None:
    desk = SqlTicketDesk(engine)
    ticket, created = desk.open_ticket("pg-1", "complaint", Priority.HIGH, "投诉", {"a": 1})
    assert created and desk.open_ticket_for("pg-1") == ticket
    row = {
        "conversation_id": "pg-1",
        "reason": "x",
        "priority": "low",
        "summary": "",
        "slots": {},
        "status": "open",
        "created_at": ticket.created_at,
    }
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(tickets.insert().values(**row))


def test_a_unit_of_work_on_postgres_goes_on_after_a_refused_write(engine: Engine) -> None:
    with engine.connect() as conn:
        desk = SqlTicketDesk(conn)  # as a unit of work binds it: one transaction
        with pytest.raises(IntegrityError), desk.db.begin() as inner:
            inner.execute(tickets.insert().values(conversation_id=None))
        ticket, created = desk.open_ticket("pg-uow", "complaint", Priority.HIGH, "投诉", {})
        conn.commit()
    assert created and SqlTicketDesk(engine).open_ticket_for("pg-uow") == ticket


async def test_tracker_store_on_postgres(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    store = ProvenanceTrackerStore(domain=Domain.empty())
    request.addfinalizer(store.engine.dispose)
    events = [
        UserUttered("等待期多久", intent={"name": "ask_waiting_period", "confidence": 0.9}),
        ActionExecuted("action_consult", policy="RulePolicy", confidence=1.0),
        BotUttered("90日", metadata={"citations": [{"product": "KN-CI-2024", "article": "2.3"}]}),
    ]
    tracker = DialogueStateTracker.from_events("pg-1", events)
    await store.save(tracker)
    await store.save(tracker)
    reader = ProvenanceTrackerStore(domain=Domain.empty())  # another process: no kept trackers
    request.addfinalizer(reader.engine.dispose)
    stored = await reader.retrieve("pg-1")
    assert stored is not None and stored is not tracker and len(stored.events) == len(events)
    assert await store.retrieve("pg-1") is tracker
    bot = next(e for e in stored.events if isinstance(e, BotUttered))
    assert bot.metadata["intent"] == "ask_waiting_period"
    assert bot.metadata["citations"][0]["article"] == "2.3"
