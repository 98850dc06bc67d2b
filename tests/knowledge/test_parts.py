"""Several questions in one message."""

from __future__ import annotations

from bot.knowledge.parts import asks_its_own, question_parts


def test_a_message_is_cut_at_its_question_marks_and_numbered_items() -> None:
    assert question_parts("安心多倍保 犹豫期几天？等待期多久？意外也要等吗") == [
        "安心多倍保 犹豫期几天",
        "等待期多久",
        "意外也要等吗",
    ]
    assert len(question_parts("1.几岁能买 2.交费年限有哪些 3.人没了赔多少")) == 3
    assert question_parts("我3月1号买的，5月查出癌症，能赔吗") == [
        "我3月1号买的，5月查出癌症，能赔吗"
    ]


def test_a_part_asks_its_own_only_when_the_answer_so_far_leaves_it_out() -> None:
    assert asks_its_own("犹豫期几天", "意外不受等待期限制")
    assert not asks_its_own("犹豫期几天", "您在签收后8天内申请，还在10日犹豫期内")
    assert not asks_its_own("赔多少", "")
