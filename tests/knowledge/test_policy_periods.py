"""Period states of the demo policies, from the sample products' own wording (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.ingest import ingest_files, policy_files
from bot.knowledge.policy_periods import (
    cooling_off_state,
    policy_periods,
    premium_state,
    waiting_state,
)
from bot.records.demo import load_demo_records
from bot.records.model import Policy
from tests.conftest import POLICIES_DIR
from tests.fakes import FakePolicyRecords, InMemoryKnowledgeRepository
from tests.records.conftest import DEMO_DIR, DEMO_TODAY, make_policy

Products = dict[str, ProductKnowledge]


@pytest.fixture(scope="module")
def products() -> Products:
    repository = InMemoryKnowledgeRepository()
    ingest_files(repository, policy_files(POLICIES_DIR))
    return {p.code: p for p in repository.current()}


@pytest.fixture
def demo() -> FakePolicyRecords:
    records = FakePolicyRecords()
    load_demo_records(records, DEMO_DIR, DEMO_TODAY)
    return records


def policy(demo: FakePolicyRecords, number: str) -> Policy:
    found = demo.policy(number)
    assert found is not None
    return found


def test_the_sample_products_state_the_periods_these_tests_expect(products: Products) -> None:
    lengths = {
        code: {kind: p.label for kind, p in product.facts.periods.items()}
        for code, product in products.items()
    }
    assert lengths["KN-CI-2024"]["cooling_off"] == "15日"
    assert lengths["AX-CI-2023"]["cooling_off"] == "20日"
    assert lengths["JK-MED-2024"]["waiting"] == "30日"
    assert lengths["JK-MED-2024"]["reinstatement"] == "60日"
    assert lengths["KN-CI-2024"]["reinstatement"] == "2年"


def test_inside_the_cooling_off_period(demo: FakePolicyRecords, products: Products) -> None:
    state = cooling_off_state(
        policy(demo, "MB2024000001"), products["KN-CI-2024"].facts, DEMO_TODAY
    )
    assert state is not None
    assert (state.received, state.ends) == (dt.date(2026, 3, 5), dt.date(2026, 3, 20))
    assert state.active and state.days_left == 10
    assert state.articles == ("1.4",)
    assert state.describe() == (
        "您还在犹豫期内：您于2026年3月5日签收保单，犹豫期15日，至2026年3月20日届满，距届满还有10天。"
    )


def test_the_last_day_of_the_cooling_off_period_is_still_inside_it(products: Products) -> None:
    received_march_2 = make_policy()
    facts = products["KN-CI-2024"].facts
    last_day = cooling_off_state(received_march_2, facts, dt.date(2026, 3, 17))
    day_after = cooling_off_state(received_march_2, facts, dt.date(2026, 3, 18))
    assert last_day is not None and last_day.active and last_day.days_left == 0
    assert "今天是最后一天" in last_day.describe()
    assert day_after is not None and not day_after.active


def test_the_cooling_off_length_comes_from_the_product(
    demo: FakePolicyRecords, products: Products
) -> None:
    signed_18_days_ago = policy(demo, "MB2024000017")
    ax = cooling_off_state(signed_18_days_ago, products["AX-CI-2023"].facts, DEMO_TODAY)
    kn = cooling_off_state(signed_18_days_ago, products["KN-CI-2024"].facts, DEMO_TODAY)
    assert ax is not None and ax.active and ax.days_left == 2
    assert kn is not None and not kn.active and kn.days_left == 0
    assert (
        kn.describe()
        == "您的犹豫期已经过了：您于2026年2月20日签收保单，犹豫期15日，已于2026年3月7日届满。"
    )


def test_cooling_off_over_and_inside_the_waiting_period(
    demo: FakePolicyRecords, products: Products
) -> None:
    jk_policy = policy(demo, "MB2024000016")
    facts = products["JK-MED-2024"].facts
    cooling = cooling_off_state(jk_policy, facts, DEMO_TODAY)
    waiting = waiting_state(jk_policy, facts, DEMO_TODAY)
    assert cooling is not None and not cooling.active and cooling.ends == dt.date(2026, 3, 9)
    assert waiting is not None and waiting.active
    assert (waiting.ends, waiting.days_left, waiting.articles) == (
        dt.date(2026, 3, 30),
        20,
        ("2.4",),
    )


def test_a_waiting_period_that_is_over_says_when_it_ended(products: Products) -> None:
    state = waiting_state(make_policy(), products["KN-CI-2024"].facts, dt.date(2026, 6, 1))
    assert state is not None and not state.active
    assert (
        state.describe()
        == "您的等待期已经过了：您的保单于2026年3月1日生效，等待期90日，已于2026年5月30日届满。"
    )


def test_the_last_day_of_the_waiting_period_is_still_inside_it(products: Products) -> None:
    state = waiting_state(make_policy(), products["KN-CI-2024"].facts, dt.date(2026, 5, 30))
    assert state is not None and state.active and state.days_left == 0
    assert "今天是最后一天" in state.describe()


def test_a_reinstatement_restarts_the_waiting_period_where_the_wording_says_so(
    demo: FakePolicyRecords, products: Products
) -> None:
    kn = waiting_state(policy(demo, "MB2024000018"), products["KN-CI-2024"].facts, DEMO_TODAY)
    assert kn is not None and kn.restarted and kn.active
    assert (kn.starts, kn.ends, kn.articles) == (dt.date(2026, 2, 8), dt.date(2026, 5, 9), ("2.3",))
    assert "复效" in kn.describe() and "重新计算" in kn.describe()
    # JK-MED-2024 restarts it in its reinstatement article, 5.2
    reinstated = make_policy(
        product_code="JK-MED-2024", effective=dt.date(2025, 6, 1), reinstated=dt.date(2026, 3, 1)
    )
    jk = waiting_state(reinstated, products["JK-MED-2024"].facts, DEMO_TODAY)
    assert jk is not None and jk.ends == dt.date(2026, 3, 31) and jk.articles == ("2.4", "5.2")


@pytest.mark.parametrize(
    ("number", "product", "paid_to", "grace_ends", "days_left"),
    [
        ("MB2024000005", "KN-CI-2024", dt.date(2026, 2, 18), dt.date(2026, 4, 19), 40),
        ("MB2024000006", "AX-CI-2023", dt.date(2026, 1, 14), dt.date(2026, 3, 15), 5),
        ("MB2024000008", "JK-MED-2024", dt.date(2026, 2, 28), dt.date(2026, 3, 30), 20),
    ],
)
def test_inside_the_grace_period(
    demo: FakePolicyRecords,
    products: Products,
    number: str,
    product: str,
    paid_to: dt.date,
    grace_ends: dt.date,
    days_left: int,
) -> None:
    state = premium_state(policy(demo, number), products[product].facts, DEMO_TODAY)
    assert state is not None and state.status == "grace"
    assert (state.paid_to, state.grace_ends, state.days_left) == (paid_to, grace_ends, days_left)
    assert state.articles == ("4.2",)
    assert f"距届满还有{days_left}天" in state.describe()


def test_lapsed_within_the_reinstatement_window(
    demo: FakePolicyRecords, products: Products
) -> None:
    state = premium_state(policy(demo, "MB2024000007"), products["KN-CI-2024"].facts, DEMO_TODAY)
    assert state is not None and state.status == "lapsed"
    assert state.grace_ends == dt.date(2025, 12, 10)
    assert state.lapsed_on == dt.date(2025, 12, 11)
    assert state.reinstate_by == dt.date(2027, 12, 11)
    assert state.articles == ("4.2", "6.2")
    assert state.describe() == (
        "您的保险费应于2025年10月11日交纳，宽限期60日已于2025年12月10日届满，"
        "保单自2025年12月11日起效力中止；自效力中止之日起2年内可申请恢复合同效力，"
        "即至2027年12月11日止。"
    )


def test_a_short_reinstatement_window_comes_from_the_medical_wording(
    demo: FakePolicyRecords, products: Products
) -> None:
    jk = premium_state(policy(demo, "MB2024000009"), products["JK-MED-2024"].facts, DEMO_TODAY)
    assert jk is not None and jk.status == "lapsed"
    assert (jk.lapsed_on, jk.reinstate_by) == (dt.date(2026, 2, 19), dt.date(2026, 4, 20))
    later = premium_state(
        policy(demo, "MB2024000009"), products["JK-MED-2024"].facts, dt.date(2026, 4, 21)
    )
    assert later is not None and later.status == "reinstatement_closed"
    assert "该期限已于2026年4月20日届满" in later.describe()


def test_annual_payers_get_no_grace_where_the_wording_excludes_them(
    demo: FakePolicyRecords, products: Products
) -> None:
    annual = policy(demo, "MB2024000014")
    assert annual.payment_frequency == "年交"
    assert annual.paid_to is not None
    day_after = annual.paid_to + dt.timedelta(days=1)
    facts = products["JK-MED-2024"].facts
    state = premium_state(annual, facts, day_after)
    assert state is not None and state.status == "overdue" and state.articles == ()
    monthly = premium_state(dataclasses.replace(annual, payment_frequency="月交"), facts, day_after)
    assert monthly is not None and monthly.status == "grace"


def test_premium_paid_and_paid_up(demo: FakePolicyRecords, products: Products) -> None:
    facts = products["KN-CI-2024"].facts
    due_soon = premium_state(policy(demo, "MB2024000010"), facts, DEMO_TODAY)
    assert due_soon is not None and due_soon.status == "current"
    assert due_soon.describe() == "您的保险费已按时交纳，下次交费日为2026年3月15日。"
    single = make_policy(payment_frequency="趸交", paid_to=None)
    paid_up = premium_state(single, facts, DEMO_TODAY)
    assert paid_up is not None and paid_up.status == "paid_up"


def test_an_ended_contract_has_no_period_state(demo: FakePolicyRecords, products: Products) -> None:
    for number, product in (("MB2024000015", "KN-CI-2024"), ("MB2024000020", "AX-CI-2023")):
        periods = policy_periods(policy(demo, number), products[product].facts, DEMO_TODAY)
        assert (periods.cooling_off, periods.waiting, periods.premium) == (None, None, None)
        assert periods.describe() == "" and periods.articles == ()


def test_every_state_of_a_policy_in_one_answer(demo: FakePolicyRecords, products: Products) -> None:
    product = products["KN-CI-2024"]
    periods = policy_periods(policy(demo, "MB2024000005"), product.facts, DEMO_TODAY)
    assert periods.articles == ("1.4", "2.3", "4.2")
    assert periods.describe().count("。") == 3
    assert product.citation(*periods.articles) == (
        "依据《康宁终身重大疾病保险条款》（2024版）第1.4条、第2.3条、第4.2条"
    )


def test_a_product_without_such_periods_gives_no_state(products: Products) -> None:
    facts = dataclasses.replace(products["KN-CI-2024"].facts, periods={})
    assert cooling_off_state(make_policy(), facts, DEMO_TODAY) is None
    assert waiting_state(make_policy(), facts, DEMO_TODAY) is None
    overdue = premium_state(make_policy(paid_to=dt.date(2026, 3, 1)), facts, DEMO_TODAY)
    assert overdue is not None and overdue.status == "overdue"
