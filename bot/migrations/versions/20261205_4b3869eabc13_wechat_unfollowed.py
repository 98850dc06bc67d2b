"""WeChat: customers who unfollowed the account, so nothing more is pushed to them.

Revision ID: 4b3869eabc13
Revises: b6263de339f6
Create Date: 2026-12-05 09:18:26.073030
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4b3869eabc13"
down_revision: str | None = "b6263de339f6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wechat_unfollowed",
        sa.Column("openid", sa.String(length=128), nullable=False),
        sa.Column("create_time", sa.BigInteger(), nullable=False),
        sa.Column("noted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("openid"),
    )


def downgrade() -> None:
    op.drop_table("wechat_unfollowed")
