"""Actions run against the sample knowledge base and the demo records: in memory (the fakes of
``tests/fakes.py``), and for the tests marked :data:`ON_SQLITE_TOO` also in a fresh SQLite
database, with the same assertions."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.services
from actions.services import Services, sql_unit_of_work, use_services
from bot.clock import china_today
from bot.db import make_engine, migrate
from bot.desk.tickets import SqlTicketDesk, TicketDesk
from bot.knowledge.answer import KnowledgeBase
from bot.records.demo import load_demo_records
from bot.records.interface import PolicyRecords
from bot.records.store import SqlPolicyRecords
from bot.settings import PROJECT_ROOT
from tests.fakes import FakePolicyRecords, FakeTicketDesk, fake_unit_of_work

TRACKERS = Path(__file__).parent / "trackers"
# What a test checks is written to the database: it runs on the fakes and on SQLite.
ON_SQLITE_TOO = pytest.mark.parametrize("services", ["memory", "sqlite"], indirect=True)


@pytest.fixture(params=["memory"])
def services(
    request: pytest.FixtureRequest, tmp_path: Path, sample_kb: KnowledgeBase
) -> Iterator[Services]:
    """The actions' services with the demo records loaded, in memory or (``sqlite``) in SQL."""
    engine = make_engine(f"sqlite:///{tmp_path / 'actions.db'}")
    if request.param == "sqlite":
        migrate(engine)
        records: PolicyRecords = SqlPolicyRecords(engine)
        tickets: TicketDesk = SqlTicketDesk(engine)
        begin: Any = functools.partial(sql_unit_of_work, engine)
    else:
        records, tickets = FakePolicyRecords(), FakeTicketDesk()
        begin = functools.partial(fake_unit_of_work, records, tickets)
    opened = Services(knowledge=sample_kb, records=records, tickets=tickets, begin=begin)
    load_demo_records(opened.records, PROJECT_ROOT / "data" / "records", china_today())
    use_services(opened)
    yield opened
    use_services(None)
    engine.dispose()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def tracker(name: str, *, proven: bool = True, **changes: Any) -> Tracker:
    """The tracker in ``trackers/<name>.json``, with top-level keys or slots replaced.

    When its slots say a policy was verified and ``proven`` holds, the conversation passes the
    identity check in the open records first, as it would have in the chat; with
    ``proven=False`` the slots claim a check the records never saw (a forged call).
    """
    state = json.loads((TRACKERS / f"{name}.json").read_text(encoding="utf-8"))
    state["slots"] = {**state.get("slots", {}), **changes.pop("slots", {})}
    state.update(changes)
    number = state["slots"].get("verified_policy")
    if proven and number and actions.services._opened is not None:
        prove_holder(actions.services._opened.records, number, state["sender_id"])
    return Tracker.from_dict(state)


def prove_holder(records: PolicyRecords, policy_number: str, conversation_id: str) -> None:
    """Pass the identity check for ``policy_number`` in ``conversation_id`` with the holder's ID."""
    policy = records.policy(policy_number)
    holder = records.customer(policy.holder_id) if policy else None
    if holder is None:
        return
    verification = records.verify_identity(
        policy_number, holder.id_number[-4:], conversation_id=conversation_id
    )
    assert verification.matched


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
