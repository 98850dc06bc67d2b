"""WeChat: the sessions of WeChat's own customer service per OpenID (WECHAT_KF_PAUSES_BOT).

Revision ID: 62cc5de3fc8f
Revises: 618751329262
Create Date: 2026-12-05 09:10:34.025370
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "62cc5de3fc8f"
down_revision: str | None = "618751329262"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wechat_kf_sessions",
        sa.Column("openid", sa.String(length=128), nullable=False),
        sa.Column("kf_account", sa.String(length=128), nullable=False),
        sa.Column("opened_at", sa.BigInteger(), nullable=False),
        sa.Column("closed_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("openid"),
    )


def downgrade() -> None:
    op.drop_table("wechat_kf_sessions")
