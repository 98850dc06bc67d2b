"""Escalation tickets: what the bot hands to a person, and the person's work on it.

A ticket is ``open`` (waiting for a person), ``claimed`` (a person has the conversation),
``resolved`` (the person gave it back to the bot) or ``cancelled`` (the customer took the bot
back). At most one ticket per conversation is active (open or claimed): a second hand-off while one
is active updates it (the latest reason, summary and slots; the priority only ever rises).

Every change of status is recorded with who made it, and a new ticket queues its notification in
the same transaction, so neither is ever lost. Two people claiming at once: the database decides,
one wins and the other gets :class:`TicketStateError`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.clock import naive_utc_now
from bot.db import Database
from bot.desk.tables import notifications, ticket_attachments, ticket_events, tickets


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

    def at_least(self, other: Priority) -> Priority:
        """The more urgent of this and ``other``: a ticket's priority only ever rises."""
        return min(self, other, key=lambda p: p.rank)


class Status(str, enum.Enum):
    """Where a ticket is in its life."""

    OPEN = "open"
    CLAIMED = "claimed"
    RESOLVED = "resolved"
    CANCELLED = "cancelled"

    @property
    def active(self) -> bool:
        """Whether the conversation is still with the desk."""
        return self in (Status.OPEN, Status.CLAIMED)


class TicketStateError(RuntimeError):
    """The ticket is not in a state that allows the change (someone else was faster, say)."""


class TicketNotFound(LookupError):
    """No ticket has that id."""


@dataclass(frozen=True)
class EscalationTicket:
    """A case handed to a person."""

    id: int
    conversation_id: str
    reason: str
    priority: Priority
    summary: str
    slots: dict[str, Any]
    status: Status
    created_at: dt.datetime
    closed_at: dt.datetime | None = None
    channel: str | None = None
    assignee: str | None = None
    claimed_at: dt.datetime | None = None
    resolution_category: str | None = None
    resolution_note: str | None = None
    sla_notified_at: dt.datetime | None = None

    def queue_key(self) -> tuple[int, dt.datetime, int]:
        """Most urgent first, then oldest first."""
        return (self.priority.rank, self.created_at, self.id)


@dataclass(frozen=True)
class StatusChange:
    """One recorded change of a ticket's status."""

    at: dt.datetime
    actor: str
    from_status: str | None
    to_status: str
    note: str


@dataclass(frozen=True)
class Attachment:
    """Something the customer sent for a ticket, kept as where to fetch it.

    Attributes:
        kind: ``image``.
        channel: Where it came from (``wechat``).
        url: Where it can be fetched (WeChat's ``PicUrl``).
        media_id: The channel's id for it (WeChat's ``MediaId``, for its media API).
        message_id: The channel's id of the message that carried it.
        received_at: When it arrived (UTC).
    """

    id: int
    ticket_id: int
    kind: str
    channel: str
    url: str
    media_id: str
    message_id: str | None
    received_at: dt.datetime


ATTACHMENT_NOTES = {"image": "客户发来一张图片"}


class TicketDesk(Protocol):
    """Where the actions open tickets and look them up."""

    def open_ticket(
        self,
        conversation_id: str,
        reason: str,
        priority: Priority,
        summary: str,
        slots: dict[str, Any],
        channel: str | None = None,
    ) -> tuple[EscalationTicket, bool]:
        """Open a ticket, or update the conversation's active one; the ticket and whether it is new."""

    def open_ticket_for(self, conversation_id: str) -> EscalationTicket | None:
        """The conversation's active ticket, if there is one."""

    def find(
        self, statuses: Iterable[Status] = (Status.OPEN, Status.CLAIMED)
    ) -> list[EscalationTicket]:
        """Tickets in ``statuses``, most urgent and then oldest first."""

    def cancel(self, ticket_id: int, actor: str) -> EscalationTicket:
        """The customer takes the bot back from a ticket nobody has claimed yet."""


