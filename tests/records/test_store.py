"""The SQL records: reads, claims, contact changes with their audit, return visits, reassignment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from bot.records import store
from bot.records.errors import InvalidContactError, NoActiveAgentError, UnknownPolicyError
from bot.records.model import Agent, Customer, RecordSet
from bot.records.store import SqlPolicyRecords
from bot.records.tables import claims, contact_changes, service_assignments
from tests.records.conftest import DEMO_TODAY, Clock, make_policy


def count(records: SqlPolicyRecords, table: Table) -> int:
    with records.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_a_family_policy_reads_back_with_holder_insured_and_money(demo: SqlPolicyRecords) -> None:
    policy = demo.policy("MB2024000003")
    assert policy is not None
    assert (policy.holder_id, policy.insured_id, policy.relation) == ("C0003", "C0004", "配偶")
    assert policy.annual_premium == Decimal("11250.00")
    assert policy.payment_label == "年交，交费期20年"
    assert policy.payment_account == "中国建设银行（尾号3306）"
    assert policy.received == DEMO_TODAY - dt.timedelta(days=398)
    assert [p.policy_number for p in demo.policies_of("C0003")] == ["MB2024000003", "MB2024000004"]
    assert demo.policies_of("C0004") == []  # insured, not holder
    assert demo.policy("MB2099999999") is None


def test_customers_and_agents_read_back(demo: SqlPolicyRecords) -> None:
    customer = demo.customer("C0003")
    assert customer is not None
    assert customer.masked_mobile == "139****2260"
    assert customer.masked_id_number == "3101**********028X"
    left = demo.agent("A1003")
    assert left is not None and not left.is_active
    assert demo.customer("C9999") is None and demo.agent("Z0000") is None


def test_a_reported_claim_reads_back_with_a_case_number_of_the_day(
    demo: SqlPolicyRecords,
) -> None:
    claim = demo.report_claim(
        "MB2024000001",
        event="确诊疾病",
        event_date=DEMO_TODAY - dt.timedelta(days=1),
        diagnosis=" 急性心肌梗塞 ",
        hospital="复旦大学附属中山医院",
        conversation_id="conv-1",
    )
    assert claim.case_number == "CL202603100001"
    assert claim.status == "reported"
    assert claim.insured_id == "C0001"
    assert claim.diagnosis == "急性心肌梗塞"
    assert claim.reported_at == dt.datetime(2026, 3, 10, 2, 30)
    assert demo.claims("MB2024000001") == [claim]


def test_case_numbers_are_unique_and_restart_each_beijing_day(
    demo: SqlPolicyRecords, clock: Clock
) -> None:
    def report() -> str:
        return demo.report_claim(
            "MB2024000012", event="住院", event_date=dt.date(2026, 3, 1)
        ).case_number

    assert [report(), report()] == ["CL202603100001", "CL202603100002"]
    clock.now = dt.datetime(2026, 3, 10, 16, 30, tzinfo=dt.timezone.utc)  # 00:30 in Beijing
    assert report() == "CL202603110001"
    assert len(demo.claims("MB2024000012")) == 4  # the demo claim and three new ones


def test_a_case_number_taken_meanwhile_is_retried(
    demo: SqlPolicyRecords, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = demo.report_claim("MB2024000001", event="住院", event_date=dt.date(2026, 3, 9))
    real = store._next_sequence
    calls: list[str] = []

    def racing(conn: Connection, now: dt.datetime) -> int:
        # The first attempt loses a race: another report took the number.
        calls.append("attempt")
        return int(first.case_number[-4:]) if len(calls) == 1 else real(conn, now)

    monkeypatch.setattr(store, "_next_sequence", racing)
    second = demo.report_claim("MB2024000001", event="住院", event_date=dt.date(2026, 3, 9))
    assert len(calls) == 2
    assert second.case_number == "CL202603100002"


def test_a_claim_on_an_unknown_policy_or_a_future_date_is_refused(demo: SqlPolicyRecords) -> None:
    before = count(demo, claims)
    with pytest.raises(UnknownPolicyError, match="MB2099999999"):
        demo.report_claim("MB2099999999", event="住院", event_date=DEMO_TODAY)
    with pytest.raises(ValueError, match="future"):
        demo.report_claim("MB2024000001", event="住院", event_date=dt.date(2026, 3, 11))
    with pytest.raises(ValueError, match="event"):
        demo.report_claim("MB2024000001", event="  ", event_date=DEMO_TODAY)
    assert count(demo, claims) == before


def test_a_new_mobile_is_stored_with_its_audit_row(demo: SqlPolicyRecords) -> None:
    change = demo.change_contact("MB2024000003", "mobile", "139-1845-9999", "conv-7")
    holder = demo.customer("C0003")
    assert holder is not None and holder.mobile == "13918459999"
    assert (change.old_value, change.new_value) == ("13918452260", "13918459999")
    assert demo.contact_changes("MB2024000003") == [change]
    assert change.customer_id == "C0003" and change.conversation_id == "conv-7"
    assert change.changed_at == dt.datetime(2026, 3, 10, 2, 30)
    # the holder verifies with the new mobile on every policy they hold
    assert demo.verify_identity("MB2024000004", "13918459999").matched
    assert not demo.verify_identity("MB2024000004", "13918452260").matched


def test_a_new_address_is_stored_tidied(demo: SqlPolicyRecords) -> None:
    demo.change_contact("MB2024000001", "address", "  上海市静安区 南京西路1266号  ", "conv-8")
    holder = demo.customer("C0001")
    assert holder is not None and holder.address == "上海市静安区 南京西路1266号"
    assert [c.field for c in demo.contact_changes("MB2024000001")] == ["address"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("mobile", "1391845226", "format"),
        ("mobile", "23918452260", "format"),
        ("mobile", "13918452260", "unchanged"),
        ("address", "   ", "empty"),
        ("address", "路" * 201, "too_long"),
        ("beneficiary", "李娜", "unknown_field"),
    ],
)
def test_a_refused_contact_change_writes_nothing(
    demo: SqlPolicyRecords, field: str, value: str, reason: str
) -> None:
    before = demo.customer("C0003")
    with pytest.raises(InvalidContactError) as refused:
        demo.change_contact("MB2024000003", field, value, "conv-9")
    assert refused.value.reason == reason
    assert demo.customer("C0003") == before
    assert count(demo, contact_changes) == 0


def test_a_failed_audit_row_takes_the_new_mobile_back_with_it(demo: SqlPolicyRecords) -> None:
    with pytest.raises(Exception, match="NOT NULL"):
        demo.change_contact("MB2024000003", "mobile", "13918459999", None)  # type: ignore[arg-type]
    holder = demo.customer("C0003")
    assert holder is not None and holder.mobile == "13918452260"


def test_a_contact_change_on_an_unknown_policy_is_refused(demo: SqlPolicyRecords) -> None:
    with pytest.raises(UnknownPolicyError):
        demo.change_contact("MB2099999999", "mobile", "13918459999", "conv-9")


def test_return_visit_answers_are_stored_and_unexpected_ones_flagged(
    demo: SqlPolicyRecords,
) -> None:
    demo.record_return_visit_answer("MB2024000001", "signed_in_person", "yes", "conv-3")
    demo.record_return_visit_answer("MB2024000001", "knows_cooling_off", "unsure", "conv-3")
    demo.record_return_visit_answer(
        "MB2024000001", "promised_extra_return", "no", "conv-3", expected="no"
    )
    demo.record_return_visit_answer("MB2024000001", "read_exclusions", "no", "conv-3")
    answers = demo.return_visit_answers("MB2024000001")
    assert [(a.item_key, a.answer, a.flagged) for a in answers] == [
        ("signed_in_person", "yes", False),
        ("knows_cooling_off", "unsure", True),
        ("promised_extra_return", "no", False),
        ("read_exclusions", "no", True),
    ]
    assert {a.conversation_id for a in answers} == {"conv-3"}
    assert demo.return_visit_answers("MB2024000002") == []


def test_a_return_visit_answer_must_be_yes_no_or_unsure(demo: SqlPolicyRecords) -> None:
    with pytest.raises(ValueError, match="yes, no, unsure"):
        demo.record_return_visit_answer("MB2024000001", "signed_in_person", "是的", "conv-3")
    with pytest.raises(UnknownPolicyError):
        demo.record_return_visit_answer("MB2099999999", "signed_in_person", "yes", "conv-3")
    assert demo.return_visit_answers("MB2024000001") == []


def test_an_orphan_policy_goes_to_an_active_agent_of_its_branch(demo: SqlPolicyRecords) -> None:
    agent = demo.assign_service_person("MB2024000010", "原服务人员离职")
    assert agent.is_active and agent.branch == "上海分公司"
    policy = demo.policy("MB2024000010")
    assert policy is not None and policy.service_agent_code == agent.code
    assert policy.agent_code == "A1003"  # who sold it does not change
    [assignment] = demo.service_assignments("MB2024000010")
    assert (assignment.old_agent_code, assignment.new_agent_code) == ("A1003", agent.code)
    assert assignment.reason == "原服务人员离职"


def test_with_no_active_agent_in_the_branch_any_active_agent_takes_over(
    demo: SqlPolicyRecords,
) -> None:
    agent = demo.assign_service_person("MB2024000011", "原服务人员离职")
    assert agent.is_active and agent.branch != "深圳分公司"


def _people() -> RecordSet:
    customer = Customer("C1", "测试", "31010419860214028X", "13900000000", "上海市")
    agents = (
        Agent("B1", "甲", "13900000001", "active", "一支"),
        Agent("B2", "乙", "13900000002", "active", "一支"),
        Agent("B3", "丙", "13900000003", "left", "一支"),
        Agent("C1", "丁", "13900000004", "active", "二支"),
    )
    policies = (
        make_policy("MB0000000001", "B1"),
        make_policy("MB0000000002", "B1"),
        make_policy("MB0000000003", "B3"),
    )
    return RecordSet(customers=(customer,), agents=agents, policies=policies)


def test_the_least_loaded_agent_of_the_branch_is_chosen(records: SqlPolicyRecords) -> None:
    records.add_missing(_people())
    assert records.assign_service_person("MB0000000003", "离职").code == "B2"


def test_without_another_active_agent_the_policy_stays_where_it_is(
    records: SqlPolicyRecords,
) -> None:
    people = _people()
    records.add_missing(
        RecordSet(
            customers=people.customers,
            agents=tuple(a for a in people.agents if a.code == "B1"),
            policies=people.policies[:2],
        )
    )
    with pytest.raises(NoActiveAgentError, match="MB0000000001"):
        records.assign_service_person("MB0000000001", "客户要求更换")
    policy = records.policy("MB0000000001")
    assert policy is not None and policy.service_agent_code == "B1"
    assert count(records, service_assignments) == 0
