"""Identity checks (lock-out and audit) and submission keys (a form submitted twice writes once).

Revision ID: f160d032e9fa
Revises: 0001
Create Date: 2026-12-04 19:05:07.602638
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f160d032e9fa"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "records_identity_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_number", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=128), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("records_identity_checks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_records_identity_checks_checked_at"), ["checked_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_records_identity_checks_client"), ["client"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_records_identity_checks_conversation_id"),
            ["conversation_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_records_identity_checks_policy_number"), ["policy_number"], unique=False
        )

    with op.batch_alter_table("records_claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submission_key", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_records_claims_submission_key", ["submission_key"])

    with op.batch_alter_table("records_contact_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submission_key", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            "uq_records_contact_changes_submission_key", ["submission_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("records_contact_changes", schema=None) as batch_op:
        batch_op.drop_constraint("uq_records_contact_changes_submission_key", type_="unique")
        batch_op.drop_column("submission_key")

    with op.batch_alter_table("records_claims", schema=None) as batch_op:
        batch_op.drop_constraint("uq_records_claims_submission_key", type_="unique")
        batch_op.drop_column("submission_key")

    with op.batch_alter_table("records_identity_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_identity_checks_policy_number"))
        batch_op.drop_index(batch_op.f("ix_records_identity_checks_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_records_identity_checks_client"))
        batch_op.drop_index(batch_op.f("ix_records_identity_checks_checked_at"))

    op.drop_table("records_identity_checks")
