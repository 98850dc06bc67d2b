"""Agent desk: ticket lifecycle (claimed, resolved, cancelled; one active per conversation),
status history, people and their sign-ins and API tokens, the notification outbox.

Revision ID: d60d43dcfdb1
Revises: f160d032e9fa
Create Date: 2026-12-04 21:58:27.748224
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d60d43dcfdb1"
down_revision: str | None = "f160d032e9fa"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "desk_api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["desk_users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("desk_api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_desk_api_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "desk_notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["desk_tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("desk_notifications", schema=None) as batch_op:
        batch_op.create_index(
            "desk_notifications_pending", ["sent_at", "next_attempt_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_desk_notifications_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "desk_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["desk_users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("desk_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_desk_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "desk_ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["desk_tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("desk_ticket_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_desk_ticket_events_ticket_id"), ["ticket_id"], unique=False
        )

    op.execute("UPDATE desk_tickets SET status = 'resolved' WHERE status = 'closed'")
    with op.batch_alter_table("desk_tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("assignee", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("resolution_category", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("resolution_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("sla_notified_at", sa.DateTime(), nullable=True))
        batch_op.drop_index("desk_tickets_one_open_per_conversation")
        batch_op.create_index("desk_tickets_closed_at", ["closed_at"], unique=False)
        batch_op.create_index(
            "desk_tickets_one_active_per_conversation",
            ["conversation_id"],
            unique=True,
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        )


def downgrade() -> None:
    op.execute("UPDATE desk_tickets SET status = 'open' WHERE status = 'claimed'")
    op.execute(
        "UPDATE desk_tickets SET status = 'closed' WHERE status IN ('resolved', 'cancelled')"
    )
    with op.batch_alter_table("desk_tickets", schema=None) as batch_op:
        batch_op.drop_index(
            "desk_tickets_one_active_per_conversation",
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        )
        batch_op.drop_index("desk_tickets_closed_at")
        batch_op.create_index(
            "desk_tickets_one_open_per_conversation",
            ["conversation_id"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )
        batch_op.drop_column("sla_notified_at")
        batch_op.drop_column("resolution_note")
        batch_op.drop_column("resolution_category")
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("assignee")
        batch_op.drop_column("channel")

    with op.batch_alter_table("desk_ticket_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_desk_ticket_events_ticket_id"))

    op.drop_table("desk_ticket_events")
    with op.batch_alter_table("desk_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_desk_sessions_user_id"))

    op.drop_table("desk_sessions")
    with op.batch_alter_table("desk_notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_desk_notifications_ticket_id"))
        batch_op.drop_index("desk_notifications_pending")

    op.drop_table("desk_notifications")
    with op.batch_alter_table("desk_api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_desk_api_tokens_user_id"))

    op.drop_table("desk_api_tokens")
    op.drop_table("desk_users")
