"""Baseline: the tables, indexes and constraints the repositories made with create_all until now.

A database made before migrations holds some or all of these tables already (each repository
created only its own): those are kept as they are and the missing ones are added, so upgrading
such a database adopts it.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 14:03:58
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "kb_products",
    "kb_product_versions",
    "kb_articles",
    "kb_diseases",
    "kb_facts",
    "kb_terms",
    "records_agents",
    "records_customers",
    "records_policies",
    "records_claims",
    "records_contact_changes",
    "records_return_visits",
    "records_service_assignments",
    "desk_tickets",
)


def upgrade() -> None:
    existing = _existing_tables()
    if "kb_products" not in existing:
        op.create_table(
            "kb_products",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("code", sa.String(length=64), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("insurer", sa.String(length=200), nullable=False),
            sa.Column("product_type", sa.String(length=32), nullable=False),
            sa.Column("aliases", sa.JSON(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("code"),
        )
    if "kb_product_versions" not in existing:
        op.create_table(
            "kb_product_versions",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("product_id", sa.Integer(), nullable=False),
            sa.Column("version", sa.String(length=64), nullable=False),
            sa.Column("effective_from", sa.Date(), nullable=False),
            sa.Column("title", sa.String(length=300), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("source", sa.String(length=500), nullable=False),
            sa.Column("ingested_at", sa.DateTime(), nullable=False),
            sa.Column("is_current", sa.Boolean(), nullable=False),
            sa.ForeignKeyConstraint(["product_id"], ["kb_products.id"]),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("product_id", "version"),
        )
    if "kb_articles" not in existing:
        op.create_table(
            "kb_articles",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("version_id", sa.Integer(), nullable=False),
            sa.Column("ordinal", sa.Integer(), nullable=False),
            sa.Column("number", sa.String(length=32), nullable=False),
            sa.Column("title", sa.String(length=300), nullable=False),
            sa.Column("body", sa.Text(), nullable=False),
            sa.Column("line", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["version_id"], ["kb_product_versions.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_kb_articles_version_id", "kb_articles", ["version_id"])
    if "kb_diseases" not in existing:
        op.create_table(
            "kb_diseases",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("version_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("category", sa.String(length=32), nullable=True),
            sa.Column("category_label", sa.String(length=200), nullable=False),
            sa.Column("article", sa.String(length=32), nullable=False),
            sa.Column("definition", sa.Text(), nullable=False),
            sa.Column("exclusions", sa.JSON(), nullable=False),
            sa.ForeignKeyConstraint(["version_id"], ["kb_product_versions.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_kb_diseases_version_id", "kb_diseases", ["version_id"])
    if "kb_facts" not in existing:
        op.create_table(
            "kb_facts",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("version_id", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String(length=32), nullable=False),
            sa.Column("name", sa.String(length=300), nullable=False),
            sa.Column("article", sa.String(length=32), nullable=False),
            sa.Column("value", sa.JSON(), nullable=False),
            sa.ForeignKeyConstraint(["version_id"], ["kb_product_versions.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_kb_facts_version_id", "kb_facts", ["version_id"])
    if "kb_terms" not in existing:
        op.create_table(
            "kb_terms",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("version_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("article", sa.String(length=32), nullable=False),
            sa.Column("definition", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(["version_id"], ["kb_product_versions.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_kb_terms_version_id", "kb_terms", ["version_id"])
    if "records_agents" not in existing:
        op.create_table(
            "records_agents",
            sa.Column("code", sa.String(length=32), nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
            sa.Column("mobile", sa.String(length=11), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("branch", sa.String(length=100), nullable=False),
            sa.PrimaryKeyConstraint("code"),
        )
        op.create_index("ix_records_agents_branch", "records_agents", ["branch"])
    if "records_customers" not in existing:
        op.create_table(
            "records_customers",
            sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
            sa.Column("id_number", sa.String(length=18), nullable=False),
            sa.Column("mobile", sa.String(length=11), nullable=False),
            sa.Column("address", sa.String(length=200), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_records_customers_id_number", "records_customers", ["id_number"])
    if "records_policies" not in existing:
        op.create_table(
            "records_policies",
            sa.Column("policy_number", sa.String(length=12), nullable=False),
            sa.Column("product_code", sa.String(length=64), nullable=False),
            sa.Column("holder_id", sa.String(length=32), nullable=False),
            sa.Column("insured_id", sa.String(length=32), nullable=False),
            sa.Column("relation", sa.String(length=16), nullable=False),
            sa.Column("agent_code", sa.String(length=32), nullable=False),
            sa.Column("service_agent_code", sa.String(length=32), nullable=False),
            sa.Column("sum_insured", sa.Integer(), nullable=False),
            sa.Column("annual_premium_fen", sa.Integer(), nullable=False),
            sa.Column("payment_frequency", sa.String(length=8), nullable=False),
            sa.Column("payment_years", sa.Integer(), nullable=False),
            sa.Column("bank", sa.String(length=100), nullable=False),
            sa.Column("card_last4", sa.String(length=4), nullable=False),
            sa.Column("issued", sa.Date(), nullable=False),
            sa.Column("received", sa.Date(), nullable=False),
            sa.Column("effective", sa.Date(), nullable=False),
            sa.Column("paid_to", sa.Date(), nullable=True),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("beneficiary", sa.String(length=300), nullable=False),
            sa.Column("reinstated", sa.Date(), nullable=True),
            sa.Column("expires", sa.Date(), nullable=True),
            sa.ForeignKeyConstraint(["agent_code"], ["records_agents.code"]),
            sa.ForeignKeyConstraint(["holder_id"], ["records_customers.id"]),
            sa.ForeignKeyConstraint(["insured_id"], ["records_customers.id"]),
            sa.ForeignKeyConstraint(["service_agent_code"], ["records_agents.code"]),
            sa.PrimaryKeyConstraint("policy_number"),
        )
        op.create_index("ix_records_policies_holder_id", "records_policies", ["holder_id"])
        op.create_index("ix_records_policies_insured_id", "records_policies", ["insured_id"])
        op.create_index(
            "ix_records_policies_service_agent_code", "records_policies", ["service_agent_code"]
        )
    if "records_claims" not in existing:
        op.create_table(
            "records_claims",
            sa.Column("case_number", sa.String(length=16), nullable=False),
            sa.Column("policy_number", sa.String(length=12), nullable=False),
            sa.Column("insured_id", sa.String(length=32), nullable=False),
            sa.Column("event", sa.String(length=200), nullable=False),
            sa.Column("event_date", sa.Date(), nullable=False),
            sa.Column("diagnosis", sa.String(length=300), nullable=False),
            sa.Column("hospital", sa.String(length=200), nullable=False),
            sa.Column("reported_at", sa.DateTime(), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("note", sa.Text(), nullable=False),
            sa.Column("conversation_id", sa.String(length=128), nullable=True),
            sa.ForeignKeyConstraint(["insured_id"], ["records_customers.id"]),
            sa.ForeignKeyConstraint(["policy_number"], ["records_policies.policy_number"]),
            sa.PrimaryKeyConstraint("case_number"),
        )
    if "records_contact_changes" not in existing:
        op.create_table(
            "records_contact_changes",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("policy_number", sa.String(length=12), nullable=False),
            sa.Column("customer_id", sa.String(length=32), nullable=False),
            sa.Column("field", sa.String(length=16), nullable=False),
            sa.Column("old_value", sa.String(length=200), nullable=False),
            sa.Column("new_value", sa.String(length=200), nullable=False),
            sa.Column("changed_at", sa.DateTime(), nullable=False),
            sa.Column("conversation_id", sa.String(length=128), nullable=False),
            sa.ForeignKeyConstraint(["customer_id"], ["records_customers.id"]),
            sa.ForeignKeyConstraint(["policy_number"], ["records_policies.policy_number"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(
            "ix_records_contact_changes_customer_id", "records_contact_changes", ["customer_id"]
        )
    if "records_return_visits" not in existing:
        op.create_table(
            "records_return_visits",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("policy_number", sa.String(length=12), nullable=False),
            sa.Column("item_key", sa.String(length=64), nullable=False),
            sa.Column("answer", sa.String(length=8), nullable=False),
            sa.Column("flagged", sa.Boolean(), nullable=False),
            sa.Column("conversation_id", sa.String(length=128), nullable=False),
            sa.Column("answered_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(["policy_number"], ["records_policies.policy_number"]),
            sa.PrimaryKeyConstraint("id"),
        )
    if "records_service_assignments" not in existing:
        op.create_table(
            "records_service_assignments",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("policy_number", sa.String(length=12), nullable=False),
            sa.Column("old_agent_code", sa.String(length=32), nullable=False),
            sa.Column("new_agent_code", sa.String(length=32), nullable=False),
            sa.Column("assigned_at", sa.DateTime(), nullable=False),
            sa.Column("reason", sa.String(length=300), nullable=False),
            sa.ForeignKeyConstraint(["new_agent_code"], ["records_agents.code"]),
            sa.ForeignKeyConstraint(["old_agent_code"], ["records_agents.code"]),
            sa.ForeignKeyConstraint(["policy_number"], ["records_policies.policy_number"]),
            sa.PrimaryKeyConstraint("id"),
        )
    if "desk_tickets" not in existing:
        op.create_table(
            "desk_tickets",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("conversation_id", sa.String(length=255), nullable=False),
            sa.Column("reason", sa.String(length=64), nullable=False),
            sa.Column("priority", sa.String(length=16), nullable=False),
            sa.Column("summary", sa.Text(), nullable=False),
            sa.Column("slots", sa.JSON(), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("closed_at", sa.DateTime(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
        # One open ticket per conversation: unique among the open rows only (a partial index).
        op.create_index(
            "desk_tickets_one_open_per_conversation",
            "desk_tickets",
            ["conversation_id"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)


def _existing_tables() -> set[str]:
    if context.is_offline_mode():
        return set()
    return set(sa.inspect(op.get_bind()).get_table_names())