class SqlTicketDesk:
    """Escalation tickets in any SQL database SQLAlchemy reaches, migrated at start-up.

    Args:
        bind: An engine (each change its own transaction), or the connection of a unit of work
            (every change joins its transaction).
    """

    def __init__(self, bind: Engine | Connection) -> None:
        self.db = Database(bind)
        self.engine = self.db.engine

    def open_ticket(
        self,
        conversation_id: str,
        reason: str,
        priority: Priority,
        summary: str,
        slots: dict[str, Any],
        channel: str | None = None,
    ) -> tuple[EscalationTicket, bool]:
        existing = self.open_ticket_for(conversation_id)
        if existing is not None:
            raised = existing.priority.at_least(priority)
            with self.db.begin() as conn:
                conn.execute(
                    update(tickets)
                    .where(tickets.c.id == existing.id)
                    .values(reason=reason, priority=raised.value, summary=summary, slots=slots)
                )
            return self.get(existing.id), False
        now = naive_utc_now()
        try:
            with self.db.begin() as conn:
                ticket_id = conn.execute(
                    tickets.insert().values(
                        conversation_id=conversation_id,
                        reason=reason,
                        priority=priority.value,
                        summary=summary,
                        slots=slots,
                        status=Status.OPEN.value,
                        channel=channel,
                        created_at=now,
                    )
                ).inserted_primary_key[0]
                _record(conn, ticket_id, "bot", None, Status.OPEN, reason)
                conn.execute(
                    notifications.insert().values(
                        ticket_id=ticket_id,
                        kind="ticket_opened",
                        payload={},
                        created_at=now,
                        attempts=0,
                        next_attempt_at=now,
                    )
                )
        except IntegrityError:
            # Another process opened one between our read and our write: that one it is.
            ticket = self.open_ticket_for(conversation_id)
            if ticket is None:
                raise
            return ticket, False
        return self.get(ticket_id), True

    def open_ticket_for(self, conversation_id: str) -> EscalationTicket | None:
        with self.db.connect() as conn:
            row = conn.execute(
                select(tickets).where(
                    tickets.c.conversation_id == conversation_id, tickets.c.closed_at.is_(None)
                )
            ).first()
        return None if row is None else ticket_from_row(row._mapping)

    def get(self, ticket_id: int) -> EscalationTicket:
        """The ticket with ``ticket_id``.

        Raises:
            TicketNotFound: There is none.
        """
        with self.db.connect() as conn:
            row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).first()
        if row is None:
            raise TicketNotFound(f"no ticket {ticket_id}")
        return ticket_from_row(row._mapping)

    def find(
        self, statuses: Iterable[Status] = (Status.OPEN, Status.CLAIMED)
    ) -> list[EscalationTicket]:
        """Tickets in ``statuses``, most urgent and then oldest first."""
        values = [status.value for status in statuses]
        with self.db.connect() as conn:
            rows = conn.execute(select(tickets).where(tickets.c.status.in_(values))).all()
        return sorted(
            (ticket_from_row(row._mapping) for row in rows), key=EscalationTicket.queue_key
        )

    def all(self) -> list[EscalationTicket]:
        """Every ticket, oldest first."""
        with self.db.connect() as conn:
            rows = conn.execute(select(tickets).order_by(tickets.c.id)).all()
        return [ticket_from_row(row._mapping) for row in rows]

    def history(self, ticket_id: int) -> list[StatusChange]:
        """Every change of the ticket's status, oldest first."""
        with self.db.connect() as conn:
            rows = conn.execute(
                select(ticket_events)
                .where(ticket_events.c.ticket_id == ticket_id)
                .order_by(ticket_events.c.id)
            ).all()
        return [
            StatusChange(row.at, row.actor, row.from_status, row.to_status, row.note or "")
            for row in rows
        ]

    def claim(self, ticket_id: int, agent: str) -> EscalationTicket:
        """``agent`` takes the open ticket; exactly one of two racing claims succeeds."""
        return self._move(
            ticket_id,
            agent,
            {Status.OPEN},
            Status.CLAIMED,
            assignee=agent,
            claimed_at=naive_utc_now(),
        )

    def note(self, ticket_id: int, actor: str, text: str) -> None:
        """Record ``text`` in the ticket's history without changing its status (a WeChat reply
        that could not be delivered, and why)."""
        ticket = self.get(ticket_id)
        with self.db.begin() as conn:
            _record(conn, ticket_id, actor, ticket.status, ticket.status, text)

    def attach(
        self,
        ticket_id: int,
        *,
        kind: str,
        channel: str,
        url: str,
        media_id: str,
        message_id: str | None,
        received_at: dt.datetime,
    ) -> Attachment:
        """Keep what the customer sent on the ticket, and say so in its history (actor
        ``customer``), so whoever works the ticket sees it there."""
        ticket = self.get(ticket_id)
        at = received_at.replace(tzinfo=dt.timezone.utc) + dt.timedelta(hours=8)
        note = f"{ATTACHMENT_NOTES.get(kind, '客户发来附件')}（{channel}，北京时间 {at:%Y-%m-%d %H:%M}）"
        note += f"：{url}" if url else ""
        note += f"；MediaId {media_id}" if media_id else ""
        with self.db.begin() as conn:
            attachment_id = conn.execute(
                ticket_attachments.insert().values(
                    ticket_id=ticket_id,
                    kind=kind,
                    channel=channel,
                    url=url,
                    media_id=media_id,
                    message_id=message_id,
                    received_at=received_at,
                )
            ).inserted_primary_key[0]
            _record(conn, ticket_id, "customer", ticket.status, ticket.status, note)
        return Attachment(
            attachment_id, ticket_id, kind, channel, url, media_id, message_id, received_at
        )

    def attachments(self, ticket_id: int) -> list[Attachment]:
        """What the customer sent for the ticket, oldest first."""
        with self.db.connect() as conn:
            rows = conn.execute(
                select(ticket_attachments)
                .where(ticket_attachments.c.ticket_id == ticket_id)
                .order_by(ticket_attachments.c.id)
            ).all()
        return [
            Attachment(
                row.id,
                row.ticket_id,
                row.kind,
                row.channel,
                row.url,
                row.media_id,
                row.message_id,
                row.received_at,
            )
            for row in rows
        ]

    def transfer(self, ticket_id: int, actor: str, to: str) -> EscalationTicket:
        """Give a claimed ticket to another person, who then has the conversation."""
        return self._move(
            ticket_id, actor, {Status.CLAIMED}, Status.CLAIMED, note=f"→ {to}", assignee=to
        )

    def resolve(self, ticket_id: int, actor: str, category: str, note: str) -> EscalationTicket:
        """Close the ticket with how it ended; the conversation goes back to the bot."""
        return self._move(
            ticket_id,
            actor,
            {Status.OPEN, Status.CLAIMED},
            Status.RESOLVED,
            note=note,
            closed_at=naive_utc_now(),
            resolution_category=category,
            resolution_note=note,
        )

    def cancel(self, ticket_id: int, actor: str) -> EscalationTicket:
        return self._move(
            ticket_id, actor, {Status.OPEN}, Status.CANCELLED, closed_at=naive_utc_now()
        )

    def reopen(self, ticket_id: int, actor: str, window: dt.timedelta) -> EscalationTicket:
        """Open a closed ticket again, if it closed within ``window`` and its conversation has
        no other active ticket."""
        ticket = self.get(ticket_id)
        if ticket.closed_at is None or naive_utc_now() - ticket.closed_at > window:
            raise TicketStateError(
                f"工单 {ticket_id} 未关闭或关闭已超过 {_hours(window)} 小时，不能重新打开 / "
                f"ticket {ticket_id} is not closed or closed more than {_hours(window)} h ago"
            )
        try:
            return self._move(
                ticket_id,
                actor,
                {Status.RESOLVED, Status.CANCELLED},
                Status.OPEN,
                closed_at=None,
                assignee=None,
                claimed_at=None,
            )
        except IntegrityError:
            raise TicketStateError(
                f"该对话已有进行中的工单，工单 {ticket_id} 不能重新打开 / the conversation already "
                f"has an active ticket, so ticket {ticket_id} cannot be reopened"
            ) from None

    def restore(self, before: EscalationTicket, actor: str, note: str) -> None:
        """Put a ticket back as ``before`` after a change the conversation could not follow."""
        with self.db.begin() as conn:
            current = conn.execute(
                select(tickets.c.status).where(tickets.c.id == before.id)
            ).scalar_one()
            conn.execute(
                update(tickets)
                .where(tickets.c.id == before.id)
                .values(
                    status=before.status.value,
                    assignee=before.assignee,
                    claimed_at=before.claimed_at,
                    closed_at=before.closed_at,
                    resolution_category=before.resolution_category,
                    resolution_note=before.resolution_note,
                )
            )
            _record(conn, before.id, actor, current, before.status, note)

    def mark_sla_notified(self, ticket_id: int) -> bool:
        """Queue the SLA-breach notification once; whether this call was the one that did."""
        now = naive_utc_now()
        with self.db.begin() as conn:
            marked = conn.execute(
                update(tickets)
                .where(tickets.c.id == ticket_id, tickets.c.sla_notified_at.is_(None))
                .values(sla_notified_at=now)
            ).rowcount
            if marked:
                conn.execute(
                    notifications.insert().values(
                        ticket_id=ticket_id,
                        kind="sla_breached",
                        payload={},
                        created_at=now,
                        attempts=0,
                        next_attempt_at=now,
                    )
                )
        return bool(marked)

    def _move(
        self,
        ticket_id: int,
        actor: str,
        allowed: set[Status],
        to: Status,
        note: str = "",
        **values: Any,
    ) -> EscalationTicket:
        with self.db.begin() as conn:
            row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).first()
            if row is None:
                raise TicketNotFound(f"no ticket {ticket_id}")
            before = ticket_from_row(row._mapping)
            moved = conn.execute(
                update(tickets)
                .where(
                    tickets.c.id == ticket_id,
                    tickets.c.status.in_([status.value for status in allowed]),
                    # The row as read: a change by someone else in between makes this one lose.
                    _same(tickets.c.assignee, before.assignee),
                )
                .values(status=to.value, **values)
            ).rowcount
            if moved:
                _record(conn, ticket_id, actor, before.status, to, note)
        if not moved:
            raise TicketStateError(wrong_state(self.get(ticket_id)))  # as it is now, not as read
        return self.get(ticket_id)


