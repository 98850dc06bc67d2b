"""Demo records: dates follow the load day, loading twice adds nothing, bad files are named."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.knowledge.facts import ProductKnowledge
from bot.records.demo import load_demo_records, read_demo_records
from bot.records.errors import RecordsDataError
from bot.records.model import AddedRecords
from bot.records.store import SqlPolicyRecords
from tests.records.conftest import DEMO_DIR, DEMO_TODAY


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A copy of data/records/ that a test may break."""
    return Path(shutil.copytree(DEMO_DIR, tmp_path / "records"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}; the test needs updating"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_demo_loads_whole_and_a_second_load_adds_nothing(records: SqlPolicyRecords) -> None:
    first = load_demo_records(records, DEMO_DIR, DEMO_TODAY)
    assert first == AddedRecords(customers=21, agents=8, policies=20, claims=4)
    assert load_demo_records(records, DEMO_DIR, DEMO_TODAY).total == 0
    # a later day resolves the dates differently but adds nothing either
    assert load_demo_records(records, DEMO_DIR, DEMO_TODAY + dt.timedelta(days=30)).total == 0


def test_relative_dates_resolve_against_the_load_day(demo: SqlPolicyRecords) -> None:
    policy = demo.policy("MB2024000001")
    assert policy is not None
    assert policy.received == dt.date(2026, 3, 5)
    assert policy.effective == dt.date(2026, 3, 2)
    [claim] = demo.claims("MB2024000012")
    assert claim.status == "reviewing"
    assert claim.event_date == dt.date(2026, 2, 18)
    assert claim.reported_at == dt.datetime(2026, 2, 26, 1, 0)
    assert claim.insured_id == "C0013"


def test_reloading_never_overwrites_what_a_customer_changed(demo: SqlPolicyRecords) -> None:
    demo.change_contact("MB2024000001", "mobile", "13700001111", "conv-1")
    new_agent = demo.assign_service_person("MB2024000010", "原服务人员离职")
    load_demo_records(demo, DEMO_DIR, DEMO_TODAY)
    holder = demo.customer("C0001")
    assert holder is not None and holder.mobile == "13700001111"
    policy = demo.policy("MB2024000010")
    assert policy is not None and policy.service_agent_code == new_agent.code


def test_every_demo_policy_is_of_an_ingested_product(products: dict[str, ProductKnowledge]) -> None:
    found = read_demo_records(DEMO_DIR, DEMO_TODAY, known_products=set(products))
    assert {p.product_code for p in found.policies} == set(products)


def test_a_policy_of_a_product_not_in_the_knowledge_base_is_refused() -> None:
    with pytest.raises(
        RecordsDataError, match=r"policies\.yml: policy MB2024000008: .*JK-MED-2024"
    ):
        read_demo_records(DEMO_DIR, DEMO_TODAY, known_products={"KN-CI-2024", "AX-CI-2023"})


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "policies.yml",
            "    effective: today-8\n",
            "    effective: today-8d\n",
            r"policies\.yml: policy MB2024000001: effective 'today-8d' is not a date; write",
        ),
        (
            "policies.yml",
            "    holder_id: C0001\n",
            "    holder: C0001\n",
            r"policies\.yml: policy MB2024000001: unknown field\(s\) holder;",
        ),
        (
            "policies.yml",
            "    holder_id: C0001\n",
            "    holder_id: C0999\n",
            r"policies\.yml: policy MB2024000001: holder_id 'C0999' is not in customers\.yml",
        ),
        (
            "policies.yml",
            "    status: lapsed\n",
            "    status: 中止\n",
            r"policies\.yml: policy MB2024000007: status '中止' is not one of: in_force",
        ),
        (
            "policies.yml",
            "    received: today-5\n",
            "    received: today-10\n",
            r"policies\.yml: policy MB2024000001: received and effective must not be before issued",
        ),
        (
            "customers.yml",
            '"310101198504120315"',
            '"310101198504120316"',
            r"customers\.yml: customer C0001: id_number .* check character",
        ),
        (
            "agents.yml",
            '    mobile: "13916001001"\n',
            '    mobile: "1391600100"\n',
            r"agents\.yml: agent A1001: mobile '1391600100' is not 11 digits",
        ),
        (
            "claims.yml",
            "    policy_number: MB2024000012\n",
            "    policy_number: MB2024000099\n",
            r"claims\.yml: claim CL202609140003: policy_number 'MB2024000099' is not in",
        ),
        (
            "claims.yml",
            "    event_date: today-20\n",
            "    event_date: today+1\n",
            r"claims\.yml: claim CL202609140003: event_date is after reported_at",
        ),
        (
            "policies.yml",
            "  - policy_number: MB2024000002\n",
            "  - policy_number: MB2024000001\n",
            r"policies\.yml: policy MB2024000001: policy_number 'MB2024000001' appears twice",
        ),
    ],
)
def test_a_bad_record_is_named_with_its_file_and_fault(
    records: SqlPolicyRecords, demo_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    edit(demo_copy / file, old, new)
    with pytest.raises(RecordsDataError, match=message):
        load_demo_records(records, demo_copy, DEMO_TODAY)
    assert records.customer("C0001") is None  # nothing was added


def test_broken_yaml_is_named_with_its_file_and_line(
    records: SqlPolicyRecords, demo_copy: Path
) -> None:
    edit(demo_copy / "claims.yml", "    status: reviewing\n", "    status: [reviewing\n")
    with pytest.raises(
        RecordsDataError, match=r"claims\.yml: line \d+, column \d+: is not valid YAML"
    ):
        load_demo_records(records, demo_copy, DEMO_TODAY)


def test_a_missing_file_is_named(records: SqlPolicyRecords, demo_copy: Path) -> None:
    (demo_copy / "agents.yml").unlink()
    with pytest.raises(RecordsDataError, match=r"agents\.yml: file is missing; create it"):
        load_demo_records(records, demo_copy, DEMO_TODAY)


def test_a_file_without_its_list_is_named(records: SqlPolicyRecords, demo_copy: Path) -> None:
    (demo_copy / "customers.yml").write_text("people: []\n", encoding="utf-8")
    with pytest.raises(
        RecordsDataError, match=r"customers\.yml: must hold a list under the key 'customers:'"
    ):
        load_demo_records(records, demo_copy, DEMO_TODAY)
