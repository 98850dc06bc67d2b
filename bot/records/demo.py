"""Demo policy records from YAML (``data/records/``), with dates relative to the day they load.

Each file holds one list under its own key: ``agents.yml`` → ``agents:``, ``customers.yml`` →
``customers:``, ``policies.yml`` → ``policies:``, ``claims.yml`` → ``claims:``. Fields carry the
names of :mod:`bot.records.model`'s dataclasses. A date is ``YYYY-MM-DD`` or relative to the load
day: ``today``, ``today-40``, ``today+10``, so the demo policies stay in their telling states
(inside the cooling-off period, in grace, lapsed …) whatever day the demo runs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bot.records.errors import RecordsDataError
from bot.records.identity import POLICY_NUMBER, id_number_fault, normalize_mobile
from bot.records.interface import PolicyRecords
from bot.records.model import (
    AGENT_STATUSES,
    CLAIM_STATUSES,
    PAYMENT_FREQUENCIES,
    POLICY_STATUSES,
    RELATIONS,
    AddedRecords,
    Agent,
    Claim,
    Customer,
    Policy,
    RecordSet,
)
from bot.records.recordfile import RecordReader, read_records

CASE_NUMBER = re.compile(r"CL\d{12}")
# Demo reports are dated at 09:00 Beijing time.
REPORT_TIME_UTC = dt.time(1, 0)


def load_demo_records(
    records: PolicyRecords,
    directory: Path,
    today: dt.date,
    *,
    known_products: Collection[str] | None = None,
) -> AddedRecords:
    """Validate the demo records in ``directory`` and add those not stored yet.

    Loading twice adds nothing, and a stored record (a mobile the customer changed, a claim
    that moved on) is never overwritten.

    Args:
        records: Where to add them.
        directory: The folder holding ``agents.yml``, ``customers.yml``, ``policies.yml`` and
            ``claims.yml``.
        today: The day relative dates (``today-40``) count from.
        known_products: Product codes in the knowledge base; when given, a policy of any other
            product is refused.

    Raises:
        RecordsDataError: a file is missing or breaks the format; nothing is added.
    """
    return records.add_missing(read_demo_records(directory, today, known_products=known_products))


def read_demo_records(
    directory: Path, today: dt.date, *, known_products: Collection[str] | None = None
) -> RecordSet:
    """The validated records in ``directory``, dates resolved against ``today``.

    Raises:
        RecordsDataError: a file is missing or breaks the format.
    """
    agents = {
        a.code: a
        for a in read_records(directory / "agents.yml", "agents", Agent, "code", today, _agent)
    }
    customers = {
        c.id: c
        for c in read_records(
            directory / "customers.yml", "customers", Customer, "id", today, _customer
        )
    }
    policies = {
        p.policy_number: p
        for p in read_records(
            directory / "policies.yml", "policies", Policy, "policy_number", today, _policy
        )
    }
    for policy in policies.values():
        _check_policy_links(directory / "policies.yml", policy, agents, customers, known_products)
    claims: list[Claim] = []
    for claim in read_records(
        directory / "claims.yml", "claims", Claim, "case_number", today, _claim
    ):
        claimed = policies.get(claim.policy_number)
        if claimed is None:
            raise RecordsDataError(
                str(directory / "claims.yml"),
                f"claim {claim.case_number}",
                f"policy_number {claim.policy_number!r} is not in policies.yml",
            )
        if claim.insured_id not in ("", claimed.insured_id):
            raise RecordsDataError(
                str(directory / "claims.yml"),
                f"claim {claim.case_number}",
                f"insured_id {claim.insured_id!r} is not the insured of {claimed.policy_number} "
                f"({claimed.insured_id}); leave insured_id out to take the policy's",
            )
        claims.append(dataclasses.replace(claim, insured_id=claimed.insured_id))
    return RecordSet(
        customers=tuple(customers.values()),
        agents=tuple(agents.values()),
        policies=tuple(policies.values()),
        claims=tuple(claims),
    )


def _customer(r: RecordReader) -> Customer:
    id_number = r.text("id_number").upper()
    fault = id_number_fault(id_number)
    if fault is not None:
        raise r.fail(f"id_number {id_number!r} {fault}")
    return Customer(r.text("id"), r.text("name"), id_number, _mobile(r), r.text("address"))


def _agent(r: RecordReader) -> Agent:
    status = r.choice("status", AGENT_STATUSES)
    return Agent(r.text("code"), r.text("name"), _mobile(r), status, r.text("branch"))


def _mobile(r: RecordReader) -> str:
    mobile = normalize_mobile(r.text("mobile"))
    if mobile is None:
        raise r.fail(f"mobile {r.text('mobile')!r} is not 11 digits starting 13-19")
    return mobile


def _policy(r: RecordReader) -> Policy:
    frequency = r.choice("payment_frequency", PAYMENT_FREQUENCIES)
    premium = _money(r, "annual_premium")
    issued = r.required_date("issued")
    received, effective = r.required_date("received"), r.required_date("effective")
    if received < issued or effective < issued:
        raise r.fail("received and effective must not be before issued (承保)")
    status = r.choice("status", POLICY_STATUSES)
    paid_to = r.date("paid_to", optional=True)
    if status == "lapsed" and paid_to is None:
        raise r.fail("a lapsed policy needs paid_to, the due date that was missed")
    agent = r.text("agent_code")
    return Policy(
        policy_number=r.matching("policy_number", POLICY_NUMBER, "MB followed by 10 digits"),
        product_code=r.text("product_code"),
        holder_id=r.text("holder_id"),
        insured_id=r.text("insured_id"),
        relation=r.choice("relation", RELATIONS),
        agent_code=agent,
        service_agent_code=r.text("service_agent_code", agent),
        sum_insured=r.whole("sum_insured"),
        annual_premium=premium,
        payment_frequency=frequency,
        payment_years=r.whole("payment_years", 1 if frequency == "趸交" else None),
        bank=r.text("bank"),
        card_last4=r.matching("card_last4", re.compile(r"\d{4}"), "4 digits"),
        issued=issued,
        received=received,
        effective=effective,
        paid_to=paid_to,
        status=status,
        beneficiary=r.text("beneficiary", "法定"),
        reinstated=r.date("reinstated", optional=True),
        expires=r.date("expires", optional=True),
    )


def _money(r: RecordReader, name: str) -> Decimal:
    raw = r.value(name)
    try:
        amount = Decimal(str(raw))
    except InvalidOperation:
        amount = Decimal(-1)
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise r.fail(f"{name} {raw!r} is not an amount in yuan above 0 with at most 2 decimals")
    return amount


def _claim(r: RecordReader) -> Claim:
    reported = r.required_date("reported_at")
    event_date = r.required_date("event_date")
    if event_date > reported:
        raise r.fail("event_date is after reported_at; a claim is reported after the event")
    return Claim(
        case_number=r.matching("case_number", CASE_NUMBER, "CL followed by 12 digits"),
        policy_number=r.text("policy_number"),
        insured_id=r.text("insured_id", ""),
        event=r.text("event"),
        event_date=event_date,
        diagnosis=r.text("diagnosis", ""),
        hospital=r.text("hospital", ""),
        reported_at=dt.datetime.combine(reported, REPORT_TIME_UTC),
        status=r.choice("status", CLAIM_STATUSES),
        note=r.text("note", ""),
    )


def _check_policy_links(
    path: Path,
    policy: Policy,
    agents: dict[str, Agent],
    customers: dict[str, Customer],
    known_products: Collection[str] | None,
) -> None:
    def fail(fault: str) -> RecordsDataError:
        return RecordsDataError(str(path), f"policy {policy.policy_number}", fault)

    for name in ("holder_id", "insured_id"):
        if getattr(policy, name) not in customers:
            raise fail(f"{name} {getattr(policy, name)!r} is not in customers.yml")
    for name in ("agent_code", "service_agent_code"):
        if getattr(policy, name) not in agents:
            raise fail(f"{name} {getattr(policy, name)!r} is not in agents.yml")
    if (policy.relation == "本人") != (policy.holder_id == policy.insured_id):
        raise fail("relation 本人 means the holder is the insured, and only then")
    if known_products is not None and policy.product_code not in known_products:
        raise fail(
            f"product_code {policy.product_code!r} is not in the knowledge base "
            f"({', '.join(sorted(known_products))}); ingest its clause document first"
        )
