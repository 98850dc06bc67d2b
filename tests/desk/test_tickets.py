"""Escalation tickets in SQL: one open ticket per conversation, priority never lowered."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.desk.tables import notifications, tickets
from bot.desk.tickets import Priority, SqlTicketDesk, Status, TicketStateError


@pytest.fixture
def desk(engine: Engine) -> SqlTicketDesk:
    return SqlTicketDesk(engine)


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
    desk.resolve(first.id, "li", "answered", "")
    assert desk.open_ticket_for("c1") is None
    second, created = desk.open_ticket("c1", "sales_advice", Priority.LOW, "two", {})
    assert created and second.id != first.id
    assert [t.status for t in desk.all()] == [Status.RESOLVED, Status.OPEN]


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


def test_of_two_people_claiming_at_once_one_wins_and_the_other_is_told(
    desk: SqlTicketDesk,
) -> None:
    ticket, _ = desk.open_ticket("c1", "customer_request", Priority.NORMAL, "", {})
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def claim(agent: str) -> None:
        start.wait()
        try:
            outcomes.append(desk.claim(ticket.id, agent).assignee or "")
        except TicketStateError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=claim, args=(name,)) for name in ("li", "wang")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winner = desk.get(ticket.id).assignee
    assert winner in ("li", "wang")
    assert sorted(outcomes) == sorted(
        [
            winner,
            f"工单 {ticket.id} 已由 {winner} 接手 / ticket {ticket.id} was claimed by {winner}",
        ]
    )


def test_two_hand_offs_at_once_make_one_ticket(desk: SqlTicketDesk) -> None:
    start = threading.Barrier(4)
    opened: list[tuple[int, bool]] = []

    def hand_off(reason: str) -> None:
        start.wait()
        ticket, created = desk.open_ticket("c1", reason, Priority.HIGH, "", {})
        opened.append((ticket.id, created))

    threads = [threading.Thread(target=hand_off, args=(f"r{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({ticket_id for ticket_id, _ in opened}) == 1
    assert sorted(created for _, created in opened) == [False, False, False, True]
    assert len(desk.all()) == 1


def test_every_status_change_is_recorded_with_who_made_it(desk: SqlTicketDesk) -> None:
    ticket, _ = desk.open_ticket("c1", "complaint", Priority.HIGH, "", {})
    desk.claim(ticket.id, "li")
    desk.transfer(ticket.id, "li", "wang")
    resolved = desk.resolve(ticket.id, "wang", "answered", "explained the waiting period")
    assert (resolved.status, resolved.assignee, resolved.resolution_category) == (
        Status.RESOLVED,
        "wang",
        "answered",
    )
    steps = [(c.actor, c.from_status, c.to_status) for c in desk.history(ticket.id)]
    assert steps == [
        ("bot", None, "open"),
        ("li", "open", "claimed"),
        ("li", "claimed", "claimed"),
        ("wang", "claimed", "resolved"),
    ]


def test_a_ticket_in_the_wrong_state_is_refused(desk: SqlTicketDesk) -> None:
    ticket, _ = desk.open_ticket("c1", "complaint", Priority.HIGH, "", {})
    with pytest.raises(TicketStateError, match="尚未有人接手"):
        desk.transfer(ticket.id, "li", "wang")
    desk.claim(ticket.id, "li")
    with pytest.raises(TicketStateError):
        desk.cancel(ticket.id, "customer")
    desk.resolve(ticket.id, "li", "answered", "")
    with pytest.raises(TicketStateError, match="已关闭"):
        desk.claim(ticket.id, "wang")


def test_a_closed_ticket_reopens_within_the_window_unless_another_is_active(
    desk: SqlTicketDesk,
) -> None:
    first, _ = desk.open_ticket("c1", "complaint", Priority.HIGH, "", {})
    desk.cancel(first.id, "customer")
    with pytest.raises(TicketStateError, match="0 小时"):
        desk.reopen(first.id, "li", dt.timedelta(0))
    reopened = desk.reopen(first.id, "li", dt.timedelta(hours=72))
    assert (reopened.status, reopened.closed_at, reopened.assignee) == (Status.OPEN, None, None)
    desk.resolve(first.id, "li", "answered", "")
    desk.open_ticket("c1", "customer_request", Priority.NORMAL, "", {})
    with pytest.raises(TicketStateError, match="已有进行中的工单"):
        desk.reopen(first.id, "li", dt.timedelta(hours=72))


def test_a_new_ticket_and_an_sla_breach_each_queue_one_notification(desk: SqlTicketDesk) -> None:
    ticket, _ = desk.open_ticket("c1", "complaint", Priority.HIGH, "", {})
    desk.open_ticket("c1", "complaint", Priority.HIGH, "again", {})
    assert desk.mark_sla_notified(ticket.id)
    assert not desk.mark_sla_notified(ticket.id)
    with desk.engine.connect() as conn:
        kinds = [row.kind for row in conn.execute(notifications.select()).all()]
    assert kinds == ["ticket_opened", "sla_breached"]
