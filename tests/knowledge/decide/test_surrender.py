"""Surrender refunds from the wording's own formula, with the customer's premium and days."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import MEDICAL, product, story

SHORT_TERM = """---
code: T-ACC-1
name: 测试平安行意外伤害保险
insurer: 测试财产保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试平安行意外伤害保险条款

## 1 合同
### 1.1 冷静期
自您签收本合同次日起十五日为冷静期。冷静期内您解除合同的，我们无息退还您已交的全部保险费。但本合同已经给付过保险金的，不再适用全额退还保险费的约定。

## 2 保险责任
### 2.1 意外身故保险金
被保险人因意外伤害身故的，我们按基本保险金额给付意外身故保险金，本合同终止。
### 2.2 意外医疗保险金
被保险人因意外伤害就医的，我们按约定给付意外医疗保险金。

## 5 解除合同
### 5.1 您解除合同
冷静期后您可以申请解除本合同，我们自收到申请之日起三十日内退还本合同的现金价值。
### 5.2 现金价值
本合同的现金价值按下列方式计算：
（1）一次交清的：现金价值 = 已交保险费 ×（1 − 百分之三十）×（1 − 保险期间已经过天数 ÷ 保险期间天数）。
（2）按月交纳的：现金价值 = 当期已交保险费 ×（1 − 百分之十）×（1 − 当期已经过天数 ÷ 当期天数）。
（3）本合同已给付意外身故保险金的，现金价值为零；仅给付过意外医疗保险金的，不影响现金价值的计算。
"""


@pytest.fixture(scope="module")
def short_term() -> ProductKnowledge:
    return product(SHORT_TERM)


def test_the_formula_for_paying_once_is_applied_to_the_premium_and_days(
    short_term: ProductKnowledge,
) -> None:
    verdict = decide(
        short_term,
        story("一次交清保费1000元，保险期间365天，过了73天，退保能退多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "surrender"
    assert verdict.answer.startswith("可退约560元")
    assert verdict.sum == "1000元 × (1 − 30%) × (1 − 73 ÷ 365) = 560元"
    assert "5.2" in verdict.articles and "5.1" in verdict.articles  # the formula, the 30 days


def test_monthly_payment_uses_its_own_formula_for_the_installment(
    short_term: ProductKnowledge,
) -> None:
    verdict = decide(
        short_term, story("按月交，每月50元，本月30天过了12天，退保能退多少"), default_thesaurus()
    )
    assert verdict is not None
    assert verdict.sum == "50元 × (1 − 10%) × (1 − 12 ÷ 30) = 27元"


def test_a_payout_the_rule_names_makes_the_refund_nothing(short_term: ProductKnowledge) -> None:
    verdict = decide(
        short_term,
        story("家里人意外身故已经赔了，一次交清保费1000元，保险期间365天，过了73天，退保能退多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("退不到钱")


def test_a_payout_the_rule_spares_does_not_make_it_nothing(short_term: ProductKnowledge) -> None:
    verdict = decide(
        short_term,
        story("看门诊已经赔了500，一次交清保费1000元，保险期间365天，过了73天，退保能退多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("可退约560元")
    assert any("意外医疗保险金" in r.text and "不影响" in r.text for r in verdict.reasons)


def test_no_payout_is_told_as_a_condition_and_never_read_from_a_denial(
    short_term: ProductKnowledge,
) -> None:
    verdict = decide(
        short_term,
        story("一次没理赔过，一次交清保费1000元，保险期间365天，过了73天，退保能退多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("可退约560元")


def test_within_the_cooling_off_period_the_cooling_off_rule_answers(
    short_term: ProductKnowledge,
) -> None:
    verdict = decide(
        short_term,
        story("一次交清保费1000元，保险期间365天，过了10天，想退保能退多少"),
        default_thesaurus(),
    )
    assert verdict is None or verdict.kind != "surrender"


def test_a_claim_in_the_cooling_off_period_refunds_the_cash_value_which_may_be_nothing(
    short_term: ProductKnowledge,
) -> None:
    spared = decide(
        short_term, story("签收后第5天看门诊已经赔过了，第8天想退，能全额退吗"), default_thesaurus()
    )
    assert spared is not None and spared.answer.startswith("不能全额退")
    assert "现金价值" in spared.answer and "退不到钱" not in spared.answer


def test_past_the_cooling_off_period_without_numbers_the_formula_is_cited(
    short_term: ProductKnowledge,
) -> None:
    verdict = decide(short_term, story("冷静期过了退保，钱多久到账"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert any("1 − 30%" in r.text for r in verdict.reasons)
    assert any("三十日内" in r.text or "30日内" in r.text for r in verdict.reasons)


def test_an_unknown_period_length_gives_the_formula_with_the_premium_not_a_guess(
    short_term: ProductKnowledge,
) -> None:
    verdict = decide(
        short_term,
        story("一次交清保费1000元，冷静期早过了，已经过了100天，退保能退多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.sum is None
    assert "1000元 × (1 − 30%) × (1 − 已经过天数 ÷ 当期天数)" in verdict.answer


def test_a_cooling_off_refund_less_the_fee_the_wording_keeps(short_term: ProductKnowledge) -> None:
    with_fee = product(
        SHORT_TERM.replace(
            "我们无息退还您已交的全部保险费。", "我们扣除工本费10元后退还您已交的保险费。"
        )
    )
    verdict = decide(
        with_fee, story("保费1000元，签收后第5天想退保，能退多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith(
        "可以退，但要扣除工本费10元：1000元 − 10元 = 990元"
    )
    full = decide(short_term, story("保费1000元，签收后第5天想退保，能退多少"), default_thesaurus())
    assert full is not None and full.answer.startswith("可以全额退，退还已交的1000元保险费")


def test_a_claim_refused_in_the_waiting_period_gets_the_wordings_refund_when_asked() -> None:
    wording = MEDICAL.replace(
        "## 2 保险责任\n",
        "## 2 保险责任\n### 2.0 等待期\n自本合同生效之日起三十日为等待期。等待期内确诊的疾病，我们不承担"
        "保险责任；未给付过保险金的，您可以解除本合同，我们无息退还已交的全部保险费。\n",
    )
    verdict = decide(
        product(wording),
        story("3月1号生效，3月10号确诊肺结节，那我退保行不行，钱能退多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "waiting"
    assert "可以解除合同退保" in verdict.answer and "全部保险费" in verdict.answer


def test_a_years_premium_and_the_days_since_cover_began_give_the_refund(
    short_term: ProductKnowledge,
) -> None:
    verdict = decide(
        short_term, story("年交保费1000元，保单生效73天了，退保能退多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.sum == "1000元 × (1 − 30%) × (1 − 73 ÷ 365) = 560元"
    assert any("365天" in c for c in verdict.conditions)


def test_a_payout_this_period_leaves_nothing_to_refund_whatever_the_numbers() -> None:
    wording = product(
        MEDICAL
        + "\n## 6 退保\n### 6.1 理赔后退保\n本保险期间内已给付保险金的，未满期净保险费为零。\n"
    )
    this_year = decide(wording, story("今年4月报销过一次，现在想退保能退多少"), default_thesaurus())
    last_year = decide(wording, story("去年报销过一次，现在想退保能退多少"), default_thesaurus())
    assert this_year is not None and this_year.decision == "no"
    assert last_year is None or last_year.decision != "no"


def test_a_one_year_wording_counts_the_year_when_the_premium_was_paid_at_once() -> None:
    one_year = product(
        SHORT_TERM.replace("### 1.1 冷静期\n", "### 1.1 冷静期\n本合同保险期间为1年。")
    )
    verdict = decide(
        one_year,
        story("一次交了1000元保费，冷静期早过了，已经过了100天，退保能退多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.sum is not None and "365" in verdict.sum
