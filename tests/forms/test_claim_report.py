"""bot.forms.claim_report: the read-back and the wording's pre-check of a reported claim."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.forms.claim_report import (
    UNDIAGNOSED,
    coverage_lead,
    coverage_question,
    diagnosis_given,
    free_text,
    materials_question,
    read_back,
    waiting_note,
)
from bot.knowledge.answer import KnowledgeBase
from tests.records.conftest import make_policy

EFFECTIVE = dt.date(2026, 1, 1)


def test_questions_follow_the_diagnosis_or_the_event() -> None:
    assert coverage_question("住院", "原位癌") == "原位癌能赔吗"
    assert coverage_question("住院", UNDIAGNOSED) == "住院 保险责任"
    assert materials_question("原位癌") == "原位癌 理赔材料"
    assert materials_question(UNDIAGNOSED) == "理赔材料"


def test_a_diagnosis_the_wording_does_not_name_is_said_so(sample_kb: KnowledgeBase) -> None:
    assert "没有直接列明“感冒”" in coverage_lead(sample_kb, "感冒")
    assert "没有直接列明" not in coverage_lead(sample_kb, "原位癌")


def test_an_event_inside_the_waiting_period_is_noted_with_its_article(
    sample_kb: KnowledgeBase,
) -> None:
    product = sample_kb.products["AX-CI-2023"]
    policy = make_policy(product_code="AX-CI-2023", effective=EFFECTIVE)
    note = waiting_note(policy, product, EFFECTIVE + dt.timedelta(days=100))
    assert note is not None
    text, citations = note
    assert "出险日期2026年4月11日在这份保单的等待期内" in text and "180日" in text
    assert "第2.3条" in text and [c.article for c in citations] == ["2.3"]
    assert "理赔审核结论为准" in text


def test_no_note_after_the_waiting_period_or_after_a_restart(sample_kb: KnowledgeBase) -> None:
    product = sample_kb.products["KN-CI-2024"]
    policy = make_policy(product_code="KN-CI-2024", effective=EFFECTIVE)
    assert waiting_note(policy, product, EFFECTIVE + dt.timedelta(days=91)) is None
    reinstated = dataclasses.replace(policy, reinstated=dt.date(2026, 6, 1))
    note = waiting_note(reinstated, product, dt.date(2026, 6, 20))
    assert note is not None and "复效之日起算" in note[0]


def test_read_back_shows_every_detail_and_the_date_in_chinese() -> None:
    details = {
        "insured": "王强（配偶）",
        "event": "住院",
        "event_date": "2026-03-05",
        "diagnosis": "原位癌",
        "hospital": "华山医院",
    }
    assert read_back(details) == (
        "被保险人：王强（配偶）\n出险经过：住院\n出险日期：2026年3月5日\n诊断：原位癌\n就诊医院：华山医院"
    )


def test_free_text_details() -> None:
    assert free_text("hospital", "  华山医院 ") == ("华山医院", None)
    assert free_text("event", "") == (None, None)
    value, why = free_text("event", "摔" * 201)
    assert value is None and why is not None and "200字以内" in why
    assert diagnosis_given("还没确诊，在做检查", unsure=False) == (UNDIAGNOSED, None)
    assert diagnosis_given("听医生的", unsure=True) == (UNDIAGNOSED, None)
    assert diagnosis_given("原位癌", unsure=False) == ("原位癌", None)
