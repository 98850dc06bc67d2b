"""The desk in SQL: tickets, their history and attachments, people and their sign-ins, the
notification outbox."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

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
    Column("channel", String(16)),
    Column("assignee", String(64)),
    Column("claimed_at", DateTime),
    Column("resolution_category", String(32)),
    Column("resolution_note", Text),
    Column("sla_notified_at", DateTime),
    # At most one ticket a person has yet to close per conversation, whatever races.
    Index(
        "desk_tickets_one_active_per_conversation",
        "conversation_id",
        unique=True,
        sqlite_where=Column("closed_at").is_(None),
        postgresql_where=Column("closed_at").is_(None),
    ),
    Index("desk_tickets_closed_at", "closed_at"),
)

ticket_events = Table(
    "desk_ticket_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", ForeignKey("desk_tickets.id"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("from_status", String(16)),
    Column("to_status", String(16), nullable=False),
    Column("note", Text, nullable=False, default=""),
)

# What a customer sent for a ticket (a WeChat picture): where to fetch it, never the file itself.
ticket_attachments = Table(
    "desk_ticket_attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", ForeignKey("desk_tickets.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("url", Text, nullable=False, default=""),
    Column("media_id", String(255), nullable=False, default=""),
    Column("message_id", String(32)),
    Column("received_at", DateTime, nullable=False),
)

users = Table(
    "desk_users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime),
    Column("created_at", DateTime, nullable=False),
)

sessions = Table(
    "desk_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", ForeignKey("desk_users.id"), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

api_tokens = Table(
    "desk_api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", ForeignKey("desk_users.id"), nullable=False, index=True),
    Column("created_at", DateTime, nullable=False),
)

notifications = Table(
    "desk_notifications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", ForeignKey("desk_tickets.id"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime, nullable=False),
    Column("sent_at", DateTime),
    Column("last_error", Text),
    Index("desk_notifications_pending", "sent_at", "next_attempt_at"),
)
