"""Desk: attachments of a ticket (a picture a WeChat customer sent while the ticket was active).

Revision ID: b6263de339f6
Revises: 62cc5de3fc8f
Create Date: 2026-12-05 09:14:05.782908
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b6263de339f6"
down_revision: str | None = "62cc5de3fc8f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_ticket_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("media_id", sa.String(length=255), nullable=False),
        sa.Column("message_id", sa.String(length=32), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["desk_tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("desk_ticket_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_desk_ticket_attachments_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("desk_ticket_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_desk_ticket_attachments_ticket_id"))

    op.drop_table("desk_ticket_attachments")
