"""The policy records in SQL: tables on their own metadata, and rows to records and back."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from bot.records.model import (
    Agent,
    Claim,
    ContactChange,
    Customer,
    Policy,
    ReturnVisitAnswer,
    ServiceAssignment,
)

metadata = MetaData()

customers = Table(
    "records_customers",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("id_number", String(18), nullable=False, index=True),
    Column("mobile", String(11), nullable=False),
    Column("address", String(200), nullable=False),
)
agents = Table(
    "records_agents",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("mobile", String(11), nullable=False),
    Column("status", String(16), nullable=False),
    Column("branch", String(100), nullable=False, index=True),
)
policies = Table(
    "records_policies",
    metadata,
    Column("policy_number", String(12), primary_key=True),
    Column("product_code", String(64), nullable=False),
    Column("holder_id", ForeignKey("records_customers.id"), nullable=False, index=True),
    Column("insured_id", ForeignKey("records_customers.id"), nullable=False, index=True),
    Column("relation", String(16), nullable=False),
    Column("agent_code", ForeignKey("records_agents.code"), nullable=False),
    Column("service_agent_code", ForeignKey("records_agents.code"), nullable=False, index=True),
    Column("sum_insured", Integer, nullable=False),
    # Money in fen: SQLite has no exact decimal type.
    Column("annual_premium_fen", Integer, nullable=False),
    Column("payment_frequency", String(8), nullable=False),
    Column("payment_years", Integer, nullable=False),
    Column("bank", String(100), nullable=False),
    Column("card_last4", String(4), nullable=False),
    Column("issued", Date, nullable=False),
    Column("received", Date, nullable=False),
    Column("effective", Date, nullable=False),
    Column("paid_to", Date),
    Column("status", String(16), nullable=False),
    Column("beneficiary", String(300), nullable=False),
    Column("reinstated", Date),
    Column("expires", Date),
)
claims = Table(
    "records_claims",
    metadata,
    Column("case_number", String(16), primary_key=True),
    Column("policy_number", ForeignKey("records_policies.policy_number"), nullable=False),
    Column("insured_id", ForeignKey("records_customers.id"), nullable=False),
    Column("event", String(200), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("diagnosis", String(300), nullable=False),
    Column("hospital", String(200), nullable=False),
    Column("reported_at", DateTime, nullable=False),
    Column("status", String(16), nullable=False),
    Column("note", Text, nullable=False),
    Column("conversation_id", String(128)),
    Column("submission_key", String(64)),
    UniqueConstraint("submission_key", name="uq_records_claims_submission_key"),
)
contact_changes = Table(
    "records_contact_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("policy_number", ForeignKey("records_policies.policy_number"), nullable=False),
    Column("customer_id", ForeignKey("records_customers.id"), nullable=False, index=True),
    Column("field", String(16), nullable=False),
    Column("old_value", String(200), nullable=False),
    Column("new_value", String(200), nullable=False),
    Column("changed_at", DateTime, nullable=False),
    Column("conversation_id", String(128), nullable=False),
    Column("submission_key", String(64)),
    UniqueConstraint("submission_key", name="uq_records_contact_changes_submission_key"),
)
# Every identity check, kept for the audit and to lock out guessing (bot/records/lockout.py).
identity_checks = Table(
    "records_identity_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("policy_number", String(32), nullable=False, index=True),
    Column("conversation_id", String(128), nullable=False, index=True),
    Column("client", String(64), nullable=False, index=True),
    Column("outcome", String(8), nullable=False),
    Column("checked_at", DateTime, nullable=False, index=True),
)
return_visits = Table(
    "records_return_visits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("policy_number", ForeignKey("records_policies.policy_number"), nullable=False),
    Column("item_key", String(64), nullable=False),
    Column("answer", String(8), nullable=False),
    Column("flagged", Boolean, nullable=False),
    Column("conversation_id", String(128), nullable=False),
    Column("answered_at", DateTime, nullable=False),
)
service_assignments = Table(
    "records_service_assignments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("policy_number", ForeignKey("records_policies.policy_number"), nullable=False),
    Column("old_agent_code", ForeignKey("records_agents.code"), nullable=False),
    Column("new_agent_code", ForeignKey("records_agents.code"), nullable=False),
    Column("assigned_at", DateTime, nullable=False),
    Column("reason", String(300), nullable=False),
)


def customer_row(customer: Customer) -> dict[str, Any]:
    """The ``records_customers`` row of ``customer``."""
    return vars(customer).copy()


def agent_row(agent: Agent) -> dict[str, Any]:
    """The ``records_agents`` row of ``agent``."""
    return vars(agent).copy()


def policy_row(policy: Policy) -> dict[str, Any]:
    """The ``records_policies`` row of ``policy``."""
    row = vars(policy).copy()
    row["annual_premium_fen"] = int(row.pop("annual_premium") * 100)
    return row


def claim_row(claim: Claim) -> dict[str, Any]:
    """The ``records_claims`` row of ``claim``."""
    return vars(claim).copy()


def to_customer(row: Any) -> Customer:
    """The customer in a ``records_customers`` row."""
    return Customer(row.id, row.name, row.id_number, row.mobile, row.address)


def to_agent(row: Any) -> Agent:
    """The agent in a ``records_agents`` row."""
    return Agent(row.code, row.name, row.mobile, row.status, row.branch)


def to_policy(row: Any) -> Policy:
    """The policy in a ``records_policies`` row."""
    values = dict(row._mapping)
    values["annual_premium"] = Decimal(values.pop("annual_premium_fen")).scaleb(-2)
    return Policy(**values)


def to_claim(row: Any) -> Claim:
    """The claim in a ``records_claims`` row."""
    return Claim(**dict(row._mapping))


def to_contact_change(row: Any) -> ContactChange:
    """The audit record in a ``records_contact_changes`` row."""
    values = dict(row._mapping)
    del values["id"]
    return ContactChange(**values)


def to_return_visit_answer(row: Any) -> ReturnVisitAnswer:
    """The answer in a ``records_return_visits`` row."""
    values = dict(row._mapping)
    del values["id"]
    return ReturnVisitAnswer(**values)


def to_service_assignment(row: Any) -> ServiceAssignment:
    """The assignment in a ``records_service_assignments`` row."""
    values = dict(row._mapping)
    del values["id"]
    return ServiceAssignment(**values)
