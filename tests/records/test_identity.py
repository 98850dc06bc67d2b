"""Identity: only the holder's ID digits or full mobile verify, and a failure never says why."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.records.identity import (
    POLICY_NUMBER,
    id_check_character,
    id_number_fault,
    mistyped_policy_number,
    normalize_mobile,
)
from bot.records.model import Agent, Customer, RecordSet, Verification
from bot.records.store import SqlPolicyRecords
from bot.settings import PROJECT_ROOT
from tests.records.conftest import make_policy

FAMILY_POLICY = "MB2024000003"  # held by 李娜 (ID ends 028X), insures her husband 王强


@pytest.mark.parametrize("proof", ["028X", "028x", "０２８ｘ", " 028 X "])
def test_last_four_of_the_holders_id_verify_whatever_the_case_of_x(
    demo: SqlPolicyRecords, proof: str
) -> None:
    verification = demo.verify_identity(FAMILY_POLICY, proof)
    assert verification.matched
    assert verification.customer is not None and verification.customer.name == "李娜"


@pytest.mark.parametrize("proof", ["13918452260", "139 1845 2260", "+86 139-1845-2260"])
def test_the_holders_full_mobile_verifies(demo: SqlPolicyRecords, proof: str) -> None:
    verification = demo.verify_identity(FAMILY_POLICY, proof)
    assert verification.matched
    assert verification.customer is not None and verification.customer.id == "C0003"


@pytest.mark.parametrize(
    "proof",
    [
        "0281",  # another customer's ID ending
        "2260",  # last 4 of the mobile are not last 4 of the ID
        "13918452261",  # the insured's mobile, not the holder's
        "1391845226",  # a digit short
        "310104198602140",  # part of the ID number
        "不知道呢",
        "",
    ],
)
def test_a_wrong_proof_does_not_verify(demo: SqlPolicyRecords, proof: str) -> None:
    assert demo.verify_identity(FAMILY_POLICY, proof) == Verification(
        FAMILY_POLICY, False, failures=1
    )


def test_an_unknown_policy_is_said_to_be_unknown_and_still_counts_as_a_failure(
    demo: SqlPolicyRecords,
) -> None:
    # issue 10: a number not found is said so plainly; it still counts toward the conversation's
    # and the client's limits, so numbers cannot be tried without end
    unknown = demo.verify_identity("MB2099999999", "028X", conversation_id="a")
    wrong = demo.verify_identity(FAMILY_POLICY, "9999", conversation_id="b")
    assert unknown == Verification("MB2099999999", False, None, failures=1, known=False)
    assert wrong == Verification(FAMILY_POLICY, False, None, failures=1)


def test_a_number_no_policy_has_is_never_locked_itself(demo: SqlPolicyRecords) -> None:
    for n in range(6):
        demo.verify_identity("MB2099999999", "028X", conversation_id=f"c{n}")
    again = demo.verify_identity("MB2099999999", "028X", conversation_id="d")
    assert again.locked_until is None and not again.known


@pytest.mark.parametrize(
    ("typed", "mobile"),
    [
        ("13817265031", "13817265031"),
        ("138-1726-5031", "13817265031"),
        ("８６１３８１７２６５０３１", "13817265031"),
        ("12817265031", None),
        ("1381726503", None),
        ("138172650311", None),
    ],
)
def test_mobiles_are_read_as_customers_type_them(typed: str, mobile: str | None) -> None:
    assert normalize_mobile(typed) == mobile


def test_an_id_number_with_a_wrong_check_character_is_named() -> None:
    assert id_check_character("31010419860214028") == "X"
    assert id_number_fault("31010419860214028X") is None
    fault = id_number_fault("310101198504120316")
    assert fault is not None and "'5'" in fault
    assert id_number_fault("31010119850412031") is not None


def test_a_lower_case_x_stored_by_a_core_system_still_matches(records: SqlPolicyRecords) -> None:
    holder = Customer("C1", "李娜", "31010419860214028x", "13918452260", "上海市")
    records.add_missing(
        RecordSet(
            customers=(holder,),
            agents=(Agent("B1", "刘洋", "13916001001", "active", "上海分公司"),),
            policies=(make_policy(),),
        )
    )
    assert records.verify_identity("MB0000000001", "028X").matched


@pytest.mark.parametrize(
    "text", ["MB2024000002", "mb2024000002", "保单号MB2024000002。", "MB202400000", "MB12345"]
)
def test_rasa_finds_the_policy_numbers_the_records_accept(text: str) -> None:
    nlu = yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / "regex.yml").read_text(encoding="utf-8"))
    rasa_pattern = next(r for r in nlu["nlu"] if r.get("regex") == "policy_number")
    found = re.search(rasa_pattern["examples"].strip().removeprefix("- "), text)
    ours = POLICY_NUMBER.search(text.upper())
    assert (found.group().upper() if found else None) == (ours.group() if ours else None)


def test_a_policy_number_in_the_wrong_form_is_found_and_a_right_one_is_not() -> None:
    assert mistyped_policy_number("查下保单 MB202400171 尾号5678") == "MB202400171"
    assert mistyped_policy_number("我的保单号是P20230011") == "P20230011"
    assert mistyped_policy_number("保单号：ＭＢ２０２４０００００３") is None
    assert mistyped_policy_number("手机13912345678 身份证110101199003070011") is None
    assert mistyped_policy_number("保单2022年买的 保额30万") is None
