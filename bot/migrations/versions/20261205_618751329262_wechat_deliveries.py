"""WeChat: deliveries seen (de-duplication), the shared access_token, buttons offered per OpenID.

Revision ID: 618751329262
Revises: d60d43dcfdb1
Create Date: 2026-12-05 07:10:18.805756
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "618751329262"
down_revision: str | None = "d60d43dcfdb1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wechat_access_tokens",
        sa.Column("app_id", sa.String(length=64), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("refreshing_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("app_id"),
    )
    op.create_table(
        "wechat_deliveries",
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("openid", sa.String(length=128), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("key_hash"),
    )
    with op.batch_alter_table("wechat_deliveries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wechat_deliveries_received_at"), ["received_at"], unique=False
        )

    op.create_table(
        "wechat_offered_buttons",
        sa.Column("openid", sa.String(length=128), nullable=False),
        sa.Column("buttons", sa.JSON(), nullable=False),
        sa.Column("offered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("openid"),
    )


def downgrade() -> None:
    op.drop_table("wechat_offered_buttons")
    with op.batch_alter_table("wechat_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wechat_deliveries_received_at"))

    op.drop_table("wechat_deliveries")
    op.drop_table("wechat_access_tokens")
