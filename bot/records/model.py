"""What the insurer's core system knows about customers, agents, policies and claims."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

AGENT_STATUSES = ("active", "left")
POLICY_STATUSES = ("in_force", "lapsed", "surrendered", "terminated")
ENDED_STATUSES = frozenset({"surrendered", "terminated"})
CLAIM_STATUSES = ("reported", "reviewing", "paid", "declined")
RELATIONS = ("本人", "配偶", "子女", "父母", "其他")
PAYMENT_FREQUENCIES = ("年交", "半年交", "季交", "月交", "趸交")
CONTACT_FIELDS = ("mobile", "address")
RETURN_VISIT_ANSWERS = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Customer:
    """A person who holds or is insured by a policy (投保人 / 被保险人)."""

    id: str
    name: str
    id_number: str
    mobile: str
    address: str

    @property
    def masked_mobile(self) -> str:
        """``"138****8000"``: enough for the customer to recognise, safe to show."""
        return f"{self.mobile[:3]}****{self.mobile[-4:]}"

    @property
    def masked_id_number(self) -> str:
        """``"3101**********123X"``."""
        return f"{self.id_number[:4]}{'*' * (len(self.id_number) - 8)}{self.id_number[-4:]}"


@dataclass(frozen=True)
class Agent:
    """An agent (代理人) who sold a policy or serves it (服务人员)."""

    code: str
    name: str
    mobile: str
    status: str
    branch: str

    @property
    def is_active(self) -> bool:
        """``False`` once the agent has left: a policy served by them is an orphan (孤儿单)."""
        return self.status == "active"


@dataclass(frozen=True)
class Policy:
    """One policy (保单) as the core system holds it.

    Attributes:
        policy_number: ``MB`` + 10 digits.
        product_code: The knowledge-base code of the product, e.g. ``KN-CI-2024``.
        holder_id: The customer who holds the policy (投保人).
        insured_id: The customer it insures (被保险人).
        relation: The insured's relation to the holder: 本人, 配偶, 子女, 父母 or 其他.
        agent_code: The agent who sold it.
        service_agent_code: The agent who serves it now (服务人员).
        sum_insured: Basic sum insured in yuan.
        annual_premium: Premium per year in yuan.
        payment_frequency: 年交, 半年交, 季交, 月交 or 趸交.
        payment_years: Years of premium payment (20 for 20年交; 1 for 趸交).
        bank: The bank premiums are collected from.
        card_last4: Last four digits of that card.
        issued: Date of issue (承保).
        received: Date the holder signed for the policy (签收); the cooling-off period counts from it.
        effective: Date cover starts (生效); the waiting period counts from it.
        paid_to: The date premiums are paid up to, i.e. the next due date; ``None`` when no
            premium is due any more (趸交 or 交清).
        status: ``in_force``, ``lapsed`` (效力中止), ``surrendered`` or ``terminated``.
        beneficiary: The death beneficiary as the policy states it, e.g. ``法定``.
        reinstated: Date of the last reinstatement (复效), if any.
        expires: Last day of cover; ``None`` for whole-life cover.
    """

    policy_number: str
    product_code: str
    holder_id: str
    insured_id: str
    relation: str
    agent_code: str
    service_agent_code: str
    sum_insured: int
    annual_premium: Decimal
    payment_frequency: str
    payment_years: int
    bank: str
    card_last4: str
    issued: dt.date
    received: dt.date
    effective: dt.date
    paid_to: dt.date | None
    status: str
    beneficiary: str
    reinstated: dt.date | None = None
    expires: dt.date | None = None

    @property
    def payment_label(self) -> str:
        """``"年交，交费期20年"`` or ``"趸交"``."""
        if self.payment_frequency == "趸交":
            return "趸交"
        return f"{self.payment_frequency}，交费期{self.payment_years}年"

    @property
    def payment_account(self) -> str:
        """``"招商银行（尾号1234）"``."""
        return f"{self.bank}（尾号{self.card_last4}）"


@dataclass(frozen=True)
class Claim:
    """A reported claim (报案) and where it stands.

    Attributes:
        case_number: ``CL`` + report date (Beijing time, YYYYMMDD) + 4-digit sequence.
        reported_at: When it was reported, naive UTC.
        status: ``reported``, ``reviewing``, ``paid`` or ``declined``.
    """

    case_number: str
    policy_number: str
    insured_id: str
    event: str
    event_date: dt.date
    diagnosis: str
    hospital: str
    reported_at: dt.datetime
    status: str
    note: str = ""
    conversation_id: str | None = None
    submission_key: str | None = None


def submission_key(*parts: object) -> str:
    """The key of one form submission: the same conversation submitting the same details again
    (a retry after a lost reply) gets the same key, so the write happens once."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:40]


@dataclass(frozen=True)
class ContactChange:
    """The audit record of one change of a holder's mobile or address."""

    policy_number: str
    customer_id: str
    field: str
    old_value: str
    new_value: str
    changed_at: dt.datetime
    conversation_id: str
    submission_key: str | None = None


@dataclass(frozen=True)
class ReturnVisitAnswer:
    """One answer in a return visit (回访); ``flagged`` answers need a person to follow up."""

    policy_number: str
    item_key: str
    answer: str
    flagged: bool
    conversation_id: str
    answered_at: dt.datetime


@dataclass(frozen=True)
class ServiceAssignment:
    """A policy handed from one service agent to another."""

    policy_number: str
    old_agent_code: str
    new_agent_code: str
    assigned_at: dt.datetime
    reason: str


@dataclass(frozen=True)
class Verification:
    """The outcome of an identity check; it never says which part did not match.

    Attributes:
        policy_number: The policy the customer named.
        matched: Whether the proof matched the policy's holder.
        customer: The holder, only when ``matched``.
        locked_until: When checks on this policy or from this client are refused until (naive
            UTC); the proof was not even compared.
        failures: Failed checks in this conversation since its last match, this one included.
        known: Whether a policy has this number (said plainly when not: issue 10); a number no
            policy has is never locked itself, the conversation's and the client's limits apply.
    """

    policy_number: str
    matched: bool
    customer: Customer | None = None
    locked_until: dt.datetime | None = None
    failures: int = 0
    known: bool = True


@dataclass(frozen=True)
class RecordSet:
    """Records to add together, e.g. the demo data."""

    customers: tuple[Customer, ...] = ()
    agents: tuple[Agent, ...] = ()
    policies: tuple[Policy, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class AddedRecords:
    """How many records of each kind an add stored (those already present are skipped)."""

    customers: int = 0
    agents: int = 0
    policies: int = 0
    claims: int = 0

    @property
    def total(self) -> int:
        """Every record added."""
        return self.customers + self.agents + self.policies + self.claims
