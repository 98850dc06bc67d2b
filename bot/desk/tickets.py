"""Escalation tickets: what the bot hands to a person, with the context the person needs.

One open ticket per conversation: a second hand-off while one is open updates that ticket (the
latest reason, summary and slots; the priority only ever rises) instead of adding another. The
agent desk (a later part) closes tickets and hands the conversation back.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.db import migrate

metadata = MetaData()


class Priority(str, enum.Enum):
    """How soon a person should pick the ticket up."""

    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for the most urgent."""
        return list(Priority).index(self)


tickets = Table(
    "desk_tickets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(255), nullable=False),
    Column("reason", String(64), nullable=False),
    Column("priority", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    Column("slots", JSON, nullable=False),
    Column("status", String(16), nullable=False, default="open"),
    Column("created_at", DateTime, nullable=False),
    Column("closed_at", DateTime),
    Index(
        "desk_tickets_one_open_per_conversation",
        "conversation_id",
        unique=True,
        sqlite_where=Column("status") == "open",
        postgresql_where=Column("status") == "open",
    ),
)


@dataclass(frozen=True)
class EscalationTicket:
    """A case handed to a person."""

    id: int
    conversation_id: str
    reason: str
    priority: Priority
    summary: str
    slots: dict[str, Any]
    status: str
    created_at: dt.datetime
    closed_at: dt.datetime | None = None


class TicketDesk(Protocol):
    """Where escalation tickets are kept."""

    def open_ticket(
        self,
        conversation_id: str,
        reason: str,
        priority: Priority,
        summary: str,
        slots: dict[str, Any],
    ) -> tuple[EscalationTicket, bool]:
        """Open a ticket, or update the conversation's open one; the ticket and whether it is new."""

    def open_ticket_for(self, conversation_id: str) -> EscalationTicket | None:
        """The conversation's open ticket, if there is one."""

    def close(self, ticket_id: int) -> None:
        """Close a ticket (the conversation may then get a new one)."""


class SqlTicketDesk:
    """Escalation tickets in any SQL database SQLAlchemy reaches; migrates it on first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        migrate(engine)

    def open_ticket(
        self,
        conversation_id: str,
        reason: str,
        priority: Priority,
        summary: str,
        slots: dict[str, Any],
    ) -> tuple[EscalationTicket, bool]:
        existing = self.open_ticket_for(conversation_id)
        if existing is not None:
            raised = min(existing.priority, priority, key=lambda p: p.rank)
            with self.engine.begin() as conn:
                conn.execute(
                    update(tickets)
                    .where(tickets.c.id == existing.id)
                    .values(reason=reason, priority=raised.value, summary=summary, slots=slots)
                )
            updated = self.open_ticket_for(conversation_id)
            return (updated or existing), False
        created = True
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    tickets.insert().values(
                        conversation_id=conversation_id,
                        reason=reason,
                        priority=priority.value,
                        summary=summary,
                        slots=slots,
                        status="open",
                        created_at=_now(),
                    )
                )
        except IntegrityError:
            created = False  # another process opened one between our read and our write
        ticket = self.open_ticket_for(conversation_id)
        if ticket is None:
            raise RuntimeError(f"ticket for conversation {conversation_id!r} was not stored")
        return ticket, created

    def open_ticket_for(self, conversation_id: str) -> EscalationTicket | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(tickets).where(
                    tickets.c.conversation_id == conversation_id, tickets.c.status == "open"
                )
            ).first()
        return None if row is None else _ticket(row._mapping)

    def close(self, ticket_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(tickets)
                .where(tickets.c.id == ticket_id)
                .values(status="closed", closed_at=_now())
            )

    def all(self) -> list[EscalationTicket]:
        """Every ticket, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(tickets).order_by(tickets.c.id)).all()
        return [_ticket(row._mapping) for row in rows]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _ticket(row: Any) -> EscalationTicket:
    return EscalationTicket(
        id=row["id"],
        conversation_id=row["conversation_id"],
        reason=row["reason"],
        priority=Priority(row["priority"]),
        summary=row["summary"],
        slots=dict(row["slots"]),
        status=row["status"],
        created_at=row["created_at"],
        closed_at=row["closed_at"],
    )
