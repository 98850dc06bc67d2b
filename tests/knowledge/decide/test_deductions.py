"""Debts the wording takes off a payout: a policy loan with interest, premium unpaid in grace."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story

WITH_DEBTS = ILLNESS.replace(
    "## 9 释义",
    "## 8 欠款\n### 8.1 欠款扣除\n我们给付任何一项保险金时，如本合同尚有欠交的保险费或未还清的保单借款"
    "及利息，将先行扣除后再给付。\n\n## 9 释义",
)


def test_a_loan_still_owed_is_taken_off_the_payout() -> None:
    verdict = decide(
        product(WITH_DEBTS),
        story("保额30万，之前借了保单贷款，加利息还欠1.2万没还，现在确诊了重疾，能拿到多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.sum == "30万元 − 未还借款本息1.2万元 = 28.8万元"


def test_without_the_wordings_rule_or_a_debt_nothing_is_taken() -> None:
    plain = decide(
        product(ILLNESS),
        story("保额30万，加利息还欠1.2万没还，现在确诊了重疾，能拿到多少"),
        default_thesaurus(),
    )
    assert plain is None or "扣除欠款" not in plain.answer
    owed_nothing = decide(
        product(WITH_DEBTS), story("保额30万，现在确诊了重疾，能拿到多少"), default_thesaurus()
    )
    assert owed_nothing is None or "扣除欠款" not in owed_nothing.answer


ACCIDENT = """---
code: T-ACC-4
name: 测试平顺意外伤害保险
insurer: 测试财产保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试平顺意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保障项目 | 计划一 | 计划二 |
|---|---|---|
| 意外身故、意外伤残（基本保险金额） | 人民币十万元 | 人民币三十万元 |
### 2.2 意外身故保险金
被保险人因意外伤害身故的，我们按基本保险金额给付意外身故保险金。此前已给付过意外伤残保险金的，意外身故保险金为基本保险金额扣除已给付的意外伤残保险金后的余额。
### 2.3 意外伤残保险金
被保险人因意外伤害致残的，我们按伤残等级对应比例给付意外伤残保险金。
"""


def test_a_death_after_a_disability_payout_is_paid_the_rest_of_the_sum_insured() -> None:
    verdict = decide(
        product(ACCIDENT),
        story("买的计划二，车祸评了伤残已经赔了12万，后来因为这次车祸去世了，身故金还能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death"
    assert verdict.sum == "30万元 − 已赔意外伤残保险金12万元 = 18万元"


def test_a_death_in_the_grace_period_is_paid_less_the_premium_owed_once() -> None:
    death = decide(
        product(WITH_DEBTS),
        story("保额40万，年交5000，8月1号该交的保费没交，9月3号人走了，能拿多少"),
        default_thesaurus(),
    )
    assert death is not None and death.sum == "40万元 − 欠交保费5000元 = 39.5万元"
    assert "宽限期内" in death.answer
    illness = decide(
        product(WITH_DEBTS),
        story("保额40万，年交5000，保费8月1号到期忘了交，9月3号确诊胃癌晚期，能拿多少"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert illness is not None and illness.sum == "40万元 − 5000元 = 39.5万元"


TERM_LIFE = """---
code: T-TL-7
name: 测试长安定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试长安定期寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按基本保险金额给付身故保险金，本合同终止。
### 2.2 全残保险金
被保险人全残的，我们按基本保险金额给付全残保险金，本合同终止。
"""


def test_a_death_after_a_payout_that_ended_the_contract_is_not_paid() -> None:
    verdict = decide(
        product(TERM_LIFE),
        story("我爸前年全残，已经领了80万全残金，上个月去世了，还能领身故金吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("不能再领身故保险金") and "80万元" in verdict.answer


def test_a_death_after_a_payout_the_wording_names_is_not_paid_without_an_amount_told() -> None:
    wording = product(
        TERM_LIFE.replace(
            "### 2.2 全残保险金",
            "### 2.3 重大疾病保险金\n被保险人确诊重大疾病的，我们按基本保险金额给付。"
            "我们已给付过重大疾病保险金后被保险人身故的，不再给付身故保险金。\n### 2.2 全残保险金",
        )
    )
    verdict = decide(
        wording, story("我妈前年赔过一次重疾，今年去世了，还能领身故金吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no" and "重大疾病保险金" in verdict.answer