def wrong_state(ticket: EscalationTicket) -> str:
    """Why ``ticket`` cannot take the change, for the person who asked."""
    if ticket.status is Status.CLAIMED:
        return (
            f"工单 {ticket.id} 已由 {ticket.assignee} 接手 / "
            f"ticket {ticket.id} was claimed by {ticket.assignee}"
        )
    if ticket.status is Status.OPEN:
        return f"工单 {ticket.id} 尚未有人接手 / ticket {ticket.id} has not been claimed"
    return f"工单 {ticket.id} 已关闭 / ticket {ticket.id} is closed ({ticket.status.value})"


def ticket_from_row(row: Any) -> EscalationTicket:
    """A ticket from a row of ``desk_tickets``."""
    return EscalationTicket(
        id=row["id"],
        conversation_id=row["conversation_id"],
        reason=row["reason"],
        priority=Priority(row["priority"]),
        summary=row["summary"],
        slots=dict(row["slots"]),
        status=Status(row["status"]),
        created_at=row["created_at"],
        closed_at=row["closed_at"],
        channel=row["channel"],
        assignee=row["assignee"],
        claimed_at=row["claimed_at"],
        resolution_category=row["resolution_category"],
        resolution_note=row["resolution_note"],
        sla_notified_at=row["sla_notified_at"],
    )


def _record(
    conn: Connection,
    ticket_id: int,
    actor: str,
    from_status: Status | str | None,
    to: Status,
    note: str,
) -> None:
    conn.execute(
        ticket_events.insert().values(
            ticket_id=ticket_id,
            at=naive_utc_now(),
            actor=actor,
            from_status=from_status.value if isinstance(from_status, Status) else from_status,
            to_status=to.value,
            note=note,
        )
    )


def _same(column: Any, value: str | None) -> Any:
    return column.is_(None) if value is None else column == value


def _hours(window: dt.timedelta) -> int:
    return int(window.total_seconds() // 3600)
