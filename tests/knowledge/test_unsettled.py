"""Questions a wording does not settle are said to be unprovided for, with a person offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.text import normalize
from bot.knowledge.unsettled import read_unsettled, unsettled_answer
from tests.knowledge.decide.conftest import ILLNESS, product

WITH_LOAN = ILLNESS.replace(
    "## 9 释义",
    "## 5 保单贷款\n### 5.1 保单贷款\n您可以申请保单贷款，贷款金额不得超过现金价值扣除欠交保险费后余额的80%。\n\n## 9 释义",
)


def test_a_loan_asked_of_a_wording_without_one_is_said_to_be_unprovided_for() -> None:
    reply = unsettled_answer(product(ILLNESS), normalize("这个保单可以贷款吗，能贷现金价值的多少"))
    assert reply is not None
    assert reply.startswith("《测试安康重大疾病保险》的条款没有约定保单贷款")
    assert "人工" in reply


def test_a_wording_that_provides_for_it_is_answered_from_its_article() -> None:
    assert unsettled_answer(product(WITH_LOAN), normalize("能贷现金价值的多少")) is None


def test_a_question_on_something_else_is_left_to_the_wording() -> None:
    assert unsettled_answer(product(ILLNESS), normalize("等待期多久")) is None


def test_a_malformed_list_is_refused_with_the_topic_named(tmp_path: Path) -> None:
    path = tmp_path / "unsettled.yml"
    path.write_text(
        "topics:\n  loan:\n    label: 保单贷款\n    asked: ['贷款(']\n    settled_by: [贷款]\n"
    )
    with pytest.raises(ValueError, match=r"'loan'.*not a regex"):
        read_unsettled(path)
    path.write_text("topics:\n  loan:\n    label: 保单贷款\n")
    with pytest.raises(ValueError, match="lacks asked, settled_by"):
        read_unsettled(path)


def test_two_things_left_out_are_both_said_with_the_general_rule_for_each() -> None:
    reply = unsettled_answer(
        product(ILLNESS), normalize("我妈的身故理赔款到了，要交个税吗？她生前欠债会被拿去还吗")
    )
    assert reply is not None
    assert "个人所得税、保险金是否用于偿还被保险人的债务" in reply
    assert "《个人所得税法》第四条" in reply and "《保险法》第42条" in reply


def test_sending_claim_documents_online_is_unprovided_unless_the_wording_says_so() -> None:
    asked = normalize("理赔材料能不能在手机上拍照上传")
    reply = unsettled_answer(product(ILLNESS), asked)
    assert reply is not None and "线上提交理赔材料" in reply
    online = ILLNESS.replace(
        "## 9 释义",
        "## 5 申请\n### 5.1 线上申请\n您可以通过官方应用拍照上传申请材料。\n\n## 9 释义",
    )
    assert unsettled_answer(product(online), asked) is None
