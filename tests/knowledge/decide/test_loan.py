"""A policy loan: the wording's share of the cash value told, less what is owed."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story

WITH_LOAN = ILLNESS.replace(
    "## 9 释义",
    "## 8 保单借款\n### 8.1 借款\n您可以申请保单借款，借款金额不超过本合同现金价值扣除各项欠款后余额的"
    "百分之八十，每次借款期限不超过六个月。\n\n## 9 释义",
)


def test_the_loan_is_the_wordings_share_of_the_cash_value_less_debts() -> None:
    verdict = decide(
        product(WITH_LOAN),
        story("现金价值10万，之前欠了公司1万还没还，最多能借多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "loan"
    assert verdict.answer.startswith(
        "最多约可借7.2万元：（10万元 − 欠款1万元）× 80% = 7.2万元，每次最长6个月"
    )


def test_nothing_owed_borrows_on_the_whole_cash_value() -> None:
    verdict = decide(
        product(WITH_LOAN), story("现金价值5万，没欠保费也没借过，能借多少钱"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("最多约可借4万元")


def test_an_earlier_loan_without_its_figure_is_not_guessed() -> None:
    verdict = decide(
        product(WITH_LOAN), story("现金价值5万，之前借过一笔，还能借多少"), default_thesaurus()
    )
    assert verdict is None or verdict.kind != "loan"
