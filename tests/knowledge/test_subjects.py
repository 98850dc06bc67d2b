"""Subjects: what a question asks about the contract itself, and where a wording settles it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.document import parse_clause_document
from bot.knowledge.extract import extract_facts
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.subjects import read_subjects, subjects_in
from bot.knowledge.text import normalize

WORDING = """---
code: T-TL-9
name: 测试远航定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试远航定期寿险条款

## 1 合同
### 1.1 投保条件
被保险人须为出生满三十日至五十二周岁的人。投保人须对被保险人具有保险利益。
### 1.2 保险期间
本合同的保险期间为二十年，自合同生效日零时起算。

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按基本保险金额给付身故保险金，本合同终止。
### 2.2 婚育加保选择权
被保险人结婚或子女出生后九十日内，您可以申请增加基本保险金额。每次增加不超过投保时基本保险金额的百分之四十。

## 3 其他
### 3.1 受益人
您或被保险人可以指定身故保险金受益人。您变更受益人时须经被保险人书面同意，我们在保险单上批注后生效。
### 3.2 合同内容变更
经您与我们协商一致，可以变更合同内容。您可以申请减少基本保险金额，减少部分视为退保。减少后的基本保险金额不得低于八万元。
"""


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    document = parse_clause_document(WORDING.encode(), "t.md")
    return KnowledgeBase([ProductKnowledge(document, extract_facts(document))])


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("想把保额往下调一调，调低保额能行吗", "sum_decrease"),
        ("生了二胎，保额能不能提高一些", "sum_increase"),
        ("受益人想换成我女儿", "beneficiary"),
        ("我爸71周岁了还能投吗", "entry_age"),
        ("保单能借钱出来周转吗", "policy_loan"),
    ],
)
def test_a_question_finds_the_provision_it_asks_about(question: str, key: str) -> None:
    assert key in [s.key for s in subjects_in(normalize(question))]


def test_a_story_of_a_diagnosis_asks_about_no_provision() -> None:
    assert subjects_in(normalize("去年查出肺癌，保额50万能赔多少")) == []


def test_the_article_titled_with_the_provision_settles_it(kb: KnowledgeBase) -> None:
    reply = kb.ask("孩子出生了，我想给这份定寿提高保额，最多能加多少", "T-TL-9").text
    assert reply.startswith("《测试远航定期寿险》第2.2条")
    assert "百分之四十" in reply


def test_where_no_title_names_it_the_sentences_that_name_it_and_the_next(
    kb: KnowledgeBase,
) -> None:
    reply = kb.ask("手头紧，保额降到五万可以吗", "T-TL-9").text
    assert "第3.2条" in reply
    assert "不得低于八万元" in reply


def test_a_provision_asked_is_not_answered_with_a_payout(kb: KnowledgeBase) -> None:
    reading = kb.read("想把身故受益人改成我儿子，需要被保险人同意吗", "T-TL-9")
    assert reading.verdict is not None and reading.verdict.kind == "death"
    reply = kb.ask("想把身故受益人改成我儿子，需要被保险人同意吗", "T-TL-9").text
    assert "书面同意" in reply
    assert "给付身故保险金" not in reply


def test_an_entry_without_the_ways_customers_ask_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yml"
    path.write_text("subjects:\n  loan:\n    label: 保单借款\n    wording: [借款]\n", "utf-8")
    with pytest.raises(ValueError, match=r"loan.*everyday or patterns"):
        read_subjects(path)


def test_a_provision_the_wording_never_names_is_said_to_be_unprovided_for(
    kb: KnowledgeBase,
) -> None:
    reply = kb.ask("特药怎么申请，审核要几天", "T-TL-9").text
    assert reply.startswith("《测试远航定期寿险》的条款没有约定特定药品")


def test_a_sentence_naming_the_provision_brings_its_neighbours() -> None:
    document = parse_clause_document(WORDING.encode(), "t.md")
    passages = next(s for s in read_subjects() if s.key == "sum_decrease").passages(
        ProductKnowledge(document, extract_facts(document))
    )
    assert ("3.2", "经您与我们协商一致，可以变更合同内容。") in passages
    assert ("3.2", "减少后的基本保险金额不得低于八万元。") in passages
    assert not any(number == "3.1" for number, _ in passages)


def test_a_change_of_job_told_in_a_story_asks_about_the_occupation_change() -> None:
    question = normalize("他上个月辞职去跑网约车了，没告诉保险公司，出了车祸还赔吗")
    assert "occupation_change" in [s.key for s in subjects_in(question)]


def test_whether_a_hospital_is_on_the_list_asks_about_the_list() -> None:
    question = normalize("我们县里的中医院在不在你们的定点医院名单里")
    assert "hospital_list" in [s.key for s in subjects_in(question)]


def test_what_happens_at_the_end_of_the_term_is_not_answered_as_a_surrender(
    kb: KnowledgeBase,
) -> None:
    maturity = next(s for s in read_subjects() if s.key == "maturity")
    assert "surrender" in maturity.sets_aside
    reply = kb.ask("二十年到期了人还健在，交的保费能退回来吗", "T-TL-9").text
    assert "第1.2条" in reply and "冷静期" not in reply


def test_who_gets_money_owed_when_the_insured_dies_asks_about_the_beneficiary() -> None:
    question = normalize("保险金还没到账人就去世了，这笔钱后来归谁")
    assert "beneficiary" in [s.key for s in subjects_in(question)]


def test_being_asked_again_and_again_for_documents_asks_about_supplementing_them() -> None:
    found = subjects_in(normalize("他们让我补了两回发票，还要再补吗"))
    assert [s.key for s in found] == ["supplementary_documents"]
    assert "claim_materials" in found[0].sets_aside


def test_automatic_premium_loans_are_a_provision_of_their_own() -> None:
    found = subjects_in(normalize("选了保费自动垫交，过了宽限期会怎样"))
    assert "automatic_premium_loan" in [s.key for s in found]


@pytest.mark.parametrize(
    "question",
    ["轻症赔了以后保额会不会被扣减", "今年保费到期了还没交怎么办", "受益人可以领多少"],
)
def test_a_question_about_something_else_asks_about_no_contract_change(question: str) -> None:
    keys = [s.key for s in subjects_in(normalize(question))]
    assert not {"sum_decrease", "maturity", "beneficiary"} & set(keys)
