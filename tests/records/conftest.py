"""Policy records on a fresh SQLite database per test, a fixed clock, and the demo data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.db import make_engine, migrate
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.store import SqlKnowledgeRepository
from bot.records.demo import load_demo_records
from bot.records.model import Policy
from bot.records.store import SqlPolicyRecords
from bot.settings import PROJECT_ROOT

DEMO_DIR = PROJECT_ROOT / "data" / "records"
# The demo's relative dates resolve against this day, so every state below is known exactly.
DEMO_TODAY = dt.date(2026, 3, 10)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 3, 10, 2, 30, tzinfo=dt.timezone.utc))


@pytest.fixture
def records(tmp_path: Path, clock: Clock) -> Iterator[SqlPolicyRecords]:
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    migrate(engine)
    yield SqlPolicyRecords(engine, clock=clock)
    engine.dispose()


@pytest.fixture
def demo(records: SqlPolicyRecords) -> SqlPolicyRecords:
    load_demo_records(records, DEMO_DIR, DEMO_TODAY)
    return records


@pytest.fixture(scope="session")
def products(sample_repository: SqlKnowledgeRepository) -> dict[str, ProductKnowledge]:
    return {p.code: p for p in sample_repository.current()}


def make_policy(number: str = "MB0000000001", service_agent: str = "B1", **changes: Any) -> Policy:
    """A plain in-force KN-CI-2024 policy of customer C1, with ``changes`` applied."""
    policy = Policy(
        policy_number=number,
        product_code="KN-CI-2024",
        holder_id="C1",
        insured_id="C1",
        relation="本人",
        agent_code=service_agent,
        service_agent_code=service_agent,
        sum_insured=300000,
        annual_premium=Decimal("5000.00"),
        payment_frequency="年交",
        payment_years=20,
        bank="招商银行",
        card_last4="1234",
        issued=dt.date(2026, 2, 27),
        received=dt.date(2026, 3, 2),
        effective=dt.date(2026, 3, 1),
        paid_to=dt.date(2027, 3, 1),
        status="in_force",
        beneficiary="法定",
    )
    return dataclasses.replace(policy, **changes)
