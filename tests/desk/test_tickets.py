"""Escalation tickets in SQL: one open ticket per conversation, priority never lowered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from bot.db import make_engine
from bot.desk.tickets import Priority, SqlTicketDesk, tickets


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[SqlTicketDesk]:
    engine = make_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    yield SqlTicketDesk(engine)
    engine.dispose()


def test_a_ticket_keeps_what_the_agent_needs(desk: SqlTicketDesk) -> None:
    ticket, created = desk.open_ticket(
        "c1", "complaint", Priority.HIGH, "[complain] 我要投诉", {"product": "KN-CI-2024"}
    )
    assert created
    assert desk.open_ticket_for("c1") == ticket
    assert (ticket.reason, ticket.priority, ticket.status) == ("complaint", Priority.HIGH, "open")
    assert ticket.slots == {"product": "KN-CI-2024"}


def test_second_hand_off_updates_the_open_ticket_and_only_raises_priority(
    desk: SqlTicketDesk,
) -> None:
    first, _ = desk.open_ticket("c1", "complaint", Priority.HIGH, "one", {})
    second, created = desk.open_ticket("c1", "customer_request", Priority.LOW, "two", {"a": 1})
    assert not created and second.id == first.id
    assert (second.reason, second.summary, second.priority) == (
        "customer_request",
        "two",
        Priority.HIGH,
    )
    third, _ = desk.open_ticket("c1", "claim_dispute", Priority.URGENT, "three", {})
    assert third.priority is Priority.URGENT
    assert len(desk.all()) == 1


def test_a_closed_ticket_makes_room_for_a_new_one(desk: SqlTicketDesk) -> None:
    first, _ = desk.open_ticket("c1", "complaint", Priority.HIGH, "one", {})
    desk.close(first.id)
    assert desk.open_ticket_for("c1") is None
    second, created = desk.open_ticket("c1", "sales_advice", Priority.LOW, "two", {})
    assert created and second.id != first.id
    assert [t.status for t in desk.all()] == ["closed", "open"]


def test_the_database_refuses_two_open_tickets_for_one_conversation(desk: SqlTicketDesk) -> None:
    desk.open_ticket("c1", "complaint", Priority.HIGH, "one", {})
    row = {
        "conversation_id": "c1",
        "reason": "x",
        "priority": "low",
        "summary": "",
        "slots": {},
        "status": "open",
        "created_at": desk.all()[0].created_at,
    }
    with pytest.raises(IntegrityError), desk.engine.begin() as conn:
        conn.execute(tickets.insert().values(**row))
